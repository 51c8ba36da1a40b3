import type * as AzureChunk from './azureChunk';
import { LazyBundle } from './lazyBundle';

export type Azure = typeof AzureChunk;

/** The Azure layer, dist/azure.js: loaded on first use, which keeps the SDKs out of activation. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const azureBundle = new LazyBundle(() => require('./azure.js') as Azure);

export function azure(): Azure {
  return azureBundle.get();
}
