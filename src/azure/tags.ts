// Tags of galleries, image definitions and image versions: read, and replaced by a PATCH that
// carries nothing but `tags`. ARM's PATCH is a JSON merge patch in which `tags` is one member, so
// the object sent becomes the whole tag set (tags left out are removed) and every other property
// stays as it is (GalleryRP.json 2025-12-03: GalleryUpdate, GalleryImageUpdate and
// GalleryImageVersionUpdate all carry UpdateResourceDefinition.tags; the SDK's update serializers
// leave `properties` out when no property is given). VM applications and their versions likewise:
// GalleryApplicationUpdate and GalleryApplicationVersionUpdate carry the same `tags`.
import { parseArmId } from '../model/armId';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import { lroPolling } from './sharing';
import type { AzureTarget, CallOptions } from './types';
import type { LroOptions } from './writeTypes';

export type TaggedKind = 'gallery' | 'definition' | 'version' | 'application' | 'applicationVersion';

/** Which of these a gallery-family id names (undefined for anything else). */
export function taggedKindOf(id: string): TaggedKind | undefined {
  const kind = parseArmId(id)?.kind;
  if (kind === 'galleryApplication') return 'application';
  if (kind === 'applicationVersion') return 'applicationVersion';
  const { gallery, image, version } = idParts(id);
  if (version) return 'version';
  if (image) return 'definition';
  return gallery ? 'gallery' : undefined;
}

function kindOf(id: string): TaggedKind {
  const kind = taggedKindOf(id);
  if (!kind) throw new Error(`Not a gallery, image definition, image version, VM application or application version: ${id}`);
  return kind;
}

function applicationOf(id: string): string {
  const ref = parseArmId(id);
  return ref?.kind === 'galleryApplication' || ref?.kind === 'applicationVersion' ? ref.applicationName : '';
}

/** The resource's tags as Azure has them now ({} when it has none). */
export async function getTags(target: AzureTarget, id: string, options: CallOptions = {}): Promise<Record<string, string>> {
  const { resourceGroup, gallery, image, version } = idParts(id);
  const client = computeClient(target);
  const o = { abortSignal: options.abortSignal };
  return azureCall(async () => {
    switch (kindOf(id)) {
      case 'gallery':
        return (await client.galleries.get(resourceGroup, gallery, o)).tags ?? {};
      case 'definition':
        return (await client.galleryImages.get(resourceGroup, gallery, image, o)).tags ?? {};
      case 'application':
        return (await client.galleryApplications.get(resourceGroup, gallery, applicationOf(id), o)).tags ?? {};
      case 'applicationVersion':
        return (await client.galleryApplicationVersions.get(resourceGroup, gallery, applicationOf(id), version, o)).tags ?? {};
      default:
        return (await client.galleryImageVersions.get(resourceGroup, gallery, image, version, o)).tags ?? {};
    }
  });
}

/** Replaces the resource's tags with `tags` (PATCH {"tags": …} only) and returns them as Azure stored them. */
export async function setTags(target: AzureTarget, id: string, tags: Record<string, string>, options: LroOptions = {}): Promise<Record<string, string>> {
  const { resourceGroup, gallery, image, version } = idParts(id);
  const client = computeClient(target);
  const body = { tags: { ...tags } };
  return azureCall(async () => {
    switch (kindOf(id)) {
      case 'gallery':
        return (await client.galleries.update(resourceGroup, gallery, body, lroPolling(options))).tags ?? {};
      case 'definition':
        return (await client.galleryImages.update(resourceGroup, gallery, image, body, lroPolling(options))).tags ?? {};
      case 'application':
        return (await client.galleryApplications.update(resourceGroup, gallery, applicationOf(id), body, lroPolling(options))).tags ?? {};
      case 'applicationVersion':
        return (await client.galleryApplicationVersions.update(resourceGroup, gallery, applicationOf(id), version, body, lroPolling(options))).tags ?? {};
      default:
        return (await client.galleryImageVersions.update(resourceGroup, gallery, image, version, body, lroPolling(options))).tags ?? {};
    }
  });
}
