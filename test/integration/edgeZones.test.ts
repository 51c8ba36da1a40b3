// Edge zones (publishingProfile.targetExtendedLocations) through Create Image Version's steps and
// Update Image Version (steps and options object), against the local Azure: the JSON Azure holds
// afterwards is read back raw, and an update changes only the edge zones it names.
// Also: the two Trusted launch opt-out values real clients send (Standard, None) are taken.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RICH_IDS } from '../emulator/seeds/richSources';
import { RICH_DEFINITION, richVersionRequests } from '../fixtures/rich-versions/index';
import type { ScriptedAnswer, RecordedPrompt } from '../support/scriptedPrompter';
import { arm, differences, settled } from './armHelpers';
import { GALLERY_ID, ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { emulatorAdmin, nodeAt, refreshAll } from './helpers';
import { assertNoProblems, clearRequestLog, writes } from './shareHelpers';

type Json = Record<string, unknown>;
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const zonesOf = (r: Json) => ((r.properties as Json).publishingProfile as { targetExtendedLocations?: Json[] }).targetExtendedLocations;
const EDGE_VERSION = `${RICH_DEFINITION}/versions/2.0.0`;
const LA = { name: 'westus', extendedLocation: { name: 'microsoftlosangeles1', type: 'EdgeZone' } };

/** Answers each prompt by its step name (the longest name that matches), Enter on the others. */
function byStep(answers: Record<string, ScriptedAnswer>, count = 30): ScriptedAnswer[] {
  const names = Object.keys(answers).sort((a, b) => b.length - a.length);
  const answer = (p: RecordedPrompt): ScriptedAnswer => {
    const name = names.find((n) => p.title.includes(`: ${n} (`) || p.title.endsWith(`: ${n}`));
    return name ? answers[name]! : { accept: true };
  };
  return Array.from({ length: count }, () => answer);
}

/** The PATCH bodies the extension sent for a version (the traffic log keeps them). */
async function patchBodies(id: string): Promise<Json[]> {
  const log = (await emulatorAdmin('GET', '/_admin/traffic')) as { liveRequest: { method: string; url: string; body?: unknown } }[];
  return log
    .filter((t) => t.liveRequest.method === 'PATCH' && new URL(t.liveRequest.url).pathname.toLowerCase() === id.toLowerCase())
    .map((t) => (typeof t.liveRequest.body === 'string' ? (JSON.parse(t.liveRequest.body) as Json) : (t.liveRequest.body as Json)));
}

describe('Edge zones in Create Image Version (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 200 });

  it('offers no edge zones by default: Enter through every step sends none', async () => {
    const prompter = new ScriptedPrompter(byStep({ Summary: { pick: /^Create image version$/ } }));
    const version = await run<{ id: string }>('createImageVersion', { definition: UBUNTU_ID, version: '7.0.0', source: RICH_IDS.osSnapshot, edit: true, prompter });
    assertNoProblems(prompter);
    assert.ok(version, 'created');
    const edge = prompter.prompts.find((p) => /: Edge zones \(/.test(p.title));
    assert.deepEqual(edge?.selected, ['No edge zones'], 'the default answer is none');
    assert.equal(zonesOf(await settled(version.id)), undefined, 'nothing was sent');
    const summary = prompter.prompts.find((p) => /: Summary \(/.test(p.title));
    assert.ok(summary?.items?.some((i) => i.label === 'Edge zones' && i.description === '(none)'));
  });

  it('a listed edge zone and a typed one, with replicas and the storage type, shown in the summary and held by Azure as sent', async () => {
    const prompter = new ScriptedPrompter(
      byStep({
        'Edge zones': { pick: /^Add edge zones/ },
        'Edge zones — which': { pickMany: ['Microsoft Los Angeles 1', 'Type other edge zones…'] },
        'Edge zones — typed': 'australiaeast/perth',
        'Edge zone replicas': 'perth=3, microsoftlosangeles1=2',
        'Edge zone storage': { pick: 'StandardSSD_LRS' },
        Summary: { pick: /^Create image version$/ },
      }),
    );
    const version = await run<{ id: string }>('createImageVersion', { definition: UBUNTU_ID, version: '7.0.1', source: RICH_IDS.osSnapshot, edit: true, prompter });
    assertNoProblems(prompter);
    assert.deepEqual(ui.errors(), []);
    assert.ok(version);
    const which = prompter.prompts.find((p) => p.title.includes('Edge zones — which'));
    assert.deepEqual(which?.items?.map((i) => i.description).filter(Boolean).slice(0, 2), ['westus/microsoftlosangeles1', 'australiaeast/perth'], 'the edge zones Azure lists');
    const summary = prompter.prompts.find((p) => /: Summary \(/.test(p.title));
    assert.equal(summary?.items?.find((i) => i.label === 'Edge zones')?.detail, 'westus/microsoftlosangeles1 ×2 (StandardSSD_LRS), australiaeast/perth ×3 (StandardSSD_LRS)');
    assert.deepEqual(zonesOf(await settled(version.id)), [
      { ...LA, extendedLocationReplicaCount: 2, storageAccountType: 'StandardSSD_LRS' },
      { name: 'australiaeast', extendedLocation: { name: 'perth', type: 'EdgeZone' }, extendedLocationReplicaCount: 3, storageAccountType: 'StandardSSD_LRS' },
    ]);
  });

  it("refuses a typed edge zone without its region as typed, and leaves replicas and storage to Azure's default when not chosen", async () => {
    // The typed step is probed first (messages recorded, Enter not pressed), then answered.
    let probed = false;
    const typed = (): ScriptedAnswer => {
      if (probed) return 'westus/microsoftlosangeles1';
      probed = true;
      return { probe: ['microsoftlosangeles1', 'westus/'] };
    };
    const steps = byStep({
      'Edge zones': { pick: /^Add edge zones/ },
      'Edge zones — which': { pickMany: ['Type other edge zones…'] },
      Summary: { pick: /^Create image version$/ },
    });
    const answers = steps.map((a): ScriptedAnswer => (p) => (p.title.includes('Edge zones — typed') ? typed() : typeof a === 'function' ? a(p) : a));
    const scripted = new ScriptedPrompter(answers);
    const version = await run<{ id: string }>('createImageVersion', { definition: UBUNTU_ID, version: '7.0.2', source: RICH_IDS.osSnapshot, edit: true, prompter: scripted });
    assertNoProblems(scripted);
    assert.ok(version);
    const messages = [...scripted.messagesFor('Edge zones — typed').values()];
    assert.match(messages[0] ?? '', /^Type each edge zone as region\/edgezone, for example westus\/microsoftlosangeles1 \(not "microsoftlosangeles1"\)/);
    assert.match(messages[1] ?? '', /region\/edgezone/);
    assert.deepEqual(zonesOf(await settled(version.id)), [LA], "no replica count or storage type sent: Azure's defaults");
  });
});

describe('Edge zones in Update Image Version (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 200 });
  let before: Json;

  beforeEach(async () => {
    const requests = richVersionRequests();
    for (const r of [...requests.slice(0, 2), ...requests.filter((q) => q.path === EDGE_VERSION)]) {
      await arm(r.method, r.path, r.body);
      await settled(r.path);
    }
    before = await settled(EDGE_VERSION);
    await refreshAll();
    await emulatorAdmin('DELETE', '/_admin/traffic').catch(() => undefined);
    await clearRequestLog();
  });

  it('options: a replica count changed and an edge zone added; the kept one is Azure\'s own object, nothing else changes', async () => {
    await run('updateImageVersion', {
      version: EDGE_VERSION,
      targetExtendedLocations: [
        { name: 'eastus', edgeZone: 'microsoftnewyork1', replicas: 3 },
        { name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: 2, storageAccountType: 'Premium_LRS' },
      ],
    });
    assert.deepEqual(ui.errors(), []);
    const after = await settled(EDGE_VERSION);
    const paths = differences(before, after).filter((p) => !/provisioningState$|replicationStatus/.test(p));
    assert.ok(paths.length > 0 && paths.every((p) => p.startsWith('properties.publishingProfile.targetExtendedLocations')), paths.join(', '));
    assert.deepEqual(zonesOf(after), [
      { name: 'East US', extendedLocation: { name: 'microsoftnewyork1', type: 'EdgeZone' }, extendedLocationReplicaCount: 3, storageAccountType: 'StandardSSD_LRS' },
      { ...LA, extendedLocationReplicaCount: 2, storageAccountType: 'Premium_LRS' },
    ]);
    const [body] = await patchBodies(EDGE_VERSION);
    assert.deepEqual(Object.keys((body?.properties as Json) ?? {}), ['publishingProfile'], 'only the publishing profile is sent');
    assert.deepEqual(Object.keys(((body?.properties as Json).publishingProfile as Json) ?? {}), ['targetExtendedLocations'], 'only the edge zones are sent');
  });

  it('refuses changing the storage type of a replicated edge zone before sending (Azure: not updatable)', async () => {
    assert.equal(await run('updateImageVersion', { version: EDGE_VERSION, targetExtendedLocations: [{ name: 'eastus', edgeZone: 'microsoftnewyork1', storageAccountType: 'Premium_LRS' }] }), undefined);
    await ui.waitFor('error', /eastus\/microsoftnewyork1 keeps its storage type StandardSSD_LRS: Azure cannot change it/);
    assert.deepEqual(await writes(), []);
  });

  it('steps: removing the edge zone is confirmed; declining sends nothing, confirming removes it and only it', async () => {
    const node = await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux', '2.0.0');
    const answers = (confirm: boolean): ScriptedAnswer[] => [{ pickMany: ['Edge zones'] }, { pickMany: [] }, { pick: /^Save changes/ }, { confirm }];
    const declined = new ScriptedPrompter(answers(false));
    assert.equal(await run('updateImageVersion', node, { prompter: declined }), undefined);
    assertNoProblems(declined);
    const summary = declined.prompts.find((p) => /: Summary \(/.test(p.title));
    assert.deepEqual(
      summary?.items?.filter((i) => /Edge zones/.test(i.label)).map((i) => `${i.label}: ${i.description}`),
      ['$(warning) Edge zones: removes eastus/microsoftnewyork1 (its replicas are deleted)'],
    );
    const question = declined.prompts.find((p) => p.kind === 'confirm');
    assert.match(question?.title ?? '', /Remove the edge zone eastus\/microsoftnewyork1 from image version 2\.0\.0/);
    assert.deepEqual(await writes(), [], 'declined: nothing sent');

    const confirmed = new ScriptedPrompter(answers(true));
    await run('updateImageVersion', node, { prompter: confirmed });
    assertNoProblems(confirmed);
    const after = await settled(EDGE_VERSION);
    assert.deepEqual(zonesOf(after), []);
    const paths = differences(before, after).filter((p) => !/provisioningState$|replicationStatus/.test(p));
    assert.ok(paths.every((p) => p.startsWith('properties.publishingProfile.targetExtendedLocations')), paths.join(', '));
  });

  it('steps: add a listed edge zone with its storage type, and change the kept one\'s replicas', async () => {
    const node = await nodeAt('Contoso Production', 'rich_gallery', 'rich-linux', '2.0.0');
    const prompter = new ScriptedPrompter([
      { pickMany: ['Edge zones'] },
      { pickMany: ['microsoftnewyork1', 'Perth'] },
      'microsoftnewyork1=2, perth=1',
      { pick: 'Premium_LRS' },
      { pick: /^Save changes/ },
    ]);
    await run('updateImageVersion', node, { prompter });
    assertNoProblems(prompter);
    const edge = prompter.prompts.find((p) => /: Edge zones \(/.test(p.title));
    assert.deepEqual(edge?.selected, ['microsoftnewyork1'], 'the edge zone the version has is selected');
    const summary = prompter.prompts.find((p) => /: Summary \(/.test(p.title));
    assert.equal(summary?.items?.find((i) => i.label === 'Edge zones')?.description, 'adds australiaeast/perth; eastus/microsoftnewyork1 1 → 2 replicas');
    assert.deepEqual(zonesOf(await settled(EDGE_VERSION)), [
      { name: 'East US', extendedLocation: { name: 'microsoftnewyork1', type: 'EdgeZone' }, extendedLocationReplicaCount: 2, storageAccountType: 'StandardSSD_LRS' },
      { name: 'australiaeast', extendedLocation: { name: 'perth', type: 'EdgeZone' }, extendedLocationReplicaCount: 1, storageAccountType: 'Premium_LRS' },
    ]);
  });
});

describe('Trusted launch opt-out values (local Azure)', () => {
  useDemoSession({ replicationMs: 200 });
  const definition = (name: string, generation: string, value: string) => ({
    location: 'eastus',
    properties: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: generation, identifier: { publisher: 'Contoso', offer: 'OptOut', sku: name }, features: [{ name: 'SecurityType', value }] },
  });

  it('takes SecurityType Standard (the CLI, the Trusted launch doc) and None (PowerShell) on Gen2 and Gen1, stored as sent; refuses other values', async () => {
    for (const [name, generation, value] of [['std-v2', 'V2', 'Standard'], ['none-v2', 'V2', 'None'], ['none-v1', 'V1', 'None']] as const) {
      const got = await arm('PUT', `${GALLERY_ID}/images/optout-${name}`, definition(name, generation, value));
      assert.deepEqual((got.properties as Json).features, [{ name: 'SecurityType', value }], `${name} stored as sent`);
    }
    await assert.rejects(arm('PUT', `${GALLERY_ID}/images/optout-bogus`, definition('bogus', 'V2', 'Bogus')), /400 .*SecurityType.*Allowed values are: .*None/);
  });
});
