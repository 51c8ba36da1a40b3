// Deleting galleries, image definitions, image versions and a gallery's VM applications, and
// listing what is nested in them (every page), so that a delete of "everything under it" can
// name each item before anything is sent.
import { parseArmId } from '../model/armId';
import type { DeleteItem } from '../model/deletion';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import { toImageDefinition } from './images';
import { lroPolling } from './sharing';
import type { AzureTarget, CallOptions, ImageDefinition, ImageVersion } from './types';
import { toImageVersion } from './versions';
import type { LroOptions } from './writeTypes';

/** Sends the DELETE of a gallery, definition, version, application or application version and waits until Azure has finished it. */
export async function deleteGalleryResource(target: AzureTarget, id: string, options: LroOptions = {}): Promise<void> {
  const ref = parseArmId(id);
  const client = computeClient(target);
  const poll = lroPolling(options);
  switch (ref?.kind) {
    case 'gallery':
      return azureCall(() => client.galleries.delete(ref.resourceGroupName, ref.galleryName, poll));
    case 'imageDefinition':
      return azureCall(() => client.galleryImages.delete(ref.resourceGroupName, ref.galleryName, ref.imageName, poll));
    case 'imageVersion':
      return azureCall(() => client.galleryImageVersions.delete(ref.resourceGroupName, ref.galleryName, ref.imageName, ref.versionName, poll));
    case 'galleryApplication':
      return azureCall(() => client.galleryApplications.delete(ref.resourceGroupName, ref.galleryName, ref.applicationName, poll));
    case 'applicationVersion':
      return azureCall(() => client.galleryApplicationVersions.delete(ref.resourceGroupName, ref.galleryName, ref.applicationName, ref.versionName, poll));
    default:
      throw new Error(`Not a gallery, image definition, image version or VM application id: ${id}`);
  }
}

/** Every version of a definition (all pages), without replication detail. */
export async function listAllImageVersions(target: AzureTarget, resourceGroup: string, galleryName: string, imageName: string, options: CallOptions = {}): Promise<ImageVersion[]> {
  return azureCall(async () => {
    const out: ImageVersion[] = [];
    for await (const v of computeClient(target).galleryImageVersions.listByGalleryImage(resourceGroup, galleryName, imageName, { abortSignal: options.abortSignal })) {
      out.push(toImageVersion(v));
    }
    return out;
  });
}

export interface NestedContents {
  /** Everything nested in the resource, each with its parent, deepest last. */
  items: DeleteItem[];
  /** The versions listed, for checks that need their details (end of life, deletion block). */
  versions: ImageVersion[];
  definitions: ImageDefinition[];
}

/**
 * What is nested in a gallery (definitions and their versions, VM applications and theirs) or in
 * a definition (its versions); a version has nothing nested.
 */
export async function listNestedResources(target: AzureTarget, id: string, options: CallOptions = {}): Promise<NestedContents> {
  const ref = parseArmId(id);
  const client = computeClient(target);
  const items: DeleteItem[] = [];
  const versions: ImageVersion[] = [];
  const definitions: ImageDefinition[] = [];
  const addVersionsOf = async (rg: string, gallery: string, image: string, parentId: string) => {
    for (const v of await listAllImageVersions(target, rg, gallery, image, options)) {
      versions.push(v);
      items.push({ id: v.id, name: v.name, kind: 'imageVersion', parentId });
    }
  };
  if (ref?.kind === 'galleryApplication') {
    const { resourceGroupName: rg, galleryName: g, applicationName: a } = ref;
    await azureCall(async () => {
      for await (const v of client.galleryApplicationVersions.listByGalleryApplication(rg, g, a, { abortSignal: options.abortSignal })) {
        items.push({ id: v.id ?? '', name: v.name ?? '', kind: 'applicationVersion', parentId: id });
      }
    });
  } else if (ref?.kind === 'imageDefinition') {
    await addVersionsOf(ref.resourceGroupName, ref.galleryName, ref.imageName, id);
  } else if (ref?.kind === 'gallery') {
    const { resourceGroupName: rg, galleryName: g } = ref;
    await azureCall(async () => {
      for await (const i of client.galleryImages.listByGallery(rg, g, { abortSignal: options.abortSignal })) definitions.push(toImageDefinition(i));
    });
    for (const d of definitions) items.push({ id: d.id, name: d.name, kind: 'imageDefinition', parentId: id });
    await Promise.all(definitions.map((d) => addVersionsOf(rg, g, d.name, d.id)));
    const applications: { id: string; name: string }[] = [];
    await azureCall(async () => {
      for await (const a of client.galleryApplications.listByGallery(rg, g, { abortSignal: options.abortSignal })) applications.push({ id: a.id ?? '', name: a.name ?? '' });
    });
    for (const a of applications) items.push({ id: a.id, name: a.name, kind: 'application', parentId: id });
    await Promise.all(
      applications.map((a) =>
        azureCall(async () => {
          for await (const v of client.galleryApplicationVersions.listByGalleryApplication(rg, g, a.name, { abortSignal: options.abortSignal })) {
            items.push({ id: v.id ?? '', name: v.name ?? '', kind: 'applicationVersion', parentId: a.id });
          }
        }),
      ),
    );
  }
  return { items, versions, definitions };
}
