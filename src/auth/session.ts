import type * as vscode from 'vscode';
import type { AzureTarget, CloudEndpoints } from '../azure/types';

export type AuthenticationMode = 'vscode' | 'azureCli' | 'servicePrincipal';

export interface SessionSubscription {
  subscriptionId: string;
  name: string;
  tenantId: string;
  /** Shown when several accounts or tenants are signed in. */
  accountLabel?: string;
  target: AzureTarget;
}

/** One way of signing in; the tree and commands see only this. */
export interface AuthSession extends vscode.Disposable {
  readonly mode: AuthenticationMode;
  readonly cloud: CloudEndpoints;
  isSignedIn(): Promise<boolean>;
  /** Interactive where the mode allows it; resolves false when the user gave up. */
  signIn(): Promise<boolean>;
  /** `filtered`: honour the subscription filter (azureResourceGroups.selectedSubscriptions). */
  listSubscriptions(filtered: boolean): Promise<SessionSubscription[]>;
  /** "Service principal 1111… in tenant 72f9… on Custom (https://127.0.0.1:4443/)" */
  describe(): Promise<string>;
  readonly onDidChangeSession: vscode.Event<void>;
}

