import type { EmulatorConfig } from '../config';
import type { EmulatorState } from '../state';
import { SeedBuilder } from './builder';
import { CONTOSO_TENANT_ID, FABRIKAM_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID } from './wellKnown';

export interface ScaleOptions {
  subscriptions?: number;
  galleries?: number;
  images?: number;
  versions?: number;
  /** One more definition (first subscription, first gallery, `image-many`) with this many versions. */
  manyVersions?: number;
  /** One more definition (`image-replicating`) with this many versions still replicating. */
  replicatingVersions?: number;
  /** Per-region replication time of those versions. */
  replicatingMs?: number;
  /**
   * In every subscription, a VM pinning the first subscription's gallery_001/image-001 1.0.0 and a
   * scale set following its latest: who uses it, across every subscription (Show Usage).
   */
  imageUsers?: boolean;
  /**
   * One more definition (`image-retention`, first gallery) with this many versions for Clean Up Old
   * Versions: 1.0.i published i days before the newest, every tenth past its end of life, 1.0.1
   * blocked from deletion until a future end of life, 1.0.2 pinned by a VM (retentionDefinition).
   */
  retentionVersions?: number;
}

const REGIONS = ['eastus', 'westus2', 'westeurope', 'northeurope', 'japaneast'];

/** N subscriptions × M galleries × K definitions × V versions, all replicated: for benchmarks. */
export function scaleSeed(config: EmulatorConfig, options: ScaleOptions = {}): EmulatorState {
  const n = options.subscriptions ?? 5;
  const m = options.galleries ?? 4;
  const k = options.images ?? 5;
  const v = options.versions ?? 3;
  const subs = Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-9000-${(i + 1).toString(16).padStart(12, '0')}`,
    name: `Scale Subscription ${String(i + 1).padStart(3, '0')}`,
    tenantId: CONTOSO_TENANT_ID,
  }));
  const b = new SeedBuilder('scale', config).identities([...subs, { id: FABRIKAM_SUBSCRIPTION_ID, name: 'Fabrikam Images', tenantId: FABRIKAM_TENANT_ID }]);
  const usedImage = `/subscriptions/${subs[0]!.id}/resourceGroups/rg-scale/providers/Microsoft.Compute/galleries/gallery_001/images/image-001`;
  subs.forEach((s, si) => {
    const region = REGIONS[si % REGIONS.length];
    const rg = b.group(s.id, 'rg-scale', region);
    if (options.imageUsers) {
      const at = { subscriptionId: s.id, resourceGroup: rg.name, location: region, osType: 'Linux' as const };
      b.imageUser({ ...at, kind: 'vm', name: 'vm-scale', reference: { id: `${usedImage}/versions/1.0.0` } });
      b.imageUser({ ...at, kind: 'vmss', name: 'vmss-scale', reference: { id: usedImage } });
    }
    const linux = b.source('image', { subscriptionId: s.id, resourceGroup: rg.name, name: 'img-linux', location: region, osType: 'Linux' });
    const windows = b.source('image', { subscriptionId: s.id, resourceGroup: rg.name, name: 'img-windows', location: region, osType: 'Windows' });
    for (let gi = 0; gi < m; gi++) {
      const gallery = b.gallery(rg, `gallery_${String(gi + 1).padStart(3, '0')}`, { description: `Scale gallery ${gi + 1}` });
      for (let ii = 0; ii < k; ii++) {
        const isLinux = ii % 2 === 0;
        const image = b.image(gallery, `image-${String(ii + 1).padStart(3, '0')}`, {
          osType: isLinux ? 'Linux' : 'Windows',
          publisher: 'Scale',
          offer: isLinux ? 'Linux' : 'Windows',
          sku: `sku-${gi + 1}-${ii + 1}`,
        });
        for (let vi = 0; vi < v; vi++) b.version(image, `1.0.${vi}`, { source: isLinux ? linux : windows, regions: [region] });
      }
      if (si === 0 && gi === 0 && options.retentionVersions) retentionDefinition(b, gallery, linux, options.retentionVersions, region!);
      if (si === 0 && gi === 0) {
        // The benchmark's long list (paging) and its replication watch.
        const many = b.image(gallery, 'image-many', { osType: 'Linux', publisher: 'Scale', offer: 'Many', sku: 'many' });
        for (let vi = 0; vi < (options.manyVersions ?? 0); vi++) b.version(many, `1.${Math.floor(vi / 1000)}.${vi % 1000}`, { source: linux, regions: [region] });
        const replicating = b.image(gallery, 'image-replicating', { osType: 'Linux', publisher: 'Scale', offer: 'Replicating', sku: 'replicating' });
        for (let vi = 0; vi < (options.replicatingVersions ?? 0); vi++) {
          b.version(replicating, `2.0.${vi}`, { source: linux, regions: [region, REGIONS[(si + 1) % REGIONS.length]], replicationMs: options.replicatingMs ?? 60_000 });
        }
      }
    }
  });
  return b.state;
}

/**
 * Clean Up Old Versions' definition: `count` versions 1.0.0 … 1.0.(count-1), 1.0.i published
 * (count-1-i) days ago (the highest today); every tenth (1.0.0, 1.0.10, …) past its end of life;
 * 1.0.1 blocked from deletion until an end of life a year ahead (safetyProfile
 * .blockDeletionBeforeEndOfLife, GalleryRP.json 2025-12-03); 1.0.2 pinned by the VM vm-retention.
 * The highest is latest; 1.0.(count-2) is excluded from latest.
 */
function retentionDefinition(b: SeedBuilder, gallery: ReturnType<SeedBuilder['gallery']>, source: ReturnType<SeedBuilder['source']>, count: number, region: string): void {
  const image = b.image(gallery, 'image-retention', { osType: 'Linux', publisher: 'Scale', offer: 'Retention', sku: 'retention' });
  const day = 86_400_000;
  const future = new Date(Date.now() + 365 * day).toISOString();
  const past = new Date(Date.now() - day).toISOString();
  for (let i = 0; i < count; i++) {
    b.version(image, `1.0.${i}`, {
      source,
      regions: [region],
      ageHours: (count - 1 - i) * 24,
      endOfLifeDate: i === 1 ? future : i % 10 === 0 ? past : undefined,
      safetyProfile: i === 1 ? { blockDeletionBeforeEndOfLife: true } : undefined,
      excludeFromLatest: i === count - 2 || undefined,
    });
  }
  const [, subscriptionId, , resourceGroup] = image.id.split('/').filter(Boolean);
  b.imageUser({ subscriptionId: subscriptionId!, resourceGroup: resourceGroup!, location: region, osType: 'Linux', kind: 'vm', name: 'vm-retention', reference: { id: `${image.id}/versions/1.0.2` } });
}
