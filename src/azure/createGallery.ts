import { azureCall } from './errors';
import type { Gallery as SdkGallery, GalleryImage as SdkGalleryImage } from '@azure/arm-compute';
import { computeClient } from './clientFactory';
import { toGallery } from './galleries';
import { toImageDefinition } from './images';
import type { AzureTarget, Gallery, ImageDefinition } from './types';
import type { LroOptions, NewGallery, NewImageDefinition } from './writeTypes';

function lro(options: LroOptions) {
  return { abortSignal: options.abortSignal, ...(options.pollIntervalMs !== undefined ? { updateIntervalInMs: options.pollIntervalMs } : {}) };
}

/** The body of PUT galleries/{name}: a Community gallery carries its publisher information. */
export function galleryBody(spec: NewGallery): SdkGallery {
  const body: SdkGallery = { location: spec.location };
  if (spec.tags && Object.keys(spec.tags).length > 0) body.tags = { ...spec.tags };
  if (spec.description) body.description = spec.description;
  if (spec.softDelete !== undefined) body.softDeletePolicy = { isSoftDeleteEnabled: spec.softDelete };
  if (spec.sharing !== 'Private') {
    body.sharingProfile = { permissions: spec.sharing };
    if (spec.sharing === 'Community' && spec.community) body.sharingProfile.communityGalleryInfo = { ...spec.community };
  }
  return body;
}

/** Creates a gallery and waits until Azure reports it done. */
export async function createGallery(target: AzureTarget, resourceGroup: string, name: string, spec: NewGallery, options: LroOptions = {}): Promise<Gallery> {
  return azureCall(async () => toGallery(await computeClient(target).galleries.createOrUpdate(resourceGroup, name, galleryBody(spec), lro(options))));
}

function range(r: { min?: number; max?: number } | undefined): { min?: number; max?: number } | undefined {
  if (!r || (r.min === undefined && r.max === undefined)) return undefined;
  return { ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) };
}

/**
 * The body of PUT galleries/{g}/images/{name}. The security type is always sent as the SecurityType
 * feature, Standard included: without it Azure makes a Generation 2 definition TrustedLaunchSupported
 * (see model/imageRules.ts azureDefaultSecurityType).
 */
export function imageDefinitionBody(spec: NewImageDefinition): SdkGalleryImage {
  const body: SdkGalleryImage = {
    location: spec.location,
    osType: spec.osType,
    osState: spec.osState,
    hyperVGeneration: spec.hyperVGeneration,
    architecture: spec.architecture,
    identifier: { publisher: spec.publisher, offer: spec.offer, sku: spec.sku },
  };
  body.features = [{ name: 'SecurityType', value: spec.securityType }, ...(spec.features ?? []).map((f) => ({ ...f }))];
  if (spec.tags && Object.keys(spec.tags).length > 0) body.tags = { ...spec.tags };
  if (spec.description) body.description = spec.description;
  if (spec.eula) body.eula = spec.eula;
  if (spec.privacyStatementUri) body.privacyStatementUri = spec.privacyStatementUri;
  if (spec.releaseNoteUri) body.releaseNoteUri = spec.releaseNoteUri;
  if (spec.endOfLifeDate) body.endOfLifeDate = spec.endOfLifeDate;
  const vCPUs = range(spec.recommended?.vCPUs);
  const memory = range(spec.recommended?.memory);
  if (vCPUs || memory) body.recommended = { ...(vCPUs ? { vCPUs } : {}), ...(memory ? { memory } : {}) };
  if (spec.disallowedDiskTypes && spec.disallowedDiskTypes.length > 0) body.disallowed = { diskTypes: [...spec.disallowedDiskTypes] };
  const plan = spec.purchasePlan;
  if (plan && (plan.name || plan.publisher || plan.product)) body.purchasePlan = { ...plan };
  return body;
}

/** Creates an image definition and waits until Azure reports it done. */
export async function createImageDefinition(
  target: AzureTarget,
  resourceGroup: string,
  galleryName: string,
  name: string,
  spec: NewImageDefinition,
  options: LroOptions = {},
): Promise<ImageDefinition> {
  return azureCall(async () =>
    toImageDefinition(await computeClient(target).galleryImages.createOrUpdate(resourceGroup, galleryName, name, imageDefinitionBody(spec), lro(options))),
  );
}
