import type { EmulatorConfig } from '../config';
import type { EmulatorState } from '../state';
import { SeedBuilder } from './builder';
import { CONTOSO_TENANT_ID, FABRIKAM_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID } from './wellKnown';

export interface ScaleOptions {
  subscriptions?: number;
  galleries?: number;
  images?: number;
  versions?: number;
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
  subs.forEach((s, si) => {
    const region = REGIONS[si % REGIONS.length];
    const rg = b.group(s.id, 'rg-scale', region);
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
    }
  });
  return b.state;
}
