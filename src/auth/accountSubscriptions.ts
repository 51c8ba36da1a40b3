import {
  getConfiguredAuthProviderId,
  getConfiguredAzureEnv,
  getSessionFromVSCode,
  VSCodeAzureSubscriptionProvider,
  type AzureSubscription,
  type GetSubscriptionsFilter,
} from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import { listSubscriptions, listTenants } from '../azure/subscriptions';
import type { CloudEndpoints, TokenSource } from '../azure/types';

type Account = vscode.AuthenticationSessionAccountInformation;
type Session = vscode.AuthenticationSession;
type AccountSessions = { at: number; accounts: { account: Account; session: Session | undefined }[] };

/** How long the accounts and sessions isSignedIn() found serve the subscription list asked right after it. */
const REUSE_MS = 2000;

/**
 * Azure Resources' provider (sign-in, its events, tenants, the filters), listing the subscriptions
 * as its getSubscriptions() does — every account, each tenant that answers silently, the account's
 * home tenant, duplicates dropped, azureResourceGroups.selectedSubscriptions applied — but at once
 * rather than one call after another. The library (5.1.1, VSCodeAzureSubscriptionProvider.js)
 * awaits, in turn, per account: a silent session for "signed in?", another for the tenants'
 * client, the tenant list, then per tenant two silent sessions and a subscription list, then the
 * home tenant's the same way: 9 round trips to the workbench and 3 requests in a row for one
 * account in one tenant, which was 785 ms of figure 2b (docs/performance.md). Here the critical
 * path is the accounts beside the preferred account's silent session (shared with the
 * isSignedIn() just before), then the tenant and home lists side by side, and a session per other
 * tenant.
 */
export class AccountSubscriptionProvider extends VSCodeAzureSubscriptionProvider {
  private lastCheck: Promise<AccountSessions> | undefined;
  private listing = 0;
  /** One credential per account and tenant, so each has one SDK client however often the tree reloads. */
  private readonly credentials = new Map<string, { session: Session; credential: TokenSource }>();

  constructor(
    logger: vscode.LogOutputChannel | undefined,
    private readonly userAgent: string,
  ) {
    super(logger);
  }

  override async isSignedIn(tenantId?: string, account?: Account): Promise<boolean> {
    if (tenantId || account) return super.isSignedIn(tenantId, account);
    // The tree asks this right before the subscriptions: the sessions found here are what listing them starts with.
    const check = homeSessions();
    this.lastCheck = check;
    return (await check).accounts.some((a) => a.session !== undefined);
  }

  override async getSubscriptions(filter: boolean | GetSubscriptionsFilter = true): Promise<AzureSubscription[]> {
    const tenantIdsToFilterBy = isTenantFilter(filter) ? [filter.tenantId] : filter === true ? nonEmpty(await this.getTenantFilters()) : undefined;
    this.suppressEventsWhile(+1);
    let all: AzureSubscription[];
    try {
      const accounts = isAccountFilter(filter) ? await homeSessions([filter.account]) : await this.recentOrNewCheck();
      all = (await Promise.all(accounts.accounts.map((a) => this.accountSubscriptions(a.account, a.session, filter, tenantIdsToFilterBy)))).flat();
    } finally {
      this.suppressEventsWhile(-1);
    }
    // As the library: the same subscription through two accounts is kept twice, through two lists of one account once (the later list's).
    const unique = new Map<string, AzureSubscription>();
    for (const s of all) unique.set(`${s.account.id}/${s.tenantId}/${s.subscriptionId}`, s);
    const subscriptionIds = await this.getSubscriptionFilters();
    const listed = [...unique.values()];
    // Sorted by the session (sortByDisplayName), without loading ICU's collator for localeCompare.
    return filter === true && subscriptionIds.length > 0 ? listed.filter((s) => subscriptionIds.includes(s.subscriptionId)) : listed;
  }

  private async recentOrNewCheck(): Promise<AccountSessions> {
    const check = this.lastCheck;
    this.lastCheck = undefined;
    const found = await check?.catch(() => undefined);
    return found && performance.now() - found.at < REUSE_MS ? found : homeSessions();
  }

  /** The account's tenants (each one that answers silently) and its home tenant, listed side by side. */
  private async accountSubscriptions(account: Account, home: Session | undefined, filter: boolean | GetSubscriptionsFilter, tenantIdsToFilterBy: string[] | undefined): Promise<AzureSubscription[]> {
    const homeTenant = home && tenantOfToken(home.accessToken);
    const tenants = async (): Promise<AzureSubscription[][]> => {
      let ids: string[];
      if (isTenantFilter(filter)) ids = [filter.tenantId];
      else if (!home) ids = [];
      else ids = (await listTenants(listingCloud(), this.credentialFor(account, undefined, home), this.userAgent)).map((t) => t.id);
      const wanted = ids.filter((id) => tenantIdsToFilterBy?.includes(id) !== false);
      // The home tenant's list below gives the same subscriptions (its token is for that tenant), so it is not listed twice.
      return Promise.all(wanted.filter((id) => id.toLowerCase() !== homeTenant).map((id) => this.tenantSubscriptions(account, id)));
    };
    const [perTenant, ofHome] = await Promise.all([tenants(), home ? this.tenantSubscriptions(account, undefined, home) : []]);
    return [...perTenant.flat(), ...ofHome];
  }

  /** A tenant's subscriptions; none when the account has no silent session there (that tenant needs its own sign-in). */
  private async tenantSubscriptions(account: Account, tenantId: string | undefined, known?: Session): Promise<AzureSubscription[]> {
    const session = known ?? (await silentSession(tenantId, account));
    if (!session) return [];
    const environment = getConfiguredAzureEnv();
    const credential = this.credentialFor(account, tenantId, session);
    const authentication = {
      getSession: () => session,
      // As the library: a challenge (WWW-Authenticate) may prompt to step up; anything else never prompts.
      getSessionWithScopes: (scopes: string[] | vscode.AuthenticationWwwAuthenticateRequest) =>
        getSessionFromVSCode(scopes, tenantId, isChallenge(scopes) ? { createIfNone: true, account } : { silent: true, account }),
    };
    // As the library's: the token the subscriptions were listed with (VsCodeAccountSession renews it).
    const listedWith = { getToken: async () => ({ token: session.accessToken, expiresOnTimestamp: 0 }) };
    const listed = await listSubscriptions(listingCloud(), credential, this.userAgent);
    return listed.map((s) => ({
      authentication,
      environment,
      credential: listedWith,
      isCustomCloud: environment.isCustomCloud,
      name: s.name,
      subscriptionId: s.subscriptionId,
      tenantId: tenantId ?? s.tenantId,
      account,
    }));
  }

  private credentialFor(account: Account, tenantId: string | undefined, session: Session): TokenSource {
    const key = `${account.id}/${tenantId ?? ''}`;
    const known = this.credentials.get(key);
    if (known) {
      known.session = session;
      return known.credential;
    }
    const entry = { session, credential: { getToken: async () => ({ token: entry.session.accessToken, expiresOnTimestamp: 0 }) } };
    this.credentials.set(key, entry);
    return entry.credential;
  }

  /**
   * The library ignores session changes while it lists (a silent renewal can fire one, and a
   * reload on it would loop); its flag is a boolean, and listings here may overlap, so count them.
   */
  private suppressEventsWhile(delta: number): void {
    this.listing += delta;
    (this as unknown as { suppressEvents: boolean }).suppressEvents = this.listing > 0;
  }
}

/** Every account of the configured provider, each with its silent session in its home tenant (undefined: signed out there). */
async function homeSessions(accounts?: readonly Account[]): Promise<AccountSessions> {
  const at = performance.now();
  // Asked beside the accounts rather than after them: VS Code answers it with the session of the
  // account this extension uses (with one account, the only one), the same one asking with that
  // account gets, a round trip through the workbench sooner. Another account's is asked for below.
  const preferred = accounts ? undefined : getSessionFromVSCode([], undefined, { createIfNone: false, silent: true }).catch(() => undefined);
  const list = accounts ?? (await vscode.authentication.getAccounts(getConfiguredAuthProviderId()));
  const early = await preferred;
  return {
    at,
    accounts: await Promise.all(list.map(async (account) => ({ account, session: early?.account.id === account.id ? early : await silentSession(undefined, account) }))),
  };
}

function silentSession(tenantId: string | undefined, account: Account): Promise<Session | undefined> {
  return getSessionFromVSCode([], tenantId, { createIfNone: false, silent: true, account });
}

/** Where the library lists: VS Code's configured cloud (microsoft-sovereign-cloud.*), with the token its session holds. */
function listingCloud(): CloudEndpoints {
  const env = getConfiguredAzureEnv();
  return {
    name: env.name,
    resourceManagerEndpointUrl: env.resourceManagerEndpointUrl,
    activeDirectoryEndpointUrl: env.activeDirectoryEndpointUrl,
    // Only the subscription and tenant lists are asked here.
    microsoftGraphEndpointUrl: '',
    portalUrl: env.portalUrl,
    resourceManagerScope: `${env.managementEndpointUrl.replace(/\/+$/, '')}/.default`,
  };
}

/** The token's tenant (`tid`), lower case; undefined when it is not a JWT. */
function tenantOfToken(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' ? claims.tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty<T>(xs: T[]): T[] | undefined {
  return xs.length > 0 ? xs : undefined;
}

function isTenantFilter(filter: boolean | GetSubscriptionsFilter): filter is GetSubscriptionsFilter & { tenantId: string } {
  return typeof filter === 'object' && typeof filter.tenantId === 'string' && filter.tenantId !== '';
}

function isAccountFilter(filter: boolean | GetSubscriptionsFilter): filter is GetSubscriptionsFilter & { account: Account } {
  return typeof filter === 'object' && typeof filter.account === 'object' && filter.account !== null;
}

function isChallenge(scopes: string[] | vscode.AuthenticationWwwAuthenticateRequest): scopes is vscode.AuthenticationWwwAuthenticateRequest {
  return !Array.isArray(scopes) && typeof scopes === 'object' && 'wwwAuthenticate' in scopes;
}
