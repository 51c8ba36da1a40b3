import type * as AzureChunk from './azureChunk';

export type Azure = typeof AzureChunk;

let loaded: Azure | undefined;
/** How long loading the SDK bundle took (for the output channel and the benchmark). */
export let azureLoadMs: number | undefined;

/** The Azure layer, loaded from dist/azure.js on first use (keeps the SDKs out of activation). */
export function azure(): Azure {
  if (!loaded) {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('./azure.js') as Azure;
    azureLoadMs = performance.now() - started;
  }
  return loaded;
}

export function isAzureLoaded(): boolean {
  return loaded !== undefined;
}
