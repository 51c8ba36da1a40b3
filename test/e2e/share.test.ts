// Sharing, the community warning and deleting, through VS Code's real menus, quick input and
// dialogs, against the local Azure — with screenshots of each step
// (test-results/screenshots/share-*.png, delete-*.png).
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { openGalleryView, openWorkbench, widenSideBar, type Workbench, quickInput, closeChecked, waitForStep, openContextMenu, chooseMenuItem } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const GALLERY_KEY = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/contoso_images`;

describe('Share, reset and delete through the real workbench (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: { durationMs: 200, retryAfterSeconds: 0 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await openGalleryView(page);
    await widenSideBar(page);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-share-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  const shot = (name: string) => workbench!.screenshot(name);

  async function row(label: RegExp): Promise<Locator> {
    const r = page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
    await r.waitFor();
    return r;
  }

  async function expand(label: RegExp): Promise<void> {
    const r = await row(label);
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  }

  /** Right-clicks a row and returns the context menu's item names. */
  const contextMenu = async (label: RegExp): Promise<string[]> => openContextMenu(page, await row(label));
  const chooseFromMenu = (name: string): Promise<void> => chooseMenuItem(page, name);

  /** Waits until the quick input shows the step whose title matches, settled and ready for keys. */
  const atStep = (title: RegExp) => waitForStep(page, title);

  async function typeAndAccept(text: string): Promise<void> {
    await quickInput(page).input.fill(text);
    await page.keyboard.press('Enter');
  }

  async function toast(text: RegExp): Promise<void> {
    await page.locator('.notifications-toasts').getByText(text).first().waitFor();
  }

  async function dismissToasts(): Promise<void> {
    // A toast may close by itself meanwhile: do not wait long for one that is gone.
    for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  }

  it('offers only the sharing actions that apply to each gallery', async () => {
    await expand(/^Contoso Production$/);
    const privateMenu = await contextMenu(/^contoso_images$/);
    await shot('share-01-menu-private-gallery');
    for (const name of ['Grant Access…', 'Manage Access…', 'Share with Subscriptions or Tenants…', 'Share Publicly…', 'Update Gallery…', 'Delete Gallery…']) assert.ok(privateMenu.includes(name), `${name} in ${privateMenu.join(', ')}`);
    for (const name of ['Reset Sharing…', 'Stop Sharing with Subscriptions or Tenants…', 'Copy Public Name']) assert.ok(!privateMenu.includes(name), `no ${name} on a private gallery`);
    await page.keyboard.press('Escape');
    const communityMenu = await contextMenu(/^contoso_community$/);
    assert.ok(communityMenu.includes('Reset Sharing…') && communityMenu.includes('Copy Public Name'));
    assert.ok(!communityMenu.includes('Share Publicly…'), 'a public gallery is not offered Share Publicly again');
    await page.keyboard.press('Escape');
  });

  it('grants Reader to a person found by e-mail, in the real quick input', async () => {
    await contextMenu(/^contoso_images$/);
    await chooseFromMenu('Grant Access…');
    const q = quickInput(page);
    await atStep(/Grant Access: Role \(step 1 of 3\)/);
    await q.rows.filter({ hasText: 'Compute Gallery Sharing Admin' }).first().waitFor();
    await shot('share-02-role');
    await page.keyboard.press('Enter'); // Reader, the default, is the active row

    await atStep(/Grant Access: Who \(step 2 of 3\)/);
    // (An e-mail address nobody has is accepted: Grant Access offers to invite its owner as a guest.)
    await q.input.fill('Nobody Here');
    await q.message.getByText(/No user, group or application in the directory/).waitFor();
    await shot('share-03-who-not-found');
    await typeAndAccept('ada.lovelace@contoso.com');

    await atStep(/Grant Access: Summary \(step 3 of 3\)/);
    await q.rows.filter({ hasText: 'Ada Lovelace (user, ada.lovelace@contoso.com)' }).first().waitFor();
    await shot('share-04-summary');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await toast(/Granted Reader on gallery contoso_images to Ada Lovelace/);
    await shot('share-05-granted');
    assert.ok(emulator!.state.roleAssignments.some((a) => a.scope.toLowerCase() === GALLERY_KEY && a.principalId === 'd0d0d0d0-0000-4000-8000-000000000001'));
    await dismissToasts();
  });

  it('invites a person from outside as a guest, only after the dialog naming who gets the e-mail', async () => {
    await contextMenu(/^contoso_images$/);
    await chooseFromMenu('Grant Access…');
    const q = quickInput(page);
    await atStep(/Grant Access: Role \(step 1 of 3\)/);
    await q.input.fill('Image Reader');
    await q.rows.filter({ hasText: 'Compute Gallery Image Reader' }).first().waitFor();
    await page.keyboard.press('Enter');
    await atStep(/Grant Access: Who \(step 2 of 3\)/);
    await typeAndAccept('sam.lee@outside.example');
    await atStep(/Grant Access: Summary \(step 3 of 3\)/);
    await q.rows.filter({ hasText: 'Invite sam.lee@outside.example and grant Compute Gallery Image Reader' }).first().waitFor();
    await q.rows.filter({ hasText: 'sam.lee@outside.example (guest, to be invited)' }).first().waitFor();
    await shot('share-05a-invite-summary');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.ok(text.includes('Send a guest invitation e-mail to sam.lee@outside.example?'), text);
    assert.ok(text.includes('Microsoft will e-mail sam.lee@outside.example an invitation'), text);
    assert.equal(emulator!.state.graph.some((o) => o.mail === 'sam.lee@outside.example'), false, 'nothing is sent before the OK');
    await shot('share-05b-invite-confirm');
    await dialog.getByRole('button', { name: 'Send Invitation' }).click();
    await toast(/Invited sam\.lee@outside\.example as a guest and granted Compute Gallery Image Reader on gallery contoso_images\. They must accept the invitation e-mailed to them before they can use it\./);
    await shot('share-05c-invited');
    const guest = emulator!.state.graph.find((o) => o.mail === 'sam.lee@outside.example');
    assert.equal(guest?.userType, 'Guest');
    assert.ok(emulator!.state.roleAssignments.some((a) => a.scope.toLowerCase() === GALLERY_KEY && a.principalId === guest?.id && a.principalType === 'User'));
    await dismissToasts();
  });

  it('shares publicly: asks for the publisher details, then warns naming everything that becomes public', async () => {
    await contextMenu(/^contoso_images$/);
    await chooseFromMenu('Share Publicly…');
    const q = quickInput(page);
    await atStep(/Publisher website \(step 1 of 4\)/);
    await shot('share-06-community-info');
    await typeAndAccept('https://images.contoso.example/');
    await atStep(/Publisher e-mail \(step 2 of 4\)/);
    await typeAndAccept('images@contoso.example');
    await atStep(/Legal agreement \(step 3 of 4\)/);
    await typeAndAccept('https://images.contoso.example/eula');
    await atStep(/Public name prefix \(step 4 of 4\)/);
    await typeAndAccept('ContosoGolden');
    await q.widget.waitFor({ state: 'hidden' });

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const expected of ['Share contoso_images publicly?', 'ContosoGolden-', 'images@contoso.example', 'https://images.contoso.example/eula', 'Contoso / UbuntuServer / 22_04-lts-gen2', 'Contoso / WindowsServer / 2022-datacenter-azure-edition']) {
      assert.ok(text.includes(expected), `the warning names "${expected}":\n${text}`);
    }
    await shot('share-07-community-warning');
    await dialog.getByRole('button', { name: 'Share Publicly' }).click();
    await toast(/contoso_images is public: others find it by its public name ContosoGolden-/);
    await shot('share-08-public');
    const stored = emulator!.state.resources[GALLERY_KEY]?.properties.sharingProfile as { permissions: string; communityGalleryInfo: { communityGalleryEnabled: boolean } };
    assert.equal(stored.permissions, 'Community');
    assert.equal(stored.communityGalleryInfo.communityGalleryEnabled, true);
    await (await row(/^contoso_images$/)).getByText(/Community/).waitFor();
    await dismissToasts();
  });

  it('deletes a version only when its name is typed, showing why a wrong name is refused', async () => {
    await expand(/^contoso_images$/);
    await expand(/^windows-server-2022$/);
    await contextMenu(/^2022\.1\.0$/);
    await chooseFromMenu('Delete Image Version…');
    const q = quickInput(page);
    await atStep(/Delete Image Version: Confirm/);
    await q.input.fill('2022.1');
    await q.message.getByText(/Type 2022\.1\.0 exactly to confirm/).waitFor();
    await shot('delete-01-confirm-typed-name');
    await typeAndAccept('2022.1.0');
    await q.widget.waitFor({ state: 'hidden' });
    await toast(/Deleted image version 2022\.1\.0 of windows-server-2022/);
    await shot('delete-02-deleted');
    assert.equal(emulator!.state.resources[`${GALLERY_KEY}/images/windows-server-2022/versions/2022.1.0`], undefined);
    await dismissToasts();
  });

  it('deleting a gallery with items lists each item first (Escape keeps everything), then deletes them all, showing "Deleting…"', async () => {
    await contextMenu(/^contoso_shared$/);
    await chooseFromMenu('Delete Gallery…');
    const q = quickInput(page);
    await atStep(/Delete Gallery: Contents \(step 1 of 2\)/);
    await q.rows.filter({ hasText: '9.4.0' }).first().waitFor();
    await shot('delete-03-gallery-contents');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    const sharedKey = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/contoso_shared`;
    assert.ok(emulator!.state.resources[sharedKey], 'nothing was deleted');

    // Again, all the way: slow deletes, so that the tree's "Deleting…" state can be seen.
    emulator!.admin.setConfig({ lro: { durationMs: 2500 } });
    try {
      await contextMenu(/^contoso_shared$/);
      await chooseFromMenu('Delete Gallery…');
      await atStep(/Delete Gallery: Contents \(step 1 of 2\)/);
      await q.rows.filter({ hasText: '9.4.0' }).first().waitFor();
      await page.keyboard.press('Enter');
      await atStep(/Delete Gallery: Confirm \(step 2 of 2\)/);
      await typeAndAccept('contoso_shared');
      await q.widget.waitFor({ state: 'hidden' });
      await (await row(/^contoso_shared$/)).getByText('Deleting…').waitFor();
      await shot('delete-04-deleting');
      await toast(/Deleted gallery contoso_shared and the 2 items in it\./);
      await page.locator('.sidebar .monaco-list-row', { hasText: 'contoso_shared' }).waitFor({ state: 'detached' });
      await shot('delete-05-gallery-deleted');
    } finally {
      emulator!.admin.setConfig({ lro: { durationMs: 200 } });
    }
    assert.equal(emulator!.state.resources[sharedKey], undefined);
  });
});
