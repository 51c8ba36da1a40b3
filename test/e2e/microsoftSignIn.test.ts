// The default sign-in in the real workbench, as a user does it: the installed .vsix, VS Code's own
// consent dialog and account picker, the test accounts extension (test/accounts) standing in for
// VS Code's Microsoft authentication with the local Azure as the sovereign cloud
// (test-results/screenshots/account-sign-in-*.png). The same setup as `npm start -- --account`.
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../emulator';
import { USERS } from '../emulator/seeds/wellKnown';
import { BUILTIN_MICROSOFT_AUTHENTICATION, buildAccountsExtension, sovereignCloudSettings } from '../harness/accountsExtension';
import { extensionHostEnv } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, openGalleryView, openWorkbench, quickInput, type Workbench } from './workbench';

describe('Sign in with the VS Code account through the real consent dialog (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    workbench = await openWorkbench({
      installVsix: [packageVsix()],
      linkExtensions: [await buildAccountsExtension()],
      skipBuiltinExtensions: [BUILTIN_MICROSOFT_AUTHENTICATION],
      // Ada is signed in to VS Code already; the extension has not been allowed to use her account.
      env: { ...extensionHostEnv(emulator), ACG_ACCOUNTS_SIGNED_IN: `microsoft-sovereign-cloud:${USERS.ada.mail}` },
      userSettings: sovereignCloudSettings(emulator),
    });
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  it('Sign in to Azure → Allow → pick the account → her subscriptions', async () => {
    const { page } = workbench!;
    await openGalleryView(page);
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Sign in to Azure' }).click();

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(/wants to sign in using Microsoft Sovereign Cloud \(local Azure\)/).waitFor();
    assertDrawn(await workbench!.screenshot('account-sign-in-01-consent'), 'consent');
    await dialog.getByRole('button', { name: 'Allow' }).click();

    // VS Code's own picker: the accounts signed in to the provider, and "Sign in to another account".
    const q = quickInput(page);
    const ada = q.rows.filter({ hasText: USERS.ada.mail });
    await ada.first().waitFor();
    assertDrawn(await workbench!.screenshot('account-sign-in-02-pick-account'), 'pick account');
    await ada.first().click();

    const tree = page.locator('.sidebar .monaco-list');
    await tree.getByText('Contoso Production', { exact: true }).waitFor();
    await tree.getByText('Contoso Development', { exact: true }).waitFor();
    assert.equal(await tree.getByText('Fabrikam Images', { exact: true }).count(), 0, 'not her subscription');
    assertDrawn(await workbench!.screenshot('account-sign-in-03-tree'), 'tree');
  });
});
