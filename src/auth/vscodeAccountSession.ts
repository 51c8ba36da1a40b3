import { VSCodeAzureSubscriptionProvider, type AzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../azure/types';
import type { AuthSession, SessionSubscription } from './session';
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

  constructor(
    readonly cloud: CloudEndpoints,
    private readonly userAgent: string,
    logger?: vscode.LogOutputChannel,
    /** Tests pass a fake VS Code session here; users get Azure Resources' own provider. */
    provider?: AzureSubscriptionProvider & Partial<vscode.Disposable>,
  ) {
    this.provider = provider ?? new VSCodeAzureSubscriptionProvider(logger);
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
        target: { cloud: this.cloud, subscriptionId: s.subscriptionId, tenantId: s.tenantId, credential: s.credential, userAgent: this.userAgent },
      }),
    );
    return sortByDisplayName(sessions, (s) => s.name);
  }

  async describe(): Promise<string> {
    const accounts = await vscode.authentication.getAccounts('microsoft').then(
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
