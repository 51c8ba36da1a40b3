// Where an application version's package (or its default configuration) comes from. The first
// question's list of sources is PACKAGE_SOURCES: today one entry, a pasted blob URL (asked at
// once, without a one-line list). The storage picker (storage account → container → blob) and
// "Upload a local file…" plug in here as further entries, each resolving to the blob's URL.
import { packageUrlWarning, validatePackageUrl } from '../../../model/applications';
import { CANCEL, isNavigation, type Navigation, type PickEntry, type Prompter, type Step, type StepHeader } from '../../../ui/wizard';

/** A way to name the blob: asks what it needs and resolves to the blob's https URL (or navigation). */
export interface PackageSource {
  id: string;
  label: string;
  detail: string;
  ask(prompter: Prompter, header: StepHeader, current: string | undefined, what: PackageWhat): Promise<string | Navigation>;
}

export interface PackageWhat {
  /** "package" or "default configuration file". */
  noun: string;
  optional: boolean;
}

/** Paste a blob URL: https, with a SAS token unless the blob is public (validatePackageUrl). */
export const PASTE_URL: PackageSource = {
  id: 'url',
  label: '$(link) Paste a blob URL…',
  detail: 'https://account.blob.core.windows.net/container/file, with a SAS token unless the blob is public',
  async ask(prompter, header, current, what) {
    const answer = await prompter.input({
      ...header,
      prompt: `The ${what.noun}'s blob URL (the VM downloads it from there)${what.optional ? '; Enter with nothing leaves it out' : ''}`,
      placeholder: 'https://account.blob.core.windows.net/container/file?sv=…',
      value: current ?? '',
      validate: (v) => (what.optional && v.trim() === '' ? undefined : validatePackageUrl(v, what.noun)),
      warn: (v) => packageUrlWarning(v),
    });
    return isNavigation(answer) ? answer : answer.trim();
  },
};

/** The sources offered, in order. The blob picker and the upload join this list. */
export const PACKAGE_SOURCES: PackageSource[] = [PASTE_URL];

/** The step asking a blob URL: a pick of the sources first when there is more than one. */
export function packageSourceStep<S>(o: { title: string; what: PackageWhat; get(s: S): string | undefined; set(s: S, url: string | undefined): void; when?(s: S): boolean }): Step<S> {
  return {
    title: o.title,
    when: o.when,
    async ask(state, prompter, header) {
      for (;;) {
        let source = PACKAGE_SOURCES[0]!;
        if (PACKAGE_SOURCES.length > 1) {
          const items: PickEntry<string>[] = PACKAGE_SOURCES.map((p) => ({ label: p.label, detail: p.detail, value: p.id }));
          const picked = await prompter.pick<string>({ ...header, placeholder: `Where is the ${o.what.noun}?`, items, selected: [] });
          if (isNavigation(picked)) return picked;
          source = PACKAGE_SOURCES.find((p) => p.id === picked) ?? source;
        }
        const url = await source.ask(prompter, header, o.get(state), o.what);
        if (typeof url !== 'string') {
          // Back from a source's own question returns to the list of sources (when there is one).
          if (url === CANCEL || PACKAGE_SOURCES.length === 1) return url;
          continue;
        }
        o.set(state, url || undefined);
        return undefined;
      }
    },
  };
}
