import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RICH_IDS } from '../emulator/seeds/richSources';
import { RICH_DEFINITION, richVersionRequests } from '../fixtures/rich-versions/index';
import { arm, differences } from './armHelpers';
import { ScriptedPrompter, useDemoSession } from './createHelpers';
import { eventually, nodeAt, refreshAll } from './helpers';
import { assertNoProblems, clearRequestLog, writes } from './shareHelpers';

// A version encrypted with customer keys per region and disk: a region added by Update Image Version
// needs a disk encryption set there for the same disks (Azure: "A disk encryption set is required
// for disk … in target region …"), and the regions already there are written back untouched.

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const VERSION = `${RICH_DEFINITION}/versions/1.0.0`;
type Json = Record<string, unknown>;
const settled = (id: string) =>
  eventually(async () => {
    const got = await arm('GET', id);
    if ((got.properties as Json).provisioningState !== 'Succeeded') throw new Error('not yet');
    return got;
  }, 30_000);
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
