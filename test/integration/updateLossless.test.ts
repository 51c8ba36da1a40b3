import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { arm, differences, putAndWait } from './armHelpers';
import { GALLERY_ID, RG_BUILDS, ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { eventually, item, nodeAt, refreshAll, tooltipText } from './helpers';
import { assertNoProblems } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const SAVE = { pick: /^Save changes/ };
const RICH = `${UBUNTU_ID}/versions/3.0.0`;
const SOURCE = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;

/** A version as a pipeline publishes it: per-region storage, exclusion and counts, a safety profile, tags. */
const richVersion = () => ({
  location: 'eastus',
  tags: { team: 'platform', 'cost-center': '4711' },
  properties: {
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: {
      replicaCount: 2,
      endOfLifeDate: '2034-01-31T00:00:00Z',
      targetRegions: [
        { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS', excludeFromLatest: false },
        { name: 'West US 2', storageAccountType: 'Premium_LRS', excludeFromLatest: true },
        { name: 'West Europe', regionalReplicaCount: 3, storageAccountType: 'Standard_LRS' },
      ],
    },
    safetyProfile: { allowDeletionOfReplicatedLocations: true },
  },
});

/** What differs between Azure's JSON before and after, leaving out what Azure itself moves. */
const changed = (before: unknown, after: unknown) => differences(before, after).filter((p) => !/provisioningState$|replicationStatus/.test(p));

describe('Updates change only what the user named (extension host, local Azure, resources shaped as pipelines make them)', () => {
  const ui = useDemoSession({ replicationMs: 300 });
  let before: Record<string, unknown>;

  beforeEach(async () => {
    before = await putAndWait(RICH, richVersion());
    await refreshAll();
  });

  it("changing one region's replica count writes back every other region and member as Azure had it", async () => {
    await run('updateImageVersion', { version: RICH, targetRegions: [{ name: 'eastus', replicas: 2 }, 'westus2', 'westeurope'] });
    const after = await eventually(async () => {
      const got = await arm('GET', RICH);
      assert.equal((got.properties as { provisioningState: string }).provisioningState, 'Succeeded');
      return got;
    });
    assert.deepEqual(changed(before, after), ['properties.publishingProfile.targetRegions[0].regionalReplicaCount']);
  });

  it('the same change made through the wizard (what to change → replicas → summary) sends the same single change', async () => {
    const prompter = new ScriptedPrompter([{ pickMany: ['Replicas per region'] }, 'westeurope=4', SAVE]);
    await run('updateImageVersion', await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '3.0.0'), { prompter });
    assertNoProblems(prompter);
    const after = await eventually(async () => {
      const got = await arm('GET', RICH);
      assert.equal((got.properties as { provisioningState: string }).provisioningState, 'Succeeded');
      return got;
    });
    assert.deepEqual(changed(before, after), ['properties.publishingProfile.targetRegions[2].regionalReplicaCount']);
  });

  it('excluding the version from latest, its end of life, or one region from latest changes only that member', async () => {
    await run('updateImageVersion', { version: RICH, excludeFromLatest: true, confirmed: true });
    let after = await arm('GET', RICH);
    assert.deepEqual(changed(before, after), ['properties.publishingProfile.excludeFromLatest']);

    before = after;
    await run('updateImageVersion', { version: RICH, endOfLifeDate: '2035-06-30', confirmed: true });
    after = await arm('GET', RICH);
    assert.deepEqual(changed(before, after), ['properties.publishingProfile.endOfLifeDate']);

    before = after;
    const prompter = new ScriptedPrompter([{ pickMany: ['Exclude from latest in some regions'] }, { pickMany: ['East US', 'West US 2'] }, SAVE]);
    await run('updateImageVersion', await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '3.0.0'), { prompter });
    assertNoProblems(prompter);
    after = await arm('GET', RICH);
    assert.deepEqual(changed(before, after), ['properties.publishingProfile.targetRegions[0].excludeFromLatest']);
  });

  it('an added region gets the storage type picked for it; the others keep theirs (a PremiumV2-free list stays as it was)', async () => {
    await run('updateImageVersion', { version: RICH, targetRegions: ['eastus', 'westus2', 'westeurope', { name: 'japaneast', storageAccountType: 'Standard_ZRS', replicas: 2 }] });
    const after = await eventually(async () => {
      const got = await arm('GET', RICH);
      assert.equal((got.properties as { provisioningState: string }).provisioningState, 'Succeeded');
      return got;
    });
    const paths = changed(before, after);
    assert.ok(paths.every((p) => p.startsWith('properties.publishingProfile.targetRegions[3]')), paths.join(', '));
    const added = ((after.properties as { publishingProfile: { targetRegions: Record<string, unknown>[] } }).publishingProfile.targetRegions[3]) ?? {};
    assert.equal(added.storageAccountType, 'Standard_ZRS');
    assert.equal(added.regionalReplicaCount, 2);
  });

  it("refuses to change a replicated region's storage type before sending, saying how", async () => {
    const error = await run('updateImageVersion', { version: RICH, targetRegions: ['eastus', { name: 'westus2', storageAccountType: 'Standard_LRS' }, 'westeurope'] });
    assert.equal(error, undefined);
    await ui.waitFor('error', /westus2 keeps its storage type Premium_LRS: Azure cannot change it once a region is replicated/);
    assert.deepEqual(changed(before, await arm('GET', RICH)), []);
  });

  it('refuses zone-redundant storage for an added region without availability zones, before sending', async () => {
    await run('updateImageVersion', { version: RICH, targetRegions: ['eastus', 'westus2', 'westeurope', { name: 'westus', storageAccountType: 'Standard_ZRS' }] });
    await ui.waitFor('error', /Use Standard_LRS, Premium_LRS or PremiumV2_LRS in westus \(or Azure's default\): it has no availability zones/);
    assert.deepEqual(changed(before, await arm('GET', RICH)), []);
  });

  it("the hover shows each region's storage, replicas and exclusion, the safety profile and the tags", async () => {
    const node = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '3.0.0');
    const text = tooltipText(await item(node));
    assert.match(text, /East US: 1 replica · Standard\\_ZRS/);
    assert.match(text, /West US 2: 2 replicas · Premium\\_LRS · excluded from latest here/);
    assert.match(text, /West Europe: 3 replicas · Standard\\_LRS/);
    assert.match(text, /Safety: replicated regions may be removed/);
    assert.match(text, /Tags: team=platform; cost\\-center=4711/);
  });

  it('a gallery and a definition keep everything but the description they were given', async () => {
    const galleryBefore = await arm('GET', GALLERY_ID);
    await run('updateGallery', { gallery: GALLERY_ID, description: 'Reviewed monthly' });
    assert.deepEqual(changed(galleryBefore, await arm('GET', GALLERY_ID)), ['properties.description']);
    const definitionBefore = await arm('GET', UBUNTU_ID);
    await run('updateImageDefinition', { definition: UBUNTU_ID, description: 'CIS level 1' });
    assert.deepEqual(changed(definitionBefore, await arm('GET', UBUNTU_ID)), ['properties.description']);
  });
});
