import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageDefinition } from '../../src/azure/types';
import { validateDefinitionShape } from '../../src/model/imageRules';
import { validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../../src/model/names';
import { BACK, CANCEL, GALLERY_ID, ScriptedPrompter, type ScriptedAnswer, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { extensionApi, item, nodeAt } from './helpers';

const CREATE = { pick: /^Create image definition$/ };

async function createDefinition(...args: unknown[]): Promise<ImageDefinition | undefined> {
  return vscode.commands.executeCommand<ImageDefinition | undefined>('azureComputeGallery.createImageDefinition', ...args);
}

describe('Create Image Definition (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it("creates a definition from the gallery's menu with the defaults (V2, x64, Trusted launch supported) in the gallery's region", async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const prompter = new ScriptedPrompter(['rocky-9', 'Linux', 'Generalized', { accept: true }, 'Contoso', 'Rocky', '9-gen2', { accept: true }, { accept: true }, CREATE]);
    const created = await createDefinition(gallery, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles, [
      'Create Image Definition: Name (step 1 of 10)',
      'Create Image Definition: OS type (step 2 of 10)',
      'Create Image Definition: OS state (step 3 of 10)',
      'Create Image Definition: VM generation (step 4 of 10)',
      'Create Image Definition: Publisher (step 5 of 10)',
      'Create Image Definition: Offer (step 6 of 10)',
      'Create Image Definition: SKU (step 7 of 10)',
      'Create Image Definition: Architecture (step 8 of 10)',
      'Create Image Definition: Security type (step 9 of 10)',
      'Create Image Definition: Summary (step 10 of 10)',
    ]);
    assert.deepEqual(prompter.prompts[3].selected, ['V2'], 'Generation 2 is the default');
    assert.deepEqual(prompter.prompts[8].selected, ['Trusted launch supported']);
    assert.ok(created);
    assert.equal(created.location, 'eastus');
    const stored = resource(await emulatorState(), created.id);
    assert.deepEqual(stored?.properties.features, [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }]);
    assert.deepEqual(stored?.properties.identifier, { publisher: 'Contoso', offer: 'Rocky', sku: '9-gen2' });
    const node = await nodeAt('Contoso Production', 'contoso_images', 'rocky-9');
    const description = String((await item(node)).description);
    assert.match(description, /Linux/);
    assert.match(description, /Trusted launch supported/);
    const api = await extensionApi();
    assert.equal((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId, created.id);
    const done = await ui.waitFor('info', /^Created image definition rocky-9 in contoso_images\.$/);
    assert.deepEqual(done.actions, ['Create Image Version']);
  });

  it('refuses Arm64 and the Generation 2 security types for V1, and fills in every advanced setting', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const advanced = ['Description', 'EULA link', 'Privacy statement link', 'Release notes link', 'End-of-life date', 'Recommended vCPUs', 'Recommended memory', 'Disallowed disk types', 'Purchase plan'];
    const prompter = new ScriptedPrompter([
      'legacy-app',
      'Windows',
      'Specialized',
      'V1',
      'Contoso',
      'LegacyApp',
      'v1-sku',
      'Arm64',
      'x64',
      'Trusted launch',
      'Standard',
      { pick: /^Advanced…$/ },
      { pickMany: advanced },
      'Legacy line-of-business app',
      { probe: ['http://contoso.example/eula', 'eula'] },
      'https://contoso.example/eula',
      'https://contoso.example/privacy',
      'https://contoso.example/notes',
      { probe: ['2020-01-01', 'next year', '2031-02-30'] },
      '2035-06-30',
      { probe: ['16-2', '0-4', 'many'] },
      '2-16',
      '4-',
      { pickMany: ['Premium_LRS', 'UltraSSD_LRS'] },
      { probe: [''] },
      'plan-a',
      'contoso',
      'legacy-product',
      CREATE,
    ]);
    const created = await createDefinition(gallery, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.refusals.map((r) => r.reason), [
      validateDefinitionShape({ hyperVGeneration: 'V1', architecture: 'Arm64' }),
      validateDefinitionShape({ hyperVGeneration: 'V1', securityType: 'TrustedLaunch' }),
    ]);
    const security = prompter.prompts.find((p) => p.title.includes('Security type'));
    assert.deepEqual(security?.items?.filter((i) => !i.refusal).map((i) => i.label), ['Standard'], 'V1 allows only Standard');
    assert.deepEqual(security?.selected, ['Standard']);
    assert.equal(prompter.prompts.find((p) => p.title.includes('Advanced'))?.title, 'Create Image Definition: Advanced (step 11 of 12)');
    assert.equal(prompter.prompts.at(-1)?.title, 'Create Image Definition: Summary (step 23 of 23)');
    // Azure takes any text as a link: an http:// link or a plain word is a warning, never a refusal.
    assert.equal(prompter.messagesFor('EULA').get('http://contoso.example/eula'), undefined);
    assert.equal(prompter.messagesFor('EULA').get('eula'), undefined);
    assert.match(prompter.warningsFor('EULA').get('http://contoso.example/eula') ?? '', /takes this http:\/\/ link/);
    assert.match(prompter.warningsFor('EULA').get('eula') ?? '', /not a web link/);
    const eol = prompter.messagesFor('End-of-life');
    assert.match(eol.get('2020-01-01') ?? '', /in the future/);
    assert.match(eol.get('next year') ?? '', /YYYY-MM-DD/);
    assert.match(eol.get('2031-02-30') ?? '', /YYYY-MM-DD/, 'a day that does not exist');
    const vcpus = prompter.messagesFor('Recommended vCPUs');
    assert.match(vcpus.get('16-2') ?? '', /no larger than the maximum/);
    assert.match(vcpus.get('0-4') ?? '', /at least 1/);
    assert.match(vcpus.get('many') ?? '', /min-max/);
    assert.match(prompter.messagesFor('Plan name').get('') ?? '', /Enter the plan's name/);
    assert.ok(created);
    const p = resource(await emulatorState(), created.id)?.properties ?? {};
    assert.equal(p.osType, 'Windows');
    assert.equal(p.osState, 'Specialized');
    assert.equal(p.hyperVGeneration, 'V1');
    assert.deepEqual(p.features, [{ name: 'SecurityType', value: 'Standard' }], 'Standard is sent explicitly');
    assert.equal(p.description, 'Legacy line-of-business app');
    assert.equal(p.eula, 'https://contoso.example/eula');
    assert.equal(p.privacyStatementUri, 'https://contoso.example/privacy');
    assert.equal(p.releaseNoteUri, 'https://contoso.example/notes');
    assert.match(String(p.endOfLifeDate), /^2035-06-30T00:00:00/);
    assert.deepEqual(p.recommended, { vCPUs: { min: 2, max: 16 }, memory: { min: 4 } });
    assert.deepEqual(p.disallowed, { diskTypes: ['Premium_LRS', 'UltraSSD_LRS'] });
    assert.deepEqual(p.purchasePlan, { name: 'plan-a', publisher: 'contoso', product: 'legacy-product' });
  });

  it('from the palette asks for the gallery first, and checks every name as it is typed', async () => {
    const before = await inventory();
    const longest = `d${'1'.repeat(79)}`;
    const prompter = new ScriptedPrompter([
      'contoso_images',
      { probe: ['', '-a', 'a-', 'a b', 'a/b', `${longest}x`, longest, 'a', 'a.b_c-d', 'ubuntu-22.04-lts', 'UBUNTU-22.04-LTS'] },
      'new-def',
      'Linux',
      'Generalized',
      { accept: true },
      { probe: ['', 'Con toso', 'p.', 'p'.repeat(129), 'p'.repeat(128)] },
      'Contoso',
      { probe: ['', 'o'.repeat(65), 'o'.repeat(64)] },
      'UbuntuServer',
      { probe: ['', 's.', 's'.repeat(65), 's'.repeat(64), '22_04-lts-gen2', '22_04-LTS-GEN2'] },
      CANCEL,
    ]);
    assert.equal(await createDefinition({ prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    const galleryStep = prompter.prompts[0];
    assert.equal(galleryStep.title, 'Create Image Definition: Gallery (step 1 of 11)');
    assert.ok(galleryStep.items?.some((i) => i.label === 'dev_gallery'), 'galleries of every subscription are offered');
    const names = prompter.messagesFor('Name');
    for (const value of ['', '-a', 'a-', 'a b', 'a/b', `${longest}x`]) assert.equal(names.get(value), validateImageDefinitionName(value), value);
    for (const value of [longest, 'a', 'a.b_c-d']) assert.equal(names.get(value), undefined, `"${value}" is accepted`);
    assert.match(names.get('ubuntu-22.04-lts') ?? '', /already has an image definition named "ubuntu-22.04-lts"/);
    assert.match(names.get('UBUNTU-22.04-LTS') ?? '', /already has/);
    for (const [value, message] of prompter.messagesFor('Publisher')) assert.equal(message, validatePublisher(value), value);
    for (const [value, message] of prompter.messagesFor('Offer')) assert.equal(message, validateOffer(value), value);
    const skus = prompter.messagesFor('SKU');
    for (const value of ['', 's.', 's'.repeat(65), 's'.repeat(64)]) assert.equal(skus.get(value), validateSku(value), value);
    assert.equal(skus.get('s'.repeat(64)), undefined);
    assert.match(skus.get('22_04-lts-gen2') ?? '', /"ubuntu-22.04-lts" already uses publisher Contoso, offer UbuntuServer and SKU 22_04-lts-gen2/);
    assert.match(skus.get('22_04-LTS-GEN2') ?? '', /must be unique/);
    assert.deepEqual(await inventory(), before);
  });

  it('Back keeps the answers', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const prompter = new ScriptedPrompter(['kept-def', 'Windows', 'Generalized', 'V2', 'P1', 'O1', BACK, BACK, { accept: true }, { accept: true }, 'S1', 'Arm64', BACK, BACK, { accept: true }, { accept: true }, CANCEL]);
    await createDefinition(gallery, { prompter });
    assert.deepEqual(prompter.problems, []);
    const values = (part: string) => prompter.prompts.filter((p) => p.title.includes(part)).map((p) => p.value ?? p.selected?.join());
    assert.deepEqual(values('Publisher'), ['', 'P1']);
    assert.deepEqual(values('Offer'), ['', 'O1', 'O1']);
    assert.deepEqual(values('SKU'), ['', '', 'S1']);
    assert.deepEqual(values('Architecture'), ['x64', 'Arm64', 'Arm64'], 'the default first, then the answer kept');
  });

  it('Escape at any step leaves nothing created', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const answers: ScriptedAnswer[] = ['esc-def', 'Linux', 'Generalized', 'V2', 'Contoso', 'Esc', 'esc-1', 'x64', 'Standard', { pick: /^Advanced…$/ }, { pickMany: ['Description'] }, 'desc'];
    const before = await inventory();
    for (let at = 0; at <= answers.length; at++) {
      const prompter = new ScriptedPrompter([...answers.slice(0, at), CANCEL]);
      assert.equal(await createDefinition(gallery, { prompter }), undefined, `Escape after ${at} answers`);
      assert.deepEqual(prompter.problems, []);
    }
    assert.deepEqual(await inventory(), before);
  });

  it('asks nothing when every answer is in the options object (advanced ones included)', async () => {
    const prompter = new ScriptedPrompter([]);
    const created = await createDefinition({
      gallery: GALLERY_ID,
      name: 'quiet-def',
      osType: 'Linux',
      osState: 'Generalized',
      publisher: 'Contoso',
      offer: 'Quiet',
      sku: 'q1',
      recommended: { vCPUs: { min: 2, max: 8 } },
      endOfLifeDate: '2040-01-01',
      prompter,
    });
    assert.equal(prompter.prompts.length, 0);
    const p = resource(await emulatorState(), created?.id ?? '')?.properties ?? {};
    assert.equal(p.hyperVGeneration, 'V2');
    assert.equal(p.architecture, 'x64');
    assert.deepEqual(p.features, [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }], "Azure's default for Gen2 x64 unless asked otherwise, sent explicitly");
    assert.deepEqual(p.recommended, { vCPUs: { min: 2, max: 8 } });
  });

  it('refuses invalid options before sending anything', async () => {
    const before = await inventory();
    const result = await createDefinition({ gallery: GALLERY_ID, name: 'gen1-tl', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1', securityType: 'TrustedLaunch', publisher: 'C', offer: 'O', sku: 'gen1-tl', prompter: new ScriptedPrompter([]) });
    assert.equal(result, undefined);
    assert.ok(ui.errors()[0]?.includes(validateDefinitionShape({ hyperVGeneration: 'V1', securityType: 'TrustedLaunch' }) ?? 'unreachable'), ui.errors()[0]);
    assert.deepEqual(await inventory(), before);
  });

  it("shows Azure's own message and code when Azure refuses (confidential VMs on Arm64)", async () => {
    const result = await createDefinition({
      gallery: GALLERY_ID,
      name: 'arm-cvm',
      osType: 'Linux',
      osState: 'Generalized',
      architecture: 'Arm64',
      securityType: 'ConfidentialVmSupported',
      publisher: 'Contoso',
      offer: 'Arm',
      sku: 'cvm',
      prompter: new ScriptedPrompter([]),
    });
    assert.equal(result, undefined);
    const error = await ui.waitFor('error', /arm-cvm/);
    assert.equal(
      error.message,
      "Could not create image definition \"arm-cvm\": The feature 'SecurityType' with value 'ConfidentialVMSupported' is not supported for Arm64 images. (code InvalidParameter) Correct the value Azure names, then try again.",
    );
    assert.deepEqual(error.actions, ['Edit and Try Again']);
  });
});
