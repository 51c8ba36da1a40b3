import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { bearerTokenAuthenticationPolicy, createDefaultHttpClient, createPipelineFromOptions, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { errorBodyPolicy } from './errorBodies';
import { rawBodyPolicy } from './rawBody';
import { capturePolicy } from './capture';
import { sdkClients } from './sdkLoader';
import { sharedTlsAgentPolicy } from './tlsAgent';
import type { AzureTarget, CloudEndpoints, TokenSource } from './types';

// One client per (kind, cloud, identity, subscription), so connections and token caches are reused
// and browsing 50 subscriptions does not build 50 pipelines twice.
const clients = new Map<string, unknown>();
const credentialIds = new WeakMap<TokenSource, number>();
// One HTTP client (one connection pool) for every SDK client: otherwise each subscription's client
// keeps its own agent, and every first call per subscription pays a new TLS handshake — inside VS
// Code, with its system certificates added to each one, that serialises "load 50 subscriptions".
let sharedHttpClient: HttpClient | undefined;
export const httpClient = (): HttpClient => (sharedHttpClient ??= createDefaultHttpClient());
let nextCredentialId = 1;

function credentialKey(credential: TokenSource): number {
  let id = credentialIds.get(credential);
  if (id === undefined) {
    id = nextCredentialId++;
    credentialIds.set(credential, id);
  }
  return id;
}

/** The client of this kind for this cloud, identity and (where it has one) subscription. */
function cached<C>(kind: string, cloud: CloudEndpoints, credential: TokenSource, scope: string, create: () => C): C {
  const key = `${kind}|${cloud.resourceManagerEndpointUrl}|${credentialKey(credential)}|${scope}`;
  let client = clients.get(key) as C | undefined;
  if (client === undefined) {
    client = create();
    clients.set(key, client);
  }
  return client;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** What every ARM client shares: the endpoint, user agent, error bodies, TLS agent and connection pool. */
function armOptions(cloud: CloudEndpoints, userAgent: string) {
  return {
    endpoint: trimSlash(cloud.resourceManagerEndpointUrl),
    userAgentOptions: { userAgentPrefix: userAgent },
    additionalPolicies: [
      { policy: rawBodyPolicy, position: 'perCall' as const },
      { policy: capturePolicy, position: 'perCall' as const },
      { policy: errorBodyPolicy, position: 'perRetry' as const },
      { policy: sharedTlsAgentPolicy, position: 'perCall' as const },
    ],
    httpClient: httpClient(),
  };
}

export function computeClient(target: AzureTarget): ComputeManagementClient {
  return cached('compute', target.cloud, target.credential, target.subscriptionId, () => {
    return new (sdkClients().ComputeManagementClient)(target.credential, target.subscriptionId, {
      ...armOptions(target.cloud, target.userAgent),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
    });
  });
}

export function subscriptionClient(cloud: CloudEndpoints, credential: TokenSource, userAgent: string): SubscriptionClient {
  return cached('subscriptions', cloud, credential, '', () => new SubscriptionClient(credential, { ...armOptions(cloud, userAgent), credentialScopes: [cloud.resourceManagerScope] }));
}

/** Resource groups (list, create) of one subscription. */
export function resourceClient(target: AzureTarget): ResourceManagementClient {
  return cached('resources', target.cloud, target.credential, target.subscriptionId, () => {
    return new (sdkClients().ResourceManagementClient)(target.credential, target.subscriptionId, {
      ...armOptions(target.cloud, target.userAgent),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
    });
  });
}

/** Role definitions and role assignments (Azure RBAC) at any scope of one subscription. */
export function authorizationClient(target: AzureTarget): AuthorizationManagementClient {
  return cached('authorization', target.cloud, target.credential, target.subscriptionId, () => {
    return new (sdkClients().AuthorizationManagementClient)(target.credential, target.subscriptionId, {
      ...armOptions(target.cloud, target.userAgent),
      credentialScopes: [target.cloud.resourceManagerScope],
    });
  });
}

/** Azure Resource Graph: one query across many subscriptions (tenant-level, no subscription in the path). */
export function resourceGraphClient(target: Omit<AzureTarget, 'subscriptionId'>): ResourceGraphClient {
  return cached('resourceGraph', target.cloud, target.credential, '', () => {
    return new (sdkClients().ResourceGraphClient)(target.credential, {
      ...armOptions(target.cloud, target.userAgent),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
    });
  });
}

/**
 * A pipeline for Microsoft Graph (finding people, groups and applications by name): the same
 * connection pool, retries and token refresh as the SDK clients, with tokens for the Graph scope.
 */
export function graphPipeline(target: AzureTarget): { pipeline: Pipeline; httpClient: HttpClient } {
  const scope = `${target.cloud.microsoftGraphEndpointUrl.replace(/\/*$/, '/')}.default`;
  const pipeline = cached('graph', target.cloud, target.credential, `${scope}|${target.tenantId ?? ''}`, () => {
    const created = createPipelineFromOptions({ userAgentOptions: { userAgentPrefix: target.userAgent } });
    created.addPolicy(sharedTlsAgentPolicy);
    created.addPolicy(bearerTokenAuthenticationPolicy({ credential: target.credential, scopes: scope }));
    return created;
  });
  return { pipeline, httpClient: httpClient() };
}

/** Forget every client (sign-out, cloud change): the next call builds fresh ones. */
export function clearClients(): void {
  clients.clear();
}
