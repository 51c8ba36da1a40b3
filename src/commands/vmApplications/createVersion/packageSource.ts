// Where an application version's package (or its default configuration) comes from: a blob picked
// in one of the subscription's storage accounts (account → container → blob), a local file
// uploaded as a block blob (resumable, with a progress notification and Cancel), or a pasted blob
// URL. A picked or uploaded blob keeps its storage account's id: when the version is sent, a
// read-only SAS is made for it unless its container is public (readAccess.ts).
import { packageUrlWarning, validatePackageUrl } from '../../../model/applications';
import { pickBlob, type BlobStore } from '../../../ui/blobPicker';
import { log } from '../../../ui/log';
import { BACK, isNavigation, type Navigation, type PickEntry, type Prompter, type Step, type StepHeader } from '../../../ui/wizard';

/** A blob answer: its URL (no SAS unless pasted with one) and, when picked or uploaded, its storage account. */
export interface PackageAnswer {
  url: string;
  accountId?: string;
}

/** What the storage sources need: the subscription's blob storage, and who chooses a local file. */
export interface PackageContext {
  store(): BlobStore;
  /** VS Code's open dialog by default (tests give a path). */
  chooseFile?: () => Promise<string | undefined>;
  abortSignal?: AbortSignal;
}

export interface PackageWhat {
  /** "package" or "default configuration file". */
  noun: string;
  optional: boolean;
}

/** A way to name the blob: asks what it needs and resolves to the blob (or navigation). */
export interface PackageSource {
  id: string;
  label: string;
  detail: string;
  ask(prompter: Prompter, header: StepHeader, current: PackageAnswer | undefined, what: PackageWhat, ctx: PackageContext): Promise<PackageAnswer | Navigation>;
}

/** Paste a blob URL: https, with a SAS token unless the blob is public (validatePackageUrl). */
export const PASTE_URL: PackageSource = {
  id: 'url',
  label: '$(link) Paste a blob URL…',
  detail: 'https://account.blob.core.windows.net/…, with a SAS unless the blob is public',
  async ask(prompter, header, current, what) {
    const answer = await prompter.input({
      ...header,
      prompt: `The ${what.noun}'s blob URL (Azure copies it from there when the version replicates)`,
      placeholder: 'https://account.blob.core.windows.net/container/file?sv=…',
      value: current && !current.accountId ? current.url : '',
      validate: (v) => validatePackageUrl(v, what.noun),
      warn: (v) => packageUrlWarning(v),
    });
    return isNavigation(answer) ? answer : { url: answer.trim() };
  },
};

function storageSource(mode: 'pick' | 'upload'): PackageSource {
  return {
    id: mode,
    label: mode === 'pick' ? '$(database) Pick from a storage account…' : '$(cloud-upload) Upload a local file…',
    detail:
      mode === 'pick'
        ? 'Storage account → container → blob; a read-only SAS is made when sent'
        : 'Sent as a block blob (resumes if interrupted); a read-only SAS is made when sent',
    async ask(prompter, header, _current, what, ctx) {
      const picked = await pickBlob(ctx.store(), prompter, header, { kind: 'package', noun: what.noun, mode, chooseFile: ctx.chooseFile, abortSignal: ctx.abortSignal });
      if (isNavigation(picked)) return picked;
      if (picked.uploaded) log().info(`Upload: ${picked.url}: sent ${picked.uploaded.sentBytes} of ${picked.uploaded.fileBytes} bytes (${picked.uploaded.resumedBytes} already there).`);
      return { url: picked.url.split('?')[0]!, accountId: picked.account.id };
    },
  };
}

/** The sources offered, in order. */
export const PACKAGE_SOURCES: PackageSource[] = [storageSource('pick'), storageSource('upload'), PASTE_URL];
const NONE = 'none';

/** The step asking for the blob: the sources first (and "None" for an optional one), then the source's own questions. */
export function packageSourceStep<S>(o: { title: string; what: PackageWhat; ctx: PackageContext; get(s: S): PackageAnswer | undefined; set(s: S, answer: PackageAnswer | undefined): void; when?(s: S): boolean }): Step<S> {
  return {
    title: o.title,
    when: o.when,
    async ask(state, prompter, header) {
      for (;;) {
        const current = o.get(state);
        const items: PickEntry<string>[] = [
          ...(o.what.optional ? [{ label: `$(circle-slash) No ${o.what.noun}`, detail: 'Nothing is sent', value: NONE }] : []),
          ...PACKAGE_SOURCES.map((p) => ({ label: p.label, detail: p.detail, value: p.id })),
        ];
        const selected = current === undefined ? (o.what.optional ? NONE : undefined) : current.accountId ? undefined : PASTE_URL.id;
        const picked = await prompter.pick<string>({ ...header, placeholder: `Where is the ${o.what.noun}?${current ? ` (now ${current.url.split('?')[0]})` : ''}`, items, selected: selected ? [selected] : [] });
        if (isNavigation(picked)) return picked;
        if (picked === NONE) {
          o.set(state, undefined);
          return undefined;
        }
        const source = PACKAGE_SOURCES.find((p) => p.id === picked) ?? PASTE_URL;
        const answer = await source.ask(prompter, header, current, o.what, o.ctx);
        if (!isNavigation(answer)) {
          o.set(state, answer);
          return undefined;
        }
        // Back from a source's own questions returns to the list of sources.
        if (answer !== BACK) return answer;
      }
    },
  };
}
