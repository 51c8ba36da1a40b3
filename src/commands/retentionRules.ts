// Clean Up Old Versions: the rules' wizard steps, and the rules saved per definition in a
// workspace file (.vscode/azure-compute-gallery-retention.json) the team commits and reviews, so
// the next run is one click ("Run the saved rules"); then the dry run and the confirmation.
import * as vscode from 'vscode';
import {
  describeRules,
  parseRetentionFile,
  RETENTION_FILE,
  savedRulesFor,
  validateKeepNewest,
  validateOlderThanDays,
  withSavedRules,
  type RetentionFile,
  type RetentionRules,
  type RetentionVerdict,
} from '../model/retention';
import { countOf } from '../model/sharingChanges';
import { CANCEL, inputStep, pickManyStep, pickStep, type PickEntry, type Step } from '../ui/wizard';

/** What the rules steps fill in. */
export interface RulesState {
  /** 'saved': run each definition's saved rules; 'choose': the rules picked below. */
  source?: 'saved' | 'choose';
  picked?: RuleChoice[];
  keepNewest?: string;
  olderThanDays?: string;
  save?: boolean;
}

export type RuleChoice = 'blocked' | 'keepNewest' | 'olderThanDays' | 'pastEndOfLife' | 'keepLatest' | 'keepInUse' | 'save';

/** The saved rules file: the one given (tests, scripts), else the first workspace folder's; undefined without a folder. */
export function rulesFileUri(path?: string): vscode.Uri | undefined {
  if (path) return vscode.Uri.file(path);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, RETENTION_FILE) : undefined;
}

export async function readRulesFile(uri: vscode.Uri | undefined): Promise<RetentionFile> {
  if (!uri) return { definitions: {} };
  try {
    return parseRetentionFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch {
    return { definitions: {} };
  }
}

/** Saves `rules` for each definition (re-read first, so another definition's rules saved meanwhile stay). */
export async function saveRules(uri: vscode.Uri, definitionIds: readonly string[], rules: RetentionRules): Promise<void> {
  let file = await readRulesFile(uri);
  let text = '';
  for (const id of definitionIds) {
    text = withSavedRules(file, id, rules);
    file = parseRetentionFile(text);
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The rules the state's answers make. */
export function rulesOf(s: RulesState): RetentionRules {
  const on = (c: RuleChoice) => s.picked?.includes(c) === true;
  return {
    keepNewest: on('keepNewest') && s.keepNewest !== undefined ? Number(s.keepNewest) : undefined,
    olderThanDays: on('olderThanDays') && s.olderThanDays !== undefined ? Number(s.olderThanDays) : undefined,
    pastEndOfLife: on('pastEndOfLife') || undefined,
    keepLatest: on('keepLatest') || undefined,
    keepInUse: on('keepInUse') || undefined,
  };
}

/**
 * The steps: run the saved rules (offered first when there are any), or pick the rules, then N and
 * D when picked. `saved`: each definition's saved rules (undefined: none saved for it).
 */
export function rulesSteps<S extends RulesState>(saved: ReadonlyMap<string, RetentionRules | undefined>, canSave: boolean): Step<S>[] {
  const withRules = [...saved.values()].filter((r): r is RetentionRules => r !== undefined);
  const choosing = (s: S) => s.source !== 'saved';
  return [
    pickStep<S, 'saved' | 'choose'>({
      title: 'Saved rules',
      placeholder: 'Run the rules saved for this, or choose rules',
      when: () => withRules.length > 0,
      items: () => [
        {
          label: '$(play) Run the saved rules',
          description: withRules.length < saved.size ? `saved for ${withRules.length} of ${saved.size} definitions` : undefined,
          detail: [...new Set(withRules.map(describeRules))].join(' | '),
          value: 'saved',
        },
        { label: '$(settings) Choose rules…', value: 'choose' },
      ],
      get: (s) => s.source,
      suggest: () => 'saved',
      set: (s, v) => {
        s.source = v;
      },
    }),
    pickManyStep<S, RuleChoice>({
      title: 'Rules',
      placeholder: 'Pick the rules to combine (a dry run shows every verdict before anything is deleted)',
      when: choosing,
      items: () => {
        const entries: PickEntry<RuleChoice>[] = [
          { separator: 'Delete' },
          { label: 'Keep the newest N versions', detail: 'By version number (10.0.0 is newer than 9.0.0). Alone, it deletes everything below them.', value: 'keepNewest' },
          { label: 'Delete versions older than D days', detail: 'By published date', value: 'olderThanDays' },
          { label: 'Delete versions past their end of life', value: 'pastEndOfLife' },
          { separator: 'Never delete' },
          { label: 'Never delete the latest', detail: 'What VMs asking for "latest" get, for the definition and in each region', value: 'keepLatest' },
          { label: 'Never delete a version in use', detail: 'Pinned by a VM or scale set, or followed as latest (one Resource Graph query)', value: 'keepInUse' },
          {
            label: 'Never delete a version blocked until its end of life',
            detail: 'Always on: Azure refuses to delete it before then (blockDeletionBeforeEndOfLife)',
            value: 'blocked',
            locked: 'Azure refuses these deletions, so this rule is always on.',
          },
        ];
        if (canSave) entries.push({ separator: 'Save' }, { label: `Save these rules in ${RETENTION_FILE}`, detail: 'To review, commit, and run again with one click', value: 'save' });
        return entries;
      },
      get: (s) => s.picked,
      suggest: () => ['keepNewest', 'keepLatest', 'keepInUse', 'blocked'],
      set: (s, v) => {
        s.picked = v;
        s.save = v.includes('save');
      },
    }),
    inputStep<S>({
      title: 'Keep the newest',
      prompt: 'How many of the newest versions to keep (by version number)',
      when: (s) => choosing(s) && s.picked?.includes('keepNewest') === true,
      get: (s) => s.keepNewest,
      suggest: () => '5',
      set: (s, v) => (s.keepNewest = v.trim()),
      validate: validateKeepNewest,
    }),
    inputStep<S>({
      title: 'Older than',
      prompt: 'Delete versions published more than this many days ago',
      when: (s) => choosing(s) && s.picked?.includes('olderThanDays') === true,
      get: (s) => s.olderThanDays,
      suggest: () => '90',
      set: (s, v) => (s.olderThanDays = v.trim()),
      validate: validateOlderThanDays,
    }),
  ];
}

/** Each definition's saved rules, for the offer. */
export function savedRulesMap(file: RetentionFile, definitionIds: readonly string[]): Map<string, RetentionRules | undefined> {
  return new Map(definitionIds.map((id) => [id, savedRulesFor(file, id)]));
}

/** One definition's plan. */
export interface DefinitionPlan {
  definition: string;
  name: string;
  rules: RetentionRules;
  verdicts: RetentionVerdict[];
}

/** The dry run's answer: go on (true) or nothing to do (false). */
export interface DryRunState {
  go?: boolean;
}

const versionWhat = (plan: DefinitionPlan, v: RetentionVerdict) => `${v.name} of ${plan.name}`;

/** The dry run (every verdict, deletions first) and the confirmation. */
export function confirmSteps(plans: readonly DefinitionPlan[], what: string, deleteCount: number, warning: () => string | undefined): Step<DryRunState>[] {
  const keepCount = plans.reduce((n, p) => n + p.verdicts.length, 0) - deleteCount;
  return [
    {
      title: 'Dry run',
      async ask(s, p, header) {
        const entries: PickEntry<boolean | 'line'>[] = [
          deleteCount > 0
            ? { label: `$(trash) Delete ${countOf(deleteCount, 'version')}, keep ${keepCount}`, detail: 'Next: a confirmation', value: true }
            : { label: `$(check) Nothing to delete: the rules keep all ${countOf(keepCount, 'version')}`, value: false },
        ];
        for (const verdict of ['delete', 'keep'] as const) {
          for (const plan of plans) {
            const lines = plan.verdicts.filter((v) => v.verdict === verdict);
            if (lines.length === 0) continue;
            entries.push({ separator: `${verdict === 'delete' ? 'Delete' : 'Keep'} (${plans.length > 1 ? `${plan.name}: ` : ''}${lines.length})` });
            for (const v of lines) {
              entries.push({ label: `$(${verdict === 'delete' ? 'trash' : 'check'}) ${v.name}`, description: verdict === 'delete' ? 'delete' : 'keep', detail: v.reason, value: 'line', refusal: 'This is the dry run: pick the first line to go on, or press Escape to delete nothing.' });
            }
          }
        }
        const rules = [...new Set(plans.map((pl) => describeRules(pl.rules)))].join(' | ');
        const answer = await p.pick<boolean | 'line'>({ ...header, placeholder: `Dry run of ${what}: ${rules}`, items: entries });
        if (typeof answer !== 'boolean') return answer === 'line' ? CANCEL : answer;
        s.go = answer;
        return answer ? undefined : CANCEL;
      },
    },
    {
      title: 'Confirm',
      when: () => deleteCount > 0,
      async ask(_s, p) {
        const names = plans.flatMap((pl) => pl.verdicts.filter((v) => v.verdict === 'delete').map((v) => versionWhat(pl, v)));
        const shown = names.slice(0, 20).map((n) => `• ${n}`).join('\n') + (names.length > 20 ? `\n• and ${names.length - 20} more` : '');
        const w = warning();
        const ok = await p.confirm({ message: `Delete ${countOf(deleteCount, 'version')} of ${what}?`, detail: `${shown}${w ? `\n\n${w}` : ''}`, confirmLabel: 'Delete' });
        return ok ? undefined : CANCEL;
      },
    },
  ];
}

