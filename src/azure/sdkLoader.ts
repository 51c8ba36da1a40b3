import type * as Sdk from '../sdkClients';
import { LazyBundle } from '../lazyBundle';

export type SdkClients = typeof Sdk;

/** The management SDK clients, from dist/sdk.js beside this bundle, loaded on first use. */
// `module.require` resolves beside the running bundle (dist/), and esbuild leaves it as is.
const sdkBundle = new LazyBundle(() => module.require('./sdk.js') as SdkClients);

export function sdkClients(): SdkClients {
  return sdkBundle.get();
}
