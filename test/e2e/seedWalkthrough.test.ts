// The seed documents' walkthrough, end to end, in the real workbench (code-server + headless
// Chromium) against the local Azure, in the order of issue 18: three kinds of gallery, a
// definition, a version in two regions, Grant Access by e-mail, Share with Subscriptions or
// Tenants, Share Publicly, Reset Sharing, an update and deletes. After each step the test checks
// what the tree row, its hover and the notification say — the words a curator reads — as well as
// what the local Azure holds, and takes a screenshot (test-results/screenshots/walk-*.png).
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, chooseMenuItem, closeChecked, expandRows, hover, openContextMenu, openGalleryView, openWorkbench, quickInput, toasts, treeRow, widenSideBar, type Workbench } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const DEVELOPMENT = '00000000-0000-4000-8000-00000000a002';
const FABRIKAM_TENANT = 'a1b2c3d4-0000-4000-a000-000000000002';
const ADA = 'd0d0d0d0-0000-4000-8000-000000000001';
const GALLERIES = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries`;
const DEFINITION = `${GALLERIES}/walk_direct/images/walk-ubuntu`;
const VERSION = `${DEFINITION}/versions/1.0.0`;
// Fast Azure: long-running operations end in a fifth of a second; replication is held by the test.
const FAST_LRO = { durationMs: 200, retryAfterSeconds: 0 };

/** What to do at a wizard step: type and Enter (a string), tick rows of a multi-pick, or Enter (no entry). */
type Act = string | { tick: string[] };

describe('The seed walkthrough in the real workbench (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;
  let shots = 0;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: FAST_LRO, replication: { durationMs: 200 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await openGalleryView(page);
    await widenSideBar(page);
    await expandRows(page, /^Contoso Production$/);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-walk-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
    if (await quickInput(page).widget.isVisible()) await page.keyboard.press('Escape');
    await dismissToasts();
  });

  async function shot(name: string): Promise<string> {
    const file = await workbench!.screenshot(`walk-${String(++shots).padStart(2, '0')}-${name}`);
    assertDrawn(file, name);
    return file;
  }

  const row = (label: RegExp): Locator => treeRow(page, label);
  const held = (id: string) => emulator!.state.resources[id];
  /** A gallery's sharing as Azure holds it (a private gallery may have no sharing profile at all). */
  const permissionsOf = (gallery: string) => (held(`${GALLERIES}/${gallery}`)?.properties.sharingProfile as { permissions?: string } | undefined)?.permissions ?? 'Private';

  async function dismissToasts(): Promise<void> {
    for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  }

  /** The notification whose text matches, once it has faded in; returns its whole text. */
  async function notification(text: RegExp): Promise<string> {
    const toast = await toasts(page).settled(text);
    return toast.innerText();
  }

  /** Waits until the row's description (the grey words after its name) matches. */
  async function rowSays(label: string, description: RegExp, timeout = 30_000): Promise<void> {
    await page.waitForFunction(
      ([name, source]) =>
        Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === name && new RegExp(source).test(r.querySelector('.label-description')?.textContent ?? '')),
      [label, description.source] as const,
      { timeout },
    );
  }

  /**
   * Hovers the row until its hover shows `first`, lets it fade in, and returns the hover's text.
   * With `expected`, hovers again (a redraw may still be on its way) until the hover says all of it.
   */
  async function hoverText(label: string, first: RegExp, expected: (string | RegExp)[] = [], timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await page.mouse.move(1200, 750);
      const tip = page.locator('.monaco-hover', { hasText: first });
      await hover(page, row(new RegExp(`^${label.replace(/\./g, '\\.')}$`)), tip, 5);
      await page.waitForFunction(
        (source) =>
          Array.from(document.querySelectorAll('.monaco-hover')).some((h) => {
            if (!new RegExp(source).test(h.textContent ?? '')) return false;
            for (let e: Element | null = h; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
            return true;
          }),
        first.source,
      );
      const text = await tip.first().innerText();
      if (Date.now() > deadline || expected.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)))) {
        assertSays(text, expected, `the hover of ${label}`);
        return text;
      }
      await page.waitForTimeout(500);
    }
  }

  function assertSays(text: string, expected: (string | RegExp)[], what: string): void {
    for (const e of expected) assert.ok(typeof e === 'string' ? text.includes(e) : e.test(text), `${what} says ${String(e)}:\n${text}`);
  }

  /**
   * Answers a wizard's steps in order, by the step names of their titles ("<Flow>: <Step> (step n of
   * m)"), until its Summary (left open) — Enter for a step not listed (its suggestion). A dialog on
   * the way is answered with the button `answers.dialog` names.
   */
  async function walk(answers: Record<string, Act>): Promise<string[]> {
    const q = quickInput(page);
    const seen: string[] = [];
    let last = '';
    for (let i = 0; i < 40; i++) {
      const handle = await page.waitForFunction(
        (previous) => {
          const dialog = document.querySelector('.monaco-dialog-box');
          if (dialog) return 'dialog';
          const widget = document.querySelector('.quick-input-widget') as HTMLElement | null;
          const title = widget?.querySelector('.quick-input-title')?.textContent ?? '';
          if (!widget || widget.style.display === 'none' || !title || title === previous) return false;
          if (widget.querySelector('.quick-input-progress.active, .monaco-progress-container.active')) return false;
          const active = document.activeElement as HTMLInputElement | null;
          if (!active?.closest('.quick-input-widget .quick-input-box') || active.disabled) return false;
          if (getComputedStyle(widget).opacity !== '1') return false;
          return `title:${title}`;
        },
        last,
        { timeout: 30_000 },
      );
      const found = (await handle.jsonValue()) as string;
      if (found === 'dialog') {
        const button = answers.dialog;
        assert.ok(typeof button === 'string', `a dialog came with no answer for it: ${await page.locator('.monaco-dialog-box').innerText()}`);
        await page.locator('.monaco-dialog-box').getByRole('button', { name: button, exact: true }).click();
        await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
        continue;
      }
      last = found.slice('title:'.length);
      const step = /(?:^|: )([^:]+?) \(step \d+ of \d+\)$/.exec(last)?.[1] ?? last;
      seen.push(step);
      if (step === 'Summary') return seen;
      const act = answers[step];
      if (act === undefined) await page.keyboard.press('Enter');
      else if (typeof act === 'string') {
        await q.input.fill(act);
        // A filtered list settles before Enter picks its first row.
        if ((await q.rows.count()) > 0 && act) await q.rows.first().waitFor();
        await page.keyboard.press('Enter');
      } else {
        for (const label of act.tick) {
          await q.input.fill(label);
          const option = q.rows.filter({ hasText: label }).first();
          await option.waitFor();
          if ((await option.getAttribute('aria-checked')) !== 'true') await option.click();
          await page.waitForFunction(
            (l) => Array.from(document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')).some((r) => (r.textContent ?? '').includes(l) && r.getAttribute('aria-checked') === 'true'),
            label,
          );
        }
        await q.input.fill('');
        await page.keyboard.press('Enter');
      }
    }
    throw new Error(`no Summary after the steps ${seen.join(', ')}`);
  }

  /** The Summary's rows, then Enter on its first (active) row: the action. */
  async function acceptSummary(expected: (string | RegExp)[], name: string): Promise<void> {
    const q = quickInput(page);
    for (const e of expected) await q.rows.filter({ hasText: e }).first().waitFor();
    await page.mouse.move(1200, 750);
    await shot(name);
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
  }

  async function fromMenu(label: RegExp, item: string): Promise<void> {
    await page.mouse.move(1200, 750);
    const items = await openContextMenu(page, row(label));
    assert.ok(items.includes(item), `the menu of ${label.source} offers ${item} (${items.join(', ')})`);
    await chooseMenuItem(page, item);
  }

  async function createGallery(name: string, sharing: string, extra: Record<string, Act> = {}): Promise<void> {
    await page.mouse.move(1200, 750);
    await fromMenu(/^Contoso Production$/, 'Create Gallery…');
    await walk({ 'Resource group': 'rg-images', Name: name, Region: 'East US', Description: `Walkthrough ${sharing} gallery`, Sharing: sharing, ...extra });
  }

  it('1. creates a private, a direct-share and a community gallery: rows, hovers and notifications say which', async () => {
    await createGallery('walk_private', 'Private');
    await acceptSummary(['walk_private', /Sharing.*Private/], 'private-summary');
    let text = await notification(/Created gallery walk_private \(Private\) in East US\./);
    assert.ok(!text.includes('Share…'), `a private gallery is not offered Share…: ${text}`);
    await rowSays('walk_private', /^eastus · Private$/);
    assert.equal(permissionsOf('walk_private'), 'Private');
    await dismissToasts();

    await createGallery('walk_direct', 'Direct share');
    await acceptSummary(['walk_direct'], 'direct-summary');
    text = await notification(/Created gallery walk_direct \(Direct share\) in East US\./);
    await toasts(page).withText(/walk_direct/).getByRole('button', { name: 'Share…' }).waitFor();
    await rowSays('walk_direct', /^eastus · Direct share$/);
    await shot('direct-created');
    assert.deepEqual(held(`${GALLERIES}/walk_direct`)?.properties.sharingProfile, { permissions: 'Groups' });
    await dismissToasts();
    await hoverText('walk_direct', /Direct share gallery/, ['walk_direct — Direct share gallery', 'Not shared with any subscription or tenant yet']);

    await createGallery('walk_community', 'Community', {
      dialog: 'Continue',
      'Publisher website': 'https://walk.contoso.example/',
      'Publisher e-mail': 'walk@contoso.example',
      'Legal agreement': 'https://walk.contoso.example/eula',
      'Public name prefix': 'ContosoWalk',
    });
    await acceptSummary(['walk_community', /ContosoWalk-<GUID Azure adds>/], 'community-summary');
    text = await notification(/Created gallery walk_community \(Community\) in East US\./);
    assertSays(text, ['It is not public until it is published: Share… publishes it.'], 'the community notification');
    await toasts(page).withText(/walk_community/).getByRole('button', { name: 'Share…' }).waitFor();
    await rowSays('walk_community', /^eastus · Community, not published$/);
    await shot('community-created');
    await dismissToasts();
    await hoverText('walk_community', /Community gallery/, ['Not published yet: Share Publicly… makes it public', 'Publisher e-mail: walk@contoso.example', 'Publisher website: https://walk.contoso.example/', 'Legal agreement: https://walk.contoso.example/eula']);
    await shot('community-hover');
    const community = held(`${GALLERIES}/walk_community`)?.properties.sharingProfile as { permissions: string; communityGalleryInfo?: { communityGalleryEnabled?: boolean } };
    assert.equal(community.permissions, 'Community');
    assert.notEqual(community.communityGalleryInfo?.communityGalleryEnabled, true, 'created, not yet published');
  });

  it('2. creates an image definition in the direct-share gallery: its row and hover', async () => {
    await fromMenu(/^walk_direct$/, 'Create Image Definition…');
    const steps = await walk({ Name: 'walk-ubuntu', 'OS type': 'Linux', 'OS state': 'Generalized', Publisher: 'Contoso', Offer: 'WalkServer', SKU: '22_04-lts-gen2' });
    assert.ok(steps.includes('VM generation') && steps.includes('Security type'), `the steps asked: ${steps.join(', ')}`);
    await acceptSummary(['walk-ubuntu', 'Contoso / WalkServer / 22_04-lts-gen2'], 'definition-summary');
    await notification(/Created image definition walk-ubuntu in walk_direct\./);
    await expandRows(page, /^walk_direct$/, /^walk-ubuntu$/);
    await row(/^No image versions$/).waitFor();
    await shot('definition-created');
    await dismissToasts();
    await hoverText('walk-ubuntu', /image definition/, ['walk-ubuntu — image definition', 'Publisher: Contoso', 'Offer: WalkServer', 'SKU: 22_04-lts-gen2', 'Latest: none yet (no versions).']);
    const stored = held(DEFINITION)?.properties as { osType: string; osState: string; identifier: { publisher: string; offer: string; sku: string } };
    assert.deepEqual([stored.osType, stored.osState, stored.identifier], ['Linux', 'Generalized', { publisher: 'Contoso', offer: 'WalkServer', sku: '22_04-lts-gen2' }]);
  });

  it('3. creates a version replicated to two regions: "Replicating" while it copies, then ready and latest', async () => {
    // Replication waits for the test, so the replicating row can be read without a race.
    emulator!.admin.setConfig({ replication: { durationMs: 600_000 } });
    try {
      await fromMenu(/^walk-ubuntu$/, 'Create Image Version…');
      await walk({ Version: '1.0.0', Source: 'snap-ubuntu-2204-os-eastus', 'Target regions': { tick: ['East US', 'West US 2'] } });
      await acceptSummary(['1.0.0', /East US/, /West US 2/], 'version-summary');
      await expandRows(page, /^walk-ubuntu$/);
      await rowSays('1.0.0', /^(Creating…|Replicating( to 2 regions)?, \d+%)/);
      await notification(/Image version 1\.0\.0 of walk-ubuntu/);
      await shot('version-replicating');
      assert.notEqual(held(VERSION)?.provisioningState, 'Succeeded', 'Azure is still at it');
      emulator!.admin.finishOperations();
    } finally {
      emulator!.admin.setConfig({ replication: { durationMs: 200 } });
    }
    const ready = await notification(/Image version 1\.0\.0 of walk-ubuntu is ready: replicated to/);
    assertSays(ready, ['East US', 'West US 2'], 'the ready notification');
    await rowSays('1.0.0', /^latest$/, 60_000);
    await shot('version-ready');
    await dismissToasts();
    await hoverText('1.0.0', /image version/, ['1.0.0 — image version', 'New VMs asking for "latest" get this version.']);
    const regions = (held(VERSION)?.properties as { publishingProfile: { targetRegions: { name: string }[] } }).publishingProfile.targetRegions.map((r) => r.name.replace(/\s/g, '').toLowerCase());
    assert.deepEqual(regions.sort(), ['eastus', 'westus2']);
    assert.equal(held(VERSION)?.provisioningState, 'Succeeded');
  });

  it('4. shares by e-mail: Grant Access to a person found by their address', async () => {
    await fromMenu(/^walk_private$/, 'Grant Access…');
    await walk({ Who: 'ada.lovelace@contoso.com' });
    await acceptSummary(['Ada Lovelace (user, ada.lovelace@contoso.com)'], 'grant-summary');
    await notification(/Granted Reader on gallery walk_private to Ada Lovelace/);
    await shot('granted');
    assert.ok(emulator!.state.roleAssignments.some((a) => a.scope.toLowerCase() === `${GALLERIES}/walk_private` && a.principalId === ADA));
    // Access by Azure RBAC does not change how the gallery is shared.
    await rowSays('walk_private', /^eastus · Private$/);
  });

  it('5. shares with a subscription (picked by name) and a tenant in one run: the hover names them', async () => {
    await fromMenu(/^walk_direct$/, 'Share with Subscriptions or Tenants…');
    await walk({ 'Share with': { tick: ['Contoso Development', 'Other tenants…'] }, 'Tenant ids': FABRIKAM_TENANT });
    await acceptSummary([/Share with/, 'Contoso Development'], 'share-summary');
    const text = await notification(/walk_direct is now shared with/);
    assertSays(text, ['Contoso Development', FABRIKAM_TENANT], 'the share notification');
    await shot('shared');
    await dismissToasts();
    const groups = (held(`${GALLERIES}/walk_direct`)?.properties.sharingProfile as { groups: { type: string; ids: string[] }[] }).groups;
    assert.deepEqual(groups.find((g) => g.type === 'Subscriptions')?.ids.map((i) => i.toLowerCase()), [DEVELOPMENT]);
    assert.deepEqual(groups.find((g) => g.type === 'AADTenants')?.ids.map((i) => i.toLowerCase()), [FABRIKAM_TENANT]);
    await hoverText('walk_direct', /Shared with subscription/, [`Shared with subscription: Contoso Development (${DEVELOPMENT})`, `Shared with tenant: `, FABRIKAM_TENANT]);
    await shot('shared-hover');
  });

  it('6. publishes the community gallery: the row and hover say it is public, with its public name', async () => {
    await fromMenu(/^walk_community$/, 'Share Publicly…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const warning = await dialog.innerText();
    assertSays(warning, ['Share walk_community publicly?', 'walk@contoso.example', 'https://walk.contoso.example/eula'], 'the publish warning');
    await shot('publish-warning');
    await dialog.getByRole('button', { name: 'Share Publicly', exact: true }).click();
    const text = await notification(/walk_community is public: others find it by its public name ContosoWalk-/);
    const publicName = /ContosoWalk-[0-9a-f-]{36}/.exec(text)?.[0];
    assert.ok(publicName, text);
    await rowSays('walk_community', /^eastus · Community$/);
    await shot('published');
    await dismissToasts();
    await hoverText('walk_community', /Published: every Azure user/, ['Published: every Azure user can find it by its public name', `Public names: ${publicName}`, 'Publisher e-mail: walk@contoso.example']);
    const profile = held(`${GALLERIES}/walk_community`)?.properties.sharingProfile as { communityGalleryInfo: { communityGalleryEnabled: boolean } };
    assert.equal(profile.communityGalleryInfo.communityGalleryEnabled, true);
  });

  it('7. resets the direct share: the dialog names who loses access; the row and hover say private', async () => {
    await fromMenu(/^walk_direct$/, 'Reset Sharing…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assertSays(await dialog.innerText(), ['Reset the sharing of walk_direct to private?', 'everyone in subscription Contoso Development', `everyone in tenant Fabrikam (${FABRIKAM_TENANT})`], 'the reset warning');
    await shot('reset-warning');
    await dialog.getByRole('button', { name: 'Reset Sharing', exact: true }).click();
    const text = await notification(/walk_direct is private again/);
    assertSays(text, ['Contoso Development', 'lost access'], 'the reset notification');
    await rowSays('walk_direct', /^eastus · Private$/);
    await shot('reset');
    await dismissToasts();
    await hoverText('walk_direct', /Private gallery/, ['walk_direct — Private gallery']);
    assert.equal(permissionsOf('walk_direct'), 'Private');
  });

  it('8. updates the definition\'s description: Azure and the hover hold the new words', async () => {
    await fromMenu(/^walk-ubuntu$/, 'Update Image Definition…');
    await walk({ 'What to change': { tick: ['Description'] }, Description: 'Ubuntu for the walkthrough, reviewed' });
    await acceptSummary([/→ Ubuntu for the walkthrough, reviewed/], 'update-summary');
    await notification(/Updated description of walk-ubuntu/);
    await shot('updated');
    await dismissToasts();
    assert.equal((held(DEFINITION)?.properties as { description?: string }).description, 'Ubuntu for the walkthrough, reviewed');
    await hoverText('walk-ubuntu', /Ubuntu for the walkthrough, reviewed/, ['walk-ubuntu — image definition', 'Latest: 1.0.0']);
  });

  it('9. deletes the version (typing its name) and the empty private gallery: rows go, notifications say so', async () => {
    await fromMenu(/^1\.0\.0$/, 'Delete Image Version…');
    const q = quickInput(page);
    await page.waitForFunction(() => /Delete Image Version: .*Confirm/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    await q.input.fill('1.0');
    await q.message.getByText(/Type 1\.0\.0 exactly to confirm/).waitFor();
    await shot('delete-version-confirm');
    await q.input.fill('1.0.0');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await notification(/Deleted image version 1\.0\.0 of walk-ubuntu/);
    await page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^1\.0\.0$/ }) }).waitFor({ state: 'detached' });
    await shot('version-deleted');
    assert.equal(held(VERSION), undefined);
    await dismissToasts();
    await hoverText('walk-ubuntu', /image definition/, ['Latest: none yet (no versions).']);

    await fromMenu(/^walk_private$/, 'Delete Gallery…');
    await page.waitForFunction(() => /Delete Gallery: .*Confirm/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    await q.input.fill('walk_private');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await notification(/Deleted gallery walk_private\./);
    await page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^walk_private$/ }) }).waitFor({ state: 'detached' });
    await shot('gallery-deleted');
    assert.equal(held(`${GALLERIES}/walk_private`), undefined);
  });
});
