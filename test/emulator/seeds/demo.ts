import type { EmulatorConfig } from '../config';
import type { SourceSpec } from '../compute/sources';
import type { ImageReferenceSpec } from '../compute/imageUsers';
import { uniqueNameOf } from '../compute/galleries';
import type { EmulatorState } from '../state';
import { SeedBuilder } from './builder';
import { SEED_SUBSCRIPTIONS } from './empty';
import { addRichSources, addSpecExampleSources } from './richSources';
import {
  DEMO_COMMUNITY_PUBLIC_NAME,
  DEVELOPMENT_SUBSCRIPTION_ID,
  FABRIKAM_SUBSCRIPTION_ID,
  FABRIKAM_TENANT_ID,
  GROUPS,
  PRODUCTION_SUBSCRIPTION_ID,
  USERS,
} from './wellKnown';

/** Still-replicating demo versions take this long per region, so the sandbox shows progress. */
const SLOW_REPLICATION_MS = 10 * 60 * 1000;

/**
 * The demo world: two tenants, three subscriptions, galleries of every sharing kind, Windows and
 * Linux definitions, replicated and replicating versions, sources in several regions.
 */
export function demoSeed(config: EmulatorConfig): EmulatorState {
  const b = new SeedBuilder('demo', config).identities(SEED_SUBSCRIPTIONS);

  const images = b.group(PRODUCTION_SUBSCRIPTION_ID, 'rg-images', 'eastus', { env: 'prod' });
  const sources = b.group(PRODUCTION_SUBSCRIPTION_ID, 'rg-image-builds', 'eastus');
  const dev = b.group(DEVELOPMENT_SUBSCRIPTION_ID, 'rg-dev', 'westeurope', { env: 'dev' });
  const partner = b.group(FABRIKAM_SUBSCRIPTION_ID, 'rg-fabrikam-images', 'westus2');

  const src = (
    kind: 'image' | 'vm' | 'disk' | 'snapshot',
    name: string,
    location: string,
    osType: 'Windows' | 'Linux',
    more: Pick<SourceSpec, 'hyperVGeneration' | 'securityType' | 'osState' | 'osDiskWithoutGeneration'> = {},
  ) =>
    b.source(kind, { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: sources.name, name, location, osType, ...more });
  const ubuntuEast = src('image', 'img-ubuntu-2204-eastus', 'eastus', 'Linux');
  const ubuntuEast2 = src('image', 'img-ubuntu-2204-eastus-v2', 'eastus', 'Linux');
  const winWest = src('image', 'img-win2022-westus2', 'westus2', 'Windows');
  src('image', 'img-centos-gen1-westeurope', 'westeurope', 'Linux', { hyperVGeneration: 'V1' });
  const rhelEast = src('vm', 'vm-build-rhel9', 'eastus', 'Linux', { securityType: 'TrustedLaunch' });
  src('vm', 'vm-build-win2022', 'westus2', 'Windows');
  src('vm', 'vm-cvm-ubuntu', 'northeurope', 'Linux', { securityType: 'ConfidentialVM', osState: 'Specialized' });
  // Every VM's OS disk is listed too; its hyperVGeneration is the VM's generation.
  src('vm', 'vm-build-centos7-gen1', 'eastus', 'Linux', { hyperVGeneration: 'V1' });
  // An OS disk from before Generation 2 existed says no generation (Azure takes it as V1).
  src('vm', 'vm-legacy-ubuntu1804', 'eastus', 'Linux', { osDiskWithoutGeneration: true });
  src('disk', 'disk-debian12-os', 'eastus', 'Linux');
  const debianEast = src('image', 'img-debian12-eastus', 'eastus', 'Linux');
  src('snapshot', 'snap-win2022-os', 'westeurope', 'Windows');
  src('snapshot', 'snap-ubuntu-os-specialized', 'eastus', 'Linux', { osState: 'Specialized' });

  const priv = b.gallery(images, 'contoso_images', { description: 'Golden images for Contoso production workloads.' });
  const ubuntu = b.image(priv, 'ubuntu-22.04-lts', {
    osType: 'Linux', publisher: 'Contoso', offer: 'UbuntuServer', sku: '22_04-lts-gen2', securityType: 'TrustedLaunchSupported',
    description: 'Ubuntu Server 22.04 LTS, hardened.',
  });
  b.version(ubuntu, '1.0.0', { source: ubuntuEast, regions: ['eastus', 'westus2'] });
  b.version(ubuntu, '1.1.0', { source: ubuntuEast2, regions: ['eastus', 'westeurope', 'japaneast'], replicationMs: SLOW_REPLICATION_MS });
  const windows = b.image(priv, 'windows-server-2022', {
    osType: 'Windows', publisher: 'Contoso', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', securityType: 'TrustedLaunchSupported',
  });
  b.version(windows, '2022.1.0', { source: winWest, regions: ['westus2', 'eastus'] });
  b.version(windows, '2022.2.0', { source: winWest, regions: ['westus2', 'northeurope'], replicationMs: SLOW_REPLICATION_MS * 2 });

  const shared = b.gallery(images, 'contoso_shared', {
    description: 'Images shared directly with the development subscription and the Fabrikam tenant.',
    permissions: 'Groups',
    groups: [
      { type: 'Subscriptions', ids: [DEVELOPMENT_SUBSCRIPTION_ID] },
      { type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] },
    ],
  });
  const rhel = b.image(shared, 'rhel-9', { osType: 'Linux', publisher: 'Contoso', offer: 'RHEL', sku: '9-lvm-gen2', securityType: 'TrustedLaunch' });
  b.version(rhel, '9.4.0', { source: rhelEast, regions: ['eastus', 'westeurope'] });

  const community = b.gallery(images, 'contoso_community', {
    description: 'Public images published by Contoso.',
    permissions: 'Community',
    community: {
      publisherUri: 'https://contoso.example/images',
      publisherContact: 'images@contoso.example',
      eula: 'https://contoso.example/images/eula',
      publicNamePrefix: 'ContosoPublic',
      publicName: DEMO_COMMUNITY_PUBLIC_NAME,
      enabled: true,
    },
  });
  const debian = b.image(community, 'debian-12', { osType: 'Linux', publisher: 'Contoso', offer: 'Debian', sku: '12-gen2' });
  b.version(debian, '1.0.0', { source: debianEast, regions: ['eastus', 'westeurope'] });

  const devGallery = b.gallery(dev, 'dev_gallery', { description: 'Scratch gallery for experiments.' });
  b.image(devGallery, 'app-base', { osType: 'Linux', hyperVGeneration: 'V1', publisher: 'Contoso', offer: 'AppBase', sku: 'v1' });
  const agent = b.application(devGallery, 'monitoring-agent', 'Linux', 'Contoso monitoring agent.');
  b.applicationVersion(agent, '1.0.0', 'https://contosoartifacts.blob.core.windows.net/apps/monitoring-agent-1.0.0.tar.gz');

  const fabrikam = b.gallery(partner, 'fabrikam_partner_images', {
    description: 'Fabrikam images shared with Contoso Production.',
    permissions: 'Groups',
    groups: [{ type: 'Subscriptions', ids: [PRODUCTION_SUBSCRIPTION_ID] }],
  });
  const hardened = b.image(fabrikam, 'windows-2022-hardened', { osType: 'Windows', publisher: 'Fabrikam', offer: 'HardenedWindows', sku: '2022-tl', securityType: 'TrustedLaunch' });
  const fabSource = b.source('image', { subscriptionId: FABRIKAM_SUBSCRIPTION_ID, resourceGroup: partner.name, name: 'img-win2022-hardened', location: 'westus2', osType: 'Windows' });
  b.version(hardened, '3.2.1', { source: fabSource, regions: ['westus2', 'eastus'] });

  // VMs and scale sets made from these images (issue 14, Show Usage): one pinning a version, ones
  // following latest (a definition id, /versions/latest), one in another subscription, and the
  // direct-share and community forms of the reference.
  const workloads = b.group(PRODUCTION_SUBSCRIPTION_ID, 'rg-workloads', 'eastus');
  const user = (group: typeof workloads, kind: 'vm' | 'vmss', name: string, osType: 'Windows' | 'Linux', reference: ImageReferenceSpec) =>
    b.imageUser({ kind, subscriptionId: group.subscriptionId, resourceGroup: group.name, name, location: group.location, osType, reference });
  user(workloads, 'vm', 'vm-web-01', 'Linux', { id: `${ubuntu.id}/versions/1.0.0` });
  user(workloads, 'vmss', 'vmss-web', 'Linux', { id: ubuntu.id });
  user(workloads, 'vm', 'vm-app-win', 'Windows', { id: `${windows.id}/versions/latest` });
  user(dev, 'vm', 'vm-dev-ubuntu', 'Linux', { id: `${ubuntu.id}/versions/1.0.0` });
  user(dev, 'vmss', 'vmss-dev-rhel', 'Linux', { sharedGalleryImageId: `/SharedGalleries/${uniqueNameOf(shared)}/Images/rhel-9/Versions/9.4.0` });
  user(dev, 'vm', 'vm-dev-debian', 'Linux', { communityGalleryImageId: `/CommunityGalleries/${DEMO_COMMUNITY_PUBLIC_NAME}/Images/debian-12/Versions/latest` });

  // Sources with data disks, VHDs and disk encryption sets (issue 13), and what the spec examples name.
  addRichSources(b);
  addSpecExampleSources(b);

  // Storage accounts whose blobs are in Azurite (issue 15): one reached with a key from listKeys,
  // holding a small fixed VHD and an application package; one that refuses keys (the signed-in
  // identity only).
  b.storageAccount({
    subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: sources.name, name: 'contosoimagestage', location: 'eastus', onAzurite: true,
    samples: { 'vhds/sample-fixed.vhd': { kind: 'vhd', bytes: 16 * 1024 * 1024 }, 'packages/sample-app-1.0.0.tar.gz': { kind: 'package', bytes: 4096 } },
  });
  b.storageAccount({
    subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: sources.name, name: 'contosoentraonly', location: 'eastus', onAzurite: true, allowSharedKeyAccess: false,
    samples: { 'uploads/sample-app-0.9.0.tar.gz': { kind: 'package', bytes: 2048 } },
  });

  b.assign(shared.id, 'Reader', USERS.ada.id, 'User');
  b.assign(priv.id, 'Contributor', GROUPS.publishers.id, 'Group');
  return b.state;
}
