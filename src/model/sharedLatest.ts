// Which version of a shared or community image definition "latest" resolves to, from what the
// shared APIs report: SharedGalleryImageVersion / CommunityGalleryImageVersion carry
// `excludeFromLatest` ("If set to true, Virtual Machines deployed from the latest version of the
// Image Definition won't use this Image Version", GalleryRP.json 2025-12-03) and list only
// published versions, so latest is the highest version number not excluded.
// (Owned versions have their own rule, which also weighs provisioning state.)
import { compareVersions } from './versions';

export function latestSharedVersionName(versions: readonly { name: string; excludeFromLatest?: boolean }[]): string | undefined {
  return versions
    .filter((v) => v.excludeFromLatest !== true)
    .map((v) => v.name)
    .sort(compareVersions)
    .pop();
}
