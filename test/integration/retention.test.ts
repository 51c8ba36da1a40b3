// Clean Up Old Versions (issue 14, item 4) in the real extension host against the local Azure: a
// definition with 200 versions (the scale seed's image-retention: 1.0.i published 199-i days ago,
// every tenth past its end of life, 1.0.1 blocked from deletion until a future end of life, 1.0.2
// pinned by a VM, 1.0.198 excluded from latest, 1.0.199 latest).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CleanUpReport } from '../../src/commands/cleanUpVersions';
import { CANCEL, ScriptedPrompter, UiRecorder, emulatorState } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, labels, refreshAll, signOut } from './helpers';
import { assertNoProblems, clearRequestLog, requestLog, writes } from './shareHelpers';

const SUBSCRIPTION = '00000000-0000-4000-9000-000000000001';
const DEFINITION = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-scale/providers/Microsoft.Compute/galleries/gallery_001/images/image-retention`;
const RULES = { keepNewest: 20, olderThanDays: 30, pastEndOfLife: true, keepLatest: true, keepInUse: true };
const RULE_PICKS = ['Keep the newest N versions', 'Delete versions older than D days', 'Delete versions past their end of life', 'Never delete the latest', 'Never delete a version in use'];

/**
 * What the rules delete: 1.0.0–1.0.168 are older than 30 days and 1.0.170 is past its end of life
 * (1.0.180, 1.0.190 too, but they are among the newest 20, 1.0.180–1.0.199); 1.0.1 (blocked) and
 * 1.0.2 (in use) stay.
 */
const EXPECTED_DELETIONS = [...Array.from({ length: 169 }, (_, i) => i), 170].filter((i) => i !== 1 && i !== 2).map((i) => `1.0.${i}`);

const cleanUp = (...args: unknown[]) => vscode.commands.executeCommand<CleanUpReport | undefined>('azureComputeGallery.cleanUpVersions', ...args);
const verdictOf = (report: CleanUpReport | undefined, name: string) => report?.plans[0]?.verdicts.find((v) => v.name === name);
const versionsLeft = async () =>
  Object.values((await emulatorState()).resources)
    .filter((r) => r.id.toLowerCase().startsWith(`${DEFINITION.toLowerCase()}/versions/`))
    .map((r) => r.name);

describe('Clean Up Old Versions: retention rules over 200 versions (extension host, local Azure)', () => {
  const ui = new UiRecorder();
  const rulesFile = path.join(os.tmpdir(), `acg-retention-${process.pid}.json`);
  before(async function () {
    this.timeout(60_000);
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'scale', seedOptions: { subscriptions: 1, galleries: 1, images: 1, versions: 1, retentionVersions: 200 } });
    await extensionApi();
    // Signed in as the local Azure's service principal (signInToLocalAzure waits for the demo seed's subscriptions).
    await vscode.workspace.getConfiguration('azureComputeGallery').update('authentication', 'servicePrincipal', vscode.ConfigurationTarget.Global);
    await eventually(async () => {
      // The tree may still hold the suite before's subscriptions (the setting was already this value).
      await refreshAll();
      const roots = await labels(await children());
      if (!roots.includes('Scale Subscription 001')) throw new Error(`not signed in yet: ${roots.join(', ')}`);
    });
    await ui.install();
  });
  after(async () => {
    fs.rmSync(rulesFile, { force: true });
    await ui.uninstall();
    await signOut();
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
  });
  beforeEach(() => ui.clear());

  it('a dry run gives every version its verdict and reason, reading only the list pages and one Resource Graph query, and sends nothing', async () => {
    await clearRequestLog();
    const report = await cleanUp({ definition: DEFINITION, ...RULES, dryRun: true, rulesFile });
    assert.equal(report?.plans[0]?.verdicts.length, 200);
    assert.deepEqual(report.plans[0]!.verdicts.filter((v) => v.verdict === 'delete').map((v) => v.name).sort(), [...EXPECTED_DELETIONS].sort());
    assert.equal(report.deleteCount, 168);
    assert.deepEqual(await writes(), []);
    const reads = (await requestLog()).filter((r) => !/\/oauth2\/|\/token$|^\/_admin/i.test(r.path));
    assert.equal(reads.filter((r) => /\/versions$/i.test(r.path.split('?')[0]!)).length, 2, 'two pages of 100');
    assert.equal(reads.filter((r) => /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!)).length, 1);
    assert.equal(report.readRequests, 3);
    // The tree's own watcher may read other versions meanwhile; the dry run reads none of this definition's.
    const perVersion = reads.filter((r) => r.path.toLowerCase().startsWith(`${DEFINITION.toLowerCase()}/versions/`)).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(perVersion, [], 'nothing per version');

    assert.match(verdictOf(report, '1.0.199')!.reason, /^it is the latest/);
    assert.match(verdictOf(report, '1.0.1')!.reason, /^deletion blocked until its end of life \d{4}-\d{2}-\d{2} \(blockDeletionBeforeEndOfLife\)/);
    assert.match(verdictOf(report, '1.0.2')!.reason, /^VMs or scale sets use it/);
    assert.match(verdictOf(report, '1.0.0')!.reason, /^past its end of life \d{4}-\d{2}-\d{2}, and published 199 days ago \(more than 30\)$/);
    assert.equal(verdictOf(report, '1.0.180')!.verdict, 'keep');
    assert.match(verdictOf(report, '1.0.180')!.reason, /^it is among the newest 20 \(number 20 by version\) \(though past its end of life/);
    assert.equal(verdictOf(report, '1.0.175')!.reason, 'published 24 days ago, no end-of-life date');
  });

  it('the wizard: rules picked and typed, the dry run lists deletions first with reasons; Escape there deletes nothing', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pickMany: RULE_PICKS }, { probe: ['x', ''] }, '20', '30', CANCEL]);
    assert.equal(await cleanUp({ definition: DEFINITION, prompter, rulesFile }), undefined);
    assertNoProblems(prompter);
    assert.deepEqual(prompter.validations.map((v) => v.message !== undefined), [true, true, false, false], '"x" and "" refused as typed; 20 and 30 taken');
    const dryRun = prompter.prompts.at(-1)!;
    assert.equal(dryRun.kind, 'pick');
    const items = dryRun.items ?? [];
    assert.equal(items[0]?.label, '$(trash) Delete 168 versions, keep 32');
    assert.equal(items[1]?.label, '$(trash) 1.0.170');
    assert.match(items[1]?.detail ?? '', /^past its end of life \d{4}-\d{2}-\d{2}$/);
    assert.equal(items.filter((i) => i.description === 'delete').length, 168);
    assert.equal(items.filter((i) => i.description === 'keep').length, 32);
    const kinds = items.map((i) => i.description).filter((d) => d === 'delete' || d === 'keep');
    assert.deepEqual(kinds, [...Array<string>(168).fill('delete'), ...Array<string>(32).fill('keep')], 'deletions first');
    assert.match(dryRun.placeholder ?? '', /^Dry run of image definition image-retention: keep the newest 20; delete older than 30 days; delete past end of life; never delete the latest; never delete one in use/);
    assert.deepEqual(await writes(), []);
  });

  it('saved rules are written to the workspace file and offered first, to run with one click', async () => {
    await cleanUp({ definition: DEFINITION, ...RULES, save: true, dryRun: true, rulesFile });
    const saved = JSON.parse(fs.readFileSync(rulesFile, 'utf8')) as { definitions: Record<string, unknown> };
    assert.deepEqual(saved.definitions[DEFINITION.toLowerCase()], RULES);
    const prompter = new ScriptedPrompter(['Run the saved rules', CANCEL]);
    assert.equal(await cleanUp({ definition: DEFINITION, prompter, rulesFile }), undefined);
    assertNoProblems(prompter);
    assert.equal(prompter.prompts[0]?.items?.[0]?.label, '$(play) Run the saved rules');
    assert.equal(prompter.prompts[1]?.items?.[0]?.label, '$(trash) Delete 168 versions, keep 32');
  });

  it('the run deletes exactly the planned versions, never the latest, the one in use or the blocked one, and reports each', async function () {
    this.timeout(180_000);
    await clearRequestLog();
    // Rules are saved now (the test above): choosing others is the second line of the first step.
    const prompter = new ScriptedPrompter(['Choose rules…', { pickMany: RULE_PICKS }, '20', '30', { pick: /^Delete 168 versions/ }, { confirm: true }]);
    const report = await cleanUp({ definition: DEFINITION, prompter, rulesFile });
    assertNoProblems(prompter);
    const confirm = prompter.prompts.at(-1)!;
    assert.equal(confirm.kind, 'confirm');
    assert.match(confirm.detail ?? '', /^• 1\.0\.170 of image-retention\n/);
    assert.match(confirm.detail ?? '', /• and 148 more$/);
    assert.equal(report?.results?.length, 168);
    assert.ok(report.results.every((r) => r.outcome === 'deleted'));
    const deletes = (await writes()).filter((w) => w.startsWith('DELETE ')).map((w) => w.split('/').pop()!);
    assert.deepEqual(deletes.sort(), [...EXPECTED_DELETIONS].sort());
    const left = await versionsLeft();
    assert.equal(left.length, 32);
    for (const kept of ['1.0.199', '1.0.198', '1.0.1', '1.0.2', '1.0.180']) assert.ok(left.includes(kept), kept);
    await ui.waitFor('info', /^Deleted 168 versions of image definition image-retention; kept 32 as the rules say\.$/);
  });

  it('on a gallery: one plan per definition, from the same rules', async () => {
    const gallery = DEFINITION.replace(/\/images\/image-retention$/, '');
    const report = await cleanUp({ gallery, keepNewest: 1, keepLatest: true, dryRun: true, rulesFile });
    assert.deepEqual(report?.plans.map((p) => `${p.name} ${p.verdicts.length}`).sort(), ['image-001 1', 'image-many 0', 'image-replicating 0', 'image-retention 32']);
  });

  it('a partial failure: every other version is deleted, the refused one is named with Azure’s code, and the report is still returned', async function () {
    this.timeout(60_000);
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'error', status: 409, code: 'Conflict', message: 'Injected: refused', method: 'DELETE', path: 'image-retention/versions/1\\.0\\.173$' }] });
    try {
      const result = await cleanUp({ definition: DEFINITION, keepNewest: 25, keepLatest: true, keepInUse: true, confirmed: true, rulesFile });
      assert.deepEqual(result?.results?.map((r) => `${r.item.name} ${r.outcome}${r.code ? ` ${r.code}` : ''}`), [
        '1.0.174 of image-retention deleted',
        '1.0.173 of image-retention failed Conflict',
        '1.0.172 of image-retention deleted',
        '1.0.171 of image-retention deleted',
        '1.0.169 of image-retention deleted',
      ]);
      await ui.waitFor('error', /^Clean Up Old Versions: deleted 4 of 5 versions of image definition image-retention: could not delete 1\.0\.173 of image-retention: Injected: refused/);
      const left = await versionsLeft();
      assert.deepEqual(['1.0.174', '1.0.172', '1.0.171', '1.0.169'].filter((v) => left.includes(v)), []);
      assert.ok(left.includes('1.0.173') && left.includes('1.0.1') && left.includes('1.0.2'));
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    }
  });
});
