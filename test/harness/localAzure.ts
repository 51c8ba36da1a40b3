// How a VS Code instance is pointed at the local Azure: the extension's normal service-principal
// sign-in against the emulator's authority, the emulator as a custom cloud, and its CA trusted by
// the extension host. Shared by the integration and e2e suites, the sandbox and the benchmarks.

export interface LocalAzureEndpoint {
  url: string;
  caPath: string;
  principal: { tenantId: string; clientId: string; clientSecret: string };
}

export function extensionHostEnv(emulator: LocalAzureEndpoint): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: emulator.caPath,
    AZURE_TENANT_ID: emulator.principal.tenantId,
    AZURE_CLIENT_ID: emulator.principal.clientId,
    AZURE_CLIENT_SECRET: emulator.principal.clientSecret,
    ACG_EMULATOR_URL: emulator.url,
    ACG_EMULATOR_CA: emulator.caPath,
  };
}

export function localAzureSettings(emulator: LocalAzureEndpoint, signedIn = true): Record<string, unknown> {
  const url = emulator.url.endsWith('/') ? emulator.url : `${emulator.url}/`;
  return {
    ...(signedIn ? { 'azureComputeGallery.authentication': 'servicePrincipal' } : {}),
    'azureComputeGallery.environment': 'Custom',
    'azureComputeGallery.customEnvironment': {
      resourceManagerEndpointUrl: url,
      activeDirectoryEndpointUrl: url,
      microsoftGraphEndpointUrl: `${url}graph/`,
      portalUrl: 'https://portal.azure.com',
    },
    'azureComputeGallery.replicationPollSeconds': 1,
  };
}

/**
 * The local Azure as `microsoft-sovereign-cloud.customEnvironment`: @azure/ms-rest-azure-env's
 * EnvironmentParameters, which @microsoft/vscode-azext-azureauth reads (its default scope is
 * managementEndpointUrl + `.default`) and the extension follows when its own cloud is unset.
 */
export function sovereignCustomEnvironment(emulator: { url: string }): Record<string, string> {
  const url = emulator.url.endsWith('/') ? emulator.url : `${emulator.url}/`;
  return {
    name: 'LocalAzure',
    portalUrl: 'https://portal.azure.com',
    managementEndpointUrl: url,
    resourceManagerEndpointUrl: url,
    activeDirectoryEndpointUrl: url,
    activeDirectoryResourceId: url,
    microsoftGraphEndpointUrl: `${url}graph/`,
  };
}
