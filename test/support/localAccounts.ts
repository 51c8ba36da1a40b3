// Driving the test accounts extension (test/accounts) from code in the extension host: the
// integration suite and the benchmark sign in through it as a user does from the Accounts menu.
import * as vscode from 'vscode';
import type { LocalAccountsApi } from '../accounts/extension';

export type ProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export async function localAccounts(): Promise<LocalAccountsApi> {
  const ext = vscode.extensions.getExtension<LocalAccountsApi>('acg-test.local-azure-accounts');
  if (!ext) throw new Error('the test accounts extension is not loaded (test/harness/accountsExtension.ts links it)');
  return ext.isActive ? ext.exports : ext.activate();
}

export function accountInfo(label: string): vscode.AuthenticationSessionAccountInformation {
  return { id: label, label };
}

/**
 * Asks for a session as the calling extension without prompting, which makes VS Code add the
 * Accounts menu's "Sign in with … to use …" entry (in a test run VS Code refuses its consent
 * dialog), then chooses that entry and answers the provider's account picker with `label`.
 */
export async function signInFromAccountsMenu(providerId: ProviderId, scopes: string[], label: string): Promise<void> {
  const before = await vscode.authentication.getSession(providerId, scopes, { account: accountInfo(label) });
  if (before) throw new Error(`${label} is signed in to ${providerId} for ${scopes.join(' ')} already`);
  const entries = (await vscode.commands.getCommands(false))
    .filter((c) => c.startsWith(`${providerId}:`) && /:signIn\d+$/.test(c))
    .sort((a, b) => Number(/(\d+)$/.exec(b)?.[1]) - Number(/(\d+)$/.exec(a)?.[1]));
  if (entries.length === 0) throw new Error(`VS Code offers no sign-in with ${providerId} in the Accounts menu`);
  (await localAccounts()).provider(providerId).answer({ account: label });
  await vscode.commands.executeCommand(entries[0]);
}
