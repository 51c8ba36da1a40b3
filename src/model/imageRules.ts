// What an image definition can be, and whether a source (VM, managed image, snapshot, disk,
// another gallery version) fits a definition. Azure checks these at PUT time after minutes of
// waiting; checking first saves the round trip and gives a readable reason.
//
// Sources:
// - GalleryRP.json 2025-12-03 enums: osType Windows | Linux; osState Generalized | Specialized;
//   hyperVGeneration V1 | V2; architecture x64 | Arm64.
// - Security type is a feature, {name: "SecurityType", value}. Values accepted for gallery image
//   definitions (learn.microsoft.com "Trusted launch", "Confidential VMs", the Azure Verified
//   Modules gallery module's allowed list): Standard, TrustedLaunchSupported, TrustedLaunch,
//   ConfidentialVmSupported, ConfidentialVM, TrustedLaunchAndConfidentialVmSupported. Every value
//   but Standard needs a Generation 2 (V2) definition. Azure compares the values
//   case-insensitively ("ConfidentialVMSupported" appears too), so parsing does as well.
// - Arm64 images must be Generation 2 ("Arm64 VMs support only Gen2 images").
// - A Trusted launch source can only go into a definition that supports Trusted launch, and a
//   confidential source only into one that supports confidential VMs ("Create an image
//   definition and an image version": security type of the source and the definition must
//   match).
// - A VM model has no hyperVGeneration: a VM's generation is its OS managed disk's
//   (Microsoft.Compute/disks properties.hyperVGeneration, the disk named by the VM's
//   storageProfile.osDisk.managedDisk.id); the VM instance view has it too, at a request per VM.

export const OS_TYPES = ['Windows', 'Linux'] as const;
export type OsType = (typeof OS_TYPES)[number];
export const OS_STATES = ['Generalized', 'Specialized'] as const;
export type OsState = (typeof OS_STATES)[number];
export const HYPERV_GENERATIONS = ['V1', 'V2'] as const;
export type HyperVGeneration = (typeof HYPERV_GENERATIONS)[number];
export const ARCHITECTURES = ['x64', 'Arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];
export const SECURITY_TYPES = [
  'Standard',
  'TrustedLaunchSupported',
  'TrustedLaunch',
  'ConfidentialVmSupported',
  'ConfidentialVM',
  'TrustedLaunchAndConfidentialVmSupported',
] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

export const SECURITY_TYPE_FEATURE = 'SecurityType';

function pick<T extends string>(values: readonly T[], text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

export const parseOsType = (text: string | undefined): OsType | undefined => pick(OS_TYPES, text);
export const parseOsState = (text: string | undefined): OsState | undefined => pick(OS_STATES, text);
export const parseHyperVGeneration = (text: string | undefined): HyperVGeneration | undefined => pick(HYPERV_GENERATIONS, text);
export const parseArchitecture = (text: string | undefined): Architecture | undefined => pick(ARCHITECTURES, text);
export const parseSecurityType = (text: string | undefined): SecurityType | undefined => pick(SECURITY_TYPES, text);

const SECURITY_LABELS: Record<SecurityType, string> = {
  Standard: 'Standard',
  TrustedLaunchSupported: 'Trusted launch supported',
  TrustedLaunch: 'Trusted launch',
  ConfidentialVmSupported: 'Confidential VM supported',
  ConfidentialVM: 'Confidential VM',
  TrustedLaunchAndConfidentialVmSupported: 'Trusted launch and confidential VM supported',
};

export function describeSecurityType(type: SecurityType): string {
  return SECURITY_LABELS[type];
}

/** True for every security type that needs a Generation 2 (V2) definition. */
export function securityTypeNeedsGen2(type: SecurityType): boolean {
  return type !== 'Standard';
}

/** Definitions of these types accept a Trusted launch source. */
export function acceptsTrustedLaunchSource(type: SecurityType): boolean {
  return type === 'TrustedLaunch' || type === 'TrustedLaunchSupported' || type === 'TrustedLaunchAndConfidentialVmSupported';
}

/** Definitions of these types accept a confidential VM source. */
export function acceptsConfidentialSource(type: SecurityType): boolean {
  return type === 'ConfidentialVM' || type === 'ConfidentialVmSupported' || type === 'TrustedLaunchAndConfidentialVmSupported';
}

/**
 * The security type in a definition's `features`; Standard when the feature is absent (a
 * definition created before Azure's Trusted launch default, or a Generation 1 one, has none).
 */
export function securityTypeFromFeatures(features: readonly { name?: string; value?: string }[] | undefined): SecurityType {
  const feature = features?.find((f) => f.name?.toLowerCase() === SECURITY_TYPE_FEATURE.toLowerCase());
  return parseSecurityType(feature?.value) ?? 'Standard';
}

/**
 * What Azure makes a new definition's security type when the request names none. Since Trusted
 * launch became the default, a Generation 2 definition created without a SecurityType feature is
 * TrustedLaunchSupported ("Set security type as 'TrustedLaunchSupported' by default for new Gen2
 * ACG image definitions", Microsoft's Trusted launch as default announcement, 2025-05-29; the same
 * default that `az sig image-definition create` and `New-AzGalleryImageDefinition` apply on the
 * client: Azure/azure-cli custom.py create_gallery_image, Azure/azure-powershell
 * GalleryImageCreateOrUpdateMethod.cs). Generation 1 has no Trusted launch, so it stays Standard.
 * The architecture does not matter: Trusted launch supports Arm64 (learn.microsoft.com "Trusted
 * launch"), and Azure's own AKS pipeline publishes Arm64 definitions with it (Azure/AgentBaker #8222).
 */
export function azureDefaultSecurityType(generation: HyperVGeneration, _architecture: Architecture = 'x64'): SecurityType {
  return generation === 'V2' ? 'TrustedLaunchSupported' : 'Standard';
}

/**
 * The SecurityType feature to send for a choice. Every choice is sent, Standard included: with the
 * default above, leaving the feature out no longer means Standard on Generation 2. Explicit
 * "Standard" is the value Azure itself names for opting out of the Trusted launch default
 * (learn.microsoft.com/azure/virtual-machines/trusted-launch, "Trusted Launch as default": "explicitly
 * bypass default ... by setting `Standard`"; azure-cli's COMPATIBLE_SECURITY_TYPE_VALUE = 'Standard').
 * PowerShell's help names `None` for the same opt-out (New-AzGalleryImageDefinition: "Set
 * SecurityType to 'None' to opt out of this defaulting"), and the cmdlet sends it as given, so a
 * definition may hold `None`: it reads as Standard (securityTypeFromFeatures), and Azure takes
 * both. This extension keeps sending Standard, the value Azure's Trusted launch doc and the CLI use.
 */
export function securityTypeFeature(type: SecurityType): { name: string; value: string } {
  return { name: SECURITY_TYPE_FEATURE, value: type };
}

/**
 * `features` with the security type set: the SecurityType entry replaced where it stands (kept as it
 * is, startsAtVersion included, when the value is already that), or added at the end; Standard too,
 * explicitly; every other feature kept.
 */
export function featuresWithSecurityType<F extends { name?: string; value?: string }>(features: readonly F[] | undefined, type: SecurityType): (F | { name: string; value: string })[] {
  const isSecurity = (f: F) => f.name?.toLowerCase() === SECURITY_TYPE_FEATURE.toLowerCase();
  const list = [...(features ?? [])];
  const at = list.findIndex(isSecurity);
  if (at < 0) return [...list, securityTypeFeature(type)];
  const kept = list[at].value?.toLowerCase() === type.toLowerCase() ? list[at] : securityTypeFeature(type);
  return [...list.slice(0, at).filter((f) => !isSecurity(f)), kept, ...list.slice(at + 1).filter((f) => !isSecurity(f))];
}

/** The choices that define an image definition's shape. */
export interface DefinitionShape {
  osType: OsType;
  osState: OsState;
  hyperVGeneration?: HyperVGeneration;
  architecture?: Architecture;
  securityType?: SecurityType;
}

/** Refuses combinations Azure refuses: Arm64 or any non-Standard security type on Generation 1. */
export function validateDefinitionShape(shape: Omit<DefinitionShape, 'osType' | 'osState'>): string | undefined {
  // The extension always sends a generation; a shape without one is checked as Generation 1, the
  // strictest (Azure's own default is V2 from api-version 2025-03-03, V1 before).
  const generation = shape.hyperVGeneration ?? 'V1';
  if (generation === 'V1' && shape.architecture === 'Arm64') {
    return 'Choose Generation 2 (V2): Arm64 images are Generation 2 only.';
  }
  if (generation === 'V1' && shape.securityType !== undefined && securityTypeNeedsGen2(shape.securityType)) {
    return `Choose Generation 2 (V2) for ${describeSecurityType(shape.securityType)}, or security type Standard for Generation 1.`;
  }
  return undefined;
}

/** The security types allowed for a generation, for a quick pick. */
export function securityTypesFor(generation: HyperVGeneration): SecurityType[] {
  return SECURITY_TYPES.filter((t) => generation === 'V2' || !securityTypeNeedsGen2(t));
}

/** What is known about a source; anything unknown is not checked. */
export interface SourceShape {
  osType?: OsType;
  osState?: OsState;
  hyperVGeneration?: HyperVGeneration;
  architecture?: Architecture;
  /** TrustedLaunch or ConfidentialVM for a VM/disk with that security profile; Standard otherwise. */
  securityType?: SecurityType;
}

/**
 * Whether a source can become a version of a definition: undefined when it fits, otherwise every
 * mismatch as sentences, e.g. "OS type Linux does not match the definition's Windows."
 */
export function sourceFitsDefinition(source: SourceShape, definition: DefinitionShape): string | undefined {
  const reasons: string[] = [];
  if (source.osType && source.osType !== definition.osType) {
    reasons.push(`OS type ${source.osType} does not match the definition's ${definition.osType}.`);
  }
  if (source.osState && source.osState !== definition.osState) {
    reasons.push(`The source is ${source.osState.toLowerCase()} but the definition is for ${definition.osState.toLowerCase()} images.`);
  }
  const definitionGeneration = definition.hyperVGeneration ?? 'V1';
  if (source.hyperVGeneration && source.hyperVGeneration !== definitionGeneration) {
    reasons.push(`Generation ${source.hyperVGeneration} does not match the definition's ${definitionGeneration}.`);
  }
  const definitionArchitecture = definition.architecture ?? 'x64';
  if (source.architecture && source.architecture !== definitionArchitecture) {
    reasons.push(`Architecture ${source.architecture} does not match the definition's ${definitionArchitecture}.`);
  }
  const definitionSecurity = definition.securityType ?? 'Standard';
  if (source.securityType === 'TrustedLaunch' && !acceptsTrustedLaunchSource(definitionSecurity)) {
    reasons.push(`A Trusted launch source needs a definition that supports Trusted launch; this one is ${describeSecurityType(definitionSecurity)}.`);
  }
  // A confidential VM definition holds confidential images only; the Supported kinds take a Standard
  // source as well (the local Azure's versions.ts applies the same rule).
  if (source.securityType === 'Standard' && definitionSecurity === 'ConfidentialVM') {
    reasons.push('A confidential VM definition takes confidential VM sources only; this source is Standard.');
  }
  if (source.securityType === 'ConfidentialVM' && !acceptsConfidentialSource(definitionSecurity)) {
    reasons.push(`A confidential VM source needs a definition that supports confidential VMs; this one is ${describeSecurityType(definitionSecurity)}.`);
  }
  return reasons.length > 0 ? reasons.join(' ') : undefined;
}

/** A VM's generation as the listed disks tell it: known, or unknown with the reason (a sentence). */
export type VmGeneration = { generation: HyperVGeneration; unknown?: undefined } | { generation?: undefined; unknown: string };

const AZURE_DECIDES = 'Azure checks it against the definition when the version is created.';

/**
 * A lookup of VMs' generations from the managed disks listed. A VM model carries no generation; it
 * is the `hyperVGeneration` of the VM's OS managed disk, which the VM names in
 * `storageProfile.osDisk.managedDisk.id` (ARM ids compare case-insensitively). Never guessed: when
 * the VM has no managed OS disk, its disk is not among those listed (it may be in a resource group
 * the caller cannot read), or the disk states no generation, the answer is unknown, with why.
 */
export function vmGenerationsFromDisks(disks: Iterable<{ id?: string; hyperVGeneration?: string }>): (osDiskId: string | undefined) => VmGeneration {
  const byId = new Map<string, HyperVGeneration | undefined>();
  for (const d of disks) if (d.id) byId.set(d.id.toLowerCase(), parseHyperVGeneration(d.hyperVGeneration));
  return (osDiskId) => {
    if (!osDiskId) return { unknown: `Generation unknown: the VM has no managed OS disk to read it from. ${AZURE_DECIDES}` };
    const key = osDiskId.toLowerCase();
    if (!byId.has(key)) return { unknown: `Generation unknown: the VM's OS disk is not among the disks listed (it may be in a resource group you cannot read). ${AZURE_DECIDES}` };
    const generation = byId.get(key);
    return generation ? { generation } : { unknown: `Generation unknown: the VM's OS disk does not state one (disks made before Generation 2 existed do not). ${AZURE_DECIDES}` };
  };
}
