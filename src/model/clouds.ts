// The public Azure clouds and the check for a custom one (Azure Stack Hub, or the local emulator).
//
// Endpoints: @azure/ms-rest-azure-env (the environment table the Azure extensions use) for
// portal, Resource Manager and Active Directory; Microsoft Graph national cloud deployments
// (learn.microsoft.com/graph/deployments) for Graph: graph.microsoft.com,
// microsoftgraph.chinacloudapi.cn, graph.microsoft.us (US Government L4).
//
// A custom cloud is only accepted over https://: the extension sends a bearer token to every one
// of these endpoints, and over http:// anyone on the path could read and replay it.
import { checkHttpsUrl } from './urls';

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export interface CloudEndpoints {
  resourceManagerEndpointUrl: string;
  activeDirectoryEndpointUrl: string;
  /** Optional for custom clouds: Azure Stack Hub with AD FS has no Microsoft Graph. */
  microsoftGraphEndpointUrl?: string;
  /** Optional for custom clouds: the emulator has no portal. */
  portalUrl?: string;
}

export interface PublicCloud extends Required<CloudEndpoints> {
  name: CloudName;
  displayName: string;
}

export const PUBLIC_CLOUDS: Readonly<Record<CloudName, PublicCloud>> = {
  AzureCloud: {
    name: 'AzureCloud',
    displayName: 'Azure',
    resourceManagerEndpointUrl: 'https://management.azure.com/',
    activeDirectoryEndpointUrl: 'https://login.microsoftonline.com/',
    microsoftGraphEndpointUrl: 'https://graph.microsoft.com/',
    portalUrl: 'https://portal.azure.com',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    displayName: 'Azure operated by 21Vianet (China)',
    resourceManagerEndpointUrl: 'https://management.chinacloudapi.cn/',
    activeDirectoryEndpointUrl: 'https://login.chinacloudapi.cn/',
    microsoftGraphEndpointUrl: 'https://microsoftgraph.chinacloudapi.cn/',
    portalUrl: 'https://portal.azure.cn',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    displayName: 'Azure US Government',
    resourceManagerEndpointUrl: 'https://management.usgovcloudapi.net/',
    activeDirectoryEndpointUrl: 'https://login.microsoftonline.us/',
    microsoftGraphEndpointUrl: 'https://graph.microsoft.us/',
    portalUrl: 'https://portal.azure.us',
  },
};

// VS Code's `microsoft-sovereign-cloud.environment` setting says "ChinaCloud" / "USGovernment";
// the Azure CLI says "AzureChinaCloud" / "AzureUSGovernment". Both name the same clouds.
const ALIASES: Record<string, CloudName> = {
  azurecloud: 'AzureCloud',
  azure: 'AzureCloud',
  public: 'AzureCloud',
  azurechinacloud: 'AzureChinaCloud',
  chinacloud: 'AzureChinaCloud',
  azureusgovernment: 'AzureUSGovernment',
  usgovernment: 'AzureUSGovernment',
};

/** The public cloud a name refers to (case-insensitive, CLI or VS Code spelling); undefined otherwise. */
export function findPublicCloud(name: string | undefined): PublicCloud | undefined {
  if (name === undefined) return undefined;
  const key = ALIASES[name.replace(/[\s_-]/g, '').toLowerCase()];
  return key ? PUBLIC_CLOUDS[key] : undefined;
}

const REQUIRED_FIELDS = ['resourceManagerEndpointUrl', 'activeDirectoryEndpointUrl'] as const;
const OPTIONAL_FIELDS = ['microsoftGraphEndpointUrl', 'portalUrl'] as const;
type EndpointField = (typeof REQUIRED_FIELDS)[number] | (typeof OPTIONAL_FIELDS)[number];

/** Why one endpoint URL is refused, as a sentence naming the field; undefined when it is fine. */
export function validateEndpointUrl(field: string, value: string): string | undefined {
  const { problem } = checkHttpsUrl(value);
  switch (problem) {
    case undefined:
      return undefined;
    case 'empty':
      return `Set ${field} to an https:// URL.`;
    case 'whitespace':
      return `Remove the spaces from ${field}.`;
    case 'malformed':
      return `Use a full https:// URL for ${field}, such as https://management.example.com/.`;
    case 'notHttps':
      return /^http:/i.test(value)
        ? `Use an https:// URL for ${field}; http:// is refused because it would send your token in clear text.`
        : `Use an https:// URL for ${field}.`;
    case 'noHost':
      return `Add the host name to ${field}, such as https://management.example.com/.`;
    case 'credentials':
      return `Remove the user name or password from ${field}: credentials do not belong in a URL.`;
  }
}

export type CustomCloudCheck = { cloud: CloudEndpoints; problems?: undefined } | { cloud?: undefined; problems: string[] };

/**
 * Checks a custom environment object from settings: resourceManagerEndpointUrl and
 * activeDirectoryEndpointUrl are required, microsoftGraphEndpointUrl and portalUrl optional, all
 * https:// URLs. Returns the cleaned endpoints, or every problem found.
 */
export function checkCustomCloud(value: unknown): CustomCloudCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: ['Describe the custom cloud as an object with resourceManagerEndpointUrl and activeDirectoryEndpointUrl (https:// URLs).'],
    };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const cloud: Partial<Record<EndpointField, string>> = {};
  const read = (field: EndpointField, required: boolean): void => {
    const raw = record[field];
    if (raw === undefined || raw === null || raw === '') {
      if (required) problems.push(`Set ${field} to an https:// URL.`);
      return;
    }
    if (typeof raw !== 'string') {
      problems.push(`Write ${field} as a string holding an https:// URL.`);
      return;
    }
    const trimmed = raw.trim();
    const problem = validateEndpointUrl(field, trimmed);
    if (problem) problems.push(problem);
    else cloud[field] = trimmed;
  };
  for (const field of REQUIRED_FIELDS) read(field, true);
  for (const field of OPTIONAL_FIELDS) read(field, false);
  if (problems.length > 0) return { problems };
  const { resourceManagerEndpointUrl = '', activeDirectoryEndpointUrl = '', microsoftGraphEndpointUrl, portalUrl } = cloud;
  const result: CloudEndpoints = { resourceManagerEndpointUrl, activeDirectoryEndpointUrl };
  if (microsoftGraphEndpointUrl !== undefined) result.microsoftGraphEndpointUrl = microsoftGraphEndpointUrl;
  if (portalUrl !== undefined) result.portalUrl = portalUrl;
  return { cloud: result };
}


/** Shown under the view title when the cloud is not the public Azure cloud. */
export function cloudDescription(name: string | undefined): string | undefined {
  if (!name || name === 'AzureCloud') return undefined;
  return findPublicCloud(name)?.displayName ?? name;
}
