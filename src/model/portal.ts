// Links that open a resource in the Azure portal. The form is the one the Azure Resources
// extension uses (vscode-azext-azureutils `openInPortal`, and other Microsoft extensions such as
// Durable Task Scheduler): `${portalUrl}/#@${tenantId}/resource${resourceId}`. The tenant part
// makes the portal switch to the directory that owns the resource instead of the user's default.
import { findPublicCloud, type CloudName } from './clouds';

/** The portal of a public cloud (by CLI or VS Code name); undefined for an unknown name. */
export function portalBaseUrl(cloud: CloudName | string): string | undefined {
  return findPublicCloud(cloud)?.portalUrl;
}

/**
 * The portal link of a resource. `resourceId` must be an ARM id starting with "/"; without a
 * tenant the link is `${portal}/#resource${id}`, which opens in the user's default directory.
 */
export function portalResourceUrl(resourceId: string, tenantId: string | undefined, portalUrl: string): string {
  if (!resourceId.startsWith('/')) throw new Error(`Not an ARM resource id: "${resourceId}".`);
  const base = portalUrl.replace(/\/+$/, '');
  const tenant = tenantId ? `@${encodeURIComponent(tenantId)}/` : '';
  return `${base}/#${tenant}resource${resourceId}`;
}

