// Issue 18 items 7 and 8: no dead ends — a failed look-up keeps what was typed, every item has its
// properties and its refresh, and signing out is a command.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CommunityGalleryBookmark } from '../../src/tree/nodes/sharedNodes';
import { DEMO_COMMUNITY_PUBLIC_NAME } from '../emulator/seeds/wellKnown';
import { arm } from './armHelpers';
import { ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { children, eventually, extensionApi, item, labels, nodeAt } from './helpers';
import { assertNoProblems, clearRequestLog, requestLog } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const WRONG_NAME = 'ContosoPublic-00000000-1111-4222-8333-444444444444';

describe('no dead ends: kept answers, properties and refresh everywhere, Sign Out (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('a community gallery not found keeps the flow: Edit and Try Again asks again with the name typed', async () => {
    const first = new ScriptedPrompter([WRONG_NAME, 'East US']);
    assert.equal(await run('addCommunityGallery', { prompter: first }), undefined);
    assertNoProblems(first);
    const refused = await ui.waitFor('error', /has no community gallery/);
    assert.equal(refused.message, `Add Community Gallery: Azure has no community gallery "${WRONG_NAME}" in eastus. Check the public name and the region its publisher gave. Nothing was added.`);
    assert.deepEqual(refused.actions, ['Edit and Try Again']);
    // What Edit and Try Again runs (the command table adds edit: true to the answers kept).
    const again = new ScriptedPrompter([DEMO_COMMUNITY_PUBLIC_NAME, { accept: true }]);
    const added = await run<CommunityGalleryBookmark>('addCommunityGallery', { publicName: WRONG_NAME, location: 'eastus', edit: true, prompter: again });
    assertNoProblems(again);
    assert.equal(again.prompts[0]?.value, WRONG_NAME, 'the public name as it was typed');
    assert.deepEqual(again.prompts[1]?.selected, ['East US'], 'the region picked');
    assert.deepEqual(added, { publicName: DEMO_COMMUNITY_PUBLIC_NAME, location: 'eastus' });
    await run('removeCommunityGallery', await nodeAt('Community', DEMO_COMMUNITY_PUBLIC_NAME));
  });

  it('View Properties opens Azure\'s JSON of shared and community galleries, images and versions', async () => {
    const shared = await nodeAt('Shared with me', 'CONTOSO_SHARED');
    const editor = await run<vscode.TextEditor>('viewProperties', shared);
    const json = JSON.parse(editor?.document.getText() ?? '{}') as { name?: string; identifier?: { uniqueId?: string } };
    assert.match(json.identifier?.uniqueId ?? '', /^\/SharedGalleries\//i, 'the shared-gallery API answer, not an ARM gallery');
    await run('addCommunityGallery', DEMO_COMMUNITY_PUBLIC_NAME, 'eastus');
    const community = await nodeAt('Community', DEMO_COMMUNITY_PUBLIC_NAME);
    const image = (await children(community))[0]!;
    const version = (await children(image))[0]!;
    const versionJson = JSON.parse((await run<vscode.TextEditor>('viewProperties', version))?.document.getText() ?? '{}') as { identifier?: { uniqueId?: string } };
    assert.match(versionJson.identifier?.uniqueId ?? '', /^\/CommunityGalleries\/.*\/Versions\//i);
    const menus = (vscode.extensions.getExtension('azure-compute-gallery-vscode.azure-compute-gallery')?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'];
    const when = menus.find((m) => m.command === 'azureComputeGallery.viewProperties')?.when ?? '';
    const pattern = new RegExp(/viewItem =~ \/(.*)\//.exec(when)?.[1] ?? '$^');
    await run('removeCommunityGallery', community);
    for (const row of ['acg.shared.gallery', 'acg.shared.image', 'acg.shared.version', 'acg.community.gallery', 'acg.community.image', 'acg.community.version']) assert.ok(pattern.test(row), `View Properties on ${row}`);
  });

  it('Refresh on an owned version reads it again from Azure and shows what changed', async () => {
    const menus = (vscode.extensions.getExtension('azure-compute-gallery-vscode.azure-compute-gallery')?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'];
    const when = menus.find((m) => m.command === 'azureComputeGallery.refresh')?.when ?? '';
    assert.ok(new RegExp(/viewItem =~ \/(.*)\//.exec(when)?.[1] ?? '$^').test('acg.version'), `Refresh on a version: ${when}`);
    const id = `${UBUNTU_ID}/versions/1.0.0`;
    const version = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0');
    assert.doesNotMatch(String((await item(version)).description), /EOL 2033/);
    await arm('PATCH', id, { properties: { publishingProfile: { endOfLifeDate: '2033-03-03T00:00:00Z' } } });
    await clearRequestLog();
    await run('refresh', version);
    await eventually(async () => assert.match(String((await item(version)).description), /EOL 2033-03-03/));
    assert.ok((await requestLog()).some((r) => r.method === 'GET' && r.path.toLowerCase().endsWith('/versions/1.0.0')), 'read from Azure');
  });

  it('Sign Out shows the sign-in until Sign In, and says what stays signed in', async () => {
    const api = await extensionApi();
    assert.equal(await run('signOut'), true);
    const told = await ui.waitFor('info', /^Signed out of Azure in Azure Compute Gallery\./);
    assert.match(told.message, /service principal's environment variables are left as they are/);
    await eventually(async () => assert.deepEqual(await labels(await children()), [], 'the welcome view (Sign in) shows'));
    assert.equal(api.explorer.root.subscriptions.length, 0);
    await run('signIn');
    await eventually(async () => assert.ok((await labels(await children())).includes('Contoso Production')));
  });
});
