// Who uses an image: the VMs and scale sets whose image reference names a gallery's definition or
// version, and what a change to it means for them.
//
// A VM keeps its image reference in `properties.storageProfile.imageReference`, a scale set in
// `properties.virtualMachineProfile.storageProfile.imageReference` (ComputeRP's VirtualMachine and
// VirtualMachineScaleSet models; the same JSON Resource Graph's `resources` table holds). A gallery
// image is named there in one of three ways (ImageReference,
// https://learn.microsoft.com/javascript/api/@azure/arm-compute/imagereference):
// - `id`: the ARM id of a version, or of the definition — "to use 'latest' version of gallery image,
//   just set '/subscriptions/…/galleries/{galleryName}/images/{imageName}' in the 'id' field without
//   version input";
// - `sharedGalleryImageId`: /SharedGalleries/{unique name}/Images/{image}/Versions/{version} for a
//   gallery shared directly;
// - `communityGalleryImageId`: /CommunityGalleries/{public name}/Images/{image}/Versions/{version}.
// A reference without a version, or with `latest` (as the Azure CLI accepts), follows latest: it
// counts for the version "latest" resolves to and for the definition. ARM ids are compared without
// case (ARM names are case-insensitive; Resource Graph lower-cases some of them).
import { countOf, listInWords } from './sharingChanges';

export type ImageUserKind = 'virtualMachine' | 'scaleSet';
/** How the reference names the image: its ARM id, a direct share's unique id, a community name. */
export type ReferenceForm = 'id' | 'shared' | 'community';

/** A VM or scale set whose image reference names an image of the gallery looked at. */
export interface ImageUser {
  id: string;
  name: string;
  kind: ImageUserKind;
  resourceGroup: string;
  subscriptionId: string;
  /** The reference as the VM's model has it. */
  reference: string;
  form: ReferenceForm;
  /** The definition's name as the reference spells it. */
  imageName: string;
  /** The version it pins; undefined: it follows latest. */
  version?: string;
}

/** The names a gallery goes by in image references. */
export interface GalleryNames {
  /** The gallery's ARM id. */
  id: string;
  /** `identifier.uniqueName` of a gallery shared directly: `/SharedGalleries/{uniqueName}`. */
  uniqueName?: string;
  /** The community gallery's public names: `/CommunityGalleries/{publicName}`. */
  publicNames?: readonly string[];
}

/** What a reference names in the gallery, or undefined when it names another gallery. */
export interface ParsedReference {
  form: ReferenceForm;
  imageName: string;
  version?: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function imageAndVersion(rest: string): { imageName: string; version?: string } | undefined {
  // rest: "{image}" or "{image}/versions/{version}" (any case), nothing more.
  const m = /^([^/]+)(?:\/versions\/([^/]+))?\/?$/i.exec(rest);
  if (!m) return undefined;
  const version = m[2] === undefined || same(m[2], 'latest') ? undefined : m[2];
  return { imageName: m[1]!, version };
}

/** Reads a reference (`id`, `sharedGalleryImageId` or `communityGalleryImageId`) against a gallery's names. */
export function parseImageReference(reference: string, gallery: GalleryNames): ParsedReference | undefined {
  const ref = reference.trim();
  const prefixes: Array<[ReferenceForm, string]> = [['id', `${gallery.id.replace(/\/$/, '')}/images/`]];
  if (gallery.uniqueName) prefixes.push(['shared', `/SharedGalleries/${gallery.uniqueName}/Images/`]);
  for (const name of gallery.publicNames ?? []) prefixes.push(['community', `/CommunityGalleries/${name}/Images/`]);
  for (const [form, prefix] of prefixes) {
    if (ref.length <= prefix.length || !same(ref.slice(0, prefix.length), prefix)) continue;
    const parsed = imageAndVersion(ref.slice(prefix.length));
    if (parsed) return { form, ...parsed };
  }
  return undefined;
}

/** What is looked at: a definition (every user of it), or one of its versions. */
export interface UsageSubject {
  imageName: string;
  /** A version: its users are those pinning it, and, when it is what latest resolves to, those following latest. */
  version?: string;
  /** The version is what "latest" resolves to now. */
  isLatest?: boolean;
}

/** A user of the subject, and whether it pins the version or follows latest. */
export interface SubjectUser extends ImageUser {
  via: 'pinned' | 'latest';
}

/** The users of a definition or version, VMs before scale sets, then by subscription, group and name. */
export function usersOf(users: readonly ImageUser[], subject: UsageSubject): SubjectUser[] {
  const out: SubjectUser[] = [];
  for (const u of users) {
    if (!same(u.imageName, subject.imageName)) continue;
    const via = u.version === undefined ? 'latest' : 'pinned';
    if (subject.version !== undefined) {
      if (via === 'pinned' && !same(u.version!, subject.version)) continue;
      if (via === 'latest' && !subject.isLatest) continue;
    }
    out.push({ ...u, via });
  }
  const key = (u: SubjectUser) => `${u.kind === 'virtualMachine' ? 0 : 1}|${u.subscriptionId}|${u.resourceGroup}|${u.name}`.toLowerCase();
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

/** "2 VMs and 1 scale set", "1 VM", "3 scale sets". */
export function usersInWords(users: readonly Pick<ImageUser, 'kind'>[]): string {
  const vms = users.filter((u) => u.kind === 'virtualMachine').length;
  const sets = users.length - vms;
  const parts = [...(vms > 0 ? [countOf(vms, 'VM')] : []), ...(sets > 0 ? [countOf(sets, 'scale set')] : [])];
  return parts.length > 0 ? listInWords(parts) : 'no VMs or scale sets';
}

/** The Show Usage line of one user: "pins 1.0.0" or "follows latest". */
export function userVia(user: Pick<SubjectUser, 'via' | 'version' | 'form'>): string {
  const how = user.via === 'pinned' ? `pins ${user.version}` : 'follows latest';
  return user.form === 'id' ? how : `${how}, through the ${user.form === 'shared' ? 'direct share' : 'community gallery'}`;
}

/** What Show Usage says when nobody uses it. */
export function noUsersLine(what: string, subscriptions: number): string {
  return `No VMs or scale sets use ${what} in the ${countOf(subscriptions, 'selected subscription')}.`;
}

/** The changes confirmed with a word about who uses what changes. */
export type UsageChange = 'deleteVersion' | 'deleteDefinition' | 'deleteGallery' | 'excludeFromLatest' | 'makeLatest' | 'endOfLife' | 'stopSharing' | 'resetSharing';

/** The users a change concerns: for sharing changes, those reaching the image through the share only. */
export function concernedUsers(change: UsageChange, users: readonly SubjectUser[]): SubjectUser[] {
  if (change === 'stopSharing' || change === 'resetSharing') return users.filter((u) => u.form !== 'id');
  if (change === 'excludeFromLatest' || change === 'makeLatest') return users.filter((u) => u.via === 'latest');
  return [...users];
}

const SCALE_OUT = 'scale sets among them will fail to scale out (Azure cannot make new instances from an image that is gone)';

/**
 * One paragraph for a confirmation: how many VMs and scale sets use what is about to change and
 * what happens to them; undefined when none does. `what` names the subject ("image version 1.0.0
 * of ubuntu"); `subscriptions` is how many subscriptions were searched (only they are known).
 */
export function usageWarning(change: UsageChange, users: readonly SubjectUser[], what: string, subscriptions: number): string | undefined {
  const concerned = concernedUsers(change, users);
  if (concerned.length === 0) return undefined;
  const words = usersInWords(concerned);
  const pinned = concerned.filter((u) => u.via === 'pinned');
  const following = concerned.length - pinned.length;
  const split = pinned.length > 0 && following > 0 ? ` (${pinned.length} ${pinned.length === 1 ? 'pins' : 'pin'} it, ${following} ${following === 1 ? 'follows' : 'follow'} latest)` : '';
  const verb = concerned.length === 1 ? 'uses' : 'use';
  const where = ` in the ${countOf(subscriptions, 'selected subscription')}`;
  const hasSets = concerned.some((u) => u.kind === 'scaleSet');
  switch (change) {
    case 'deleteVersion': {
      const pinnedSets = pinned.some((u) => u.kind === 'scaleSet');
      const tail = [
        pinnedSets ? 'Scale sets that pin it will fail to scale out once it is deleted (Azure cannot make new instances from a deleted image).' : '',
        following > 0 ? 'Those that follow latest get the next latest version for new instances.' : '',
      ].filter(Boolean);
      return `${words}${where} ${verb} ${what}${split}. ${tail.join(' ')}`.trim();
    }
    case 'deleteDefinition':
    case 'deleteGallery':
      return `${words}${where} ${verb} ${what}${split}.${hasSets ? ` Once it is deleted, ${SCALE_OUT}.` : ''}`;
    case 'excludeFromLatest':
      return `${words}${where} ${concerned.length === 1 ? 'follows' : 'follow'} latest, which is ${what} now: new VMs and scale-out instances will get another version (or none, if no other version is left), and scale sets may fail to scale out.`;
    case 'makeLatest':
      // `what` is the definition here: its followers change version, whichever becomes latest.
      return `${words}${where} ${concerned.length === 1 ? 'follows' : 'follow'} the latest version of ${what}: new VMs and scale-out instances will get the version made latest from now on.`;
    case 'endOfLife':
      return `${words}${where} ${verb} ${what}${split}. An end-of-life date only informs (it is for decommissioning): they keep working, but whoever retires past-end-of-life images will find them.`;
    case 'stopSharing':
    case 'resetSharing':
      return `${words}${where} ${verb} ${what} through its ${listInWords([...new Set(concerned.map((u) => (u.form === 'shared' ? 'direct share' : 'community name')))])}. Without that access, ${hasSets ? SCALE_OUT : 'they cannot be redeployed from it'}.`;
  }
}
