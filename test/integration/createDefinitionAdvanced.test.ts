// Issue 5, Create Image Definition's "Advanced…" steps end to end: what each stores in the local
// Azure, the security types offered per generation, and Escape at every advanced step and at the
// palette's pickers.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageDefinition } from '../../src/azure/types';
import type { ImageVersion } from '../../src/azure/types';
import { SECURITY_TYPES, describeSecurityType, validateDefinitionShape } from '../../src/model/imageRules';
import { validateRangeText } from '../../src/ui/answerText';
import { CANCEL, ScriptedPrompter, type ScriptedAnswer, emulatorState, resource, useDemoSession } from './createHelpers';
import { galleryImageCounts } from './createCounts';
import { nodeAt } from './helpers';

const CREATE = { pick: /^Create image definition$/ };
const ADVANCED = { pick: /^Advanced…$/ };

async function createDefinition(...args: unknown[]): Promise<ImageDefinition | undefined> {
  return vscode.commands.executeCommand<ImageDefinition | undefined>('azureComputeGallery.createImageDefinition', ...args);
}

async function createVersion(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersion', ...args);
}

const GEN2_ONLY = SECURITY_TYPES.filter((t) => t !== 'Standard');

describe('Create Image Definition, Advanced… (extension host, local Azure)', () => {
  useDemoSession();

  it('stores every advanced answer of an Arm64 definition: links, end of life, vCPU and memory ranges (a reversed range refused), disk types, purchase plan', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const badMemory = '64-8';
    const prompter = new ScriptedPrompter([
      'adv-arm64-def',
      'Linux',
      'Generalized',
      'V2',
      'Contoso',
      'ArmAdvanced',
      'arm64-adv',
      'Arm64',
      'Standard',
      ADVANCED,
      { pickMany: ['EULA link', 'Privacy statement link', 'Release notes link', 'End-of-life date', 'Recommended vCPUs', 'Recommended memory', 'Disallowed disk types', 'Purchase plan'] },
      'https://contoso.example/arm/eula',
      { probe: ['http://contoso.example/arm/privacy'] },
      'https://contoso.example/arm/privacy',
      'https://contoso.example/arm/release-notes',
      '2036-01-15',
      '4-32',
      badMemory, // Enter on a reversed range: refused, the box stays open
      '8-64',
      { pickMany: ['Standard_LRS', 'StandardSSD_LRS'] },
      'arm-plan',
      'contoso',
      'arm-product',
      CREATE,
    ]);
    const created = await createDefinition(gallery, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.ok(created, 'the Arm64 definition was created');

    // The security types offered for Generation 2: every one, none refused.
    const security = prompter.prompts.find((p) => p.title.includes(': Security type ('));
    assert.deepEqual(security?.items?.map((i) => i.label), SECURITY_TYPES.map(describeSecurityType));
    assert.deepEqual(security?.items?.filter((i) => i.refusal !== undefined), [], 'nothing refused for V2');

    const memory = prompter.messagesFor('Recommended memory');
    assert.equal(memory.get(badMemory), validateRangeText(badMemory, 'memory (GB)'));
    assert.match(memory.get(badMemory) ?? '', /no larger than the maximum/);
    assert.equal(memory.get('8-64'), undefined);
    // Azure stores any text as a link: http:// is a warning shown while typing, never a refusal.
    assert.equal(prompter.messagesFor('Privacy statement link').get('http://contoso.example/arm/privacy'), undefined);
    assert.match(prompter.warningsFor('Privacy statement link').get('http://contoso.example/arm/privacy') ?? '', /https:\/\//);
    const summary = prompter.prompts.at(-1);
    assert.ok(summary?.items?.some((i) => i.label === 'Recommended memory (GB)' && i.description === '8-64'), 'the summary shows the memory range');
    assert.ok(summary?.items?.some((i) => i.label === 'Purchase plan' && i.description === 'arm-plan / contoso / arm-product'));

    const p = resource(await emulatorState(), created.id)?.properties ?? {};
    assert.equal(p.architecture, 'Arm64');
    assert.equal(p.hyperVGeneration, 'V2');
    assert.equal(p.eula, 'https://contoso.example/arm/eula');
    assert.equal(p.privacyStatementUri, 'https://contoso.example/arm/privacy');
    assert.equal(p.releaseNoteUri, 'https://contoso.example/arm/release-notes');
    assert.match(String(p.endOfLifeDate), /^2036-01-15T00:00:00/);
    assert.deepEqual(p.recommended, { vCPUs: { min: 4, max: 32 }, memory: { min: 8, max: 64 } });
    assert.deepEqual(p.disallowed, { diskTypes: ['Standard_LRS', 'StandardSSD_LRS'] });
    assert.deepEqual(p.purchasePlan, { name: 'arm-plan', publisher: 'contoso', product: 'arm-product' });
  });

  it('offers the Generation 2 security types for V2 only: for V1 each is listed as refused, with the reason, and picking one is refused', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const base: ScriptedAnswer[] = ['sec-list-def', 'Linux', 'Generalized'];
    const tail: ScriptedAnswer[] = ['Contoso', 'SecList', 'sec-1', 'x64'];
    const v2 = new ScriptedPrompter([...base, 'V2', ...tail, CANCEL]);
    await createDefinition(gallery, { prompter: v2 });
    assert.deepEqual(v2.problems, []);
    const v2Items = v2.prompts.at(-1)?.items ?? [];
    assert.match(v2.prompts.at(-1)?.title ?? '', /: Security type \(/);
    for (const t of GEN2_ONLY) {
      const listed = v2Items.find((i) => i.label === describeSecurityType(t));
      assert.ok(listed, `${t} is offered for V2`);
      assert.equal(listed.refusal, undefined, `${t} can be picked for V2`);
    }
    assert.deepEqual(v2.prompts.at(-1)?.selected, ['Trusted launch supported'], 'the V2 default');

    const before = await galleryImageCounts();
    const v1 = new ScriptedPrompter([...base, 'V1', ...tail, ...GEN2_ONLY.map((t) => describeSecurityType(t)), 'Standard', CANCEL]);
    await createDefinition(gallery, { prompter: v1 });
    assert.deepEqual(v1.problems, []);
    const v1Security = v1.prompts.find((p) => p.title.includes(': Security type ('));
    for (const t of GEN2_ONLY) {
      const listed = v1Security?.items?.find((i) => i.label === describeSecurityType(t));
      assert.equal(listed?.refusal, validateDefinitionShape({ hyperVGeneration: 'V1', securityType: t }), `${t} is refused for V1 with the reason`);
      assert.equal(listed?.detail, '$(circle-slash) Needs Generation 2 (V2)');
    }
    assert.deepEqual(
      v1.refusals.map((r) => r.reason),
      GEN2_ONLY.map((t) => validateDefinitionShape({ hyperVGeneration: 'V1', securityType: t })),
      'each Generation 2 type picked for V1 is refused',
    );
    assert.match(v1.refusals[0]?.reason ?? '', /^Choose Generation 2 \(V2\) for Trusted launch supported, or security type Standard for Generation 1\.$/);
    assert.match(v1.prompts.at(-1)?.title ?? '', /: Summary \(/, 'Standard is accepted and the summary follows');
    assert.deepEqual(await galleryImageCounts(), before);
  });

  it('Escape at each advanced step (and at the palette’s gallery and definition pickers) creates nothing', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const base: ScriptedAnswer[] = ['esc-adv-def', 'Linux', 'Generalized', 'V2', 'Contoso', 'EscAdvanced', 'esc-adv-1', 'x64', 'Standard', ADVANCED];
    // The advanced item ticked, the answers before the step, and the step Escape is pressed at.
    const table: { tick: string; before: ScriptedAnswer[]; step: string }[] = [
      { tick: 'EULA link', before: [], step: 'EULA link' },
      { tick: 'Privacy statement link', before: [], step: 'Privacy statement link' },
      { tick: 'Release notes link', before: [], step: 'Release notes link' },
      { tick: 'End-of-life date', before: [], step: 'End-of-life date' },
      { tick: 'Recommended vCPUs', before: [], step: 'Recommended vCPUs' },
      { tick: 'Recommended memory', before: [], step: 'Recommended memory' },
      { tick: 'Disallowed disk types', before: [], step: 'Disallowed disk types' },
      { tick: 'Purchase plan', before: [], step: 'Plan name' },
      { tick: 'Purchase plan', before: ['esc-plan'], step: 'Plan publisher' },
      { tick: 'Purchase plan', before: ['esc-plan', 'contoso'], step: 'Plan product' },
      { tick: 'Purchase plan', before: ['esc-plan', 'contoso', 'esc-product'], step: 'Summary' },
    ];
    const before = await galleryImageCounts();
    const reached: string[] = [];
    for (const row of table) {
      const prompter = new ScriptedPrompter([...base, { pickMany: [row.tick] }, ...row.before, CANCEL]);
      assert.equal(await createDefinition(gallery, { prompter }), undefined, `Escape at ${row.step}`);
      assert.deepEqual(prompter.problems, [], `Escape at ${row.step}`);
      assert.equal(prompter.remaining, 0);
      const last = prompter.prompts.at(-1)?.title ?? '';
      assert.ok(last.startsWith(`Create Image Definition: ${row.step} (`), `Escape was pressed at ${row.step}, not at ${last}`);
      reached.push(last);
    }
    // Escape at the Advanced list itself.
    const atList = new ScriptedPrompter([...base, CANCEL]);
    assert.equal(await createDefinition(gallery, { prompter: atList }), undefined);
    assert.match(atList.prompts.at(-1)?.title ?? '', /^Create Image Definition: Advanced \(step 11 of 12\)$/);
    assert.deepEqual(atList.problems, []);

    // From the palette (no node): Escape at the gallery picker, and at Create Image Version's definition picker.
    const galleryPicker = new ScriptedPrompter([CANCEL]);
    assert.equal(await createDefinition({ prompter: galleryPicker }), undefined);
    assert.deepEqual(galleryPicker.problems, []);
    assert.equal(galleryPicker.prompts[0]?.title, 'Create Image Definition: Gallery (step 1 of 11)');
    assert.ok(galleryPicker.prompts[0]?.items?.some((i) => i.label === 'contoso_images'), 'the picker was showing the galleries');
    const definitionPicker = new ScriptedPrompter([CANCEL]);
    assert.equal(await createVersion({ prompter: definitionPicker }), undefined);
    assert.deepEqual(definitionPicker.problems, []);
    assert.match(definitionPicker.prompts[0]?.title ?? '', /^Create Image Version: Definition \(step 1 of \d+\)$/);
    assert.ok(definitionPicker.prompts[0]?.items?.some((i) => i.label === 'ubuntu-22.04-lts'), 'the picker was showing the definitions');
    assert.equal(definitionPicker.prompts.length, 1);

    assert.equal(reached.length, table.length);
    assert.deepEqual(await galleryImageCounts(), before, 'no definition or version was created');
  });
});
