import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { processesInGroup } from '../harness/processes';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, openGalleryView, openWorkbench, quickInput, runFromPalette, type Workbench } from './workbench';

describe('the workbench, signed out', () => {
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench({ installVsix: [packageVsix()] });
  });

  after(async () => {
    if (!workbench) return;
    const pid = workbench.server.pid;
    const survivors = await workbench.close();
    assert.deepEqual(survivors, [], 'no code-server process survives stop()');
    assert.deepEqual(processesInGroup(pid), []);
  });

  it('shows the activity-bar icon, and the view opens on the sign-in welcome', async () => {
    const { page } = workbench!;
    const icon = page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ });
    await icon.waitFor();
    await openGalleryView(page);
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByText('Sign in to Azure to browse your compute galleries').waitFor();
    const button = welcome.getByRole('button', { name: 'Sign in to Azure' });
    await button.waitFor();
    const file = await workbench!.screenshot('01-welcome');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
  });

  it('offers the Get Started walkthrough: six steps, each with its button, none done yet', async () => {
    const { page } = workbench!;
    await runFromPalette(page, 'Welcome: Open Walkthrough...');
    const q = quickInput(page);
    const ours = q.rows.filter({ hasText: 'Get Started with Azure Compute Gallery' });
    await ours.first().waitFor();
    await ours.first().click();
    const editor = page.locator('.gettingStartedContainer');
    await editor.getByText('Get Started with Azure Compute Gallery').first().waitFor();
    const steps = editor.locator('.getting-started-step');
    const titles = ['Sign in to Azure', 'Choose your subscriptions', 'Create a gallery', 'Create an image definition', 'Create an image version', 'Share it'];
    for (const title of titles) await steps.filter({ hasText: title }).first().waitFor();
    assert.equal(await steps.count(), titles.length);
    // Signed out: the first step is open, with its button, and nothing is checked off.
    await editor.getByRole('button', { name: 'Sign in to Azure' }).first().waitFor();
    assert.equal(await editor.locator('.getting-started-step .codicon-pass-filled').count(), 0, 'no step is done');
    const file = await workbench!.screenshot('02-walkthrough');
    assertDrawn(file, 'walkthrough');
  });
});
