import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { bearerTokenAuthenticationPolicy, createDefaultHttpClient, createPipelineFromOptions, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { errorBodyPolicy } from './errorBodies';
import { sdkClients } from './sdkLoader';
import { sharedTlsAgentPolicy } from './tlsAgent';
import type { AzureTarget, CloudEndpoints, TokenSource } from './types';

// One client per (cloud, identity, subscription), so connections and token caches are reused and
// browsing 50 subscriptions does not build 50 pipelines twice.
const computeClients = new Map<string, ComputeManagementClient>();
const subscriptionClients = new Map<string, SubscriptionClient>();
const resourceClients = new Map<string, ResourceManagementClient>();
const authorizationClients = new Map<string, AuthorizationManagementClient>();
const graphPipelines = new Map<string, Pipeline>();
const resourceGraphClients = new Map<string, ResourceGraphClient>();
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

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function computeClient(target: AzureTarget): ComputeManagementClient {
  const key = `${target.cloud.resourceManagerEndpointUrl}|${credentialKey(target.credential)}|${target.subscriptionId}`;
  let client = computeClients.get(key);
  if (!client) {
    client = new (sdkClients().ComputeManagementClient)(target.credential, target.subscriptionId, {
      endpoint: trimSlash(target.cloud.resourceManagerEndpointUrl),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
      userAgentOptions: { userAgentPrefix: target.userAgent },
      additionalPolicies: [{ policy: errorBodyPolicy, position: 'perRetry' }, { policy: sharedTlsAgentPolicy, position: 'perCall' }],
      httpClient: httpClient(),
    });
    computeClients.set(key, client);
  }
  return client;
}

export function subscriptionClient(cloud: CloudEndpoints, credential: TokenSource, userAgent: string): SubscriptionClient {
  const key = `${cloud.resourceManagerEndpointUrl}|${credentialKey(credential)}`;
  let client = subscriptionClients.get(key);
  if (!client) {
    client = new SubscriptionClient(credential, {
      endpoint: trimSlash(cloud.resourceManagerEndpointUrl),
      credentialScopes: [cloud.resourceManagerScope],
      userAgentOptions: { userAgentPrefix: userAgent },
      additionalPolicies: [{ policy: errorBodyPolicy, position: 'perRetry' }, { policy: sharedTlsAgentPolicy, position: 'perCall' }],
      httpClient: httpClient(),
    });
    subscriptionClients.set(key, client);
  }
  return client;
}

/** Resource groups (list, create) of one subscription. */
export function resourceClient(target: AzureTarget): ResourceManagementClient {
  const key = `${target.cloud.resourceManagerEndpointUrl}|${credentialKey(target.credential)}|${target.subscriptionId}`;
  let client = resourceClients.get(key);
  if (!client) {
    client = new (sdkClients().ResourceManagementClient)(target.credential, target.subscriptionId, {
      endpoint: trimSlash(target.cloud.resourceManagerEndpointUrl),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
      userAgentOptions: { userAgentPrefix: target.userAgent },
      additionalPolicies: [{ policy: errorBodyPolicy, position: 'perRetry' }, { policy: sharedTlsAgentPolicy, position: 'perCall' }],
      httpClient: httpClient(),
    });
    resourceClients.set(key, client);
  }
  return client;
}

/** Role definitions and role assignments (Azure RBAC) at any scope of one subscription. */
export function authorizationClient(target: AzureTarget): AuthorizationManagementClient {
  const key = `${target.cloud.resourceManagerEndpointUrl}|${credentialKey(target.credential)}|${target.subscriptionId}`;
  let client = authorizationClients.get(key);
  if (!client) {
    client = new (sdkClients().AuthorizationManagementClient)(target.credential, target.subscriptionId, {
      endpoint: trimSlash(target.cloud.resourceManagerEndpointUrl),
      credentialScopes: [target.cloud.resourceManagerScope],
      userAgentOptions: { userAgentPrefix: target.userAgent },
      additionalPolicies: [{ policy: errorBodyPolicy, position: 'perRetry' }, { policy: sharedTlsAgentPolicy, position: 'perCall' }],
      httpClient: httpClient(),
    });
    authorizationClients.set(key, client);
  }
  return client;
}

/** Azure Resource Graph: one query across many subscriptions (tenant-level, no subscription in the path). */
export function resourceGraphClient(target: Omit<AzureTarget, 'subscriptionId'>): ResourceGraphClient {
  const key = `${target.cloud.resourceManagerEndpointUrl}|${credentialKey(target.credential)}`;
  let client = resourceGraphClients.get(key);
  if (!client) {
    client = new (sdkClients().ResourceGraphClient)(target.credential, {
      endpoint: trimSlash(target.cloud.resourceManagerEndpointUrl),
      credentials: { scopes: [target.cloud.resourceManagerScope] },
      userAgentOptions: { userAgentPrefix: target.userAgent },
      additionalPolicies: [{ policy: errorBodyPolicy, position: 'perRetry' }, { policy: sharedTlsAgentPolicy, position: 'perCall' }],
      httpClient: httpClient(),
    });
    resourceGraphClients.set(key, client);
  }
  return client;
}

/**
 * A pipeline for Microsoft Graph (finding people, groups and applications by name): the same
 * connection pool, retries and token refresh as the SDK clients, with tokens for the Graph scope.
 */
export function graphPipeline(target: AzureTarget): { pipeline: Pipeline; httpClient: HttpClient } {
  const scope = `${target.cloud.microsoftGraphEndpointUrl.replace(/\/*$/, '/')}.default`;
  const key = `${scope}|${credentialKey(target.credential)}|${target.tenantId ?? ''}`;
  let pipeline = graphPipelines.get(key);
  if (!pipeline) {
    pipeline = createPipelineFromOptions({ userAgentOptions: { userAgentPrefix: target.userAgent } });
    pipeline.addPolicy(sharedTlsAgentPolicy);
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: target.credential, scopes: scope }));
    graphPipelines.set(key, pipeline);
  }
  return { pipeline, httpClient: httpClient() };
}

/** Forget every client (sign-out, cloud change): the next call builds fresh ones. */
export function clearClients(): void {
  computeClients.clear();
  subscriptionClients.clear();
  resourceClients.clear();
  authorizationClients.clear();
  graphPipelines.clear();
  resourceGraphClients.clear();
}
