// The default sign-in (the VS Code Microsoft account) cannot sign in offline, so its session is
// driven here by a fake VS Code account provider: several accounts and tenants, the subscription
// filter, sign-in and sign-out events.
import assert from 'node:assert/strict';
import type { AzureSubscription, AzureSubscriptionProvider, AzureTenant, GetSubscriptionsFilter } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import { VsCodeAccountSession } from '../../src/auth/vscodeAccountSession';
import type { CloudEndpoints } from '../../src/azure/types';

const CLOUD: CloudEndpoints = {
  name: 'AzureCloud',
  resourceManagerEndpointUrl: 'https://management.azure.com/',
  activeDirectoryEndpointUrl: 'https://login.microsoftonline.com/',
  microsoftGraphEndpointUrl: 'https://graph.microsoft.com/',
  portalUrl: 'https://portal.azure.com',
  resourceManagerScope: 'https://management.azure.com/.default',
};

const ada = { id: 'ada-id', label: 'ada@contoso.com' };
const pat = { id: 'pat-id', label: 'pat@fabrikam.com' };
const credential = { getToken: async () => ({ token: 'not-a-real-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

function subscription(name: string, subscriptionId: string, tenantId: string, account: typeof ada): AzureSubscription {
  const session = { id: 's', accessToken: 'not-a-real-token', account, scopes: [] };
  const authentication = { getSession: () => session, getSessionWithScopes: () => session };
  return { name, subscriptionId, tenantId, account, credential, environment: {} as AzureSubscription['environment'], isCustomCloud: false, authentication };
}

class FakeAccounts implements AzureSubscriptionProvider {
  signedIn = false;
  filterAsked: (boolean | GetSubscriptionsFilter)[] = [];
  private readonly inEmitter = new vscode.EventEmitter<void>();
  private readonly outEmitter = new vscode.EventEmitter<void>();
  onDidSignIn = this.inEmitter.event;
  onDidSignOut = this.outEmitter.event;
  constructor(private readonly subscriptions: AzureSubscription[]) {}
  async getTenants(): Promise<AzureTenant[]> {
    return [];
  }
  async getSubscriptions(filter: boolean | GetSubscriptionsFilter): Promise<AzureSubscription[]> {
    this.filterAsked.push(filter);
    return this.signedIn ? this.subscriptions : [];
  }
  async isSignedIn(): Promise<boolean> {
    return this.signedIn;
  }
  async signIn(): Promise<boolean> {
    this.signedIn = true;
    this.inEmitter.fire();
    return true;
  }
  async signOut(): Promise<void> {
    this.signedIn = false;
    this.outEmitter.fire();
  }
}

describe('the VS Code account session (fake VS Code accounts)', () => {
  it('is signed out until the account signs in, and tells the tree when that changes', async () => {
    const accounts = new FakeAccounts([subscription('Contoso Production', 'sub-1', 'tenant-1', ada)]);
    const session = new VsCodeAccountSession(CLOUD, 'ua/1', undefined, accounts);
    let changes = 0;
    session.onDidChangeSession(() => changes++);
    assert.equal(await session.isSignedIn(), false);
    assert.equal(await session.signIn(), true);
    assert.equal(await session.isSignedIn(), true);
    await accounts.signOut();
    assert.equal(changes, 2, 'sign-in and sign-out both reach the tree');
    session.dispose();
  });

  it('one account, one tenant: subscriptions by name, no account in the description, targets on its cloud', async () => {
    const accounts = new FakeAccounts([subscription('Zeta', 'sub-z', 'tenant-1', ada), subscription('Alpha', 'sub-a', 'tenant-1', ada)]);
    accounts.signedIn = true;
    const session = new VsCodeAccountSession(CLOUD, 'ua/1', undefined, accounts);
    const subs = await session.listSubscriptions(true);
    assert.deepEqual(subs.map((s) => s.name), ['Alpha', 'Zeta']);
    assert.deepEqual(subs.map((s) => s.accountLabel), [undefined, undefined]);
    assert.equal(subs[0].target.cloud.resourceManagerEndpointUrl, 'https://management.azure.com/');
    assert.equal((await subs[0].target.credential.getToken('https://management.azure.com/.default'))?.token, 'not-a-real-token', "the account's session token");
    assert.deepEqual(accounts.filterAsked, [true], 'the provider applies Azure Resources\' own filter');
    session.dispose();
  });

  it('several accounts or tenants: each subscription names its account and tenant', async () => {
    const accounts = new FakeAccounts([subscription('Contoso Production', 'sub-1', 'tenant-1', ada), subscription('Fabrikam Images', 'sub-2', 'tenant-2', pat)]);
    accounts.signedIn = true;
    const session = new VsCodeAccountSession(CLOUD, 'ua/1', undefined, accounts);
    const subs = await session.listSubscriptions(true);
    assert.deepEqual(subs.map((s) => s.accountLabel), ['ada@contoso.com · tenant-1', 'pat@fabrikam.com · tenant-2']);
    session.dispose();
  });

  it('our own subscription filter applies when Azure Resources is not installed', async () => {
    const accounts = new FakeAccounts([subscription('Contoso Production', 'sub-1', 'tenant-1', ada), subscription('Contoso Development', 'sub-2', 'tenant-1', ada)]);
    accounts.signedIn = true;
    const session = new VsCodeAccountSession(CLOUD, 'ua/1', undefined, accounts);
    const config = vscode.workspace.getConfiguration('azureComputeGallery');
    await config.update('selectedSubscriptions', ['tenant-1/sub-2'], vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual((await session.listSubscriptions(true)).map((s) => s.name), ['Contoso Development']);
      assert.deepEqual((await session.listSubscriptions(false)).map((s) => s.name), ['Contoso Development', 'Contoso Production']);
    } finally {
      await config.update('selectedSubscriptions', undefined, vscode.ConfigurationTarget.Global);
    }
    session.dispose();
  });
});
