// The links a new application version is sent with. A pasted URL goes as typed; a blob picked or
// uploaded in a storage account goes as its plain URL when its container is public, else with a
// read-only SAS made now — the key it is signed with is fetched at this moment by the Azure layer
// and kept nowhere (src/azure/blobReadLink.ts says why a user delegation SAS cannot be used).
import type { AzureTarget } from '../../../azure/types';
import type { Azure } from '../../../azureLoader';
import { maskSas } from '../../../model/sasLink';
import { attempt } from '../../../ui/failures';
import { log } from '../../../ui/log';
import { sasExpiryOf, type CreateApplicationVersionOptions, type State } from './answers';

export interface SentLinks {
  mediaLink: string;
  defaultConfigurationLink?: string;
}

async function linkOf(azure: Azure, target: AzureTarget, url: string, accountId: string | undefined, expiresOn: Date, answers: CreateApplicationVersionOptions): Promise<string> {
  if (!accountId) return url;
  const account = (await azure.listBlobAccounts(target)).find((a) => a.id.toLowerCase() === accountId.toLowerCase());
  if (!account) throw new Error(`${accountId} is not a storage account of this subscription with blob storage: pick the blob again, or paste its URL with a SAS.`);
  const link = await attempt(`make a read-only link to ${url}`, () => azure.blobReadLink(target, account, url, expiresOn), { answers, edit: true });
  log().info(`Create Application Version: ${link.access === 'sas' ? `a read-only SAS until ${link.expiresOn?.toISOString()} for` : 'public container, no SAS for'} ${maskSas(link.url)}`);
  return link.url;
}

/** The mediaLink and defaultConfigurationLink to send for the state's answers. */
export async function sentLinks(azure: Azure, target: AzureTarget, s: State, answers: CreateApplicationVersionOptions, now = new Date()): Promise<SentLinks> {
  const expiresOn = sasExpiryOf(s, now);
  const mediaLink = await linkOf(azure, target, s.packageUrl!, s.packageAccount, expiresOn, answers);
  const defaultConfigurationLink = s.configurationUrl ? await linkOf(azure, target, s.configurationUrl, s.configurationAccount, expiresOn, answers) : undefined;
  return { mediaLink, defaultConfigurationLink };
}
