// The VHD prompts the source step and the data-disk step share: the storage account, then the
// blob URL in it, checked as typed (model/versionContent validateVhdUrl, a warning for the rest).
import type { StorageAccountInfo } from '../../azure/writeTypes';
import { validateVhdUrl, vhdUrlWarning } from '../../model/versionContent';
import { CANCEL, isNavigation, type Navigation, type Prompter, type StepHeader } from '../../ui/wizard';

/** Sends to a sub-prompt the header of the step it belongs to, with what it asks. */
const sub = (header: StepHeader, what: string): StepHeader => ({ ...header, title: `${header.title} — ${what}`, canGoBack: true });

/**
 * A VHD: the storage account that holds it, then its blob URL in that account (Back from the URL
 * returns to the accounts). Shared by the source and the data disks.
 */
export async function vhdPrompt(
  accounts: readonly StorageAccountInfo[],
  prompter: Prompter,
  header: StepHeader,
  o: { accountPlaceholder: string; urlPrompt(account: StorageAccountInfo): string; file: string; value?(account: StorageAccountInfo): string },
): Promise<{ account: StorageAccountInfo; url: string } | Navigation> {
  for (;;) {
    const account = await prompter.pick({
      ...sub(header, 'storage account'),
      placeholder: o.accountPlaceholder,
      items: accounts.map((a) => ({ label: a.name, description: `${a.location} · ${a.resourceGroup}`, detail: a.blobEndpoint, value: a })),
    });
    if (isNavigation(account)) return account;
    const url = await prompter.input({
      ...sub(header, 'VHD URL'),
      prompt: o.urlPrompt(account),
      placeholder: `${account.blobEndpoint.replace(/\/*$/, '/')}vhds/${o.file}`,
      value: o.value?.(account) ?? '',
      validate: (v) => validateVhdUrl(v, account.blobEndpoint),
      warn: vhdUrlWarning,
    });
    if (url === CANCEL) return CANCEL;
    if (!isNavigation(url)) return { account, url: url.trim() };
  }
}

