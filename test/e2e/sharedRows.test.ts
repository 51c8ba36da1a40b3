// "Shared with me" at the side bar's default width in the real workbench (code-server + headless
// Chromium), against the local Azure (issue 18 items 4 and 6): one row per gallery, led by its name,
// and a direct-shared gallery's hover that lists whom it is shared with — VS Code resolves a hover
// only when the row left its tooltip unset, which only the real workbench shows.
// Screenshot: test-results/screenshots/rows-shared-with-me.png.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, hover, openGalleryView, openWorkbench, type Workbench } from './workbench';

describe('Shared with me rows at the default side bar width (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { replication: { durationMs: 200 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await openGalleryView(page);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-rows-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  function row(label: RegExp): Locator {
    return page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) });
  }

  async function expand(label: RegExp): Promise<void> {
    const r = row(label).first();
    await r.waitFor();
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.label-name').click();
    await page.waitForFunction((source) => Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((e) => e.getAttribute('aria-expanded') === 'true' && new RegExp(source).test(e.querySelector('.label-name')?.textContent ?? '')), label.source);
  }

  it('shows each shared gallery once, by its name, with its owner and regions', async () => {
    await expand(/^Shared with me$/);
    await row(/^CONTOSO_SHARED$/).first().waitFor();
    await row(/^FABRIKAM_PARTNER_IMAGES$/).first().waitFor();
    assert.equal(await row(/^CONTOSO_SHARED$/).count(), 1, 'one row across eastus and westeurope');
    assert.equal(await row(/^FABRIKAM_PARTNER_IMAGES$/).count(), 1, 'one row across westus2 and eastus');
    assert.equal(await row(/^[0-9a-f]{8}-/).count(), 0, 'no row starts with a subscription id');
    assert.match(await row(/^CONTOSO_SHARED$/).first().locator('.label-description').innerText(), /^Contoso Production · eastus, westeurope$/);
    await page.mouse.move(900, 700); // no hover tooltips in the screenshot
    assertDrawn(await workbench!.screenshot('rows-shared-with-me'), 'Shared with me rows');
  });

  it('hovering a direct-shared gallery lists whom it is shared with', async () => {
    await expand(/^Contoso Production$/);
    const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Shared with subscription' }).first();
    await hover(page, row(/^contoso_shared$/).first(), tooltip);
    const text = await tooltip.innerText();
    assert.match(text, /Shared with subscription: Contoso Development \(00000000-0000-4000-8000-00000000a002\)/);
    assert.match(text, /Shared with tenant: Fabrikam \(a1b2c3d4-0000-4000-a000-000000000002\)/);
  });
});
