// Create Image Version's version number: the next one is proposed (the patch after the highest, or
// Year.MonthDay.N, as the azureComputeGallery.versionScheme setting says: model/nextVersion.ts),
// a number that exists is refused (the same number, also spelled with leading zeros), and a number
// lower than the highest asks a second time: Azure creates it, but it would never be "latest".
// Given up front (a script, a pipeline backfilling an older release line), the number is the
// caller's decision: it is not asked about, and the summary and the log say it is not the highest.
import { belowHighestReason, proposeVersion, type VersionScheme } from '../../model/nextVersion';
import { validateImageVersionName } from '../../model/versions';
import type { Answer } from '../../ui/answers';
import { inputAnswer } from '../../ui/commonAnswers';
import type { Step } from '../../ui/wizard';
import type { CreateImageVersionOptions, Lookups, State } from './types';

export interface VersionNumberContext {
  lookups: Lookups;
  /** Why a version number is taken in the definition, or undefined. */
  versionTaken(s: State, version: string): Promise<string | undefined>;
  /** The numbering scheme the settings choose (patch when not given). */
  versionScheme?(): VersionScheme;
}

/** The confirmation a lower number asks for: the reason, and the button that goes on anyway. */
export function lowerVersionConfirmation(version: string, reason: string) {
  return { message: `Create version ${version}, lower than the highest version?`, detail: reason, confirmLabel: 'Use This Number' };
}

export function versionNumberAnswer(ctx: VersionNumberContext): Answer<State, CreateImageVersionOptions> {
  const { lookups, versionTaken } = ctx;
  const names = (s: State): Promise<string[]> => (s.definition ? lookups.versionNames(s.definition).catch(() => []) : Promise.resolve([]));
  const base = inputAnswer<State, CreateImageVersionOptions>({
    key: 'version',
    label: 'Version',
    required: true,
    prompt: (s) => `Version as Major.Minor.Patch (each 0–2147483647), unique in ${s.definition?.image.name}; the next one is suggested`,
    placeholder: 'e.g. 1.0.0',
    suggest: async (s) => (s.definition ? proposeVersion(await names(s), ctx.versionScheme?.() ?? 'patch') : undefined),
    validate: validateImageVersionName,
    validateAsync: (v, s) => versionTaken(s, v),
  });
  const input = base.steps[0]!;
  // After the number is typed: a lower one is confirmed, and declining shows the number again.
  const step: Step<State> = {
    ...input,
    async ask(s, prompter, header) {
      for (;;) {
        const navigation = await input.ask(s, prompter, header);
        if (navigation) return navigation;
        const reason = belowHighestReason(s.version ?? '', await names(s));
        if (!reason || (await prompter.confirm(lowerVersionConfirmation(s.version ?? '', reason)))) return undefined;
      }
    },
  };
  return {
    ...base,
    summary: async (s) => (s.version && belowHighestReason(s.version, await names(s)) ? `${s.version} (lower than the highest version: it will not be "latest")` : s.version),
    steps: [step],
  };
}
