import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../emulator/index';
import { richVersionRequests } from '../fixtures/rich-versions/index';
import { GALLERY_API, missing, raw, startFast, tokenFor } from './helpers';
import { isGalleryPair, validateWithOav } from './oav';

/** The rich versions the lossless-update tests load (test/fixtures/rich-versions): taken as sent. */
describe('rich image versions (fixtures for lossless updates): taken, provisioned, read back with every property sent', function () {
  let emu: RunningEmulator;
  let token: string;

  before(async () => {
    emu = await startFast({ seed: 'demo', config: { lro: { durationMs: 0 }, replication: { durationMs: 0 } } });
    token = await tokenFor(emu);
  });
  after(async () => emu?.stop());

  it('each request succeeds and GET returns every property sent', async () => {
    const problems: string[] = [];
    for (const r of richVersionRequests()) {
      const res = await raw(emu, r.method, `${r.path}?api-version=${GALLERY_API}`, { token, body: r.body });
      if (res.status !== 200 && res.status !== 201) {
        problems.push(`${r.name}: ${res.status} ${res.text}`);
        continue;
      }
      const got = await raw(emu, 'GET', `${r.path}?api-version=${GALLERY_API}`, { token });
      problems.push(...missing(r.body, got.body, '', []).map((p) => `${r.name}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });

  it('the VM version shows its data disks and the regions their storage types', async () => {
    const v = richVersionRequests().find((r) => r.path.endsWith('/versions/1.0.0'))!;
    const got = (await raw(emu, 'GET', `${v.path}?api-version=${GALLERY_API}`, { token })).body as {
      properties: { storageProfile: { dataDiskImages: Array<{ lun: number; sizeInGB: number }> }; publishingProfile: { targetRegions: Array<{ storageAccountType: string }> } };
    };
    assert.deepEqual(got.properties.storageProfile.dataDiskImages.map((d) => [d.lun, d.sizeInGB]), [[0, 128], [1, 256]]);
    assert.deepEqual(got.properties.publishingProfile.targetRegions.map((r) => r.storageAccountType), ['Standard_ZRS', 'PremiumV2_LRS', 'Premium_LRS']);
  });

  it('every exchange validates with oav', async () => {
    const summary = await validateWithOav(emu.traffic.filter(isGalleryPair));
    assert.deepEqual(summary.failures, []);
  });
});
