// "As code": the Azure CLI commands, Bicep file and ARM template of ARM requests. They are made from
// the request itself (method, resource id, api-version, body), the same one the extension sends or
// would send, so the three forms cannot say something else than what Azure receives.
//
// - Azure CLI: a PUT becomes `az resource create --id … --api-version … --is-full-object
//   --properties '<body>'` (the CLI sends the object as the body and waits for the long-running
//   operation, so a chain of parent then children runs in order); a PATCH or POST becomes
//   `az rest --method … --url '<id>?api-version=…' --body '<body>'` (a URL that does not start
//   with a host is prefixed with the current cloud's Resource Manager endpoint). Sources:
//   learn.microsoft.com/cli/azure/resource#az-resource-create, learn.microsoft.com/cli/azure/reference-index#az-rest.
// - ARM template: one resource per PUT, `name` the slash-joined names, `dependsOn` the parent's
//   resourceId when the parent is in the template (learn.microsoft.com/azure/azure-resource-manager/templates/syntax#resources,
//   …/templates/child-resource-name-type). A string that starts with `[` and ends with `]` is an
//   expression, so a literal one is escaped with a second `[`
//   (learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters).
// - Bicep: one `resource` per PUT with `parent:` (an `existing` declaration for a parent that is not
//   created here), strings in single quotes with `\` escapes and `\${` for a literal `${`
//   (learn.microsoft.com/azure/azure-resource-manager/bicep/data-types#strings,
//   …/bicep/child-resource-name-type#within-parent-resource).
// Both templates deploy at resource-group scope, the scope of every gallery resource.

export type CodeForm = 'azureCli' | 'bicep' | 'armJson';

export const CODE_FORM_LABELS: Record<CodeForm, string> = { azureCli: 'Azure CLI', bicep: 'Bicep', armJson: 'ARM JSON' };
/** The editor language of each form (VS Code's built-in ids; `bicep` comes with the Bicep extension). */
export const CODE_FORM_LANGUAGES: Record<CodeForm, string> = { azureCli: 'shellscript', bicep: 'bicep', armJson: 'json' };

/** A request as sent: the URL may be absolute (the endpoint is left out of the forms). */
export interface ArmRequest {
  method: string;
  url: string;
  body?: unknown;
}

/** A request read apart: the resource (or action) path, its api-version, the body. */
export interface ParsedRequest {
  method: string;
  path: string;
  apiVersion: string;
  body: unknown;
}

/** A resource path read apart: `/subscriptions/s/resourceGroups/rg/providers/NS/t1/n1/t2/n2`. */
export interface ResourcePath {
  subscriptionId: string;
  resourceGroup: string;
  /** `Microsoft.Compute/galleries/images` */
  type: string;
  /** `['g', 'd']` */
  names: string[];
}

export function parseRequest(request: ArmRequest): ParsedRequest {
  const url = new URL(request.url, 'https://management.azure.com');
  const apiVersion = [...url.searchParams].find(([k]) => k.toLowerCase() === 'api-version')?.[1] ?? '';
  return { method: request.method.toUpperCase(), path: decodeURIComponent(url.pathname).replace(/\/+$/, ''), apiVersion, body: request.body };
}

export function parseResourcePath(path: string): ResourcePath | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i.exec(path);
  if (!m) return undefined;
  const rest = m[4].split('/');
  if (rest.length % 2 !== 0) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return { subscriptionId: m[1], resourceGroup: m[2], type: [m[3], ...types].join('/'), names };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Azure CLI (bash)

/** A word in single quotes for bash: a `'` inside closes, escapes and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// VM applications and their versions are written with the Azure CLI's own commands when every
// member of the body has a flag (Azure/azure-cli src/azure-cli/azure/cli/command_modules/vm/custom.py
// `gallery_application_create`, `gallery_application_version_create`; the flags in `az sig
// gallery-application create -h` / `… version create -h`, azure-cli 2.45):
//   create: --subscription -g -r -n --os-type [--description] [--location] [--tags]
//   version create: -g -r --application-name -n --package-file-link --install-command
//   --remove-command [--update-command] [--default-file-link] [--package-file-name]
//   [--config-file-name] [--target-regions <json>] [--exclude-from] [--end-of-life-date] [--location] [--tags]
// The CLI builds the body from the flags and sends it whole, so a body with a member no flag sets
// (eula, a profile-level storage type, safety profile, a region's own excludeFromLatest, …) is sent
// with `az resource create` instead, as every other resource is, and the script says why.

type CliArgs = Array<[string, string?]>;

function tagsArgs(body: Record<string, unknown>): CliArgs {
  const tags = isObject(body.tags) ? Object.entries(body.tags) : [];
  return tags.length === 0 ? [] : [['--tags', tags.map(([k, v]) => shellQuote(`${k}=${String(v)}`)).join(' ')]];
}

/** Members of `value` outside `allowed` (dotted paths; `x.*` allows anything under x). */
function extraMembers(value: unknown, allowed: readonly string[], at = ''): string[] {
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    if (allowed.includes(`${path}.*`)) return [];
    if (isObject(v) && allowed.some((a) => a.startsWith(`${path}.`))) return extraMembers(v, allowed, path);
    return allowed.includes(path) ? [] : [path];
  });
}

const APPLICATION_FLAGS = ['location', 'tags.*', 'properties.supportedOSType', 'properties.description'];
const APPLICATION_VERSION_FLAGS = [
  'location', 'tags.*',
  'properties.publishingProfile.source.mediaLink', 'properties.publishingProfile.source.defaultConfigurationLink',
  'properties.publishingProfile.manageActions.install', 'properties.publishingProfile.manageActions.remove', 'properties.publishingProfile.manageActions.update',
  'properties.publishingProfile.settings.packageFileName', 'properties.publishingProfile.settings.configFileName',
  'properties.publishingProfile.targetRegions', 'properties.publishingProfile.excludeFromLatest', 'properties.publishingProfile.endOfLifeDate',
];
/** The members of a target region the CLI's model (api-version 2022-01-03) carries. */
const CLI_TARGET_REGION = ['name', 'regionalReplicaCount', 'storageAccountType'];

/**
 * A version body less what changes nothing when left out, so that a version as Azure returns it
 * (an export) still fits the CLI's flags:
 * - the profile's replicaCount when every region states its regionalReplicaCount ("This property
 *   would take effect for a region when regionalReplicaCount is not specified", GalleryRP.json
 *   GalleryArtifactPublishingProfileBase.replicaCount);
 * - the profile's storageAccountType when every region states its own (a region's own type wins:
 *   test/emulator/SOURCES.md, "the storage account type when the client sends none");
 * - a `false` allowDeletionOfReplicatedLocations or region excludeFromLatest: booleans whose
 *   absence means the same ("whether or not … is allowed", "Contains the flag setting to hide").
 */
function withoutImplied(body: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, Record<string, Record<string, unknown>>>;
  const profile = copy.properties?.publishingProfile;
  const regions = Array.isArray(profile?.targetRegions) ? (profile.targetRegions as Record<string, unknown>[]) : [];
  if (profile && regions.length > 0) {
    if (regions.every((r) => typeof r.regionalReplicaCount === 'number')) delete profile.replicaCount;
    if (regions.every((r) => typeof r.storageAccountType === 'string')) delete profile.storageAccountType;
    for (const r of regions) if (r.excludeFromLatest === false) delete r.excludeFromLatest;
  }
  const safety = copy.properties?.safetyProfile;
  if (safety?.allowDeletionOfReplicatedLocations === false) delete safety.allowDeletionOfReplicatedLocations;
  if (safety && Object.keys(safety).length === 0) delete copy.properties!.safetyProfile;
  return copy;
}

/** `az sig gallery-application …` for an application or application version PUT, or why it cannot be. */
function applicationCli(path: ResourcePath, sent: Record<string, unknown>): { command?: string; why?: string } {
  const [gallery, application, version] = path.names;
  const type = path.type.toLowerCase();
  const body = type.endsWith('/versions') ? withoutImplied(sent) : sent;
  const p = (isObject(body.properties) ? body.properties : {}) as Record<string, unknown>;
  // The request's own subscription, not the CLI's default one.
  const where: CliArgs = [['--subscription', path.subscriptionId], ['-g', path.resourceGroup], ['-r', gallery!]];
  const extra = extraMembers(body, type.endsWith('/versions') ? APPLICATION_VERSION_FLAGS : APPLICATION_FLAGS);
  if (type === 'microsoft.compute/galleries/applications') {
    if (extra.length > 0 || typeof p.supportedOSType !== 'string') return { why: `az sig gallery-application create has no flag for ${extra.join(', ') || 'a missing OS type'}` };
    const args: CliArgs = [...where, ['-n', application!], ['--os-type', p.supportedOSType]];
    if (typeof p.description === 'string') args.push(['--description', p.description]);
    return { command: cliLine('az sig gallery-application create', [...args, ['--location', String(body.location)], ...tagsArgs(body)]) };
  }
  const profile = (isObject(p.publishingProfile) ? p.publishingProfile : {}) as Record<string, Record<string, unknown>>;
  const regions = Array.isArray(profile.targetRegions) ? (profile.targetRegions as unknown[]) : [];
  const regionExtra = regions.flatMap((r) => extraMembers(r, CLI_TARGET_REGION).map((m) => `targetRegions[].${m}`));
  const missing = ['mediaLink', 'install', 'remove'].filter((k) => typeof (k === 'mediaLink' ? profile.source?.mediaLink : profile.manageActions?.[k]) !== 'string');
  if (extra.length > 0 || regionExtra.length > 0 || missing.length > 0) {
    return { why: `az sig gallery-application version create has no flag for ${[...extra, ...regionExtra].join(', ') || `a missing ${missing.join(', ')}`}` };
  }
  const args: CliArgs = [...where, ['--application-name', application!], ['-n', version!], ['--package-file-link', String(profile.source!.mediaLink)]];
  if (typeof profile.source!.defaultConfigurationLink === 'string') args.push(['--default-file-link', profile.source!.defaultConfigurationLink]);
  args.push(['--install-command', String(profile.manageActions!.install)], ['--remove-command', String(profile.manageActions!.remove)]);
  if (typeof profile.manageActions!.update === 'string') args.push(['--update-command', profile.manageActions!.update]);
  if (typeof profile.settings?.packageFileName === 'string') args.push(['--package-file-name', profile.settings.packageFileName]);
  if (typeof profile.settings?.configFileName === 'string') args.push(['--config-file-name', profile.settings.configFileName]);
  if (regions.length > 0) args.push(['--target-regions', JSON.stringify(regions)]);
  if (typeof profile.excludeFromLatest === 'boolean') args.push(['--exclude-from', String(profile.excludeFromLatest)]);
  if (profile.endOfLifeDate !== undefined) args.push(['--end-of-life-date', String(profile.endOfLifeDate)]);
  return { command: cliLine('az sig gallery-application version create', [...args, ['--location', String(body.location)], ...tagsArgs(body)]) };
}

/** One command, a flag per continued line; `--tags` values are quoted already. */
function cliLine(command: string, args: CliArgs): string {
  return [command, ...args.map(([flag, value]) => (value === undefined ? flag : `${flag} ${flag === '--tags' ? value : shellQuote(value)}`))].join(' \\\n  ');
}

/** The Azure CLI commands that send these requests, in order, for bash. */
export function azureCliOf(requests: readonly ArmRequest[]): string {
  const lines = ['#!/usr/bin/env bash', '# Sends what the Azure Compute Gallery extension sends. Sign in first (az login).', 'set -euo pipefail', ''];
  for (const request of requests.map(parseRequest)) {
    const json = shellQuote(JSON.stringify(request.body ?? {}, null, 2));
    const path = parseResourcePath(request.path);
    const application = request.method === 'PUT' && path && isObject(request.body) && /^microsoft\.compute\/galleries\/applications(\/versions)?$/i.test(path.type) ? applicationCli(path, request.body) : undefined;
    if (application?.command) {
      lines.push(application.command, '');
      continue;
    }
    if (application?.why) lines.push(`# ${application.why}: sent whole with az resource create.`);
    if (request.method === 'PUT' && parseResourcePath(request.path) && isObject(request.body) && typeof request.body.location === 'string') {
      lines.push(`az resource create --id ${shellQuote(request.path)} --api-version ${request.apiVersion} --is-full-object --properties ${json}`, '');
    } else {
      const body = request.body === undefined ? '' : ` --body ${json}`;
      lines.push(`az rest --method ${request.method.toLowerCase()} --url ${shellQuote(`${request.path}?api-version=${request.apiVersion}`)}${body}`, '');
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// ARM template

/** Only PUTs describe a resource whole: what a template can hold. */
function puts(requests: readonly ArmRequest[]): { path: ResourcePath; apiVersion: string; body: Record<string, unknown> }[] {
  const out: { path: ResourcePath; apiVersion: string; body: Record<string, unknown> }[] = [];
  for (const request of requests.map(parseRequest)) {
    const path = parseResourcePath(request.path);
    if (request.method !== 'PUT' || !path || !isObject(request.body)) continue;
    out.push({ path, apiVersion: request.apiVersion, body: request.body });
  }
  return out;
}

/** Whether the requests can be written as a template (every one a PUT of a resource). */
export function templatable(requests: readonly ArmRequest[]): boolean {
  return requests.length > 0 && puts(requests).length === requests.length;
}

function escapeTemplateStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('[') && value.endsWith(']') ? `[${value}` : value;
  if (Array.isArray(value)) return value.map(escapeTemplateStrings);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeTemplateStrings(v)]));
  return value;
}

function sameResource(a: ResourcePath, b: ResourcePath): boolean {
  return a.type.toLowerCase() === b.type.toLowerCase() && a.names.length === b.names.length && a.names.every((n, i) => n.toLowerCase() === b.names[i].toLowerCase());
}

function parentOf(p: ResourcePath): ResourcePath | undefined {
  if (p.names.length < 2) return undefined;
  return { ...p, type: p.type.split('/').slice(0, -1).join('/'), names: p.names.slice(0, -1) };
}

function templateQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The ARM template (deploymentTemplate.json 2019-04-01) that creates what the PUTs create. */
export function armTemplateOf(requests: readonly ArmRequest[]): Record<string, unknown> {
  const resources = puts(requests);
  const paths = resources.map((r) => r.path);
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: resources.map(({ path, apiVersion, body }) => {
      const parent = parentOf(path);
      const dependsOn = parent && paths.some((p) => sameResource(p, parent)) ? [`[resourceId(${[parent.type, ...parent.names].map(templateQuote).join(', ')})]`] : [];
      const { name: _name, id: _id, type: _type, ...rest } = body;
      return {
        type: path.type,
        apiVersion,
        name: path.names.join('/'),
        ...(escapeTemplateStrings(rest) as Record<string, unknown>),
        ...(dependsOn.length > 0 ? { dependsOn } : {}),
      };
    }),
  };
}

export function armJsonOf(requests: readonly ArmRequest[]): string {
  return `${JSON.stringify(armTemplateOf(requests), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Bicep

export function bicepString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '\\${');
  return `'${escaped}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSON value as a Bicep expression, indented by `indent` spaces after its first line. */
export function bicepValue(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${bicepValue(v, indent + 2)}`).join('\n')}\n${end}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : bicepString(k)}: ${bicepValue(v, indent + 2)}`).join('\n')}\n${end}}`;
  }
  return bicepString(String(value));
}

function symbolFor(path: ResourcePath, used: Set<string>): string {
  const kind = path.type.split('/').pop() ?? 'resource';
  const base = `${kind.replace(/ies$/, 'y').replace(/s$/, '')}_${path.names[path.names.length - 1]}`.replace(/[^A-Za-z0-9_]/g, '_');
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  return name;
}

/** The Bicep file that creates what the PUTs create (targetScope resourceGroup, the default). */
export function bicepOf(requests: readonly ArmRequest[]): string {
  const resources = puts(requests);
  const used = new Set<string>();
  const symbols = new Map<string, string>();
  const keyOf = (p: ResourcePath) => `${p.type}/${p.names.join('/')}`.toLowerCase();
  const blocks: string[] = [];
  const declare = (path: ResourcePath, apiVersion: string, members: [string, unknown][], existing: boolean) => {
    const symbol = symbolFor(path, used);
    symbols.set(keyOf(path), symbol);
    const parent = parentOf(path);
    const lines = [`resource ${symbol} '${path.type}@${apiVersion}' ${existing ? 'existing ' : ''}= {`];
    if (parent) lines.push(`  parent: ${parentSymbol(parent, apiVersion)}`);
    lines.push(`  name: ${bicepString(path.names[path.names.length - 1])}`);
    for (const [k, v] of members) lines.push(`  ${IDENTIFIER.test(k) ? k : bicepString(k)}: ${bicepValue(v, 2)}`);
    lines.push('}');
    blocks.push(lines.join('\n'));
    return symbol;
  };
  const parentSymbol = (parent: ResourcePath, apiVersion: string): string => symbols.get(keyOf(parent)) ?? declare(parent, apiVersion, [], true);
  for (const { path, apiVersion, body } of resources) {
    const members = Object.entries(body).filter(([k, v]) => v !== undefined && !['name', 'id', 'type'].includes(k));
    declare(path, apiVersion, members, false);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The text of one form. Bicep and ARM JSON hold PUTs only: other requests are left out. */
export function codeOf(form: CodeForm, requests: readonly ArmRequest[]): string {
  if (form === 'azureCli') return azureCliOf(requests);
  if (form === 'bicep') return bicepOf(requests);
  return armJsonOf(requests);
}

// ---------------------------------------------------------------------------------------------
// Export: a resource as Azure returned it, without what only Azure sets.

// The members GalleryRP.json (2025-12-03) marks readOnly, per type (an application version's
// publishedDate and replicationStatus; an application has none but its provisioningState), plus the envelope's id, name,
// type and systemData (common-types Resource). Whole status objects go: sharingStatus and
// replicationStatus are reports, and validationsProfile holds only what Azure ran.
const READ_ONLY: Record<string, readonly string[]> = {
  'microsoft.compute/galleries': [
    'properties.identifier.uniqueName',
    'properties.provisioningState',
    'properties.sharingProfile.groups',
    'properties.sharingProfile.communityGalleryInfo.communityGalleryEnabled',
    'properties.sharingProfile.communityGalleryInfo.publicNames',
    'properties.sharingStatus',
    'identity.principalId',
    'identity.tenantId',
  ],
  'microsoft.compute/galleries/images': ['properties.provisioningState'],
  'microsoft.compute/galleries/applications': ['properties.provisioningState'],
  'microsoft.compute/galleries/applications/versions': ['properties.provisioningState', 'properties.publishingProfile.publishedDate', 'properties.replicationStatus'],
  'microsoft.compute/galleries/images/versions': [
    'properties.provisioningState',
    'properties.publishingProfile.publishedDate',
    'properties.storageProfile.osDiskImage.sizeInGB',
    'properties.storageProfile.dataDiskImages[].sizeInGB',
    'properties.safetyProfile.reportedForPolicyViolation',
    'properties.safetyProfile.policyViolations',
    'properties.replicationStatus',
    'properties.validationsProfile',
  ],
};
const ENVELOPE_READ_ONLY = ['id', 'name', 'type', 'systemData', 'etag'];

function removePath(value: unknown, segments: string[]): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments;
  if (head.endsWith('[]')) {
    const list = isObject(value) ? value[head.slice(0, -2)] : undefined;
    if (Array.isArray(list)) for (const item of list) removePath(item, rest);
    return;
  }
  if (!isObject(value)) return;
  if (rest.length === 0) delete value[head];
  else removePath(value[head], rest);
}

function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = dropEmpty(v);
    if (kept === null || kept === undefined || (isObject(kept) && Object.keys(kept).length === 0)) continue;
    out[k] = kept;
  }
  return out;
}

/** The body of a PUT that makes a resource like this one: Azure's JSON less what Azure alone sets. */
export function writableBody(type: string, resource: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(resource ?? {})) as Record<string, unknown>;
  for (const key of ENVELOPE_READ_ONLY) delete copy[key];
  for (const path of READ_ONLY[type.toLowerCase()] ?? ['properties.provisioningState']) removePath(copy, path.split('.'));
  return dropEmpty(copy) as Record<string, unknown>;
}

/** PUT requests that re-create these resources (Azure's JSON of each, parents first), at this api-version. */
export function exportRequests(resources: readonly { id: string; json: unknown }[], apiVersion: string): ArmRequest[] {
  const withPaths = resources.map((r) => ({ ...r, path: parseResourcePath(r.id) })).filter((r) => r.path !== undefined);
  withPaths.sort((a, b) => a.path!.names.length - b.path!.names.length);
  return withPaths.map((r) => ({ method: 'PUT', url: `${r.id}?api-version=${apiVersion}`, body: writableBody(r.path!.type, r.json) }));
}

/** RFC 7386 JSON merge patch: what a PATCH makes of a resource (null removes, objects merge, the rest replaces). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
