// Browse Community Galleries… (issue 16, item 3) in the real extension host against the local
// Azure's demo seed: the public galleries Azure lists come from one Resource Graph query
// (communitygalleryresources), by region, grouped by publisher; the one picked joins Community.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrowseCommunityReport } from '../../src/commands/browseCommunityGalleries';
import { CANCEL, ScriptedPrompter, useDemoSession } from './createHelpers';
import { child, children, extensionApi, eventually, labels, nodeAt } from './helpers';
import { assertNoProblems, clearRequestLog, requestLog } from './shareHelpers';

const CONTOSO = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';
const FABRIKAM = 'FabrikamPublic-8d1e2f3a-4b5c-4d6e-8f70-112233445566';

const browse = (...args: unknown[]) => vscode.commands.executeCommand<BrowseCommunityReport | undefined>('azureComputeGallery.browseCommunityGalleries', ...args);
const graphQueries = async () => (await requestLog()).filter((r) => r.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!));

describe('Browse Community Galleries… (issue 16): public galleries by region and publisher (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('asks the region (all, or one), then lists every public gallery from one Resource Graph query, by publisher', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pick: 'All regions' }, CANCEL]);
    assert.equal(await browse({ prompter }), undefined, 'cancelled: nothing added');
    assertNoProblems(prompter);
    assert.deepEqual(prompter.titles.map((t) => t.replace(/ \(step.*$/, '')), ['Browse Community Galleries: Region', 'Browse Community Galleries: Gallery']);
    const regions = prompter.prompts[0]!.items!.map((i) => i.label);
    assert.equal(regions[0], '$(globe) All regions');
    assert.ok(regions.includes('West US'), regions.join());
    assert.equal((await graphQueries()).length, 1);
    const galleries = prompter.prompts[1]!.items!;
    // Publishers in alphabetical order: contoso.example, then fabrikam.example.
    assert.deepEqual(galleries.map((i) => i.label), [`$(globe) ${CONTOSO}`, `$(globe) ${FABRIKAM}`]);
    // The publisher's separator is not searched; its e-mail in the detail is, so typing the publisher filters.
    assert.equal(galleries[0]!.description, undefined);
    assert.match(galleries[0]!.detail!, /East US.*West Europe · images@contoso\.example$/);
    assert.match(galleries[1]!.detail!, /West US · images@fabrikam\.example$/);
  });

  it('an empty Community offers Browse beside Add by public name', async () => {
    const rows = await labels(await children(await nodeAt('Community')));
    // Earlier suites remove the galleries they add; if one is left, Community is not empty.
    if (rows.includes('Add a community gallery by its public name…')) assert.deepEqual(rows, ['Add a community gallery by its public name…', 'Browse the community galleries Azure lists…']);
  });

  it('adds the gallery picked in the region browsed, and reveals it under Community', async () => {
    const prompter = new ScriptedPrompter([{ pick: FABRIKAM }]);
    const report = await browse({ location: 'westus', prompter });
    assertNoProblems(prompter);
    assert.deepEqual(report?.galleries.map((g) => g.publicName), [FABRIKAM], 'West US has Fabrikam’s only');
    assert.deepEqual(report?.added, { publicName: FABRIKAM, location: 'westus' });
    assert.equal(report?.revealed, true);
    const api = await extensionApi();
    await eventually(async () => assert.equal((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId, `/CommunityGalleries/${FABRIKAM}`));
    const gallery = await nodeAt('Community', FABRIKAM);
    await child(gallery, 'windows-2019-gen1');
    await vscode.commands.executeCommand('azureComputeGallery.removeCommunityGallery', gallery);
  });

  it('refuses a public name Azure does not list in the region, through the one failure path', async () => {
    assert.equal(await browse({ location: 'westeurope', publicName: FABRIKAM, prompter: new ScriptedPrompter([]) }), undefined);
    await ui.waitFor('error', new RegExp(`^Browse Community Galleries: Azure lists no community gallery "${FABRIKAM}" in westeurope\\.`));
  });
});
