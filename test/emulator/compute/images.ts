import { conflict, invalidParameter } from '../arm/errors';
import type { Emulator } from '../emulator';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { StoredResource } from '../state';
import { childrenOf } from '../state';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { refuseWhileSoftDeleted } from './softDelete';
import { galleryKind } from './galleries';
import { IDENTIFIER_LIMITS, checkArtifactName, checkOptionalLink, isValidIdentifierPart, checkFutureDate, oneOf, propertyChange } from './rules';

/** The optional links of a definition: any string (real Azure checks no format: see checkOptionalLink in rules.ts). */
export const DEFINITION_LINKS = ['eula', 'privacyStatementUri', 'releaseNoteUri'] as const;

export const IMAGE_TYPE = 'Microsoft.Compute/galleries/images';
export const OS_TYPES = ['Windows', 'Linux'] as const;
export const OS_STATES = ['Generalized', 'Specialized'] as const;
export const HYPERV = ['V1', 'V2'] as const;
export const SECURITY_TYPES = [
  'Standard',
  'TrustedLaunch',
  'ConfidentialVM',
  'ConfidentialVMSupported',
  'TrustedLaunchSupported',
  'TrustedLaunchAndConfidentialVmSupported',
] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/**
 * The two values real clients send to opt a Generation 2 definition out of the Trusted launch
 * default, both taken and stored as sent, both meaning no Trusted launch (read as Standard):
 * - `Standard`: learn.microsoft.com/azure/virtual-machines/trusted-launch ("Trusted Launch as
 *   default": explicitly bypass the default by setting `Standard`); Azure/azure-cli
 *   vm/_constants.py COMPATIBLE_SECURITY_TYPE_VALUE = 'Standard' ("used for backward compatibility
 *   to allow customers to keep their current behavior" after the Trusted launch default).
 * - `None`: New-AzGalleryImageDefinition's help (learn.microsoft.com/powershell/module/az.compute/new-azgalleryimagedefinition:
 *   "Set SecurityType to 'None' to opt out of this defaulting", Example 10); the cmdlet sends its
 *   -Feature list as given (Azure/azure-powershell GalleryImageCreateOrUpdateMethod.cs adds
 *   TrustedLaunchSupported only when no SecurityType feature is given), so Azure receives `None`.
 */
export const OPT_OUT_SECURITY_TYPES = ['Standard', 'None'] as const;
const ACCEPTED_SECURITY_TYPES = [...SECURITY_TYPES, 'None'] as const;

/** The `SecurityType` feature of a definition (Standard when absent, or the opt-out value None). */
export function securityTypeOf(definition: StoredResource): SecurityType {
  const f = (asArray(definition.properties.features) ?? []).filter(isObject).find((x) => asString(x.name)?.toLowerCase() === 'securitytype');
  return (SECURITY_TYPES.find((t) => t.toLowerCase() === asString(f?.value)?.toLowerCase()) ?? 'Standard') as SecurityType;
}

function checkIdentifier(identifier: JsonObject | undefined): JsonObject {
  const target = 'galleryImage.properties.identifier';
  if (!identifier) throw invalidParameter(`Required parameter '${target}' is missing (null).`, target);
  for (const part of ['publisher', 'offer', 'sku'] as const) {
    const v = identifier[part];
    if (!isValidIdentifierPart(part, v)) {
      throw invalidParameter(
        `Asset name ${target}.${part} is not valid. It cannot be empty. Allowed characters are uppercase or lowercase letters, digits, hyphen(-), period (.), underscore (_). Names are not allowed to end with period(.). The length of the name cannot exceed ${IDENTIFIER_LIMITS[part]} characters.`,
        `${target}.${part}`,
      );
    }
  }
  return { publisher: identifier.publisher, offer: identifier.offer, sku: identifier.sku };
}

function checkRange(recommended: JsonObject | undefined): void {
  for (const what of ['vCPUs', 'memory']) {
    const r = asObject(recommended?.[what]);
    const min = r?.min;
    const max = r?.max;
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      throw invalidParameter(`The minimum value of ${what} must not be greater than the maximum value of ${what}.`, `galleryImage.properties.recommended.${what}`);
    }
  }
}

/**
 * Feature names and values: "The value 'X' for feature 'SecurityType' is invalid. Allowed characters
 * are English alphanumerical characters with spaces and commas. The length of the value cannot
 * exceed 100 characters." (Azure's answer quoted in Azure/azure-cli#24142; the rule is Azure's for
 * every feature value).
 */
function checkFeatures(features: JsonObject[]): void {
  for (const f of features) {
    const name = asString(f.name);
    const value = asString(f.value) ?? '';
    if (!name) throw invalidParameter("Required parameter 'galleryImage.properties.features.name' is missing (null).", 'galleryImage.properties.features');
    if (!/^[A-Za-z0-9 ,]*$/.test(value) || value.length > 100) {
      throw invalidParameter(
        `The value '${value}' for feature '${name}' is invalid. Allowed characters are English alphanumerical characters with spaces and commas. The length of the value cannot exceed 100 characters.`,
        'galleryImage.properties.features',
      );
    }
  }
}

/** The features Azure lets change after creation (Azure/azure-cli#33172: DiskControllerType, SecurityType, IsAcceleratedNetwork, IsHibernate). */
const UPDATABLE_FEATURES = ['securitytype', 'diskcontrollertypes', 'isacceleratednetworksupported', 'ishibernatesupported'];

const featureKey = (f: JsonObject) => `${String(f.name ?? '').toLowerCase()}=${String(f.value ?? '').toLowerCase()}`;

/**
 * A write that changes an existing definition's features must say so with allowUpdateImage: true
 * (GalleryRP.json 2025-12-03 GalleryImageProperties.allowUpdateImage: "Must be set to true if the
 * gallery image features are being updated"), and may change only the features above. Without the
 * flag a change is refused as any other change of a fixed property is (PropertyChangeNotAllowed).
 */
function checkFeatureChange(before: Json[] | undefined, after: JsonObject[], allowed: boolean): void {
  const old = (before ?? []).filter(isObject);
  const changed = [
    ...after.filter((f) => !old.some((o) => featureKey(o) === featureKey(f))),
    ...old.filter((o) => !after.some((f) => featureKey(o) === featureKey(f))),
  ];
  if (changed.length === 0) return;
  if (!allowed) throw propertyChange('galleryImage', 'features');
  const fixed = changed.find((f) => !UPDATABLE_FEATURES.includes(String(f.name ?? '').toLowerCase()));
  if (fixed) {
    throw invalidParameter(
      `The feature '${String(fixed.name)}' cannot be updated. Only the features SecurityType, DiskControllerTypes, IsAcceleratedNetworkSupported and IsHibernateSupported can be updated.`,
      'galleryImage.properties.features',
    );
  }
}

/** `features` plus the SecurityType entry of `before` when `features` has none. */
function withKeptSecurity(features: JsonObject[], before: Json[] | undefined): JsonObject[] {
  if (features.some((f) => asString(f.name)?.toLowerCase() === 'securitytype')) return features;
  const kept = (before ?? []).filter(isObject).find((f) => asString(f.name)?.toLowerCase() === 'securitytype');
  return kept ? [...features, kept] : features;
}

const sameText = (a: Json | undefined, b: Json | undefined): boolean => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

export const imageKind: ArtifactKind = {
  type: IMAGE_TYPE,
  typeName: 'galleries/images',
  bodyName: 'galleryImage',
  template: `${galleryKind.template}/images/{galleryImageName}`,
  nameParam: 'galleryImageName',
  parent: galleryKind,
  childTypes: ['Microsoft.Compute/galleries/images/versions'],
  checkName: (name) => checkArtifactName(name, 'galleryImageName', 'gallery image'),
  prepare({ ctx, properties, parent, existing }) {
    const osType = oneOf(properties.osType, OS_TYPES, 'galleryImage.properties.osType', true)!;
    const osState = oneOf(properties.osState, OS_STATES, 'galleryImage.properties.osState', true)!;
    // "Starting with API version 2025-03-03, new Compute Gallery image definitions default to
    // hyperVGeneration set to V2" (learn.microsoft.com/azure/virtual-machines/compute-gallery-whats-new,
    // July 2025); older api-versions (az 2.45 sends 2022-03-03) keep V1. A rewrite keeps what it has.
    const defaultGeneration = existing ? asString(existing.properties.hyperVGeneration) : (ctx.query.get('api-version') ?? '') >= GENERATION_V2_SINCE ? 'V2' : 'V1';
    const hyperVGeneration = oneOf(properties.hyperVGeneration, HYPERV, 'galleryImage.properties.hyperVGeneration', false) ?? (defaultGeneration === 'V2' ? 'V2' : 'V1');
    const architecture = oneOf(properties.architecture, ['x64', 'Arm64'] as const, 'galleryImage.properties.architecture', false) ?? 'x64';
    const identifier = checkIdentifier(asObject(properties.identifier));
    checkRange(asObject(properties.recommended));
    const features = (asArray(properties.features) ?? []).filter(isObject);
    checkFeatures(features);
    const security = features.find((f) => asString(f.name)?.toLowerCase() === 'securitytype');
    if (security) {
      const value = oneOf(security.value, ACCEPTED_SECURITY_TYPES, 'galleryImage.properties.features.SecurityType', true)!;
      if (!(OPT_OUT_SECURITY_TYPES as readonly string[]).includes(value) && hyperVGeneration !== 'V2') {
        throw invalidParameter(`The feature 'SecurityType' with value '${value}' is only supported for images with hyperVGeneration 'V2'.`, 'galleryImage.properties.features');
      }
      // Confidential VMs run on x64 hardware only (AMD SEV-SNP, Intel TDX: learn.microsoft.com
      // confidential-computing "Confidential VM options"); Trusted launch supports Arm64
      // (learn.microsoft.com/azure/virtual-machines/trusted-launch), and Azure's own AKS image
      // pipeline publishes Arm64 definitions with SecurityType=TrustedLaunch (Azure/AgentBaker #8222).
      if (architecture === 'Arm64' && /confidential/i.test(value)) {
        throw invalidParameter(`The feature 'SecurityType' with value '${value}' is not supported for Arm64 images.`, 'galleryImage.properties.features');
      }
    }
    if (existing) {
      const before = existing.properties;
      if (!sameText(before.osType, osType)) throw propertyChange('galleryImage', 'osType');
      if (!sameText(before.osState, osState)) throw propertyChange('galleryImage', 'osState');
      if (!sameText(before.hyperVGeneration, hyperVGeneration)) throw propertyChange('galleryImage', 'hyperVGeneration');
      const id0 = asObject(before.identifier);
      for (const part of ['publisher', 'offer', 'sku']) if (!sameText(id0?.[part], identifier[part])) throw propertyChange('galleryImage', `identifier.${part}`);
      if (!sameText(before.endOfLifeDate, properties.endOfLifeDate)) checkFutureDate(properties.endOfLifeDate, 'galleryImage.properties.endOfLifeDate');
      for (const f of DEFINITION_LINKS) if (before[f] !== properties[f]) checkOptionalLink(properties[f], `galleryImage.properties.${f}`);
      checkFeatureChange(asArray(before.features), withKeptSecurity(features, asArray(before.features)), properties.allowUpdateImage === true);
    } else {
      checkFutureDate(properties.endOfLifeDate, 'galleryImage.properties.endOfLifeDate');
      for (const f of DEFINITION_LINKS) checkOptionalLink(properties[f], `galleryImage.properties.${f}`);
      const siblings = childrenOf(ctx.emu.state, parent!.id, IMAGE_TYPE);
      const dup = siblings.find((s) => {
        const i = asObject(s.properties.identifier);
        return sameText(i?.publisher, identifier.publisher) && sameText(i?.offer, identifier.offer) && sameText(i?.sku, identifier.sku);
      });
      if (dup) {
        throw conflict(
          'Conflict',
          `Gallery image: ${dup.name} identified by (publisher:${String(identifier.publisher)}, offer:${String(identifier.offer)}, sku:${String(identifier.sku)}) already exists. Choose a different publisher, offer, sku combination.`,
          'galleryImage.properties.identifier',
        );
      }
    }
    // allowUpdateImage is an instruction for this one request, not a property of the definition.
    const { allowUpdateImage: _once, ...kept } = properties;
    const stored: JsonObject = { ...kept, osType, osState, hyperVGeneration, architecture, identifier };
    // A rewrite that names no security type keeps the one the definition has (the default is
    // applied once, when the definition is created).
    if (existing && !security && asArray(existing.properties.features)) stored.features = withKeptSecurity(features, asArray(existing.properties.features));
    if (!existing && !security && hyperVGeneration === 'V2') {
      // Trusted launch as default: a new Generation 2 definition created without a SecurityType
      // feature is TrustedLaunchSupported ("Set security type as 'TrustedLaunchSupported' by default
      // for new Gen2 ACG image definitions", Microsoft's Trusted launch as default announcement,
      // techcommunity.microsoft.com, 2025-05-29; Azure's clients apply the same default:
      // Azure/azure-cli vm/custom.py create_gallery_image, Azure/azure-powershell
      // GalleryImageCreateOrUpdateMethod.cs, PR #24869). A client opts out by sending the feature
      // with the value Standard or None (OPT_OUT_SECURITY_TYPES), which is stored as sent. Arm64 Generation 2 too (Trusted launch
      // supports it); Generation 1 has no Trusted launch.
      stored.features = [...features, { name: 'SecurityType', value: 'TrustedLaunchSupported' }];
    }
    return stored;
  },
  beforeDelete(ctx, resource) {
    refuseWhileSoftDeleted(ctx, resource, 'gallery image');
  },
  render(_ctx, r) {
    const { provisioningState: _drop, ...rest } = r.properties;
    return envelope(r, { ...rest, provisioningState: r.provisioningState });
  },
};

/** The api-version from which a definition sent without hyperVGeneration is V2 (see prepare). */
const GENERATION_V2_SINCE = '2025-03-03';

export function registerImages(emu: Emulator): void {
  registerArtifact(emu, imageKind, `${galleryKind.template}/images`, 'Microsoft.Compute/galleries/images');
}
