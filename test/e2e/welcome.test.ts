import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { processesInGroup } from '../harness/processes';
import { packageVsix } from '../harness/vsix';
import { openGalleryView, openWorkbench, type Workbench } from './workbench';

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
});
