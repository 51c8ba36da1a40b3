// Which version of an image definition a VM gets when it asks for "latest", and what each
// version's row may say about it.
//
// Azure's rule (learn.microsoft.com/azure/virtual-machines/shared-image-galleries, "Image
// versions"): "When you specify to use latest when creating a VM, the latest image is chosen based
// on the highest MajorVersion, then MinorVersion, then Patch." A version with
// publishingProfile.excludeFromLatest is not a candidate (GalleryRP.json 2025-12-03: "If set to
// true, Virtual Machines deployed from the latest version of the Image Definition won't use this
// Image Version."). A version still being created cannot be deployed yet
// (learn.microsoft.com/azure/virtual-machines/azure-compute-gallery, "Replication": "After the
// image replication is complete in a region, you can deploy a VM or scale set by using that
// resource in the region."), and a failed one not at all — so the tree never says VMs asking for
// "latest" get either: the highest usable candidate is the one they get now, and a higher
// candidate still being created is the one that takes over once it is done. A version being
// updated (regions added after creation, same page: "After creation time, you can update the
// regions that a resource is replicated to") stays usable in the regions it had already
// replicated to, so it keeps its place; its hover says it is still replicating to the others.
import type { ReplicationState } from './replication';
import { compareVersions } from './versions';

/** What the rule needs of a version: the list's fields, and the last status poll's when known. */
export interface LatestCandidate {
  name: string;
  excludeFromLatest?: boolean;
  provisioningState?: string;
  /** The replication state a status poll found (summariseReplication's), when one was made. */
  replicationState?: ReplicationState;
}

/** Where one version stands with respect to "latest". */
export type LatestRole =
  /** VMs asking for "latest" get this one now. */
  | 'latest'
  /** Not usable yet, but the highest candidate: it takes over once it is done. */
  | 'next'
  /** Excluded from latest: used only when asked for by number. */
  | 'excluded'
  /** Anything else: an older candidate, or one that is failed or still in progress below the latest. */
  | 'other';

export interface LatestResolution {
  /** The version VMs asking for "latest" get now (undefined: none can be used). */
  latest?: string;
  /** The highest candidate still in progress, above `latest`: "latest" once it is ready. */
  next?: string;
}

/** Still being created (first replication included): not usable yet, but it may become "latest". */
export function beingCreated(v: LatestCandidate): boolean {
  return v.provisioningState?.toLowerCase() === 'creating';
}

/**
 * Usable by a VM now: created, not failed, not being deleted. An unknown state counts as usable;
 * a version being updated stays usable where it had replicated (see above).
 */
export function usable(v: LatestCandidate): boolean {
  const state = v.provisioningState?.toLowerCase();
  return state !== 'creating' && state !== 'failed' && state !== 'deleting' && v.replicationState !== 'Failed';
}

/** Azure's choice for "latest" among `versions`, and the in-progress version that will take over. */
export function resolveLatest(versions: readonly LatestCandidate[]): LatestResolution {
  const candidates = versions.filter((v) => !v.excludeFromLatest).sort((a, b) => compareVersions(a.name, b.name));
  const latest = candidates.filter(usable).pop()?.name;
  const next = candidates.filter((v) => beingCreated(v) && (latest === undefined || compareVersions(v.name, latest) > 0)).pop()?.name;
  return { latest, next };
}

/** The role of the version named `name` (with its own exclusion flag) under `resolution`. */
export function latestRole(name: string, excludeFromLatest: boolean | undefined, resolution: LatestResolution): LatestRole {
  // Its own flag first: an excluded version is never called latest, whatever was resolved before.
  if (excludeFromLatest) return 'excluded';
  if (name === resolution.latest) return 'latest';
  if (name === resolution.next) return 'next';
  return 'other';
}

/** The words a version's row adds to its description: "latest", "latest when ready", "excluded from latest". */
export function latestLabel(role: LatestRole): string {
  switch (role) {
    case 'latest':
      return 'latest';
    case 'next':
      return 'latest when ready';
    case 'excluded':
      return 'excluded from latest';
    case 'other':
      return '';
  }
}

/**
 * The sentence a version's hover says about "latest"; `replicating`: the version is still
 * replicating to some of its regions (an update), so VMs get it only where it already has.
 */
export function latestSentence(role: LatestRole, resolution: LatestResolution, replicating = false): string {
  switch (role) {
    case 'latest': {
      const where = replicating ? ' in the regions it has replicated to (it is still replicating to the others)' : '';
      return resolution.next ? `New VMs asking for "latest" get this version${where} until ${resolution.next} is ready.` : `New VMs asking for "latest" get this version${where}.`;
    }
    case 'next':
      return resolution.latest
        ? `Not "latest" yet: VMs asking for "latest" get ${resolution.latest} until this version is ready (created and replicated).`
        : 'Not "latest" yet: no version can be used for "latest" until this one is ready (created and replicated).';
    case 'excluded':
      return 'Excluded from "latest": VMs get it only when they ask for this version by number.';
    case 'other':
      return '';
  }
}

/** The line an image definition's hover says about "latest", once its versions are known. */
export function definitionLatestLine(resolution: LatestResolution, versionCount: number): string {
  if (versionCount === 0) return 'Latest: none yet (no versions).';
  const now = resolution.latest ? `Latest: ${resolution.latest} (what VMs asking for "latest" get)` : 'Latest: none — no version can be used for "latest"';
  return `${now}${resolution.next ? `; ${resolution.next} once it is ready` : ''}.`;
}
