import { azureCall } from './errors';

/** Kept for callers: failed long-running operations are now understood by toAzureError itself. */
export const lroCall = azureCall;
