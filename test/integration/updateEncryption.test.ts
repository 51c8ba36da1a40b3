import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RICH_IDS } from '../emulator/seeds/richSources';
import { RICH_DEFINITION, richVersionRequests } from '../fixtures/rich-versions/index';
import { arm, differences, settled } from './armHelpers';
import { CANCEL, GALLERY_ID, RG_BUILDS, ScriptedPrompter, useDemoSession } from './createHelpers';
import { extensionApi, item, nodeAt, refreshAll, tooltipText } from './helpers';
import { assertNoProblems, clearRequestLog, writes } from './shareHelpers';

// A version encrypted with customer keys per region and disk: a region added by Update Image Version
// needs a disk encryption set there for the same disks (Azure: "A disk encryption set is required
// for disk … in target region …"), and the regions already there are written back untouched.

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const VERSION = `${RICH_DEFINITION}/versions/1.0.0`;
type Json = Record<string, unknown>;
const regionsOf = (r: Json) => ((r.properties as Json).publishingProfile as { targetRegions: Json[] }).targetRegions;

describe('Update Image Version of an encrypted version: added regions encrypted like the others (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 200 });
  let before: Json;

  beforeEach(async () => {
    for (const r of richVersionRequests().slice(0, 3)) {
      await arm(r.method, r.path, r.body);
      await settled(r.path);
    }
    before = await settled(VERSION);
    await refreshAll();
  });

  it("hovers show the definition's features and tags, and the version's data disks and per-disk encryption", async () => {
    const definition = tooltipText(await item(await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux')));
    assert.match(definition, /Features: SCSI and NVMe disk controllers · accelerated networking · hibernation/);
    assert.match(definition, /Tags: os=linux/);
    const version = tooltipText(await item(await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux', '1.0.0')));
    assert.match(version, /Data disks: 2/);
    assert.match(version, /East US: 2 replicas · Standard\\_ZRS · encrypted with OS disk: des\\-eastus, LUN 0: des\\-eastus\\-data, LUN 1: des\\-eastus/);
    assert.match(version, /West US 2: 3 replicas · PremiumV2\\_LRS · excluded from latest here/);
  });

  it('refuses an added region without a set for the encrypted disks, before sending, saying which', async () => {
    await clearRequestLog();
    assert.equal(await run('updateImageVersion', { version: VERSION, targetRegions: ['eastus', 'westus2', 'westeurope', 'japaneast'] }), undefined);
    await ui.waitFor('error', /Choose a disk encryption set for the OS disk in japaneast too: it is encrypted with one in eastus/);
    assert.deepEqual(await writes(), []);
  });

  it('refuses a set of another region for the added region', async () => {
    await run('updateImageVersion', { version: VERSION, targetRegions: ['eastus', 'westus2', 'westeurope', { name: 'japaneast', osDiskEncryptionSetId: RICH_IDS.desEastus }] });
    await ui.waitFor('error', /Use a disk encryption set in japaneast for the OS disk there: des-eastus is in eastus/);
  });

  it('from options: the added region gets its sets; every other region is written back as Azure had it', async () => {
    const dataSets = [0, 1].map((lun) => ({ lun, diskEncryptionSetId: RICH_IDS.desJapaneast }));
    await run('updateImageVersion', { version: VERSION, targetRegions: ['eastus', 'westus2', 'westeurope', { name: 'japaneast', osDiskEncryptionSetId: RICH_IDS.desJapaneast, dataDiskEncryptionSetIds: dataSets }] });
    const after = await settled(VERSION);
    const paths = differences(before, after).filter((p) => !/provisioningState$/.test(p));
    assert.ok(paths.length > 0 && paths.every((p) => p.startsWith('properties.publishingProfile.targetRegions[3]')), paths.join(', '));
    const added = regionsOf(after)[3] as { name: string; encryption: { osDiskImage: Json; dataDiskImages: Json[] } };
    assert.equal(added.name, 'Japan East');
    assert.equal(String(added.encryption.osDiskImage.diskEncryptionSetId).toLowerCase(), RICH_IDS.desJapaneast.toLowerCase());
    assert.deepEqual(added.encryption.dataDiskImages.map((d) => d.lun), [0, 1]);
  });

  it('Escape at any step of the update (what, regions, replicas, storage, encryption, latest per region, removals, summary) sends nothing', async () => {
    const node = await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux', '1.0.0');
    const answers = [
      { pickMany: ['Target regions', 'Exclude from latest in some regions', 'Allow removing replicated regions'] },
      { pickMany: ['West US 2', 'West Europe', 'Japan East'] },
      '2',
      { pick: /^Azure's default/ },
      { pick: 'des-japaneast' },
      { pickMany: ['West US 2'] },
      { pick: /^Yes, allow/ },
    ];
    await clearRequestLog();
    for (let at = 0; at <= answers.length; at++) {
      const prompter = new ScriptedPrompter([...answers.slice(0, at), CANCEL]);
      assert.equal(await run('updateImageVersion', node, { prompter }), undefined, `Escape after ${at} answers`);
      assert.deepEqual(prompter.problems, [], `Escape after ${at} answers`);
    }
    assert.deepEqual(await writes(), [], 'no PATCH was sent');
    assert.deepEqual(differences(before, await settled(VERSION)), []);
  });

  it('through the steps: regions → replicas → storage → the set of the added region, listed from that region only', async () => {
    const node = await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux', '1.0.0');
    const prompter = new ScriptedPrompter([
      { pickMany: ['Target regions'] },
      { pickMany: ['West US 2', 'West Europe', 'Japan East'] },
      '2',
      { pick: /^Azure's default/ },
      { pick: 'des-japaneast' },
      { pick: /^Save changes/ },
    ]);
    await run('updateImageVersion', node, { prompter });
    assertNoProblems(prompter);
    const pick = prompter.prompts.find((p) => p.title.includes('Encryption in the added regions'));
    assert.deepEqual(pick?.items?.map((i) => i.label), ['des-japaneast'], 'only the sets in Japan East are offered');
    assert.match(pick?.placeholder ?? '', /for the OS disk, LUN 0, LUN 1 in Japan East/);
    const after = await settled(VERSION);
    const added = regionsOf(after).find((r) => r.name === 'Japan East') as { encryption?: { dataDiskImages?: Json[] } } | undefined;
    assert.equal(added?.encryption?.dataDiskImages?.length, 2);
  });
});

describe('Update Image Version: a confidential version, and regions that changed in Azure meanwhile (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 200 });
  const CVM_DEFINITION = `${GALLERY_ID}/images/cvm-ubuntu-update`;
  const CVM_VERSION = `${CVM_DEFINITION}/versions/1.0.0`;
  const VM_CVM = `${RG_BUILDS}/providers/Microsoft.Compute/virtualMachines/vm-cvm-ubuntu`;
  const CVM_DES = (region: string) => RICH_IDS.desConfidentialNortheurope.replace('des-cvm-northeurope', `des-cvm-${region}`);

  before(async () => {
    await run('createImageDefinition', {
      gallery: GALLERY_ID,
      name: 'cvm-ubuntu-update',
      osType: 'Linux',
      osState: 'Specialized',
      hyperVGeneration: 'V2',
      architecture: 'x64',
      securityType: 'ConfidentialVM',
      publisher: 'Contoso',
      offer: 'ConfidentialUbuntuUpdate',
      sku: 'cvm-1',
    });
    await run('createImageVersion', {
      definition: CVM_DEFINITION,
      version: '1.0.0',
      source: VM_CVM,
      confidentialVMEncryptionType: 'EncryptedWithCmk',
      targetRegions: [{ name: 'northeurope', secureVMDiskEncryptionSetId: CVM_DES('northeurope') }],
    });
    await settled(CVM_VERSION);
    await refreshAll();
  });

  it("an added region of a confidential version gets the version's confidential encryption type, and needs its key's set there", async () => {
    await clearRequestLog();
    await run('updateImageVersion', { version: CVM_VERSION, targetRegions: ['northeurope', 'eastus'] });
    await ui.waitFor('error', /Choose a disk encryption set for the confidential VM key in eastus: EncryptedWithCmk uses a customer-managed key/);
    assert.deepEqual(await writes(), []);

    const before = await settled(CVM_VERSION);
    await run('updateImageVersion', { version: CVM_VERSION, targetRegions: ['northeurope', { name: 'eastus', secureVMDiskEncryptionSetId: CVM_DES('eastus') }] });
    const after = await settled(CVM_VERSION);
    assert.deepEqual(regionsOf(after)[0], regionsOf(before)[0], 'North Europe is written back as it was');
    assert.deepEqual((regionsOf(after)[1] as { encryption?: unknown }).encryption, {
      osDiskImage: { securityProfile: { confidentialVMEncryptionType: 'EncryptedWithCmk', secureVMDiskEncryptionSetId: CVM_DES('eastus') } },
    });
  });

  it('refuses to send a region list built from regions that changed in Azure since they were read', async () => {
    const api = await extensionApi();
    const node = await nodeAt('Contoso Production', 'contoso_images', 'cvm-ubuntu-update', '1.0.0');
    const target = (node as unknown as { target: Parameters<ReturnType<typeof api.explorer.azure>['updateImageVersion']>[0] }).target;
    const azure = api.explorer.azure();
    const seen = await azure.getResourceJson(target, CVM_VERSION);
    // Another client (a pipeline) changes a replica count meanwhile.
    const now = await settled(CVM_VERSION);
    const regions = regionsOf(now).map((r, i) => (i === 0 ? { ...r, regionalReplicaCount: 3 } : r));
    await arm('PATCH', CVM_VERSION, { properties: { publishingProfile: { targetRegions: regions } } });
    const changed = await settled(CVM_VERSION);
    await clearRequestLog();
    await assert.rejects(
      azure.updateImageVersion(target, CVM_VERSION, { targetRegions: [{ name: 'northeurope', regionalReplicaCount: 1 }, { name: 'eastus', regionalReplicaCount: 2 }], basedOn: seen }),
      (error: Error & { code?: string }) => error.code === 'TargetRegionsChanged' && /changed in Azure while you were editing them/.test(error.message),
    );
    assert.deepEqual(await writes(), [], 'nothing was sent');
    assert.deepEqual(differences(changed, await settled(CVM_VERSION)), []);
  });
});
