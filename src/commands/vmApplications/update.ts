// Update VM Application and Update Application Version: what to change → each value → summary →
// update. Only what differs from Azure's current value is sent (a PATCH; `null` removes a value,
// src/azure/applications.ts); the rest stays as Azure has it. A version's new region list is
// merged into Azure's own region objects and replicates, followed in the tree.
import type { Application, ApplicationVersion } from '../../azure/types';
import type { ApplicationChanges, ApplicationVersionChanges } from '../../azureChunk';
import { replicaWarning } from '../../model/applications';
import { describedTexts, isoDay, parseIsoDate, validateEndOfLifeDate } from '../../model/endOfLife';
import { normalizeRegionName } from '../../model/replication';
import { parseTagsText, tagsToText, validateTags } from '../../model/tags';
import { linkWarning } from '../../model/urls';
import type { Explorer } from '../../tree/explorer';
import { attempt, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type Step } from '../../ui/wizard';
import { lazy, pollIntervalMs, type RegionChoice } from '../createCommon';
import { prompterFor, type ManageOptions } from '../manageCommon';
import { regionsStep, resolveApplicationNode, splitNodeArgs, type ApplicationTexts } from './common';
import { targetsOf } from './createVersion/answers';

const NOTHING = 'Nothing was changed.';

/** A text given as "" removes it; tags are the whole new set. */
export interface UpdateApplicationOptions extends ManageOptions, ApplicationTexts {
  application?: string;
}

const APP_FIELDS = ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri', 'endOfLifeDate', 'tags'] as const;
type AppField = (typeof APP_FIELDS)[number];
const APP_LABELS: Record<AppField, string> = { description: 'Description', eula: 'EULA', privacyStatementUri: 'Privacy statement', releaseNoteUri: 'Release notes', endOfLifeDate: 'End-of-life date', tags: 'Tags' };
type AppState = { fields?: AppField[] } & Partial<Record<AppField, string>>;

function appNow(a: Application): Record<AppField, string> {
  return {
    ...describedTexts(a),
    tags: tagsToText(a.tags),
  };
}

function appProblem(field: AppField, value: string): string | undefined {
  if (field === 'endOfLifeDate') return value === '' ? undefined : validateEndOfLifeDate(value, new Date());
  if (field === 'tags') {
    const parsed = parseTagsText(value);
    return parsed.problem ?? validateTags(parsed.tags);
  }
  return undefined;
}

export async function updateApplication(explorer: Explorer, ...args: unknown[]): Promise<Application | undefined> {
  const TITLE = 'Update VM Application';
  const { node: given, options } = splitNodeArgs<UpdateApplicationOptions>(args);
  const node = await resolveApplicationNode(explorer, given, options.application, 'galleryApplication', TITLE);
  if (!node) return undefined;
  const app = await attempt(`read VM application ${node.application.name}`, () => explorer.azure().getApplication(node.target, node.application.id));
  const now = appNow(app);
  const state: AppState = {};
  for (const f of APP_FIELDS) {
    const v = options[f];
    if (v !== undefined) state[f] = typeof v === 'string' ? v.trim() : tagsToText(v);
  }
  const given0 = APP_FIELDS.filter((f) => state[f] !== undefined);
  const problems = given0.map((f) => [f, appProblem(f, state[f]!)] as const).filter(([, p]) => p).map(([f, p]) => `${APP_LABELS[f]}: ${p}`);
  if (problems.length > 0) throw inputFailure(TITLE, problems, NOTHING);
  if (given0.length === 0) {
    const steps: Step<AppState>[] = [
      pickManyStep<AppState, AppField>({
        title: 'What to change',
        placeholder: 'Pick what to change (the rest stays as it is)',
        items: () => APP_FIELDS.map((f) => ({ label: APP_LABELS[f], description: now[f] || '(none)', value: f })),
        get: (s) => s.fields,
        set: (s, v) => (s.fields = v),
      }),
      ...APP_FIELDS.map((f) =>
        inputStep<AppState>({
          title: APP_LABELS[f],
          prompt: f === 'tags' ? 'Tags as name=value pairs separated by semicolons (empty removes them all)' : `${APP_LABELS[f]} (empty removes it)`,
          when: (s) => s.fields?.includes(f) === true,
          get: (s) => s[f] ?? now[f],
          set: (s, v) => (s[f] = v.trim()),
          validate: (v) => appProblem(f, v.trim()),
          warn: f === 'eula' || f === 'privacyStatementUri' || f === 'releaseNoteUri' ? (v) => linkWarning(v, APP_LABELS[f], 'https://www.contoso.com/') : undefined,
        }),
      ),
      pickStep<AppState, 'send'>({
        title: 'Summary',
        placeholder: 'Pick Update to send the changes (Escape sends nothing)',
        items: (s) => [
          { label: '$(check) Update VM application', detail: app.name, value: 'send' as const },
          { separator: 'Changes' },
          ...(s.fields ?? []).map((f) => ({ label: APP_LABELS[f], description: `${now[f] || '(none)'} → ${s[f] || '(none)'}`, value: 'send' as const, goTo: APP_LABELS[f] })),
        ],
        get: () => 'send',
        set: () => undefined,
      }),
    ];
    if (!(await runWizard(`${TITLE}: ${app.name}`, steps, state, prompterFor(options)))) return undefined;
  }
  const changes: ApplicationChanges = {};
  for (const f of APP_FIELDS) {
    const v = state[f];
    if (v === undefined || v === now[f]) continue;
    if (f === 'tags') changes.tags = parseTagsText(v).tags ?? {};
    else if (f === 'endOfLifeDate') changes.endOfLifeDate = v ? (parseIsoDate(v) ?? null) : null;
    else changes[f] = v || null;
  }
  if (Object.keys(changes).length === 0) {
    void notify('info', `${app.name} already has these values: nothing was sent.`);
    return app;
  }
  const updated = await attempt(`update VM application ${app.name}`, () =>
    explorer.busyWhile(node, 'Updating…', () => explorer.azure().updateApplication(node.target, app.id, changes, { pollIntervalMs: pollIntervalMs() })),
  );
  log().info(`${TITLE}: ${app.id} ${Object.keys(changes).join(', ')}`);
  node.application = updated;
  explorer.refresh(node);
  void notify('info', `Updated VM application ${app.name}: ${Object.keys(changes).map((k) => APP_LABELS[k as AppField].toLowerCase()).join(', ')}.`);
  return updated;
}

export interface UpdateApplicationVersionOptions extends ManageOptions {
  version?: string;
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD in the future; "" removes it. */
  endOfLifeDate?: string;
  /** The whole new list of target regions (the application's region stays). */
  targetRegions?: string[];
  /** "2", or "eastus=2, westus=1". */
  replicas?: string;
  allowDeletionOfReplicatedLocations?: boolean;
  tags?: Record<string, string>;
}

const VERSION_FIELDS = ['excludeFromLatest', 'endOfLifeDate', 'regions', 'allowDeletion', 'tags'] as const;
type VersionField = (typeof VERSION_FIELDS)[number];
const VERSION_LABELS: Record<VersionField, string> = {
  excludeFromLatest: 'Exclude from latest',
  endOfLifeDate: 'End-of-life date',
  regions: 'Target regions and replicas',
  allowDeletion: 'Allow removing replicated regions',
  tags: 'Tags',
};
interface VersionState {
  fields?: VersionField[];
  excludeFromLatest?: boolean;
  endOfLifeDate?: string;
  regions?: string[];
  replicas?: string;
  allowDeletion?: boolean;
  tags?: string;
}

export async function updateApplicationVersion(explorer: Explorer, ...args: unknown[]): Promise<ApplicationVersion | undefined> {
  const TITLE = 'Update Application Version';
  const { node: given, options } = splitNodeArgs<UpdateApplicationVersionOptions>(args);
  const node = await resolveApplicationNode(explorer, given, options.version, 'applicationVersion', TITLE);
  if (!node) return undefined;
  const azure = explorer.azure();
  const v = await attempt(`read application version ${node.applicationVersion.name}`, () => azure.getApplicationVersion(node.target, node.versionId, false));
  if (/^(creating|updating|deleting)$/i.test(v.provisioningState ?? '')) throw inputFailure(TITLE, [`Application version ${v.name} is ${v.provisioningState}: wait until Azure has finished, then update it.`], NOTHING, { severity: 'warning' });
  const source = normalizeRegionName(v.location);
  const nowRegions = v.targetRegions.map((t) => normalizeRegionName(t.name));
  const nowReplicas = v.targetRegions.map((t) => `${normalizeRegionName(t.name)}=${t.regionalReplicaCount}`).join(', ');
  const s: VersionState = {
    excludeFromLatest: options.excludeFromLatest,
    endOfLifeDate: options.endOfLifeDate?.trim(),
    regions: options.targetRegions?.map(normalizeRegionName),
    replicas: options.replicas,
    allowDeletion: options.allowDeletionOfReplicatedLocations,
    tags: options.tags ? tagsToText(options.tags) : undefined,
  };
  const regions = lazy(() => azure.listLocations(node.target.cloud, node.target.credential, node.target.userAgent, node.target.subscriptionId) as Promise<RegionChoice[]>);
  const targets = () => targetsOf({ regions: s.regions ?? nowRegions, replicas: s.replicas ?? (s.regions ? '1' : nowReplicas) }, source);
  const problems: string[] = [];
  if (s.endOfLifeDate) problems.push(...[validateEndOfLifeDate(s.endOfLifeDate, new Date())].filter((p): p is string => !!p).map((p) => `End-of-life date: ${p}`));
  if ((s.regions || s.replicas) && typeof targets() === 'string') problems.push(`Target regions: ${targets() as string}`);
  if (s.tags !== undefined) {
    const p = appProblem('tags', s.tags);
    if (p) problems.push(`Tags: ${p}`);
  }
  if (problems.length > 0) throw inputFailure(TITLE, problems, NOTHING);
  const anyGiven = Object.values(s).some((x) => x !== undefined);
  if (!anyGiven) {
    const yesNo = (f: 'excludeFromLatest' | 'allowDeletion', now: boolean) =>
      pickStep<VersionState, boolean>({
        title: VERSION_LABELS[f],
        placeholder: VERSION_LABELS[f],
        when: (st) => st.fields?.includes(f) === true,
        items: () => [
          { label: 'No', value: false },
          { label: 'Yes', value: true },
        ],
        get: (st) => st[f] ?? now,
        set: (st, val) => {
          st[f] = val;
        },
      });
    const regionStep = regionsStep<VersionState>(() => source, regions);
    const steps: Step<VersionState>[] = [
      pickManyStep<VersionState, VersionField>({
        title: 'What to change',
        placeholder: 'Pick what to change (the rest stays as it is)',
        items: () => VERSION_FIELDS.map((f) => ({ label: VERSION_LABELS[f], value: f })),
        get: (st) => st.fields,
        set: (st, val) => (st.fields = val),
      }),
      yesNo('excludeFromLatest', v.excludeFromLatest),
      inputStep<VersionState>({
        title: VERSION_LABELS.endOfLifeDate,
        prompt: 'End-of-life date as YYYY-MM-DD in the future (empty removes it)',
        when: (st) => st.fields?.includes('endOfLifeDate') === true,
        get: (st) => st.endOfLifeDate ?? (v.endOfLifeDate ? isoDay(v.endOfLifeDate) : ''),
        set: (st, val) => (st.endOfLifeDate = val.trim()),
        validate: (val) => (val.trim() === '' ? undefined : validateEndOfLifeDate(val.trim(), new Date())),
      }),
      { ...regionStep, when: (st) => st.fields?.includes('regions') === true },
      inputStep<VersionState>({
        title: 'Replicas',
        prompt: 'Replicas per region: one number for every region, or region=count pairs',
        when: (st) => st.fields?.includes('regions') === true,
        get: (st) => st.replicas ?? nowReplicas,
        set: (st, val) => (st.replicas = val.trim()),
        validate: (val) => {
          const t = targetsOf({ regions: s.regions ?? nowRegions, replicas: val }, source);
          return typeof t === 'string' ? t : undefined;
        },
        warn: (val) => {
          const t = targetsOf({ regions: s.regions ?? nowRegions, replicas: val }, source);
          return typeof t === 'string' ? undefined : replicaWarning(t.map((x) => x.regionalReplicaCount));
        },
      }),
      yesNo('allowDeletion', v.allowDeletionOfReplicatedLocations),
      inputStep<VersionState>({
        title: VERSION_LABELS.tags,
        prompt: 'Tags as name=value pairs separated by semicolons (empty removes them all)',
        when: (st) => st.fields?.includes('tags') === true,
        get: (st) => st.tags ?? tagsToText(v.tags),
        set: (st, val) => (st.tags = val.trim()),
        validate: (val) => appProblem('tags', val.trim()),
      }),
    ];
    if (!(await runWizard(`${TITLE}: ${v.name}`, steps, s, prompterFor(options)))) return undefined;
  }
  const changes: ApplicationVersionChanges = {};
  if (s.excludeFromLatest !== undefined && s.excludeFromLatest !== v.excludeFromLatest) changes.excludeFromLatest = s.excludeFromLatest;
  const eolNow = v.endOfLifeDate ? isoDay(v.endOfLifeDate) : '';
  if (s.endOfLifeDate !== undefined && s.endOfLifeDate !== eolNow) changes.endOfLifeDate = s.endOfLifeDate ? (parseIsoDate(s.endOfLifeDate) ?? null) : null;
  if (s.allowDeletion !== undefined && s.allowDeletion !== v.allowDeletionOfReplicatedLocations) changes.allowDeletionOfReplicatedLocations = s.allowDeletion;
  if (s.tags !== undefined && s.tags !== tagsToText(v.tags)) changes.tags = parseTagsText(s.tags).tags ?? {};
  if (s.regions !== undefined || s.replicas !== undefined) {
    const t = targets();
    if (typeof t === 'string') throw inputFailure(TITLE, [t], NOTHING);
    const same = t.length === v.targetRegions.length && t.every((x) => v.targetRegions.some((c) => normalizeRegionName(c.name) === x.name && c.regionalReplicaCount === x.regionalReplicaCount));
    if (!same) {
      changes.targetRegions = t;
      // Azure refuses to drop a replicated region unless the version's safety profile allows it.
      const removed = nowRegions.filter((r) => !t.some((x) => x.name === r));
      if (removed.length > 0 && !v.allowDeletionOfReplicatedLocations) changes.allowDeletionOfReplicatedLocations = true;
    }
  }
  if (Object.keys(changes).length === 0) {
    void notify('info', `${v.name} already has these values: nothing was sent.`);
    return v;
  }
  const updated = await attempt(`update application version ${v.name}`, () => explorer.busyWhile(node, 'Updating…', () => azure.startApplicationVersionUpdate(node.target, v.id, changes)));
  log().info(`${TITLE}: ${v.id} ${Object.keys(changes).join(', ')}`);
  node.update(updated);
  explorer.refresh(node);
  if (node.needsReplicationWatch || changes.targetRegions) explorer.watchReplication(node);
  void notify('info', `Updated application version ${v.name} of ${v.applicationName}.`);
  return updated;
}
