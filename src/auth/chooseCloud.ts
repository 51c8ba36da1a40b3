// The cloud choice as a pure function of the settings, so it is unit-tested without VS Code.
import type { CloudEndpoints } from '../azure/types';
import { SETTINGS_SECTION } from '../constants';
import { checkCustomCloud, findPublicCloud, PUBLIC_CLOUDS } from '../model/clouds';

export type CloudChoice = { cloud: CloudEndpoints; problem?: undefined } | { cloud?: undefined; problem: string };

function scopeFor(resourceManagerEndpointUrl: string): string {
  return `${resourceManagerEndpointUrl.replace(/\/+$/, '')}/.default`;
}

/** Reads a settings object (the two setting sections) into the cloud to use, or the reason it cannot. */
export function chooseCloud(settings: {
  environment?: string;
  customEnvironment?: unknown;
  sovereignEnvironment?: string;
  sovereignCustomEnvironment?: unknown;
}): CloudChoice {
  // Our own setting wins; without it, follow VS Code's sovereign-cloud setting as Azure Resources does.
  const name = settings.environment || settings.sovereignEnvironment || 'AzureCloud';
  if (name.toLowerCase() === 'custom') {
    const custom = settings.environment ? settings.customEnvironment : settings.sovereignCustomEnvironment;
    const checked = checkCustomCloud(custom);
    if (checked.problems) {
      const setting = settings.environment ? `${SETTINGS_SECTION}.customEnvironment` : 'microsoft-sovereign-cloud.customEnvironment';
      return { problem: `The custom cloud in ${setting} cannot be used: ${checked.problems.join(' ')}` };
    }
    const c = checked.cloud;
    return {
      cloud: {
        name: 'Custom',
        resourceManagerEndpointUrl: c.resourceManagerEndpointUrl,
        activeDirectoryEndpointUrl: c.activeDirectoryEndpointUrl,
        microsoftGraphEndpointUrl: c.microsoftGraphEndpointUrl ?? '',
        portalUrl: c.portalUrl ?? '',
        resourceManagerScope: scopeFor(c.resourceManagerEndpointUrl),
      },
    };
  }
  const cloud = findPublicCloud(name);
  if (!cloud) {
    return { problem: `Unknown cloud "${name}". Use one of ${Object.keys(PUBLIC_CLOUDS).join(', ')} or Custom.` };
  }
  return {
    cloud: {
      name: cloud.name,
      resourceManagerEndpointUrl: cloud.resourceManagerEndpointUrl,
      activeDirectoryEndpointUrl: cloud.activeDirectoryEndpointUrl,
      microsoftGraphEndpointUrl: cloud.microsoftGraphEndpointUrl,
      portalUrl: cloud.portalUrl,
      resourceManagerScope: scopeFor(cloud.resourceManagerEndpointUrl),
    },
  };
}

