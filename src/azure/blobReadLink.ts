// The link Azure Compute Gallery reads a VM application's package (or default configuration) from.
// The gallery's replication service downloads the blob with no credentials of its own: Microsoft
// Learn, "Create and deploy VM application" (learn.microsoft.com/azure/virtual-machines/
// vm-applications-how-to): the storage account needs "public level access or use an SAS URI with
// read privilege, as other restriction levels fail deployments" — and Azure PowerShell's own
// example signs it with the account key (New-AzGalleryApplicationVersion's help:
// New-AzStorageBlobSASToken -Permission r). A user delegation SAS is not an option: "user delegated
// SAS urls are sadly not supported, because the service that manages the replication can't
// impersonate the user" (Azure VM Runtime blog, "Publishing VM Applications in a Secure World",
// devblogs.microsoft.com/azure-vm-runtime/publishing-vm-applications-in-a-secure-world, 2026-05).
// So: a public container's blob is sent as it is; any other gets a read-only, https-only service
// SAS for that one blob, signed with a key fetched from listKeys here, used once and dropped.
import { azureCall } from './errors';
import { storageClients } from './sdkLoader';
import { armClient, type BlobAccount } from './storage';
import type { AzureTarget } from './types';

export interface BlobReadLink {
  /** What is sent: the blob's URL, with the SAS query when one was made. */
  url: string;
  access: 'public' | 'sas';
  expiresOn?: Date;
}

/** Container and blob name of a URL on the account's blob endpoint (path-style endpoints too). */
export function blobPathOf(account: BlobAccount, url: string): { container: string; blob: string } | undefined {
  const base = account.blobEndpoint.replace(/\/*$/, '/');
  const plain = url.split('?')[0]!;
  if (!plain.toLowerCase().startsWith(base.toLowerCase())) return undefined;
  const [container, ...rest] = plain.slice(base.length).split('/');
  if (!container || rest.length === 0) return undefined;
  return { container, blob: rest.map(decodeURIComponent).join('/') };
}

/**
 * A link the gallery can read the blob through until `expiresOn`. Throws a sentence when none can
 * be made: the blob is not on this account, or the account refuses keys (allowSharedKeyAccess
 * false) and its container is not public.
 */
export async function blobReadLink(target: AzureTarget, account: BlobAccount, url: string, expiresOn: Date): Promise<BlobReadLink> {
  const where = blobPathOf(account, url);
  if (!where) throw new Error(`${url.split('?')[0]} is not a blob of ${account.name} (${account.blobEndpoint}).`);
  const arm = armClient(target);
  return azureCall(async () => {
    const containerAccess = async (): Promise<string | undefined> => {
      for await (const c of arm.blobContainers.list(account.resourceGroup, account.name)) if (c.name === where.container) return c.publicAccess;
      return undefined;
    };
    // Two independent reads: asked together.
    const [props, publicAccess] = await Promise.all([arm.storageAccounts.getProperties(account.resourceGroup, account.name), containerAccess()]);
    // Anonymous reads need both the container's level and the account's permission
    // (learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure).
    if (props.allowBlobPublicAccess !== false && (publicAccess === 'Blob' || publicAccess === 'Container')) return { url: url.split('?')[0]!, access: 'public' as const };
    if (props.allowSharedKeyAccess === false) {
      throw new Error(
        `${account.name} refuses account keys, so no SAS the gallery can read through can be made (it does not take a user delegation SAS), and container ${where.container} is not public: ` +
          'paste a blob URL with a SAS from an account that allows keys, or give the gallery a managed identity with read access and paste the plain blob URL.',
      );
    }
    const keys = await arm.storageAccounts.listKeys(account.resourceGroup, account.name);
    const key = keys.keys?.find((k) => k.value)?.value;
    if (!key) throw new Error(`Azure gave no key for ${account.name} to sign a read-only SAS with.`);
    const sdk = storageClients();
    const blob = new sdk.BlobServiceClient(account.blobEndpoint, new sdk.StorageSharedKeyCredential(account.name, key)).getContainerClient(where.container).getBlobClient(where.blob);
    // Starts a few minutes back: the storage service's clock may be behind this machine's.
    const startsOn = new Date(Date.now() - 5 * 60_000);
    const sasUrl = await blob.generateSasUrl({ permissions: sdk.BlobSASPermissions.parse('r'), protocol: sdk.SASProtocol.Https, startsOn, expiresOn });
    return { url: sasUrl, access: 'sas' as const, expiresOn };
  });
}
