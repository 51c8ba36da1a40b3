import { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import { httpClient } from './clientFactory';
import { sharedTlsAgentPolicy } from './tlsAgent';
import type { CloudEndpoints, TokenSource } from './types';

export interface ServicePrincipalSettings {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
}

/**
 * Reads the service principal from the environment, never from settings. Returns a message naming
 * what is missing when the variables are incomplete.
 */
export function servicePrincipalFromEnvironment(env: NodeJS.ProcessEnv): ServicePrincipalSettings | string {
  const tenantId = env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const clientSecret = env.AZURE_CLIENT_SECRET;
  const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
  const missing = [!tenantId && 'AZURE_TENANT_ID', !clientId && 'AZURE_CLIENT_ID', !clientSecret && !certificatePath && 'AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH'].filter(Boolean);
  if (missing.length > 0 || !tenantId || !clientId) {
    return `Set ${missing.join(', ')} in the environment VS Code starts with, then reload the window.`;
  }
  return { tenantId, clientId, clientSecret, certificatePath };
}

function authorityOptions(cloud: CloudEndpoints) {
  return {
    authorityHost: cloud.activeDirectoryEndpointUrl,
    // Instance discovery asks login.microsoftonline.com about the authority: wrong for Azure Stack
    // Hub and the local Azure, whose authorities it does not know.
    disableInstanceDiscovery: cloud.name === 'Custom',
    // Sign-in shares the ARM calls' connection pool and TLS context (see tlsAgent.ts).
    httpClient: httpClient(),
    additionalPolicies: [{ policy: sharedTlsAgentPolicy, position: 'perCall' as const }],
  };
}

export function servicePrincipalCredential(settings: ServicePrincipalSettings, cloud: CloudEndpoints): TokenSource {
  if (settings.certificatePath) {
    return new ClientCertificateCredential(settings.tenantId, settings.clientId, settings.certificatePath, authorityOptions(cloud));
  }
  return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret ?? '', authorityOptions(cloud));
}

export function azureCliCredential(tenantId?: string): TokenSource {
  return new AzureCliCredential(tenantId ? { tenantId } : {});
}
