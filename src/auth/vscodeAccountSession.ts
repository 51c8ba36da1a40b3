import { getConfiguredAuthProviderId, type AzureSubscription, type AzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { CloudEndpoints, TokenSource } from '../azure/types';
import type { AuthSession, SessionSubscription } from './session';
import { AccountSubscriptionProvider } from './accountSubscriptions';
import { sortByDisplayName } from '../model/displayOrder';
import { isSelected, readSubscriptionFilter } from './subscriptionFilter';

/**
 * The VS Code Microsoft account, through the same provider Azure Resources uses: its subscription
 * filter, sovereign-cloud setting, several accounts and per-tenant sign-in behave identically.
 */
export class VsCodeAccountSession implements AuthSession {
  readonly mode = 'vscode' as const;
  private readonly provider: AzureSubscriptionProvider & Partial<vscode.Disposable>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** One credential per account and tenant across reloads: one Resource Graph query and one SDK client for all its subscriptions. */
  private readonly credentials = new Map<string, { latest: AzureSubscription; credential: TokenSource }>();

  constructor(
    readonly cloud: CloudEndpoints,
    private readonly userAgent: string,
    logger?: vscode.LogOutputChannel,
    /** Tests pass a fake VS Code session here; users get Azure Resources' own provider. */
    provider?: AzureSubscriptionProvider & Partial<vscode.Disposable>,
  ) {
    this.provider = provider ?? new AccountSubscriptionProvider(logger, userAgent);
    this.disposables.push(this.provider.onDidSignIn(() => this.changed.fire()), this.provider.onDidSignOut(() => this.changed.fire()));
    if (this.provider.dispose) this.disposables.push({ dispose: () => this.provider.dispose?.() });
  }

  isSignedIn(): Promise<boolean> {
    return this.provider.isSignedIn();
  }

  signIn(): Promise<boolean> {
    return this.provider.signIn();
  }

  async listSubscriptions(filtered: boolean): Promise<SessionSubscription[]> {
    const filter = readSubscriptionFilter();
    // The provider filters by azureResourceGroups.selectedSubscriptions itself; ours applies on top
    // when Azure Resources is not installed.
    const subscriptions = (await this.provider.getSubscriptions(filtered)).filter((s) => !filtered || isSelected(filter, s.subscriptionId));
    const accounts = new Set(subscriptions.map((s) => `${s.account.id}/${s.tenantId}`));
    const sessions = subscriptions.map(
      (s): SessionSubscription => ({
        subscriptionId: s.subscriptionId,
        name: s.name,
        tenantId: s.tenantId,
        accountLabel: accounts.size > 1 ? `${s.account.label} · ${s.tenantId}` : undefined,
        target: { cloud: this.cloud, subscriptionId: s.subscriptionId, tenantId: s.tenantId, credential: this.credentialOf(s), userAgent: this.userAgent },
      }),
    );
    return sortByDisplayName(sessions, (s) => s.name);
  }

  /** The account's credential in the subscription's tenant, asking the session the subscription was listed with. */
  private credentialOf(s: AzureSubscription): TokenSource {
    const key = `${s.account.id}/${s.tenantId.toLowerCase()}`;
    const known = this.credentials.get(key);
    if (known) {
      known.latest = s;
      return known.credential;
    }
    const entry: { latest: AzureSubscription; credential: TokenSource } = { latest: s, credential: renewingCredential(() => entry.latest) };
    this.credentials.set(key, entry);
    return entry.credential;
  }

  async describe(): Promise<string> {
    // `microsoft-sovereign-cloud` when microsoft-sovereign-cloud.environment names another cloud.
    const accounts = await vscode.authentication.getAccounts(getConfiguredAuthProviderId()).then(
      (a) => a.map((x) => x.label),
      () => [] as string[],
    );
    const who = accounts.length > 0 ? accounts.join(', ') : 'no account';
    return `VS Code Microsoft account (${who}), on ${this.cloud.name}`;
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The library's credential hands out the token the subscription was listed with, as if it never
 * expired (expiresOnTimestamp 0), so a tree left open past the token's hour showed "Sign in again"
 * (test/integration/microsoftSignIn.test.ts, token refresh). Asking VS Code for the session when
 * the SDK wants a new token gets what the Microsoft provider has cached, renewed silently near
 * expiry; the token's own expiry tells the SDK when to ask again.
 */
function renewingCredential(latest: () => AzureSubscription): TokenSource {
  return {
    getToken: async (scopes, options) => {
      const s = latest();
      const session = await s.authentication.getSessionWithScopes(typeof scopes === 'string' ? [scopes] : scopes);
      if (!session) return s.credential.getToken(scopes, options);
      return { token: session.accessToken, expiresOnTimestamp: expiryOf(session.accessToken) };
    },
  };
}

/** A JWT's `exp` in milliseconds; 0 (ask every time) when the token is not one. */
function expiryOf(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
  } catch {
    return 0;
  }
}
