import { AzureError, toAzureError } from './errors';

// @azure/core-lro reports a long-running operation that ended Failed as a plain Error whose
// message carries Azure's code and message: "The long-running operation has failed. <code>. <message>".
const LRO_FAILED = /^The long-running operation has failed\. (\S+?)\. ([\s\S]*)$/;

/** Like azureCall, and also turns a failed long-running operation back into Azure's code and message. */
export async function lroCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const match = error instanceof Error && !(error instanceof AzureError) ? LRO_FAILED.exec(error.message) : null;
    if (match) throw new AzureError(match[2] ?? '', match[1] ?? 'OperationFailed');
    throw toAzureError(error);
  }
}
