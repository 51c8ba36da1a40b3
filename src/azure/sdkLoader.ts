import type * as Sdk from '../sdkClients';

export type SdkClients = typeof Sdk;

let loaded: SdkClients | undefined;
/** How long loading dist/sdk.js took (for the benchmark). */
export let sdkLoadMs: number | undefined;

/** The management SDK clients, from dist/sdk.js beside this bundle, loaded on first use. */
export function sdkClients(): SdkClients {
  if (!loaded) {
    const started = performance.now();
    // `module.require` resolves beside the running bundle (dist/), and esbuild leaves it as is.
    loaded = module.require('./sdk.js') as SdkClients;
    sdkLoadMs = performance.now() - started;
  }
  return loaded;
}
