import type * as AzureChunk from './azureChunk';

export type Azure = typeof AzureChunk;

let loaded: Azure | undefined;

/** The Azure layer, loaded from dist/azure.js on first use (keeps the SDKs out of activation). */
export function azure(): Azure {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./azure.js') as Azure;
  return loaded;
}

export function isAzureLoaded(): boolean {
  return loaded !== undefined;
}
