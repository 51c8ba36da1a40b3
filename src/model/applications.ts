// VM applications: the rules of an application version's package, commands and file names, and the
// entry a VM's applicationProfile takes. Sources: GalleryRP.json 2025-12-03 (UserArtifactSource,
// UserArtifactManage, UserArtifactSettings, GalleryApplicationScriptRebootBehavior) and Microsoft
// Learn, "VM Applications overview" (vm-applications.md) and its blog note on replicas.
import { characters } from './characters';
import { checkHttpsUrl } from './urls';

/** UserArtifactManage install / remove / update: "This is limited to 4096 characters." */
export const APPLICATION_COMMAND_MAX = 4096;
/** UserArtifactSettings packageFileName / configFileName: "This is limited to 4096 characters." */
export const APPLICATION_FILE_NAME_MAX = 4096;
/** GalleryApplicationScriptRebootBehavior: what the install/update/remove script does after a reboot. */
export const REBOOT_BEHAVIOURS = ['None', 'Rerun'] as const;
export type RebootBehaviour = (typeof REBOOT_BEHAVIOURS)[number];
/**
 * "If you are using block blobs, which is most common, then you're limited to three replicas. If you
 * use page blobs, the limit is much higher" (Azure VM Runtime blog, "So how many replicas should my
 * VM Application use?", 2024-11-27). The blob's type is not known from its URL: a warning, not a refusal.
 */
export const APPLICATION_BLOCK_BLOB_REPLICA_MAX = 3;

export type CommandKind = 'install' | 'remove' | 'update';

/** install and remove are required (UserArtifactManage.required); update is optional. */
export function validateApplicationCommand(value: string, kind: CommandKind): string | undefined {
  if (value.trim().length === 0) {
    return kind === 'update' ? undefined : `Enter the ${kind} command: the path and arguments the VM runs to ${kind} the application.`;
  }
  if (value.length > APPLICATION_COMMAND_MAX) return `Use at most ${characters(APPLICATION_COMMAND_MAX)} (this has ${value.length}).`;
  return undefined;
}

/** Optional: empty leaves Azure's default name (the application's name, or name + "_config"). */
export function validateApplicationFileName(value: string): string | undefined {
  if (value.length > APPLICATION_FILE_NAME_MAX) return `Use at most ${characters(APPLICATION_FILE_NAME_MAX)} (this has ${value.length}).`;
  if (/[\r\n]/.test(value)) return 'Use a file name on one line.';
  return undefined;
}

/**
 * The package (mediaLink, required) or default configuration (defaultConfigurationLink, optional):
 * "must be a readable storage page blob" (UserArtifactSource). An https:// address the VM can read,
 * usually a blob URL with a SAS token; anything else is refused before it is sent.
 */
export function validatePackageUrl(value: string, what = 'package'): string | undefined {
  const v = value.trim();
  if (v === '') return `Enter the ${what}'s blob URL, e.g. https://account.blob.core.windows.net/container/app.zip (with a SAS token unless the blob is public).`;
  switch (checkHttpsUrl(v).problem) {
    case undefined:
      return undefined;
    case 'notHttps':
      return `Use an https:// address for the ${what}: Azure downloads it from storage over https.`;
    case 'credentials':
      return `Remove the user name and password from the ${what}'s URL: give a SAS token in its query instead.`;
    default:
      return `Enter the ${what}'s blob URL as https://account.blob.core.windows.net/container/file.`;
  }
}

/** Not a refusal: a URL that is not a storage blob is probably not what Azure can copy. */
export function packageUrlWarning(value: string): string | undefined {
  const url = checkHttpsUrl(value.trim()).url;
  if (!url) return undefined;
  if (!/\.blob\./i.test(url.hostname) && !/^(127\.0\.0\.1|localhost)$/.test(url.hostname)) {
    return 'Azure copies the package from a storage blob: this does not look like a blob URL (account.blob.core.windows.net).';
  }
  return undefined;
}

export function replicaWarning(replicas: readonly number[]): string | undefined {
  return replicas.some((n) => n > APPLICATION_BLOCK_BLOB_REPLICA_MAX)
    ? `A package in a block blob replicates to at most ${APPLICATION_BLOCK_BLOB_REPLICA_MAX} replicas per region; more need a page blob.`
    : undefined;
}

/** An entry of a VM's (or scale set's) applicationProfile.galleryApplications (VMGalleryApplication). */
export interface ApplicationReference {
  packageReferenceId: string;
  order?: number;
  configurationReference?: string;
}

/** What Copy Application Reference gives: the version id (or the application's `/versions/latest`). */
export function applicationReference(versionOrApplicationId: string, extra: { order?: number; configurationReference?: string } = {}): ApplicationReference {
  const id = /\/versions\/[^/]+$/i.test(versionOrApplicationId) ? versionOrApplicationId : `${versionOrApplicationId.replace(/\/+$/, '')}/versions/latest`;
  return { packageReferenceId: id, ...(extra.order !== undefined ? { order: extra.order } : {}), ...(extra.configurationReference ? { configurationReference: extra.configurationReference } : {}) };
}
