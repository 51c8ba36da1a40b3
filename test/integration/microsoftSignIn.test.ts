// The default sign-in, for real: the extension's VS Code account session and
// @microsoft/vscode-azext-azureauth run unmodified, calling vscode.authentication, which reaches the
// test accounts extension (test/accounts): the `microsoft` and `microsoft-sovereign-cloud`
// providers backed by the local Azure's sign-in endpoints. The local Azure is the sovereign cloud
// (`microsoft-sovereign-cloud.environment` custom), so tenants and subscriptions are listed with the
// account's real local-Azure tokens: sign-in, sessions and events by the library, the listing by its
// provider's subclass (src/auth/accountSubscriptions.ts), as the library lists but concurrently.
//
// Consent: in a test run VS Code refuses to show its "wants to sign in" dialog, so the tests sign in
// where a user can without it: the Accounts menu's "Sign in with … to use Azure Compute Gallery"
// entry (test/support/localAccounts.ts). The account picker behind it is the provider's; the test
// answers it. The dialog itself is clicked in test/e2e/microsoftSignIn.test.ts.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTOSO_TENANT_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, USERS } from '../emulator/seeds/wellKnown';
import { sovereignCustomEnvironment } from '../harness/localAzure';
import { accountInfo, localAccounts, signInFromAccountsMenu, type ProviderId } from '../support/localAccounts';
import { children, emulatorAdmin, eventually, extensionApi, item, labels, nodeAt, refreshAll } from './helpers';

const SOVEREIGN = 'microsoft-sovereign-cloud' as const;
const ADA = USERS.ada.mail;
const PAT = USERS.pat.mail;
const emulatorUrl = () => `${(process.env.ACG_EMULATOR_URL ?? '').replace(/\/+$/, '')}/`;
/** What the library asks for: the cloud's managementEndpointUrl + `.default` (getSessionFromVSCode.ts). */
const armScope = () => `${emulatorUrl()}.default`;

async function provider(id: ProviderId = SOVEREIGN) {
  return (await localAccounts()).provider(id);
}

async function rootRows(): Promise<Array<{ label: string; description: string }>> {
  const nodes = await children();
  return Promise.all(
    nodes.map(async (n) => {
      const i = await item(n);
      return { label: typeof i.label === 'string' ? i.label : (i.label?.label ?? ''), description: typeof i.description === 'string' ? i.description : '' };
    }),
  );
}

async function rootsBecome(check: (labels: string[]) => boolean, refresh = true): Promise<string[]> {
  return eventually(async () => {
    if (refresh) await refreshAll();
    const roots = await labels(await children());
    if (!check(roots)) throw new Error(`tree shows: ${roots.join(', ') || '(the sign-in welcome)'}`);
    return roots;
  });
}

function tokenClaims(token: string): { tid: string; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { tid: string; exp: number };
}

describe('the VS Code account, signed in through vscode.authentication (local Azure accounts)', function () {
  this.timeout(90_000);
  const config = (section: string) => vscode.workspace.getConfiguration(section);
  const G = vscode.ConfigurationTarget.Global;
  let savedEnvironment: unknown;

  before(async () => {
    savedEnvironment = config('azureComputeGallery').inspect('environment')?.globalValue;
    await config(SOVEREIGN).update('customEnvironment', sovereignCustomEnvironment({ url: emulatorUrl() }), G);
    await config(SOVEREIGN).update('environment', 'custom', G);
    // Unset: the extension follows VS Code's sovereign-cloud setting, as Azure Resources does.
    await config('azureComputeGallery').update('environment', undefined, G);
    await config('azureComputeGallery').update('authentication', 'vscode', G);
  });

  after(async () => {
    for (const id of ['microsoft', SOVEREIGN] as const) for (const label of (await provider(id)).signedInAccounts()) (await provider(id)).signOut(label);
    await config('azureResourceGroups').update('selectedSubscriptions', undefined, G);
    await config(SOVEREIGN).update('environment', undefined, G);
    await config(SOVEREIGN).update('customEnvironment', undefined, G);
    await config('azureComputeGallery').update('authentication', undefined, G);
    await config('azureComputeGallery').update('environment', savedEnvironment, G);
    await emulatorAdmin('POST', '/_admin/config', { tokenLifetimeSeconds: 3600 });
  });

  it('starts signed out; Sign In reaches VS Code\'s own consent prompt for the sovereign provider', async () => {
    assert.deepEqual(await rootsBecome((r) => r.length === 0), []);
    assert.deepEqual(await vscode.authentication.getAccounts(SOVEREIGN), []);
    // The library asks with createIfNone: VS Code's "wants to sign in" dialog, refused in a test run.
    const p = await provider();
    const asked = p.calls.length;
    await vscode.commands.executeCommand('azureComputeGallery.signIn');
    assert.equal(p.calls.slice(asked).filter((c) => c.method === 'createSession').length, 0, 'nothing signs in without consent');
    assert.deepEqual(await rootsBecome((r) => r.length === 0), []);
  });

  it('signing in as Ada shows her subscriptions, listed with her local-Azure token', async () => {
    await signInFromAccountsMenu(SOVEREIGN, [armScope()], ADA);
    // No refresh: the provider's session change reaches the tree through the library's onDidSignIn.
    const roots = await rootsBecome((r) => r.includes('Contoso Production'), false);
    assert.ok(roots.includes('Contoso Development'), roots.join(', '));
    assert.ok(!roots.includes('Fabrikam Images'), 'Fabrikam is not her subscription');
    assert.deepEqual((await vscode.authentication.getAccounts(SOVEREIGN)).map((a) => a.label), [ADA]);
    // What was asked of the provider (getSessionFromVSCode's shapes): the local Azure's scope for
    // her home tenant, and per other tenant with VSCODE_TENANT (the next test); her home tenant,
    // Contoso, is listed once, with the home session (src/auth/accountSubscriptions.ts).
    const scopes = (await provider()).calls.filter((c) => c.method === 'getSessions' && c.scopes).map((c) => c.scopes!.join(' '));
    assert.ok(scopes.includes(armScope()), scopes.join(' | '));
    assert.ok(!scopes.includes(`${armScope()} VSCODE_TENANT:${CONTOSO_TENANT_ID}`), scopes.join(' | '));
    // ARM accepted her token for the galleries too, all of her subscriptions' in one Resource Graph
    // query (one credential per account and tenant, not one per subscription).
    const { explorer } = await extensionApi();
    await explorer.root.prefetchGalleries(); // the sign-in's own load's, first
    await emulatorAdmin('DELETE', '/_admin/requests');
    explorer.refreshAll();
    await explorer.root.children();
    await explorer.root.prefetchGalleries();
    const logged = (await emulatorAdmin('GET', '/_admin/requests')) as { path: string }[];
    assert.equal(logged.filter((r) => /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0] ?? '')).length, 1, logged.map((r) => r.path).join('\n'));
    const galleries = await labels(await children(await nodeAt('Contoso Production')));
    assert.ok(galleries.length > 0 && !galleries.some((l) => /fail|error|sign in/i.test(l)), galleries.join(', '));
    const status = await vscode.commands.executeCommand<string>('azureComputeGallery.showSignInStatus');
    assert.match(status, /^Signed in — VS Code Microsoft account \(ada\.lovelace@contoso\.com\), on Custom/);
  });

  it('Azure Resources\' subscription filter (azureResourceGroups.selectedSubscriptions) narrows the tree', async () => {
    await config('azureResourceGroups').update('selectedSubscriptions', [`${CONTOSO_TENANT_ID}/${DEVELOPMENT_SUBSCRIPTION_ID}`], G);
    const roots = await rootsBecome((r) => !r.includes('Contoso Production'));
    assert.ok(roots.includes('Contoso Development'), roots.join(', '));
    await config('azureResourceGroups').update('selectedSubscriptions', undefined, G);
    await rootsBecome((r) => r.includes('Contoso Production') && r.includes('Contoso Development'));
  });

  it('a tenant that needs its own sign-in: Fabrikam answers silently only after Ada signs in there', async () => {
    const fabrikam = [armScope(), `VSCODE_TENANT:${FABRIKAM_TENANT_ID}`];
    // The library lists Fabrikam among her tenants but gets no session there without a sign-in.
    const p = await provider();
    assert.ok(p.calls.some((c) => c.method === 'getSessions' && c.scopes?.includes(`VSCODE_TENANT:${FABRIKAM_TENANT_ID}`)), 'the library tried Fabrikam silently');
    await signInFromAccountsMenu(SOVEREIGN, fabrikam, ADA);
    const session = await vscode.authentication.getSession(SOVEREIGN, fabrikam, { silent: true, account: accountInfo(ADA) });
    assert.ok(session, 'signed in to Fabrikam');
    assert.equal(tokenClaims(session.accessToken).tid, FABRIKAM_TENANT_ID, 'a Fabrikam token from the local Azure');
    // Her principal has no Fabrikam subscription: the tree lists the same, without an error row.
    const roots = await rootsBecome((r) => r.includes('Contoso Production'));
    assert.ok(!roots.some((l) => /could not|failed/i.test(l)), roots.join(', '));
  });

  it('a second account: Pat signs in too, and each subscription names its account and tenant', async () => {
    await signInFromAccountsMenu(SOVEREIGN, [armScope()], PAT);
    await rootsBecome((r) => r.includes('Fabrikam Images') && r.includes('Contoso Production'));
    const rows = await rootRows();
    assert.equal(rows.find((r) => r.label === 'Fabrikam Images')?.description, `${PAT} · ${FABRIKAM_TENANT_ID}`);
    assert.equal(rows.find((r) => r.label === 'Contoso Production')?.description, `${ADA} · ${CONTOSO_TENANT_ID}`);
    const fabrikamGalleries = await labels(await children(await nodeAt('Fabrikam Images')));
    assert.ok(fabrikamGalleries.length > 0 && !fabrikamGalleries.some((l) => /fail|error/i.test(l)), fabrikamGalleries.join(', '));
  });

  it('token refresh: after the tokens expire the tree still reads, with fresh tokens from the provider', async () => {
    await emulatorAdmin('POST', '/_admin/config', { tokenLifetimeSeconds: 4 });
    // New short-lived tokens: the cached ones still have an hour, so sign out and in again.
    (await provider()).signOut(PAT);
    await rootsBecome((r) => !r.includes('Fabrikam Images'));
    await signInFromAccountsMenu(SOVEREIGN, [armScope()], PAT);
    await rootsBecome((r) => r.includes('Fabrikam Images'));
    const first = await vscode.authentication.getSession(SOVEREIGN, [armScope()], { silent: true, account: accountInfo(PAT) });
    const subscription = await nodeAt('Fabrikam Images');
    await children(subscription);
    await new Promise((r) => setTimeout(r, 5000));
    // Its galleries again, without listing the subscriptions again: the subscription's own
    // credential must fetch a token the local Azure still accepts.
    await vscode.commands.executeCommand('azureComputeGallery.refresh', subscription);
    const galleries = await labels(await children(subscription));
    assert.ok(galleries.length > 0 && !galleries.some((l) => /expired|fail|error|could not|sign in/i.test(l)), galleries.join(', '));
    const second = await vscode.authentication.getSession(SOVEREIGN, [armScope()], { silent: true, account: accountInfo(PAT) });
    assert.notEqual(second?.accessToken, first?.accessToken, 'the provider refreshed the token');
    await emulatorAdmin('POST', '/_admin/config', { tokenLifetimeSeconds: 3600 });
  });

  it('signing the accounts out (Accounts menu) takes the tree back to the sign-in', async () => {
    (await provider()).signOut(PAT);
    const roots = await rootsBecome((r) => !r.includes('Fabrikam Images'));
    assert.ok(roots.includes('Contoso Production'), 'Ada stays signed in');
    (await provider()).signOut(ADA);
    assert.deepEqual(await rootsBecome((r) => r.length === 0), []);
    assert.deepEqual(await vscode.authentication.getAccounts(SOVEREIGN), []);
  });

  it('the public cloud asks the `microsoft` provider instead, with the public management scope', async () => {
    await config(SOVEREIGN).update('environment', undefined, G);
    await signInFromAccountsMenu('microsoft', ['https://management.core.windows.net/.default'], ADA);
    const status = await eventually(async () => {
      const text = await vscode.commands.executeCommand<string>('azureComputeGallery.showSignInStatus');
      if (!text.startsWith('Signed in')) throw new Error(text);
      return text;
    });
    assert.match(status, /VS Code Microsoft account \(ada\.lovelace@contoso\.com\), on AzureCloud/);
    const asked = (await provider('microsoft')).calls.filter((c) => c.method === 'getSessions' && c.scopes).map((c) => c.scopes!.join(' '));
    assert.ok(asked.includes('https://management.core.windows.net/.default'), asked.join(' | '));
  });
});
