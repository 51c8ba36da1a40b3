// Clean Up Old Versions…, on an image definition or on a gallery (each of its definitions): the
// rules the user combines (model/retention.ts decides every verdict), a dry run listing every
// version with its verdict and reason, a confirmation naming how many go (and who uses them), then
// the deletions — with progress, at most four at once, each result reported by name, through the
// same path as Delete (model/deletion.ts runCascade, deleteGalleryResource). Reading costs the
// version list's pages and one Resource Graph query, nothing per version. An options object runs
// it without prompts; `dryRun: true` returns the plan and sends nothing.
import type { ImageVersion } from '../azure/types';
import { runCascade, tally, type DeleteItem, type DeleteResult } from '../model/deletion';
import { resolveLatest } from '../model/latest';
import { planRetention, rulesProblem, type RetentionRules } from '../model/retention';
import { countOf } from '../model/sharingChanges';
import { usageWarning, type SubjectUser } from '../model/usage';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import type { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { attempt, azureFailure, CommandFailure, failureMessage, inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { runWizard, type Prompter } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { findUsage } from './imageUsage';
import { describeNode, prompterFor, resolveNode, splitArgs, withProgress, withQuietProgress, type ManageOptions, type ResourceNode } from './manageCommon';
import { confirmSteps, readRulesFile, rulesFileUri, rulesOf, rulesSteps, saveRules, savedRulesMap, type DefinitionPlan, type DryRunState, type RulesState } from './retentionRules';

export type { DefinitionPlan } from './retentionRules';

export const CLEAN_UP_VERSIONS_COMMAND = 'azureComputeGallery.cleanUpVersions';
const TITLE = 'Clean Up Old Versions';
/** Deletions sent at once: enough to finish 200 versions in minutes, few enough not to be throttled. */
const CONCURRENCY = 4;

export interface CleanUpOptions extends ManageOptions, RetentionRules {
  /** The definition's or gallery's resource id (also accepted as `definition` or `gallery`). */
  id?: string;
  definition?: string;
  gallery?: string;
  /** Run each definition's saved rules (definitions without any are left alone). */
  savedRules?: boolean;
  /** Save the rules given for each definition. */
  save?: boolean;
  /** The saved rules file; the workspace's .vscode/azure-compute-gallery-retention.json by default. */
  rulesFile?: string;
  /** Plan only: return every verdict, send nothing. */
  dryRun?: boolean;
}

export interface CleanUpReport {
  plans: DefinitionPlan[];
  /** How many versions the plans delete. */
  deleteCount: number;
  /** Requests spent reading: version list pages and Resource Graph queries. */
  readRequests: number;
  /** Each deletion's result (undefined: a dry run, or nothing to delete). */
  results?: DeleteResult[];
}

interface Definition {
  id: string;
  name: string;
  node?: ImageDefinitionNode;
}

const RULE_KEYS = ['keepNewest', 'olderThanDays', 'pastEndOfLife', 'keepLatest', 'keepInUse'] as const;

export async function cleanUpVersions(explorer: Explorer, ...args: unknown[]): Promise<CleanUpReport | undefined> {
  const { node: given, options } = splitArgs<CleanUpOptions>(args, ['imageDefinition', 'gallery']);
  const node = await resolveNode(explorer, given, options.id ?? options.definition ?? options.gallery, ['imageDefinition', 'gallery'], TITLE);
  if (!node) return undefined;
  const what = describeNode(node);
  const prompter = prompterFor(options);
  const definitions = await definitionsOf(explorer, node);
  const uri = rulesFileUri(options.rulesFile);
  const saved = savedRulesMap(await readRulesFile(uri), definitions.map((d) => d.id));

  const rules = await chooseRules(options, saved, uri !== undefined, prompter);
  if (!rules) return undefined;
  const planned = definitions.filter((d) => rules.perDefinition.has(d.id));
  if (rules.save && uri) await attempt(`save the rules in ${uri.fsPath}`, () => saveRules(uri, planned.map((d) => d.id), rules.perDefinition.get(planned[0]!.id)!));

  const { plans, users, readRequests, subscriptions, usageProblem } = await readAndPlan(explorer, node, planned, rules.perDefinition, options.confirmed === true && !anyKeepInUse(rules.perDefinition));
  const deleteCount = plans.reduce((n, p) => n + p.verdicts.filter((v) => v.verdict === 'delete').length, 0);
  const report: CleanUpReport = { plans, deleteCount, readRequests };
  log().info(`${TITLE}: ${node.resourceId}: ${deleteCount} of ${plans.reduce((n, p) => n + p.verdicts.length, 0)} versions to delete (${readRequests} read requests)`);
  if (options.dryRun) return report;

  const state: DryRunState = {};
  const steps = confirmSteps(plans, what, deleteCount, () => warningFor(plans, users, subscriptions, usageProblem));
  if (!options.confirmed || !rules.fromOptions) {
    if (!(await runWizard(TITLE, steps, state, prompter))) return undefined;
  }
  if (deleteCount === 0) {
    void notify('info', `Nothing to delete in ${what}: every version is kept by the rules.`);
    return report;
  }
  report.results = await deleteVersions(explorer, node, plans, definitions);
  const failure = finalReport(report, what);
  if (failure) throw failure;
  return report;
}

/** The definition, or every definition of the gallery. */
async function definitionsOf(explorer: Explorer, node: ResourceNode): Promise<Definition[]> {
  if (node.armReference().kind === 'imageDefinition') return [{ id: node.resourceId, name: (node as ImageDefinitionNode).image.name, node: node as ImageDefinitionNode }];
  const gallery = (node as GalleryNode).gallery;
  const list = await attempt(`list the image definitions of ${describeNode(node)}`, () => explorer.azure().listImageDefinitions(node.target, gallery.resourceGroup, gallery.name));
  return list.map((d) => ({ id: d.id, name: d.name }));
}

const anyKeepInUse = (m: ReadonlyMap<string, RetentionRules>) => [...m.values()].some((r) => r.keepInUse);

/** The rules for each definition: from the options, the saved ones, or the wizard. */
async function chooseRules(
  options: CleanUpOptions,
  saved: ReadonlyMap<string, RetentionRules | undefined>,
  canSave: boolean,
  prompter: Prompter,
): Promise<{ perDefinition: Map<string, RetentionRules>; save: boolean; fromOptions: boolean } | undefined> {
  const ids = [...saved.keys()];
  const savedOnly = () => new Map([...saved].filter((e): e is [string, RetentionRules] => e[1] !== undefined));
  if (options.savedRules || RULE_KEYS.some((k) => options[k] !== undefined)) {
    const perDefinition = options.savedRules ? savedOnly() : new Map(ids.map((id) => [id, pickRules(options)]));
    if (perDefinition.size === 0) throw inputFailure(TITLE, ['No rules are saved for it: run it once with the rules and "Save these rules".'], 'Nothing was deleted.');
    const problem = [...perDefinition.values()].map(rulesProblem).find((p) => p !== undefined);
    if (problem) throw inputFailure(TITLE, [problem], 'Nothing was deleted.');
    return { perDefinition, save: options.save === true && canSave, fromOptions: true };
  }
  const state: RulesState = {};
  if (!(await runWizard(TITLE, rulesSteps<RulesState>(saved, canSave), state, prompter))) return undefined;
  if (state.source === 'saved') return { perDefinition: savedOnly(), save: false, fromOptions: false };
  const rules = rulesOf(state);
  const problem = rulesProblem(rules);
  if (problem) throw inputFailure(TITLE, [problem], 'Nothing was deleted.');
  return { perDefinition: new Map(ids.map((id) => [id, rules])), save: state.save === true, fromOptions: false };
}

function pickRules(o: RetentionRules): RetentionRules {
  return { keepNewest: o.keepNewest, olderThanDays: o.olderThanDays, pastEndOfLife: o.pastEndOfLife, keepLatest: o.keepLatest, keepInUse: o.keepInUse };
}

/** Every version of each definition (page by page) and who uses them (one look-up), then the plans. */
async function readAndPlan(explorer: Explorer, node: ResourceNode, definitions: readonly Definition[], rules: ReadonlyMap<string, RetentionRules>, skipUsage: boolean) {
  const azure = explorer.azure();
  let readRequests = 0;
  const readVersions = async (d: Definition): Promise<ImageVersion[]> => {
    const gallery = d.id.split('/')[8] ?? '';
    const resourceGroup = d.id.split('/')[4] ?? '';
    const all: ImageVersion[] = [];
    let token: string | undefined;
    do {
      const page = await azure.listImageVersionsPage(node.target, resourceGroup, gallery, d.name, token);
      readRequests++;
      all.push(...page.items);
      token = page.continuationToken;
    } while (token);
    return all;
  };
  const versions = await attempt(`list the versions in ${describeNode(node)}`, () => withQuietProgress(`Reading the versions in ${describeNode(node)}`, () => Promise.all(definitions.map(readVersions))));
  let users: SubjectUser[] = [];
  let subscriptions = 0;
  let usageProblem: string | undefined;
  if (!skipUsage) {
    try {
      const usage = await withQuietProgress(`Checking which VMs and scale sets use ${describeNode(node)}`, () => findUsage(explorer, node));
      readRequests++;
      users = usage.users;
      subscriptions = usage.subscriptions;
    } catch (error) {
      // In-use versions cannot be told apart without the look-up: with that rule on, nothing is planned.
      if (anyKeepInUse(rules)) throw azureFailure(`check which VMs and scale sets use ${describeNode(node)}`, error, { outcome: 'Nothing was deleted ("Never delete a version in use" needs this check).' });
      usageProblem = failureMessage(`check which VMs and scale sets use ${describeNode(node)}`, error, 'Check in the portal before going on.');
    }
  }
  const now = new Date();
  const plans: DefinitionPlan[] = definitions.map((d, i) => {
    const list = versions[i] ?? [];
    const inUse = inUseNames(users, d.name, list);
    const r = rules.get(d.id)!;
    return { definition: d.id, name: d.name, rules: r, verdicts: planRetention(list, r, inUse, now).verdicts };
  });
  return { plans, users, readRequests, subscriptions, usageProblem };
}

/** The versions VMs or scale sets use: those they pin, and the latest when some follow it. */
function inUseNames(users: readonly SubjectUser[], imageName: string, versions: readonly ImageVersion[]): Set<string> {
  const mine = users.filter((u) => u.imageName.toLowerCase() === imageName.toLowerCase());
  const names = new Set(mine.filter((u) => u.via === 'pinned' && u.version).map((u) => u.version!.toLowerCase()));
  const latest = mine.some((u) => u.via === 'latest') ? resolveLatest(versions).latest : undefined;
  if (latest) names.add(latest.toLowerCase());
  return names;
}

/** Who uses the versions about to be deleted, for the confirmation. */
function warningFor(plans: readonly DefinitionPlan[], users: readonly SubjectUser[], subscriptions: number, usageProblem: string | undefined): string | undefined {
  if (usageProblem) return usageProblem;
  const lines: string[] = [];
  for (const p of plans) {
    const doomed = new Set(p.verdicts.filter((v) => v.verdict === 'delete').map((v) => v.name.toLowerCase()));
    const concerned = users.filter((u) => u.imageName.toLowerCase() === p.name.toLowerCase() && u.via === 'pinned' && doomed.has((u.version ?? '').toLowerCase()));
    const line = usageWarning('deleteVersion', concerned, `versions of ${p.name} about to be deleted`, subscriptions);
    if (line) lines.push(line);
  }
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}

/** The deletions, at most CONCURRENCY at once, each result logged; the tree relists what changed. */
async function deleteVersions(explorer: Explorer, node: ResourceNode, plans: readonly DefinitionPlan[], definitions: readonly Definition[]): Promise<DeleteResult[]> {
  const items: DeleteItem[] = plans.flatMap((p) => p.verdicts.filter((v) => v.verdict === 'delete').map((v) => ({ id: v.id ?? `${p.definition}/versions/${v.name}`, name: `${v.name} of ${p.name}`, kind: 'imageVersion' as const })));
  const azure = explorer.azure();
  const results = await explorer.busyWhile(
    node,
    'Cleaning up…',
    () =>
      withProgress(`${TITLE}: deleting ${countOf(items.length, 'version')}`, (report) =>
        runCascade(items, {
          concurrency: CONCURRENCY,
          remove: async (item) => {
            const settled = explorer.watcher.deleting(item.id);
            try {
              await azure.deleteGalleryResource(node.target, item.id, { pollIntervalMs: pollIntervalMs() });
              settled(true);
            } catch (error) {
              settled(false);
              throw error;
            }
          },
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onStart: (item, index, total) => report(`${item.name} (${index} of ${total})…`),
          onResult: (r) => {
            const line = `${TITLE}: image version ${r.item.name} — ${r.outcome}${r.code ? ` [${r.code}]` : ''}${r.message ? `: ${r.message}` : ''}`;
            if (r.outcome === 'deleted') log().info(line);
            else log().warn(line);
          },
        }),
      ),
    { also: items.map((i) => i.id), redraw: false },
  );
  explorer.reload(node);
  for (const d of definitions) if (d.node && d.node !== node) explorer.reload(d.node);
  return results;
}

/** All deleted (said here), or the failure to throw: each refusal by name, and what was kept. */
function finalReport(report: CleanUpReport, what: string): CommandFailure | undefined {
  const results = report.results ?? [];
  const counts = tally(results);
  const kept = report.plans.reduce((n, p) => n + p.verdicts.length, 0) - report.deleteCount;
  if (counts.failed + counts.skipped === 0) {
    void notify('info', `Deleted ${countOf(counts.deleted, 'version')} of ${what}; kept ${kept} as the rules say.`);
    return undefined;
  }
  const failed = results.filter((r) => r.outcome !== 'deleted').map((r) => `${r.item.name}: ${r.message ?? ''}${r.code ? ` (code ${r.code})` : ''}`);
  return new CommandFailure({
    context: `${TITLE}: deleted ${counts.deleted} of ${results.length} versions of ${what}`,
    problems: [`could not delete ${failed.join('; ')}.`],
    outcome: `Kept ${kept} as the rules say, and ${failed.length} Azure refused. Fix what Azure names, then run ${TITLE} again (the output channel "Azure Compute Gallery" lists every version).`,
    result: report,
  });
}
