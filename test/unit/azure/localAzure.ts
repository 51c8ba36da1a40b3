// The Azure layer (src/azure) under plain Node against the local Azure started in this process:
// the layer's own sign-in (a service principal through @azure/identity), its own clients and
// pipeline policies, real HTTPS. The local Azure's CA is trusted the way any Node program trusts
// a private CA, NODE_EXTRA_CA_CERTS, which Node reads only at start: `npm test -- unit`
// (test/run-all.ts) sets it to the local Azure's cached CA before starting the suite.
import { clearClients } from '../../../src/azure/clientFactory';
import { servicePrincipalCredential } from '../../../src/azure/credentials';
import type { AzureTarget, CloudEndpoints } from '../../../src/azure/types';
import { startEmulator, LOCAL_PRINCIPAL, type ConfigPatch, type RunningEmulator } from '../../emulator/index';

export interface LocalAzure {
  emu: RunningEmulator;
  cloud: CloudEndpoints;
  /** Where a call goes: this subscription of the local Azure, signed in as the local service principal. */
  target(subscriptionId: string): AzureTarget;
  stop(): Promise<void>;
}

/** Short long-running operations and replication, so updates finish in tens of milliseconds. */
const FAST: ConfigPatch = { lro: { durationMs: 40, retryAfterSeconds: 0 }, replication: { durationMs: 80 } };

export async function startLocalAzure(seed = 'demo', config: ConfigPatch = {}, more: { storage?: boolean } = {}): Promise<LocalAzure> {
  const emu = await startEmulator({ seed, config: { ...FAST, ...config }, storage: more.storage });
  if (process.env.NODE_EXTRA_CA_CERTS !== emu.caPath) {
    await emu.stop();
    throw new Error(
      `The Azure layer's tests need the local Azure's CA trusted at start: run them with \`npm test -- unit\`, or set NODE_EXTRA_CA_CERTS=${emu.caPath} (now: ${process.env.NODE_EXTRA_CA_CERTS ?? 'unset'}).`,
    );
  }
  const url = emu.url.endsWith('/') ? emu.url : `${emu.url}/`;
  // What src/auth/chooseCloud builds from the custom-cloud settings the sandbox writes.
  const cloud: CloudEndpoints = {
    name: 'Custom',
    resourceManagerEndpointUrl: url,
    activeDirectoryEndpointUrl: url,
    microsoftGraphEndpointUrl: `${url}graph/`,
    portalUrl: 'https://portal.azure.com',
    resourceManagerScope: `${url}.default`,
  };
  const credential = servicePrincipalCredential(LOCAL_PRINCIPAL, cloud);
  return {
    emu,
    cloud,
    target: (subscriptionId) => ({ cloud, credential, subscriptionId, tenantId: LOCAL_PRINCIPAL.tenantId, userAgent: 'acg-unit-tests' }),
    stop: async () => {
      // Clients are cached per cloud and identity; the next suite's local Azure has another port.
      clearClients();
      await emu.stop();
    },
  };
}
