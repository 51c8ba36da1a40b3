import type * as Sdk from '../sdkClients';
import type * as Storage from '../storageClients';
import { LazyBundle } from '../lazyBundle';

export type SdkClients = typeof Sdk;
export type StorageClients = typeof Storage;

/**
 * Where the management SDK clients come from. In the extension, dist/sdk.js beside the running
 * bundle (dist/azure.js), loaded on first use so the first view does not pay for it. Under plain
 * Node (tsx: unit tests, scripts) there is no bundle: the sources themselves, src/sdkClients.ts.
 * esbuild defines ACG_BUILD in every bundle, and leaves `module.require` alone, so neither path
 * is pulled into dist/azure.js.
 */
function loadSdk(): SdkClients {
  return (process.env.ACG_BUILD === undefined ? module.require('../sdkClients') : module.require('./sdk.js')) as SdkClients;
}

const sdkBundle = new LazyBundle(loadSdk);

export function sdkClients(): SdkClients {
  return sdkBundle.get();
}

/** Blob storage's clients: dist/storage.js beside the bundle, or src/storageClients.ts under plain Node. */
const storageBundle = new LazyBundle((): StorageClients => (process.env.ACG_BUILD === undefined ? module.require('../storageClients') : module.require('./storage.js')) as StorageClients);

export function storageClients(): StorageClients {
  return storageBundle.get();
}
