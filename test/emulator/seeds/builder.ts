import type { EmulatorConfig } from '../config';
import type { JsonObject } from '../json';
import { isObject } from '../json';
import type { Principal, RegionReplication, ResourceGroup, StoredResource } from '../state';
import { emptyState, putResource } from '../state';
import type { EmulatorState } from '../state';
import { normalizePublishing } from '../compute/publishing';
import { normalizeRegion } from '../compute/replication';
import type { SourceSpec } from '../compute/sources';
import { disk, managedImage, snapshot, virtualMachine } from '../compute/sources';
import type { DesSpec, StorageAccountSpec } from '../compute/keysAndStorage';
import { imageUser, type ImageUserSpec } from '../compute/imageUsers';
import { diskEncryptionSet, storageAccount } from '../compute/keysAndStorage';
import {
  CONTOSO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  GROUPS,
  LOCAL_PRINCIPAL,
  PARTNER_PRINCIPAL,
  ROLE_IDS,
  USERS,
} from './wellKnown';

export interface GallerySpec {
  description?: string;
  permissions?: 'Private' | 'Groups' | 'Community';
  groups?: Array<{ type: 'Subscriptions' | 'AADTenants'; ids: string[] }>;
  community?: { publisherUri: string; publisherContact: string; eula: string; publicNamePrefix: string; publicName: string; enabled: boolean };
}

export interface ImageSpec {
  osType: 'Windows' | 'Linux';
  osState?: 'Generalized' | 'Specialized';
  hyperVGeneration?: 'V1' | 'V2';
  securityType?: string;
  publisher: string;
  offer: string;
  sku: string;
  description?: string;
}

export interface VersionSpec {
  source: StoredResource;
  regions?: string[];
  /** Per-region copy time; 0 = already replicated. */
  replicationMs?: number;
  excludeFromLatest?: boolean;
  endOfLifeDate?: string;
  /** Full target regions (storage type, encryption, per-region exclude) instead of `regions`. */
  targets?: JsonObject[];
  safetyProfile?: JsonObject;
  tags?: Record<string, string>;
  /** Published (and created) this many hours ago; a week by default (0 while replicating). */
  ageHours?: number;
}

const HOUR = 3_600_000;

/** What a version made from this source stores (its data disks included, as Azure shows them; seeds name every source by `id`). */
function seedStorageProfile(source: StoredResource): JsonObject {
  const dataDisks = (Array.isArray(source.meta?.dataDisks) ? source.meta.dataDisks : []).filter(isObject);
  const sp: JsonObject = { source: { id: source.id }, osDiskImage: { hostCaching: 'ReadWrite', sizeInGB: 30 } };
  if (dataDisks.length > 0) sp.dataDiskImages = dataDisks.map((d) => ({ lun: d.lun, hostCaching: 'None', sizeInGB: d.sizeGB }));
  return sp;
}

/** Builds seed states with the same shapes the API would have produced. */
export class SeedBuilder {
  readonly state: EmulatorState;
  private readonly started = Date.now();

  constructor(name: string, private readonly config: EmulatorConfig) {
    this.state = emptyState(name);
  }

  /** The two tenants, the well-known principals, built-in roles and directory objects every seed has. */
  identities(subscriptions: Array<{ id: string; name: string; tenantId: string }>): this {
    this.state.tenants.push(
      { tenantId: CONTOSO_TENANT_ID, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com', countryCode: 'US' },
      { tenantId: FABRIKAM_TENANT_ID, displayName: 'Fabrikam', defaultDomain: 'fabrikam.onmicrosoft.com', countryCode: 'GB' },
    );
    for (const s of subscriptions) this.state.subscriptions.push({ subscriptionId: s.id, displayName: s.name, tenantId: s.tenantId, state: 'Enabled' });
    const contosoSubs = subscriptions.filter((s) => s.tenantId === CONTOSO_TENANT_ID).map((s) => s.id);
    const fabrikamSubs = subscriptions.filter((s) => s.tenantId === FABRIKAM_TENANT_ID).map((s) => s.id);
    const local: Principal = { ...LOCAL_PRINCIPAL, displayName: 'acg-local-emulator', tenants: [CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID], subscriptions: contosoSubs };
    const partner: Principal = { ...PARTNER_PRINCIPAL, displayName: 'fabrikam-image-publisher', tenants: [FABRIKAM_TENANT_ID], subscriptions: fabrikamSubs };
    this.state.principals.push(local, partner);
    // Names, descriptions and actions as Azure lists them (Microsoft Learn, "Azure built-in roles",
    // built-in-roles/general and built-in-roles/compute), the long action lists shortened.
    const roles: Array<[keyof typeof ROLE_IDS, string, string[], string[]?]> = [
      ['Reader', 'View all resources, but does not allow you to make any changes.', ['*/read']],
      ['Contributor', 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.', ['*'], ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write']],
      ['Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', ['*']],
      [
        'Compute Gallery Sharing Admin',
        'This role allows user to share gallery to another subscription/tenant or share it to the public.',
        ['Microsoft.Compute/galleries/share/action', 'Microsoft.Compute/galleries/read', 'Microsoft.Compute/galleries/images/read', 'Microsoft.Compute/galleries/images/versions/read'],
      ],
      ['Compute Gallery Image Reader', 'This is the role for reading gallery images.', ['Microsoft.Compute/galleries/images/read', 'Microsoft.Compute/galleries/images/versions/read']],
      ['Compute Gallery Artifacts Publisher', 'This is the role for publishing gallery artifacts.', ['Microsoft.Compute/galleries/*', 'Microsoft.Compute/images/*', 'Microsoft.Authorization/*/read', 'Microsoft.Resources/subscriptions/resourceGroups/read'], ['Microsoft.Compute/galleries/share/action']],
      ['Virtual Machine Contributor', "Create and manage virtual machines, manage disks, install and run software, reset password of the root user of the virtual machine using VM extensions, and manage local user accounts using VM extensions. This role does not grant you management access to the virtual network or storage account the virtual machines are connected to nor allow you to assign roles in Azure RBAC.", ['Microsoft.Compute/virtualMachines/*', 'Microsoft.Compute/disks/*']],
      ['Contoso Image Auditor', 'Reads galleries, images and versions for the yearly image audit.', ['Microsoft.Compute/galleries/read', 'Microsoft.Compute/galleries/images/read', 'Microsoft.Compute/galleries/images/versions/read']],
    ];
    for (const [roleName, description, actions, notActions] of roles) {
      this.state.roleDefinitions.push({
        id: ROLE_IDS[roleName],
        roleName,
        description,
        type: roleName === 'Contoso Image Auditor' ? 'CustomRole' : 'BuiltInRole',
        actions,
        notActions: notActions ?? [],
        dataActions: [],
      });
    }
    const g = this.state.graph;
    for (const u of [USERS.ada, USERS.grace, USERS.alan]) g.push({ kind: 'user', tenantId: CONTOSO_TENANT_ID, id: u.id, displayName: u.displayName, mail: u.mail, userPrincipalName: u.mail });
    g.push({ kind: 'user', tenantId: FABRIKAM_TENANT_ID, id: USERS.pat.id, displayName: USERS.pat.displayName, mail: USERS.pat.mail, userPrincipalName: USERS.pat.mail });
    for (const grp of [GROUPS.publishers, GROUPS.platform]) g.push({ kind: 'group', tenantId: CONTOSO_TENANT_ID, id: grp.id, displayName: grp.displayName, mail: grp.mail });
    g.push({ kind: 'servicePrincipal', tenantId: CONTOSO_TENANT_ID, id: local.objectId, appId: local.clientId, displayName: local.displayName });
    g.push({ kind: 'servicePrincipal', tenantId: FABRIKAM_TENANT_ID, id: partner.objectId, appId: partner.clientId, displayName: partner.displayName });
    // Each principal owns its subscriptions (shown by role-assignment lists).
    for (const s of subscriptions) {
      const owner = s.tenantId === CONTOSO_TENANT_ID ? local : partner;
      this.state.roleAssignments.push({
        name: `${s.id.slice(0, 24)}${owner.objectId.slice(24)}`,
        scope: `/subscriptions/${s.id}`,
        roleDefinitionId: `/subscriptions/${s.id}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.Owner}`,
        principalId: owner.objectId,
        principalType: 'ServicePrincipal',
        createdOn: new Date(this.started - 30 * 24 * HOUR).toISOString(),
        createdBy: owner.objectId,
      });
    }
    return this;
  }

  group(subscriptionId: string, name: string, location: string, tags?: Record<string, string>): ResourceGroup {
    const g: ResourceGroup = { subscriptionId, name, location };
    if (tags) g.tags = tags;
    this.state.resourceGroups.push(g);
    return g;
  }

  private stored(id: string, name: string, type: string, location: string, properties: JsonObject, ageHours: number): StoredResource {
    const r: StoredResource = {
      id,
      name,
      type,
      location,
      properties,
      provisioningState: 'Succeeded',
      createdAt: new Date(this.started - ageHours * HOUR).toISOString(),
    };
    putResource(this.state, r);
    return r;
  }

  gallery(rg: ResourceGroup, name: string, spec: GallerySpec = {}): StoredResource {
    const props: JsonObject = {};
    if (spec.description) props.description = spec.description;
    if (spec.permissions) {
      const sp: JsonObject = { permissions: spec.permissions };
      if (spec.groups?.length) sp.groups = spec.groups.map((g) => ({ type: g.type, ids: g.ids }));
      if (spec.community) {
        const c = spec.community;
        sp.communityGalleryInfo = {
          publisherUri: c.publisherUri,
          publisherContact: c.publisherContact,
          eula: c.eula,
          publicNamePrefix: c.publicNamePrefix,
          communityGalleryEnabled: c.enabled,
          publicNames: [c.publicName],
        };
      }
      props.sharingProfile = sp;
    }
    const r = this.stored(`/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}/providers/Microsoft.Compute/galleries/${name}`, name, 'Microsoft.Compute/galleries', rg.location, props, 24 * 60);
    return r;
  }

  image(gallery: StoredResource, name: string, spec: ImageSpec): StoredResource {
    const props: JsonObject = {
      osType: spec.osType,
      osState: spec.osState ?? 'Generalized',
      hyperVGeneration: spec.hyperVGeneration ?? 'V2',
      architecture: 'x64',
      identifier: { publisher: spec.publisher, offer: spec.offer, sku: spec.sku },
      recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
    };
    if (spec.description) props.description = spec.description;
    if (spec.securityType) props.features = [{ name: 'SecurityType', value: spec.securityType }];
    return this.stored(`${gallery.id}/images/${name}`, name, 'Microsoft.Compute/galleries/images', gallery.location, props, 24 * 30);
  }

  version(image: StoredResource, name: string, spec: VersionSpec): StoredResource {
    const location = normalizeRegion(spec.source.location);
    const regions = spec.targets ? spec.targets.map((t) => String(t.name)) : (spec.regions ?? [location]);
    const ms = spec.replicationMs ?? 0;
    const ageHours = spec.ageHours ?? (ms > 0 ? 0 : 24 * 7);
    const publishedAt = new Date(this.started - ageHours * HOUR).toISOString();
    const profile: JsonObject = { targetRegions: spec.targets ?? regions.map((n) => ({ name: n })) };
    if (spec.excludeFromLatest) profile.excludeFromLatest = true;
    if (spec.endOfLifeDate) profile.endOfLifeDate = spec.endOfLifeDate;
    const props: JsonObject = {
      publishingProfile: normalizePublishing(profile, location, 'galleryImageVersion', publishedAt, 'Microsoft.Compute/galleries/images/versions'),
      storageProfile: seedStorageProfile(spec.source),
      safetyProfile: { allowDeletionOfReplicatedLocations: false, ...(spec.safetyProfile ?? {}), reportedForPolicyViolation: false },
    };
    const r = this.stored(`${image.id}/versions/${name}`, name, 'Microsoft.Compute/galleries/images/versions', location, props, ageHours);
    if (spec.tags) r.tags = spec.tags;
    const replication: RegionReplication[] = regions.map((region, i) => ({
      region: normalizeRegion(region),
      startedAt: ms > 0 ? Date.now() : this.started - ageHours * HOUR,
      durationMs: ms > 0 ? Math.round(ms * (1 + i * 0.5)) : 0,
      fail: false,
    }));
    r.replication = replication;
    r.meta = {
      osType: image.properties.osType ?? 'Linux',
      osState: image.properties.osState ?? 'Generalized',
      hyperVGeneration: image.properties.hyperVGeneration ?? 'V2',
      securityType: 'Standard',
      sizeGB: 30,
    };
    if (ms > 0) {
      // Still replicating: a creation operation is in flight until every region completes.
      const opId = `seed-${name}-${image.name}`.replace(/[^A-Za-z0-9-]/g, '-');
      this.state.operations[opId] = {
        id: opId,
        subscriptionId: r.id.split('/')[2],
        location,
        kind: 'create',
        resourceId: r.id,
        startTime: Date.now(),
        durationMs: 0,
        untilReplicated: true,
      };
      r.operationId = opId;
      r.provisioningState = 'Creating';
    }
    return r;
  }

  application(gallery: StoredResource, name: string, osType: 'Windows' | 'Linux', description: string): StoredResource {
    return this.stored(`${gallery.id}/applications/${name}`, name, 'Microsoft.Compute/galleries/applications', gallery.location, { supportedOSType: osType, description }, 24 * 10);
  }

  applicationVersion(app: StoredResource, name: string, mediaLink: string): StoredResource {
    const location = app.location;
    const props: JsonObject = {
      publishingProfile: normalizePublishing(
        { source: { mediaLink }, manageActions: { install: 'install.sh', remove: 'remove.sh' } },
        location,
        'galleryApplicationVersion',
        new Date(this.started - 24 * HOUR).toISOString(),
        'Microsoft.Compute/galleries/applications/versions',
      ),
      safetyProfile: { allowDeletionOfReplicatedLocations: false },
    };
    const r = this.stored(`${app.id}/versions/${name}`, name, 'Microsoft.Compute/galleries/applications/versions', location, props, 24);
    r.replication = [{ region: normalizeRegion(location), startedAt: this.started - 24 * HOUR, durationMs: 0, fail: false }];
    return r;
  }

  source(kind: 'image' | 'vm' | 'disk' | 'snapshot', spec: SourceSpec): StoredResource {
    if (kind === 'vm') {
      // A VM comes with its OS disk, a disk resource of its own (where its generation is).
      const { vm, osDisk, dataDisks } = virtualMachine(spec);
      if (spec.osDiskKind !== 'unmanaged') putResource(this.state, osDisk);
      for (const d of dataDisks) putResource(this.state, d);
      putResource(this.state, vm);
      return vm;
    }
    const r = kind === 'image' ? managedImage(spec) : kind === 'disk' ? disk(spec) : snapshot(spec);
    putResource(this.state, r);
    return r;
  }

  /** A VM or scale set made from a gallery image (what "Show Usage" finds). */
  imageUser(spec: ImageUserSpec): StoredResource {
    const [made, ...with_] = imageUser(spec);
    for (const r of [made!, ...with_]) putResource(this.state, r);
    return made!;
  }

  diskEncryptionSet(spec: DesSpec): StoredResource {
    const r = diskEncryptionSet(spec);
    putResource(this.state, r);
    return r;
  }

  storageAccount(spec: StorageAccountSpec): StoredResource {
    const r = storageAccount(spec);
    putResource(this.state, r);
    return r;
  }

  assign(scope: string, role: keyof typeof ROLE_IDS, principalId: string, principalType: string): void {
    const sub = scope.split('/')[2];
    this.state.roleAssignments.push({
      name: `${ROLE_IDS[role].slice(0, 9)}0000-4000-8000-${principalId.slice(-12)}`,
      scope,
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS[role]}`,
      principalId,
      principalType,
      createdOn: new Date(this.started - 48 * HOUR).toISOString(),
      createdBy: LOCAL_PRINCIPAL.objectId,
    });
  }

  get replicationMs(): number {
    return this.config.replication.durationMs;
  }
}
