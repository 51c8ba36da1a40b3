// "As code" on the Azure side: the request a write would send (taken from the SDK's own pipeline,
// stopped before it leaves), the JSON of existing resources to export, and template deployments.
import { createHttpHeaders, createPipelineFromOptions, createPipelineRequest, bearerTokenAuthenticationPolicy } from '@azure/core-rest-pipeline';
import { exportRequests, type ArmRequest } from '../model/asCode';
export { previewRequest } from './capture';
import { parseArmId } from '../model/armId';
import { computeClient, httpClient } from './clientFactory';
import { listNestedResources } from './deletes';
import { AzureError, azureCall, toAzureError } from './errors';
import { sharedTlsAgentPolicy } from './tlsAgent';
import type { AzureTarget, CallOptions } from './types';

/** Azure's JSON of one resource and the api-version it was read with. */
async function readJson(target: AzureTarget, id: string, options: CallOptions): Promise<{ json: unknown; apiVersion: string }> {
  const ref = parseArmId(id);
  let json: unknown;
  let url = '';
  const onResponse = (response: { parsedBody?: unknown; bodyAsText?: string | null; request: { url: string } }) => {
    json = response.parsedBody ?? (response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined);
    url = response.request.url;
  };
  const common = { abortSignal: options.abortSignal, onResponse };
  const client = computeClient(target);
  await azureCall(async () => {
    if (ref?.kind === 'gallery') return client.galleries.get(ref.resourceGroupName, ref.galleryName, common);
    if (ref?.kind === 'imageDefinition') return client.galleryImages.get(ref.resourceGroupName, ref.galleryName, ref.imageName, common);
    if (ref?.kind === 'imageVersion') return client.galleryImageVersions.get(ref.resourceGroupName, ref.galleryName, ref.imageName, ref.versionName, common);
    if (ref?.kind === 'galleryApplication') return client.galleryApplications.get(ref.resourceGroupName, ref.galleryName, ref.applicationName, common);
    if (ref?.kind === 'applicationVersion') return client.galleryApplicationVersions.get(ref.resourceGroupName, ref.galleryName, ref.applicationName, ref.versionName, common);
    throw new Error(`Export does not know resources like ${id}.`);
  });
  return { json, apiVersion: new URL(url).searchParams.get('api-version') ?? '' };
}

/**
 * PUT requests that re-create a gallery (with its image definitions, VM applications and their
 * versions), a definition or VM application (with its versions) or one version, from Azure's JSON
 * less what Azure alone sets.
 */
export async function exportRequestsOf(target: AzureTarget, id: string, options: CallOptions = {}): Promise<ArmRequest[]> {
  const top = await readJson(target, id, options);
  const ids: string[] = [];
  const kind = parseArmId(id)?.kind;
  if (kind === 'gallery' || kind === 'imageDefinition' || kind === 'galleryApplication') {
    const nested = await listNestedResources(target, id, options);
    const applications = nested.items.filter((i) => i.kind === 'application').map((i) => i.id);
    const applicationVersions = nested.items.filter((i) => i.kind === 'applicationVersion').map((i) => i.id);
    ids.push(...nested.definitions.map((d) => d.id).sort(), ...applications.sort(), ...nested.versions.map((v) => v.id).sort(), ...applicationVersions.sort());
  }
  const rest = await Promise.all(ids.map(async (nestedId) => ({ id: nestedId, json: (await readJson(target, nestedId, options)).json })));
  return exportRequests([{ id, json: top.json }, ...rest], top.apiVersion);
}

export interface DeploymentOutcome {
  id: string;
  provisioningState: string;
  /** The resources the deployment wrote. */
  outputResources: string[];
  /** ARM's DeploymentFailed, with each failed resource's own error in `details`. */
  error?: { code: string; message: string; details?: Array<{ code: string; message: string; target?: string }> };
}

const DEPLOYMENTS_API_VERSION = '2025-04-01';
const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);

/**
 * Deploys an ARM template to a resource group and waits for the outcome (Deployments - Create Or
 * Update, learn.microsoft.com/rest/api/resources/deployments/create-or-update: PUT, then the
 * deployment's provisioningState until Succeeded, Failed or Canceled).
 */
export async function deployTemplate(
  target: AzureTarget,
  resourceGroup: string,
  name: string,
  template: unknown,
  parameters: Record<string, unknown> = {},
  options: CallOptions & { pollIntervalMs?: number } = {},
): Promise<DeploymentOutcome> {
  const base = target.cloud.resourceManagerEndpointUrl.replace(/\/+$/, '');
  const url = `${base}/subscriptions/${target.subscriptionId}/resourcegroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.Resources/deployments/${encodeURIComponent(name)}?api-version=${DEPLOYMENTS_API_VERSION}`;
  const pipeline = createPipelineFromOptions({ userAgentOptions: { userAgentPrefix: target.userAgent } });
  pipeline.addPolicy(sharedTlsAgentPolicy);
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: target.credential, scopes: target.cloud.resourceManagerScope }));
  const send = async (method: 'PUT' | 'GET', body?: unknown): Promise<Record<string, unknown>> => {
    const headers = createHttpHeaders({ Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) });
    const request = createPipelineRequest({ url, method, headers, body: body === undefined ? undefined : JSON.stringify(body), abortSignal: options.abortSignal });
    let response;
    try {
      response = await pipeline.sendRequest(httpClient(), request);
    } catch (error) {
      throw toAzureError(error);
    }
    const answer = (response.bodyAsText ? JSON.parse(response.bodyAsText) : {}) as Record<string, unknown>;
    if (response.status >= 400) {
      const inner = (answer.error ?? {}) as { code?: string; message?: string; target?: string };
      throw new AzureError(inner.message ?? `The deployment answered ${response.status}.`, inner.code ?? `Http${response.status}`, response.status, inner.target, response.headers.get('x-ms-request-id') ?? undefined);
    }
    return answer;
  };
  const parameterValues = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, { value: v }]));
  let answer = await send('PUT', { properties: { mode: 'Incremental', template, parameters: parameterValues } });
  const state = () => String((answer.properties as Record<string, unknown> | undefined)?.provisioningState ?? '');
  while (!TERMINAL.has(state())) {
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 2000));
    if (options.abortSignal?.aborted) throw new AzureError('Stopped waiting for the deployment.', 'Canceled', 0);
    answer = await send('GET');
  }
  const properties = answer.properties as { outputResources?: { id: string }[]; error?: DeploymentOutcome['error'] };
  return { id: String(answer.id), provisioningState: state(), outputResources: (properties.outputResources ?? []).map((r) => r.id), error: properties.error };
}
