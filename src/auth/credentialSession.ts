import * as vscode from 'vscode';
import { azureCliCredential, servicePrincipalCredential, servicePrincipalFromEnvironment } from '../azure/credentials';
import { AzureError, toAzureError } from '../azure/errors';
import { listSubscriptions } from '../azure/subscriptions';
import type { CloudEndpoints, TokenSource } from '../azure/types';
import type { AuthSession, SessionSubscription } from './session';
import { log } from '../ui/log';
import { isSelected, readSubscriptionFilter } from './subscriptionFilter';

/** Sign-in through a credential that needs no UI: a service principal from the environment, or `az login`. */
export class CredentialSession implements AuthSession {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.changed.event;
  private credential: TokenSource | undefined;
  private credentialProblem: string | undefined;
  private readonly principal: { tenantId: string; clientId: string } | undefined;

  constructor(
    readonly mode: 'servicePrincipal' | 'azureCli',
    readonly cloud: CloudEndpoints,
    private readonly userAgent: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    if (mode === 'servicePrincipal') {
      const settings = servicePrincipalFromEnvironment(env);
      if (typeof settings === 'string') {
        this.credentialProblem = settings;
      } else {
        this.principal = { tenantId: settings.tenantId, clientId: settings.clientId };
        this.credential = servicePrincipalCredential(settings, cloud);
      }
    } else {
      this.credential = azureCliCredential();
    }
  }

  private requireCredential(): TokenSource {
    if (!this.credential) throw new AzureError(this.credentialProblem ?? 'No credential.', 'CredentialUnavailableError');
    return this.credential;
  }

  /**
   * False when there is nothing to sign in with (no service principal, or `az login` not done);
   * any other failure to get a token (throttled, network, a refused secret) is thrown, so the tree
   * says what went wrong instead of looking signed out and dropping the subscriptions.
   */
  async isSignedIn(): Promise<boolean> {
    if (!this.credential) return false;
    try {
      // The same token request the SDK clients make (they ask with CAE), so the token fetched here
      // is the one they use: asked without it, sign-in would fetch a second one.
      return (await this.credential.getToken(this.cloud.resourceManagerScope, { enableCae: true })) !== null;
    } catch (error) {
      if ((error as { name?: unknown } | undefined)?.name === 'CredentialUnavailableError') {
        log().info(`Not signed in: ${(error as Error).message}`);
        return false;
      }
      throw toAzureError(error);
    }
  }

  async signIn(): Promise<boolean> {
    if (this.credentialProblem) throw new AzureError(this.credentialProblem, 'CredentialUnavailableError');
    const ok = await this.isSignedIn();
    if (!ok && this.mode === 'azureCli') {
      throw new AzureError('The Azure CLI is not signed in. Run `az login` in a terminal, then choose Sign In again.', 'CredentialUnavailableError');
    }
    this.changed.fire();
    return ok;
  }

  async listSubscriptions(filtered: boolean): Promise<SessionSubscription[]> {
    const credential = this.requireCredential();
    const all = await listSubscriptions(this.cloud, credential, this.userAgent);
    const filter = filtered ? readSubscriptionFilter() : [];
    return all
      .filter((s) => isSelected(filter, s.subscriptionId))
      .map((s) => ({
        subscriptionId: s.subscriptionId,
        name: s.name,
        tenantId: s.tenantId,
        target: { cloud: this.cloud, subscriptionId: s.subscriptionId, tenantId: s.tenantId, credential, userAgent: this.userAgent },
      }));
  }

  async describe(): Promise<string> {
    const where = this.cloud.name === 'Custom' ? `the custom cloud ${this.cloud.resourceManagerEndpointUrl}` : this.cloud.name;
    if (this.mode === 'servicePrincipal') {
      if (!this.principal) return `Service principal not configured: ${this.credentialProblem ?? ''}`;
      return `Service principal ${this.principal.clientId} in tenant ${this.principal.tenantId}, on ${where}`;
    }
    return `Azure CLI login, on ${where}`;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
