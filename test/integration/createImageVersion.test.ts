import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import type { CreateImageVersionOptions } from '../../src/commands/createImageVersion';
import { PENDING_VERSIONS_KEY, type PendingVersion } from '../../src/commands/createVersionProgress';
import { whyRegionCannotBeRemoved } from '../../src/model/replication';
import { validateImageVersionName } from '../../src/model/versions';
import type { SubscriptionNode } from '../../src/tree/nodes/subscriptionNode';
import { BACK, CANCEL, PRODUCTION, RG_BUILDS, ScriptedPrompter, type ScriptedAnswer, UBUNTU_ID, WINDOWS_ID, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, labels, nodeAt, refreshAll } from './helpers';

const CREATE = { pick: /^Create image version$/ };
const source = (type: string, name: string) => `${RG_BUILDS}/providers/Microsoft.Compute/${type}/${name}`;
const IMAGE_UBUNTU = source('images', 'img-ubuntu-2204-eastus');
const VM_RHEL = source('virtualMachines', 'vm-build-rhel9');
const VM_GEN1 = source('virtualMachines', 'vm-build-centos7-gen1');
const VM_LEGACY = source('virtualMachines', 'vm-legacy-ubuntu1804');
const DISK_DEBIAN = source('disks', 'disk-debian12-os');
const SNAPSHOT_WINDOWS = source('snapshots', 'snap-win2022-os');
const SNAPSHOT_SPECIALIZED = source('snapshots', 'snap-ubuntu-os-specialized');
const UBUNTU_1_0_0 = `${UBUNTU_ID}/versions/1.0.0`;

async function createVersion(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersion', ...args);
}

interface StoredProfile {
  publishingProfile: { targetRegions: { name: string; regionalReplicaCount: number; storageAccountType: string }[]; excludeFromLatest: boolean; storageAccountType: string };
  storageProfile: { source?: { id?: string; virtualMachineId?: string }; osDiskImage?: { source?: { id: string } } };
}

describe('Create Image Version (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1000 });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('creates a version from a managed image in several regions, returns at once, and shows the replication live', async () => {
    // Replication lasts until the test ends it: a loaded machine must not finish it before the
    // "returns at once" checks run (it did with the suite's 1 s).
    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 600_000, failRegions: [] } });
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      { accept: true },
      'img-win2022-westus2',
      'img-ubuntu-2204-eastus',
      { pickMany: ['West US 2', 'Japan East'] },
      { probe: ['', '0', '101', 'eastus=0', 'westus3=1', 'several'] },
      'eastus=2',
      'Standard_ZRS',
      { accept: true },
      { accept: true }, // Edge zones: none
      { probe: ['2020-01-01', 'soon'] },
      '',
      CREATE,
    ]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles, [
      'Create Image Version: Version (step 1 of 9)',
      'Create Image Version: Source (step 2 of 9)',
      'Create Image Version: Target regions (step 3 of 9)',
      'Create Image Version: Replicas (step 4 of 9)',
      'Create Image Version: Storage (step 5 of 9)',
      'Create Image Version: Latest (step 6 of 9)',
      'Create Image Version: Edge zones (step 7 of 9)',
      'Create Image Version: End of life (step 8 of 9)',
      'Create Image Version: Summary (step 9 of 9)',
    ]);
    assert.equal(prompter.prompts[0].value, '1.1.1', 'the next patch after the highest version (1.1.0) is offered');
    const windows = prompter.prompts[1].items?.find((i) => i.label.endsWith('img-win2022-westus2'));
    assert.match(windows?.detail ?? '', /Does not fit: OS type Windows does not match the definition's Linux\./, 'a source that does not fit is shown with the reason');
    assert.match(prompter.refusals[0]?.reason ?? '', /img-win2022-westus2 does not fit ubuntu-22\.04-lts/);
    const regions = prompter.prompts[2];
    assert.equal(regions.items?.[0]?.label, 'East US');
    assert.equal(regions.items?.[0]?.locked, whyRegionCannotBeRemoved('eastus', 'eastus'), 'the source region cannot be removed');
    assert.deepEqual(prompter.refusals[1]?.reason, whyRegionCannotBeRemoved('eastus', 'eastus'));
    const replicas = prompter.messagesFor('Replicas');
    assert.match(replicas.get('') ?? '', /Enter the number of replicas/);
    assert.match(replicas.get('0') ?? '', /1 to 100/);
    assert.match(replicas.get('101') ?? '', /1 to 100/);
    assert.match(replicas.get('eastus=0') ?? '', /1 to 100 for eastus/);
    assert.match(replicas.get('westus3=1') ?? '', /westus3 is not one of the target regions \(eastus, japaneast, westus2\): use one of them, or go Back and add it/);
    assert.match(replicas.get('several') ?? '', /region=count pairs/);
    const eol = prompter.messagesFor('End of life');
    assert.match(eol.get('2020-01-01') ?? '', /in the future/);
    assert.match(eol.get('soon') ?? '', /YYYY-MM-DD/);

    assert.ok(version);
    assert.equal(version.name, '1.1.1');
    assert.equal(version.location, 'eastus', "the version's region is the source's");
    assert.notEqual(version.provisioningState, 'Succeeded', 'control returns while Azure still replicates');
    const api = await extensionApi();
    assert.ok(api.versionCreations.waitingFor.includes(version.id.toLowerCase()));
    assert.ok(api.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []).some((p) => p.id === version.id), 'remembered across reloads');
    // The selection comes back from the window after the reveal: wait for it, do not sample once.
    await eventually(async () =>
      assert.equal((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId, version.id, 'the new version is selected in the tree'),
    );
    assert.ok((await children(definition)).some((n) => (n as { versionId?: string }).versionId === version.id), 'the version is in the tree at once');

    const stored = resource(await emulatorState(), version.id)?.properties as unknown as StoredProfile;
    assert.deepEqual(
      stored.publishingProfile.targetRegions.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType]),
      [
        ['East US', 2, 'Standard_ZRS'],
        ['Japan East', 1, 'Standard_ZRS'],
        ['West US 2', 1, 'Standard_ZRS'],
      ],
    );
    assert.equal(stored.publishingProfile.excludeFromLatest, false);
    assert.equal(stored.storageProfile.source?.id, IMAGE_UBUNTU);

    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 1000, failRegions: [] } });
    await emulatorAdmin('POST', '/_admin/expire-operations');
    await ui.waitFor('info', /^Image version 1\.1\.1 of ubuntu-22\.04-lts is ready: replicated to East US, Japan East, West US 2\.$/);
    await eventually(async () => {
      const fresh = (await children(definition)).find((n) => (n as { versionId?: string }).versionId === version.id);
      assert.ok(fresh);
      const i = await item(fresh);
      assert.equal(i.contextValue, 'acg.version');
      assert.doesNotMatch(String(i.description), /Replicating|Creating/);
    });
    assert.ok(!api.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []).some((p) => p.id === version.id), 'forgotten once done');
  });

  it('creates versions from a VM, an OS disk, an OS snapshot and another gallery version, each in several regions, without prompts', async () => {
    const cases: { options: CreateImageVersionOptions; path: 'source' | 'osDiskImage'; location: string; regions: string[] }[] = [
      { options: { definition: UBUNTU_ID, version: '3.0.0', source: VM_RHEL, targetRegions: ['westeurope'] }, path: 'source', location: 'eastus', regions: ['East US', 'West Europe'] },
      { options: { definition: UBUNTU_ID, version: '3.0.1', source: DISK_DEBIAN, targetRegions: ['westus2'], replicaCount: 2 }, path: 'osDiskImage', location: 'eastus', regions: ['East US', 'West US 2'] },
      {
        options: { definition: WINDOWS_ID, version: '2022.3.0', source: SNAPSHOT_WINDOWS, targetRegions: [{ name: 'northeurope', replicas: 3, storageAccountType: 'Premium_LRS' }] },
        path: 'osDiskImage',
        location: 'westeurope',
        regions: ['West Europe', 'North Europe'],
      },
      { options: { definition: UBUNTU_ID, version: '3.0.2', source: UBUNTU_1_0_0, targetRegions: ['eastus', 'japaneast'], excludeFromLatest: true }, path: 'source', location: 'eastus', regions: ['East US', 'Japan East'] },
    ];
    for (const c of cases) {
      const prompter = new ScriptedPrompter([]);
      const version = await createVersion({ ...c.options, prompter });
      assert.equal(prompter.prompts.length, 0, `${c.options.version}: no prompts`);
      assert.ok(version, `${c.options.version} was created: ${ui.errors().join(' | ')}`);
      assert.equal(version.location, c.location, `${c.options.version}: the source's region`);
      const stored = resource(await emulatorState(), version.id)?.properties as unknown as StoredProfile;
      assert.deepEqual(stored.publishingProfile.targetRegions.map((r) => r.name), c.regions, `${c.options.version}: the source region first`);
      // A VM is sent (and echoed, as Azure does) as storageProfile.source.virtualMachineId.
      const sent = c.path === 'source' ? (stored.storageProfile.source?.id ?? stored.storageProfile.source?.virtualMachineId) : stored.storageProfile.osDiskImage?.source?.id;
      assert.equal(sent, c.options.source, `${c.options.version}: the source goes in storageProfile.${c.path}`);
    }
    const snapshotVersion = resource(await emulatorState(), `${WINDOWS_ID}/versions/2022.3.0`)?.properties as unknown as StoredProfile;
    assert.deepEqual(snapshotVersion.publishingProfile.targetRegions[1], { name: 'North Europe', regionalReplicaCount: 3, storageAccountType: 'Premium_LRS', excludeFromLatest: false });
    assert.equal((resource(await emulatorState(), `${UBUNTU_ID}/versions/3.0.2`)?.properties as unknown as StoredProfile).publishingProfile.excludeFromLatest, true);
    for (const v of ['3.0.0', '3.0.1', '2022.3.0', '3.0.2']) await ui.waitFor('info', new RegExp(`^Image version ${v.replace(/\./g, '\\.')} of .* is ready`));
  });

  it('lists every kind of source, with the reason where one does not fit the definition', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022');
    const prompter = new ScriptedPrompter([{ accept: true }, 'vm-cvm-ubuntu', CANCEL]);
    await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    const items = prompter.prompts[1].items ?? [];
    const find = (name: string) => items.find((i) => i.label.endsWith(` ${name}`));
    for (const name of ['img-ubuntu-2204-eastus', 'vm-build-rhel9', 'snap-ubuntu-os-specialized', 'disk-debian12-os', '1.0.0']) {
      assert.ok(find(name), `${name} is listed`);
    }
    assert.match(find('img-ubuntu-2204-eastus')?.detail ?? '', /OS type Linux does not match the definition's Windows/);
    assert.match(find('img-centos-gen1-westeurope')?.detail ?? '', /Generation V1 does not match the definition's V2/);
    assert.equal(find('img-win2022-westus2')?.refusal, undefined, 'a fitting source can be picked');
    assert.equal(find('snap-win2022-os')?.refusal, undefined);
    assert.match(prompter.refusals[0]?.reason ?? '', /A confidential VM source needs a definition that supports confidential VMs/);
  });

  it("compares a VM's generation, read from its OS disk, with the definition's; an unknown one is left to Azure", async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([{ accept: true }, 'vm-build-centos7-gen1', CANCEL]);
    await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    const items = prompter.prompts[1].items ?? [];
    const find = (name: string) => items.find((i) => i.label === `$(vm) ${name}`);
    const gen1 = find('vm-build-centos7-gen1');
    assert.match(gen1?.detail ?? '', /^\$\(circle-slash\) Does not fit: Generation V1 does not match the definition's V2\.$/);
    assert.match(gen1?.refusal ?? '', /^vm-build-centos7-gen1 does not fit ubuntu-22\.04-lts: Generation V1 does not match the definition's V2\./);
    assert.equal(prompter.refusals[0]?.label, '$(vm) vm-build-centos7-gen1', 'the V1 VM cannot be picked');
    const gen2 = find('vm-build-rhel9');
    assert.equal(gen2?.refusal, undefined, 'a V2 VM fits a V2 definition');
    assert.equal(gen2?.detail, 'Linux · V2 · Trusted launch');
    const legacy = find('vm-legacy-ubuntu1804');
    assert.equal(legacy?.refusal, undefined, 'a VM of unknown generation is offered: Azure decides');
    assert.match(legacy?.detail ?? '', /^Linux · Generation unknown: the VM's OS disk does not state one .*Azure checks it against the definition when the version is created\.$/);
    // Each VM's OS disk is listed too (as Azure lists it), with its own generation.
    assert.match(items.find((i) => i.label.startsWith('$(database) vm-build-centos7-gen1_OsDisk_1_'))?.detail ?? '', /Does not fit: Generation V1/);

    const before = await inventory();
    // Forced through the options object: a known mismatch is refused before anything is sent…
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '10.0.0', source: VM_GEN1, prompter: new ScriptedPrompter([]) }), undefined);
    assert.match(ui.errors()[0] ?? '', /^Create Image Version: Source: Generation V1 does not match the definition's V2\..* Nothing was created\.$/);
    // …an unknown generation goes to Azure, which refuses it in its own words.
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '10.0.1', source: VM_LEGACY, prompter: new ScriptedPrompter([]) }), undefined);
    const error = await ui.waitFor('error', /10\.0\.1/);
    assert.match(error.message, /^Could not create image version 10\.0\.1 of ubuntu-22\.04-lts: The resource with id '.*vm-legacy-ubuntu1804' has a different Hypervisor generation \['V1'\] than the parent gallery image Hypervisor generation \['V2'\]/);
    assert.match(error.message, /\(code InvalidParameter\)/);
    assert.deepEqual(await inventory(), before);
  });

  it('checks the version as it is typed with the model rules, and Back keeps the answers', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const before = await inventory();
    const bad = ['', '1.0', '1.0.0.0', '1.-1.0', '1.0.0 ', '2147483648.0.0', 'v1.0.0'];
    const good = ['0.0.0', '2147483647.2147483647.2147483647', '10.20.30'];
    const prompter = new ScriptedPrompter([
      { probe: [...bad, ...good, '1.0.0', '01.0.0'] },
      '9.0.0',
      'img-ubuntu-2204-eastus',
      { pickMany: ['West Europe'] },
      '2',
      BACK,
      BACK,
      BACK,
      BACK,
      { accept: true },
      { accept: true },
      { accept: true },
      { accept: true },
      { accept: true },
      CANCEL,
    ]);
    await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    const messages = prompter.messagesFor(': Version (');
    for (const value of bad) {
      assert.ok(messages.get(value), `"${value}" is refused`);
      assert.equal(messages.get(value), validateImageVersionName(value), value);
    }
    for (const value of good) assert.equal(messages.get(value), undefined, `"${value}" is accepted`);
    // Leading zeros: whatever the model's rule says, and never a second 1.0.0.
    const leadingZeros = validateImageVersionName('01.0.0');
    if (leadingZeros) assert.equal(messages.get('01.0.0'), leadingZeros);
    else assert.match(messages.get('01.0.0') ?? '', /1\.0\.0 already exists .*\(01\.0\.0 is the same number\)/);
    assert.match(messages.get('1.0.0') ?? '', /Version 1\.0\.0 already exists in ubuntu-22\.04-lts: use a higher one, such as \d+\.\d+\.\d+\./);
    const versionPrompts = prompter.prompts.filter((p) => p.title.includes(': Version ('));
    assert.equal(versionPrompts[1]?.value, '9.0.0', 'going back shows the version typed, not the suggestion');
    assert.deepEqual(prompter.prompts.filter((p) => p.title.includes('Target regions')).at(-1)?.selected, ['East US', 'West Europe']);
    assert.equal(prompter.prompts.filter((p) => p.title.includes('Replicas')).at(-1)?.value, '2');
    assert.deepEqual(await inventory(), before);
  });

  it('Escape at any step leaves nothing created', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const answers: ScriptedAnswer[] = ['8.0.0', 'img-ubuntu-2204-eastus', { pickMany: [] }, '1', 'Standard_LRS', { accept: true }, { accept: true }, '', { pick: /^Advanced…$/ }, { accept: true }, { accept: true }, 'Shallow', 'env=test'];
    const before = await inventory();
    for (let at = 0; at <= answers.length; at++) {
      const prompter = new ScriptedPrompter([...answers.slice(0, at), CANCEL]);
      assert.equal(await createVersion(definition, { prompter }), undefined, `Escape after ${at} answers`);
      assert.deepEqual(prompter.problems, [], `Escape after ${at} answers`);
    }
    assert.deepEqual(await inventory(), before);
  });

  it('sends the replication mode chosen under Advanced…', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter(['5.0.0', 'img-ubuntu-2204-eastus-v2', { pickMany: [] }, '1', { accept: true }, 'Yes, exclude it from "latest"', { accept: true }, '2031-01-31', { pick: /^Advanced…$/ }, { accept: true }, { accept: true }, 'Shallow', 'build=5', CREATE]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles.slice(-5), ['Encryption (step 10 of 14)', 'Safety (step 11 of 14)', 'Replication mode (step 12 of 14)', 'Tags (step 13 of 14)', 'Summary (step 14 of 14)'].map((t) => `Create Image Version: ${t}`));
    assert.ok(prompter.prompts.at(-1)?.items?.some((i) => i.label === 'Tags' && i.description === 'build=5'), 'the tags typed under Advanced… are in the summary');
    assert.ok(prompter.prompts.at(-1)?.items?.some((i) => i.label === 'Replication mode' && i.description === 'Shallow'));
    const p = (resource(await emulatorState(), version?.id ?? '')?.properties ?? {}) as { publishingProfile?: Record<string, unknown> };
    assert.equal(p.publishingProfile?.replicationMode, 'Shallow');
    assert.equal(p.publishingProfile?.excludeFromLatest, true);
    assert.match(String(p.publishingProfile?.endOfLifeDate), /^2031-01-31T00:00:00/);
  });

  it("shows the new version's replication live on its node, until it is ready", async () => {
    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 8000 } });
    try {
      const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
      await children(definition);
      const version = await createVersion({ definition: UBUNTU_ID, version: '4.5.0', source: IMAGE_UBUNTU, targetRegions: ['westus2', 'japaneast'], prompter: new ScriptedPrompter([]) });
      assert.ok(version);
      const description = async () => {
        const node = (await children(definition)).find((n) => (n as { versionId?: string }).versionId === version.id);
        assert.ok(node, 'the version is in the tree');
        return String((await item(node)).description ?? '');
      };
      const seen: string[] = [];
      await eventually(async () => {
        const text = await description();
        seen.push(text);
        assert.match(text, /Replicating [0-3]\/3 regions/);
      });
      await ui.waitFor('info', /^Image version 4\.5\.0 of ubuntu-22\.04-lts is ready/);
      await eventually(async () => assert.doesNotMatch(await description(), /Replicating|Creating/));
      assert.ok(seen.some((t) => /Replicating/.test(t)), `progress was shown on the node: ${seen.join(' | ')}`);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 1000 } });
    }
  });

  it('shows a replication failure on the version node, and reports it', async () => {
    await emulatorAdmin('POST', '/_admin/config', { replication: { failRegions: ['westus2'] } });
    try {
      const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
      await children(definition);
      const version = await createVersion({ definition: UBUNTU_ID, version: '4.0.0', source: IMAGE_UBUNTU, targetRegions: ['westus2'], prompter: new ScriptedPrompter([]) });
      assert.ok(version);
      const error = await ui.waitFor('error', /^Image version 4\.0\.0 of ubuntu-22\.04-lts failed:/);
      assert.match(error.message, /Replication to region 'westus2' failed: the copy of the source could not be completed\./, "Azure's own words");
      assert.match(error.message, /Delete it and create it again/);
      await eventually(async () => {
        const node = (await children(definition)).find((n) => (n as { versionId?: string }).versionId === version.id);
        assert.ok(node);
        const i = await item(node);
        assert.match(String(i.description), /Failed in West US 2/);
        assert.equal((i.iconPath as vscode.ThemeIcon).id, 'error');
      });
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { replication: { failRegions: [] } });
    }
  });

  it("shows Azure's own message and code when Azure refuses the source", async () => {
    const before = await inventory();
    const version = await createVersion({ definition: UBUNTU_ID, version: '6.0.0', source: SNAPSHOT_SPECIALIZED, prompter: new ScriptedPrompter([]) });
    assert.equal(version, undefined);
    const error = await ui.waitFor('error', /6\.0\.0/);
    assert.match(error.message, /^Could not create image version 6\.0\.0 of ubuntu-22\.04-lts: Cannot create Gallery Image Version from: .*snap-ubuntu-os-specialized since the OS State in the parent gallery image \('Generalized'\) is not 'Specialized'\./);
    assert.match(error.message, /\(code InvalidParameter\) Correct the value Azure names, then try again\.$/);
    assert.deepEqual(error.actions, ['Edit and Try Again']);
    assert.deepEqual(await inventory(), before);
  });

  it('refuses invalid options before sending anything', async () => {
    const before = await inventory();
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '1.0.0', source: IMAGE_UBUNTU, prompter: new ScriptedPrompter([]) }), undefined);
    assert.equal(await createVersion({ definition: WINDOWS_ID, version: '7.0.0', source: IMAGE_UBUNTU, prompter: new ScriptedPrompter([]) }), undefined);
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '7.0.1', source: IMAGE_UBUNTU, replicaCount: 101, prompter: new ScriptedPrompter([]) }), undefined);
    const [taken, misfit, replicas] = ui.errors();
    assert.match(taken ?? '', /Version: Version 1\.0\.0 already exists/);
    assert.match(misfit ?? '', /Source: OS type Linux does not match the definition's Windows/);
    assert.match(replicas ?? '', /Target regions: Use a whole number from 1 to 100/);
    assert.deepEqual(await inventory(), before);
  });

  it('Cancel stops the waiting, not Azure', async () => {
    const api = await extensionApi();
    const version = await createVersion({ definition: UBUNTU_ID, version: '4.1.0', source: IMAGE_UBUNTU, targetRegions: ['japaneast'], prompter: new ScriptedPrompter([]) });
    assert.ok(version);
    await api.versionCreations.stopWaiting(version.id);
    await ui.waitFor('info', /^Stopped waiting for image version 4\.1\.0 of ubuntu-22\.04-lts\. Azure goes on creating it/);
    assert.ok(!api.versionCreations.waitingFor.includes(version.id.toLowerCase()));
    assert.ok(!api.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []).some((p) => p.id === version.id));
    await eventually(async () => assert.equal(resource(await emulatorState(), version.id)?.provisioningState, 'Succeeded'));
    assert.ok(!ui.notifications.some((n) => /4\.1\.0 .* is ready/.test(n.message)), 'no result is reported once the wait stopped');
  });

  it('picks up the wait for a version still being created when the tree loads again (after a window reload)', async () => {
    const api = await extensionApi();
    const subscription = (await nodeAt('Contoso Production')) as SubscriptionNode;
    const target = subscription.subscription.target;
    const started = await api.explorer.azure().startImageVersion(target, 'rg-images', 'contoso_images', 'ubuntu-22.04-lts', '4.2.0', {
      location: 'eastus',
      source: { kind: 'image', id: IMAGE_UBUNTU },
      targetRegions: [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }],
      replicaCount: 1,
      storageAccountType: 'Standard_LRS',
      excludeFromLatest: false,
    });
    assert.ok(!api.versionCreations.waitingFor.includes(started.id.toLowerCase()));
    // What globalState holds after a reload: the pending creation, nobody waiting for it yet.
    await api.explorer.globalState.update(PENDING_VERSIONS_KEY, [{ id: started.id, subscriptionId: PRODUCTION, startedAt: new Date().toISOString() }]);
    await refreshAll();
    assert.ok((await labels(await children())).includes('Contoso Production'));
    await eventually(async () => assert.ok(api.versionCreations.waitingFor.includes(started.id.toLowerCase()) || ui.notifications.length > 0));
    await ui.waitFor('info', /^Image version 4\.2\.0 of ubuntu-22\.04-lts is ready: replicated to East US\.$/);
    await eventually(async () => assert.deepEqual(api.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []), []));
  });
});
