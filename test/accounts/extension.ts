// A test-only VS Code extension: the `microsoft` and `microsoft-sovereign-cloud` authentication
// providers, answered by the local Azure's sign-in endpoints instead of login.microsoftonline.com.
// With VS Code's built-in Microsoft authentication disabled, the extension's default sign-in
// (@microsoft/vscode-azext-azureauth → vscode.authentication) runs unmodified against it.
//
// What it keeps to from the real provider (vscode/extensions/microsoft-authentication):
// - scopes arrive as resource `.default` scopes plus `VSCODE_TENANT:<id>` (and `VSCODE_CLIENT_ID:`),
//   the shape getSessionFromVSCode.ts in @microsoft/vscode-azext-azureauth builds;
// - getSessions answers silently only for accounts signed in to the tenant asked for: another
//   tenant needs its own sign-in (createSession), as MSAL needs an interactive login there;
// - tokens are refreshed silently when close to expiry (MSAL's acquireTokenSilent), so every
//   getSessions call returns a token the local Azure still accepts;
// - sign-out removes every session of the account and fires onDidChangeSessions.
// The local Azure has service principals, not users: each account signs in as one of them with
// the client-credentials grant, so its tokens are real local-Azure tokens with that principal's
// tenants and role assignments.
import * as https from 'node:https';
import * as vscode from 'vscode';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID, LOCAL_PRINCIPAL, PARTNER_PRINCIPAL, USERS } from '../emulator/seeds/wellKnown';

export interface LocalAccount {
  label: string;
  homeTenantId: string;
  clientId: string;
  clientSecret: string;
  objectId: string;
}

export const ACCOUNTS: readonly LocalAccount[] = [
  // Home tenant Contoso; its principal may also get tokens in Fabrikam (after a sign-in there).
  { label: USERS.ada.mail, homeTenantId: CONTOSO_TENANT_ID, ...pick(LOCAL_PRINCIPAL) },
  { label: USERS.pat.mail, homeTenantId: FABRIKAM_TENANT_ID, ...pick(PARTNER_PRINCIPAL) },
];

function pick(p: { clientId: string; clientSecret: string; objectId: string }) {
  return { clientId: p.clientId, clientSecret: p.clientSecret, objectId: p.objectId };
}

/** What the test answers the next sign-in prompt with (the account picker, or a tenant's consent). */
export type Answer = { account: string } | { decline: true };

export interface ProviderCall {
  method: 'getSessions' | 'createSession' | 'removeSession';
  scopes?: readonly string[];
  account?: string;
  /** performance.now() when the provider was asked, and how long it took to answer (same process as the tests). */
  at?: number;
  ms?: number;
}

interface Token {
  accessToken: string;
  expiresAt: number;
  lifetimeMs: number;
}

const TENANT_PREFIX = 'VSCODE_TENANT:';
const NOT_RESOURCE = /^(VSCODE_|openid$|profile$|email$|offline_access$)/;

class LocalAzureProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  /** account label → tenants it has signed in to (the home tenant at its first sign-in). */
  private readonly signedIn = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, Token>();
  readonly answers: Answer[] = [];
  readonly calls: ProviderCall[] = [];

  constructor(
    readonly id: string,
    private readonly authority: () => string,
  ) {}

  async getSessions(scopes: readonly string[] | undefined, options: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    const call: ProviderCall = { method: 'getSessions', scopes, account: options.account?.label, at: performance.now() };
    this.calls.push(call);
    const sessions: vscode.AuthenticationSession[] = [];
    for (const [label, tenants] of this.signedIn) {
      if (options.account && options.account.label !== label) continue;
      const account = find(label);
      const tenant = tenantOf(scopes) ?? account.homeTenantId;
      if (!tenants.has(tenant.toLowerCase())) continue;
      sessions.push(await this.session(account, tenant, scopes ?? []));
    }
    call.ms = performance.now() - call.at!;
    return sessions;
  }

  async createSession(scopes: readonly string[], options: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession> {
    this.calls.push({ method: 'createSession', scopes, account: options.account?.label });
    const tenantAsked = tenantOf(scopes);
    const label = options.account?.label ?? (await this.ask(tenantAsked));
    const account = find(label);
    const tenant = tenantAsked ?? account.homeTenantId;
    // A token first: a tenant the principal may not enter refuses here, with the local Azure's AADSTS error.
    const session = await this.session(account, tenant, scopes);
    const tenants = this.signedIn.get(label) ?? new Set<string>();
    const added = !this.signedIn.has(label);
    tenants.add(tenant.toLowerCase());
    this.signedIn.set(label, tenants);
    this.changed.fire(added ? { added: [session], removed: [], changed: [] } : { added: [], removed: [], changed: [session] });
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    this.calls.push({ method: 'removeSession' });
    const label = sessionId.split('|')[0];
    this.signOut(label);
  }

  /** Signs an account out of every tenant, as the Accounts menu's Sign Out does. */
  signOut(label: string): void {
    if (!this.signedIn.delete(label)) return;
    for (const key of [...this.tokens.keys()]) if (key.startsWith(`${label}|`)) this.tokens.delete(key);
    const account = find(label);
    const gone: vscode.AuthenticationSession = { id: `${label}|`, accessToken: '', account: { id: accountId(account), label }, scopes: [] };
    this.changed.fire({ added: [], removed: [gone], changed: [] });
  }

  /** Signs in without asking (the sandbox's `--account`): as if the user had signed in from the Accounts menu. */
  async signInQuietly(label: string): Promise<void> {
    const account = find(label);
    await this.session(account, account.homeTenantId, []);
    this.signedIn.set(label, new Set([account.homeTenantId.toLowerCase()]));
  }

  signedInAccounts(): string[] {
    return [...this.signedIn.keys()];
  }

  private async ask(tenant: string | undefined): Promise<string> {
    const answer = this.answers.shift();
    if (answer) {
      if ('decline' in answer) throw new vscode.CancellationError();
      return answer.account;
    }
    if (process.env.ACG_ACCOUNTS_ANSWERS === 'test') {
      throw new Error(`${this.id}: asked to sign in${tenant ? ` to tenant ${tenant}` : ''} but the test gave no answer`);
    }
    const picked = await vscode.window.showQuickPick(
      ACCOUNTS.map((a) => ({ label: a.label, description: `home tenant ${a.homeTenantId}` })),
      { title: `Sign in to the local Azure${tenant ? ` (tenant ${tenant})` : ''}`, placeHolder: 'Pick an account', ignoreFocusOut: true },
    );
    if (!picked) throw new vscode.CancellationError();
    return picked.label;
  }

  private async session(account: LocalAccount, tenant: string, scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const resources = scopes.filter((s) => !NOT_RESOURCE.test(s));
    const scope = resources.length > 0 ? resources.join(' ') : `${this.authority()}/.default`;
    const key = `${account.label}|${tenant.toLowerCase()}|${scope}`;
    let token = this.tokens.get(key);
    // MSAL renews a token silently once it is within five minutes of expiry; local tokens may
    // live only seconds (tokenLifetimeSeconds), so renew in the last half of a short lifetime.
    if (!token || Date.now() >= token.expiresAt - Math.min(300_000, token.lifetimeMs / 2)) {
      token = await requestToken(this.authority(), tenant, account, scope);
      this.tokens.set(key, token);
    }
    return { id: key, accessToken: token.accessToken, account: { id: accountId(account), label: account.label }, scopes: [...scopes] };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function find(label: string): LocalAccount {
  const account = ACCOUNTS.find((a) => a.label.toLowerCase() === label.toLowerCase());
  if (!account) throw new Error(`No local account ${label}: use one of ${ACCOUNTS.map((a) => a.label).join(', ')}`);
  return account;
}

/** MSAL's account id: `<object id>.<home tenant id>`. */
function accountId(a: LocalAccount): string {
  return `${a.objectId}.${a.homeTenantId}`;
}

function tenantOf(scopes: readonly string[] | undefined): string | undefined {
  return scopes?.find((s) => s.startsWith(TENANT_PREFIX))?.slice(TENANT_PREFIX.length);
}

function requestToken(authority: string, tenant: string, account: LocalAccount, scope: string): Promise<Token> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: account.clientId, client_secret: account.clientSecret, scope }).toString();
  const url = new URL(`${authority}/${tenant}/oauth2/v2.0/token`);
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        const json = JSON.parse(text) as { access_token?: string; expires_in?: number; error_description?: string };
        if (res.statusCode !== 200 || !json.access_token) {
          reject(new Error(json.error_description ?? `token request failed with ${res.statusCode}`));
          return;
        }
        const lifetimeMs = (json.expires_in ?? 3600) * 1000;
        resolve({ accessToken: json.access_token, expiresAt: Date.now() + lifetimeMs, lifetimeMs });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The sign-in authority: the sovereign cloud's configured one, else the local Azure itself. */
function authorityFor(providerId: string): () => string {
  return () => {
    const local = (process.env.ACG_EMULATOR_URL ?? '').replace(/\/+$/, '');
    if (providerId !== 'microsoft-sovereign-cloud') return local;
    const custom = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<{ activeDirectoryEndpointUrl?: string }>('customEnvironment');
    return (custom?.activeDirectoryEndpointUrl ?? local).replace(/\/+$/, '');
  };
}

export interface LocalAccountsApi {
  accounts: readonly LocalAccount[];
  provider(id: 'microsoft' | 'microsoft-sovereign-cloud'): {
    /** Queues the answers to the next sign-in prompts. */
    answer(...answers: Answer[]): void;
    signOut(label: string): void;
    signedInAccounts(): string[];
    calls: ProviderCall[];
  };
}

export function activate(context: vscode.ExtensionContext): LocalAccountsApi {
  const providers = new Map<string, LocalAzureProvider>();
  for (const [id, label] of [['microsoft', 'Microsoft (local Azure)'], ['microsoft-sovereign-cloud', 'Microsoft Sovereign Cloud (local Azure)']] as const) {
    const provider = new LocalAzureProvider(id, authorityFor(id));
    providers.set(id, provider);
    context.subscriptions.push(provider, vscode.authentication.registerAuthenticationProvider(id, label, provider, { supportsMultipleAccounts: true }));
  }
  // ACG_ACCOUNTS_SIGNED_IN=<provider>:<label>,…: accounts already signed in to VS Code at start.
  for (const entry of (process.env.ACG_ACCOUNTS_SIGNED_IN ?? '').split(',').filter(Boolean)) {
    const [id, label] = entry.split(/:(.*)/s);
    void providers.get(id)?.signInQuietly(label).catch((e: unknown) => console.error(`[local-azure-accounts] ${String(e)}`));
  }
  return {
    accounts: ACCOUNTS,
    provider(id) {
      const p = providers.get(id)!;
      return {
        answer: (...answers) => void p.answers.push(...answers),
        signOut: (label) => p.signOut(label),
        signedInAccounts: () => p.signedInAccounts(),
        calls: p.calls,
      };
    },
  };
}

export function deactivate(): void {
  // Nothing outlives the extension host.
}
