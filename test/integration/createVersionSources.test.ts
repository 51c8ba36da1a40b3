// Issue 5, Create Image Version through its Source picker (not the options object): a VM, an OS
// disk, an OS snapshot and another gallery version each become a version; misfits are listed with
// the reason; and the defaults of the later steps (replicas, storage, replication mode, end of life).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageDefinition, ImageVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { CANCEL, GALLERY_ID, RG_BUILDS, ScriptedPrompter, type ScriptedAnswer, WINDOWS_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { galleryImageCounts, utcDay } from './createCounts';
import { extensionApi, nodeAt } from './helpers';

const CREATE = { pick: /^Create image version$/ };
const source = (type: string, name: string) => `${RG_BUILDS}/providers/Microsoft.Compute/${type}/${name}`;

async function createVersion(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersion', ...args);
}

interface StoredVersion {
  publishingProfile: {
    targetRegions: { name: string; regionalReplicaCount: number; storageAccountType: string }[];
    replicaCount?: number;
    storageAccountType?: string;
    excludeFromLatest?: boolean;
    endOfLifeDate?: string;
    replicationMode?: string;
  };
  storageProfile: { source?: { id?: string; virtualMachineId?: string }; osDiskImage?: { source?: { id: string } } };
}

async function stored(id: string): Promise<StoredVersion> {
  const found = resource(await emulatorState(), id);
  assert.ok(found, `${id} is in the local Azure`);
  return found.properties as unknown as StoredVersion;
}

describe('Create Image Version, Source picker and step defaults (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1000 });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('creates a version from a virtual machine, a managed disk, a snapshot and another gallery version picked in the Source list', async () => {
    const cases: { definition: string[]; answers: ScriptedAnswer[]; picked: string; kind: RegExp; sourceId: string; path: 'source' | 'osDiskImage'; regions: string[] }[] = [
      {
        definition: ['ubuntu-22.04-lts'],
        answers: ['21.0.0', 'vm-build-rhel9', { pickMany: ['West Europe', 'Japan East'] }, '1'],
        picked: 'vm-build-rhel9',
        kind: /^\$\(vm\) /,
        sourceId: source('virtualMachines', 'vm-build-rhel9'),
        path: 'source',
        regions: ['East US', 'Japan East', 'West Europe'],
      },
      {
        definition: ['ubuntu-22.04-lts'],
        answers: ['21.0.1', 'disk-debian12-os', { pickMany: ['West US 2'] }, '2'],
        picked: 'disk-debian12-os',
        kind: /^\$\(database\) /,
        sourceId: source('disks', 'disk-debian12-os'),
        path: 'osDiskImage',
        regions: ['East US', 'West US 2'],
      },
      {
        definition: ['windows-server-2022'],
        answers: ['2022.9.0', 'snap-win2022-os', { pickMany: ['North Europe'] }, '1'],
        picked: 'snap-win2022-os',
        kind: /^\$\(device-camera\) /,
        sourceId: source('snapshots', 'snap-win2022-os'),
        path: 'osDiskImage',
        regions: ['West Europe', 'North Europe'],
      },
      {
        definition: ['windows-server-2022'],
        answers: ['2022.9.1', '2022.1.0', { pickMany: [] }, '1'],
        picked: '2022.1.0',
        kind: /^\$\(versions\) /,
        sourceId: `${WINDOWS_ID}/versions/2022.1.0`,
        path: 'source',
        regions: ['West US 2'],
      },
    ];
    for (const c of cases) {
      const definition = await nodeAt('Contoso Production', 'contoso_images', ...c.definition);
      const prompter = new ScriptedPrompter([...c.answers, { accept: true }, { accept: true }, { accept: true }, '', CREATE]);
      const version = await createVersion(definition, { prompter });
      assert.deepEqual(prompter.problems, [], c.picked);
      assert.ok(version, `a version was created from ${c.picked}: ${ui.errors().join(' | ')}`);
      const sourceStep = prompter.prompts.find((p) => p.title.includes(': Source ('));
      const listed = sourceStep?.items?.find((i) => i.label.replace(/^\$\([^)]*\)\s*/, '') === c.picked && c.kind.test(i.label));
      assert.ok(listed, `${c.picked} is listed under its kind`);
      assert.equal(listed.refusal, undefined, `${c.picked} fits`);
      const p = await stored(version.id);
      // A VM is sent (and echoed, as Azure does) as storageProfile.source.virtualMachineId.
      const sourceId = c.path === 'source' ? (p.storageProfile.source?.id ?? p.storageProfile.source?.virtualMachineId) : p.storageProfile.osDiskImage?.source?.id;
      assert.equal(sourceId?.toLowerCase(), c.sourceId.toLowerCase(), `${c.picked} is the version's source`);
      assert.deepEqual(p.publishingProfile.targetRegions.map((r) => r.name), c.regions, `${c.picked}: the source region first, then the regions picked`);
    }
  });

  it('lists the sources that do not fit with the reason: OS type, generation and security type', async () => {
    // A Standard (no Trusted launch) Generation 2 Linux definition: a Trusted launch VM does not fit it.
    const definition = await vscode.commands.executeCommand<ImageDefinition | undefined>('azureComputeGallery.createImageDefinition', {
      gallery: GALLERY_ID,
      name: 'src-standard-def',
      osType: 'Linux',
      osState: 'Generalized',
      hyperVGeneration: 'V2',
      architecture: 'x64',
      securityType: 'Standard',
      publisher: 'Contoso',
      offer: 'SourceFit',
      sku: 'standard',
      prompter: new ScriptedPrompter([]),
    });
    assert.ok(definition);
    const before = await galleryImageCounts();
    const misfits = ['vm-build-rhel9', 'img-win2022-westus2', 'img-centos-gen1-westeurope', 'vm-cvm-ubuntu'];
    const prompter = new ScriptedPrompter(['1.0.0', ...misfits, CANCEL]);
    assert.equal(await createVersion({ definition: definition.id, prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    const items = prompter.prompts.find((p) => p.title.includes(': Source ('))?.items ?? [];
    const listed = (name: string) => items.find((i) => i.label.replace(/^\$\([^)]*\)\s*/, '') === name);
    const expected: Record<string, RegExp> = {
      'vm-build-rhel9': /^\$\(circle-slash\) Does not fit: A Trusted launch source needs a definition that supports Trusted launch; this one is Standard\.$/,
      'img-win2022-westus2': /^\$\(circle-slash\) Does not fit: OS type Windows does not match the definition's Linux\.$/,
      'img-centos-gen1-westeurope': /^\$\(circle-slash\) Does not fit: Generation V1 does not match the definition's V2\.$/,
      'vm-cvm-ubuntu': /Does not fit: .*A confidential VM source needs a definition that supports confidential VMs; this one is Standard\./,
    };
    for (const name of misfits) {
      assert.match(listed(name)?.detail ?? '(not listed)', expected[name], `${name}: the reason is in the item's detail`);
      assert.match(listed(name)?.refusal ?? '', new RegExp(`^${name} does not fit src-standard-def: `), `${name} cannot be picked`);
    }
    assert.deepEqual(prompter.refusals.map((r) => r.label.replace(/^\$\([^)]*\)\s*/, '')), misfits, 'each misfit picked was refused, the list stayed open');
    assert.equal(listed('img-ubuntu-2204-eastus')?.refusal, undefined, 'a fitting source is offered alongside');
    const sources = items.filter((i) => !/^\$\((globe|file-binary)\) A /.test(i.label));
    const firstMisfit = sources.findIndex((i) => i.refusal !== undefined);
    assert.ok(firstMisfit > 0 && sources.slice(firstMisfit).every((i) => i.refusal !== undefined), 'the sources that fit come first, then those that do not');
    const sourcePrompt = prompter.prompts.find((p) => p.title.includes(': Source ('));
    assert.deepEqual(sourcePrompt?.selected, [sources[0]?.label], 'the list opens on a source that fits');
    assert.equal(listed('disk-debian12-os')?.refusal, undefined);
    assert.deepEqual(await galleryImageCounts(), before);
  });

  it("offers 1 replica, Azure's default storage (of it and the four types the API takes) and Full (of Full, Shallow) by default, and refuses today as end of life but not tomorrow", async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const [yesterday, today, tomorrow] = [utcDay(-1), utcDay(0), utcDay(1)];
    const prompter = new ScriptedPrompter([
      '21.1.0',
      'img-ubuntu-2204-eastus',
      { pickMany: ['West US 2'] },
      { accept: true },
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      { probe: [yesterday, today, tomorrow] },
      today, // Enter on today: refused
      tomorrow,
      { pick: /^Advanced…$/ },
      { accept: true },
      { accept: true },
      { accept: true },
      { accept: true }, // no tags
      CREATE,
    ]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    const step = (part: string) => prompter.prompts.find((p) => p.title.includes(`: ${part} (`));
    assert.equal(step('Replicas')?.value, '1', 'one replica by default');
    assert.deepEqual(step('Storage')?.items?.map((i) => i.label), ["Azure's default", 'Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS', 'Different per region…']);
    assert.deepEqual(step('Storage')?.selected, ["Azure's default"], "Azure's default by default");
    assert.deepEqual(step('Edge zones')?.selected, ['No edge zones'], 'no edge zones by default');
    assert.deepEqual(step('Encryption')?.selected, ['Platform-managed keys']);
    assert.deepEqual(step('Safety')?.selected, ['No protection']);
    assert.deepEqual(step('Replication mode')?.items?.map((i) => i.label), ['Full', 'Shallow']);
    assert.deepEqual(step('Replication mode')?.selected, ['Full']);
    assert.ok(prompter.prompts.find((p) => p.title.includes(': Summary ('))?.items?.some((i) => i.label === '$(settings-gear) Advanced…'), 'the replication mode is under Advanced…');
    const eol = prompter.messagesFor(': End of life (');
    assert.match(eol.get(yesterday) ?? '', /cannot be today or earlier/);
    assert.match(eol.get(today) ?? '', /cannot be today or earlier/);
    assert.equal(eol.get(tomorrow), undefined, 'tomorrow is the first date accepted');
    assert.equal(prompter.validations.filter((v) => v.title.includes(': End of life (') && v.value === today).length, 2, 'today was probed and refused on Enter');

    assert.ok(version);
    const p = await stored(version.id);
    // Nothing sent: Azure applies PreferStandard_ZRS (both regions have zones).
    assert.equal(p.publishingProfile.storageAccountType, undefined);
    assert.deepEqual(
      p.publishingProfile.targetRegions.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType]),
      [
        ['East US', 1, 'Standard_ZRS'],
        ['West US 2', 1, 'Standard_ZRS'],
      ],
    );
    assert.equal(p.publishingProfile.replicaCount, 1);
    assert.equal(p.publishingProfile.replicationMode, 'Full');
    assert.match(String(p.publishingProfile.endOfLifeDate), new RegExp(`^${tomorrow}T00:00:00`));
  });
});

