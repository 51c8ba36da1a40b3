// The steps every definition needs: gallery → name → OS type → OS state → generation →
// publisher / offer / SKU (unique as a triple) → architecture → security type.
import {
  ARCHITECTURES,
  HYPERV_GENERATIONS,
  OS_STATES,
  OS_TYPES,
  SECURITY_TYPES,
  azureDefaultSecurityType,
  describeSecurityType,
  validateDefinitionShape,
  type Architecture,
  type HyperVGeneration,
  type OsState,
  type OsType,
  type SecurityType,
} from '../../model/imageRules';
import { validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../../model/names';
import type { Explorer } from '../../tree/explorer';
import { nodeOf } from '../../tree/capabilities';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import type { Answer } from '../../ui/answers';
import { inputAnswer, pickAnswer, resourceAnswer } from '../../ui/commonAnswers';
import type { PickEntry } from '../../ui/wizard';
import type { Clashes, CreateImageDefinitionOptions, State } from './types';

type DefinitionAnswer = Answer<State, CreateImageDefinitionOptions>;

/** An answer given up front must be one of the values the list offers, spelled as Azure spells it. */
const oneOf = <T extends string>(values: readonly T[]) => ({ values, hint: `Use one of ${values.join(', ')}.` });

/** The generation, architecture and security type together, as Azure accepts them. */
const shapeOf = (s: State) => validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', architecture: s.architecture, securityType: s.securityType });

/** "Trusted launch supported (Azure's default …)" when nothing was chosen, else the choice. */
function securityLine(s: State): string {
  const type = s.securityType ?? azureDefaultSecurityType(s.hyperVGeneration ?? 'V2', s.architecture ?? 'x64');
  return s.securityType === undefined ? `${describeSecurityType(type)} (Azure's default for this generation and architecture)` : describeSecurityType(type);
}


const OS_LABELS: Record<OsType, string> = { Linux: '$(terminal-linux) Linux', Windows: '$(window) Windows' };
const STATE_DETAILS: Record<OsState, string> = {
  Generalized: 'Prepared with sysprep or waagent -deprovision: each VM gets its own name, users and settings',
  Specialized: 'Copied as it is: VMs keep the machine name, users and settings of the source',
};
const GENERATION_DETAILS: Record<HyperVGeneration, string> = {
  V2: 'Generation 2 (recommended): UEFI boot; needed for Trusted launch, confidential VMs and Arm64',
  V1: 'Generation 1: BIOS boot, for older images',
};

function galleryItems(explorer: Explorer, subscriptions: SubscriptionNode[]): () => Promise<PickEntry<GalleryNode>[]> {
  return async () => {
    const entries: PickEntry<GalleryNode>[] = [];
    for (const sub of subscriptions) {
      const galleries = (await explorer.provider.getChildren(sub)).filter(nodeOf('gallery'));
      if (galleries.length === 0) continue;
      entries.push({ separator: sub.subscription.name });
      for (const g of galleries) entries.push({ label: g.gallery.name, description: `${g.gallery.resourceGroup} · ${g.gallery.location}`, value: g });
    }
    if (entries.length === 0) throw new Error('There is no gallery yet: create one first (Azure Compute Gallery: Create Gallery…).');
    return entries;
  };
}

/** Gallery, name, OS type, OS state and VM generation. */
function identityAnswers(explorer: Explorer, subscriptions: SubscriptionNode[], clashes: Clashes, galleryOf: (id: string) => Promise<GalleryNode | undefined>): DefinitionAnswer[] {
  const { nameTaken } = clashes;
  return [
    resourceAnswer<State, CreateImageDefinitionOptions, GalleryNode>({
      key: 'gallery',
      label: 'Gallery',
      required: true,
      idOption: 'gallery',
      find: galleryOf,
      summary: (s) => `${s.gallery?.gallery.name} (${s.gallery?.gallery.location}, the definition's region)`,
      placeholder: "The gallery for the new definition (it gets the gallery's region)",
      items: galleryItems(explorer, subscriptions),
    }),
    inputAnswer<State, CreateImageDefinitionOptions>({
      key: 'name',
      label: 'Name',
      required: true,
      prompt: 'Image definition name: letters, digits, underscores, hyphens and periods; up to 80; starts and ends with a letter or digit; unique in the gallery',
      placeholder: 'e.g. ubuntu-22.04-lts',
      validate: validateImageDefinitionName,
      validateAsync: (v, s) => nameTaken(s, v),
    }),
    pickAnswer<State, CreateImageDefinitionOptions, OsType>({
      key: 'osType',
      label: 'OS type',
      required: true,
      allowed: oneOf(OS_TYPES),
      summary: (s) => ({ label: 'OS', value: `${s.osType} · ${s.osState}` }),
      placeholder: 'The operating system of the images',
      items: () => OS_TYPES.map((t) => ({ label: OS_LABELS[t], value: t })),
    }),
    pickAnswer<State, CreateImageDefinitionOptions, OsState>({
      key: 'osState',
      label: 'OS state',
      required: true,
      allowed: oneOf(OS_STATES),
      summary: () => undefined,
      placeholder: 'Were the images generalized before capture?',
      items: () => OS_STATES.map((t) => ({ label: t, detail: STATE_DETAILS[t], value: t })),
    }),
    pickAnswer<State, CreateImageDefinitionOptions, HyperVGeneration>({
      key: 'hyperVGeneration',
      label: 'VM generation',
      allowed: oneOf(HYPERV_GENERATIONS),
      summary: (s) => s.hyperVGeneration ?? 'V2',
      placeholder: 'The Hyper-V generation of the VMs the images boot',
      items: () => (['V2', 'V1'] as const).map((g) => ({ label: g, detail: GENERATION_DETAILS[g], value: g })),
      suggest: () => 'V2',
    }),
  ];
}

/** Publisher, offer and SKU: unique together in the gallery (checked at the SKU). */
const TRIPLE = [
  { key: 'publisher', label: 'Publisher', prompt: 'Publisher: letters, digits, hyphens, periods and underscores; up to 128; not ending in a period', placeholder: 'e.g. Contoso', validate: validatePublisher },
  { key: 'offer', label: 'Offer', prompt: 'Offer: letters, digits, hyphens, periods and underscores; up to 64; not ending in a period', placeholder: 'e.g. UbuntuServer', validate: validateOffer },
  {
    key: 'sku',
    label: 'SKU',
    prompt: 'SKU: letters, digits, hyphens, periods and underscores; up to 64; publisher, offer and SKU together must be unique in the gallery',
    placeholder: 'e.g. 22_04-lts-gen2',
    validate: validateSku,
  },
] as const;

/** Publisher, offer, SKU, architecture and security type. */
function productAnswers(clashes: Clashes): DefinitionAnswer[] {
  const { tripleTaken } = clashes;
  return [
    ...TRIPLE.map((part) =>
      inputAnswer<State, CreateImageDefinitionOptions>({
        ...part,
        required: true,
        // One line for the three, at the publisher.
        summary: (s) => (part.key === 'publisher' ? { label: 'Publisher / offer / SKU', value: `${s.publisher} / ${s.offer} / ${s.sku}` } : undefined),
        validateAsync: part.key === 'sku' ? (v, s) => tripleTaken(s, v) : undefined,
      }),
    ),
    pickAnswer<State, CreateImageDefinitionOptions, Architecture>({
      key: 'architecture',
      label: 'Architecture',
      allowed: oneOf(ARCHITECTURES),
      // Given with a security type, a shape Azure refuses is the security type's problem.
      check: (s) => (ARCHITECTURES.includes(s.architecture!) ? (s.securityType === undefined ? shapeOf(s) : undefined) : oneOf(ARCHITECTURES).hint),
      summary: (s) => s.architecture ?? 'x64',
      placeholder: 'The CPU architecture of the images',
      items: (s) =>
        ARCHITECTURES.map((a) => ({
          label: a,
          detail: a === 'x64' ? 'Intel and AMD processors' : 'Arm-based processors (Generation 2 only)',
          value: a,
          refusal: validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', architecture: a }),
        })),
      suggest: () => 'x64',
    }),
    pickAnswer<State, CreateImageDefinitionOptions, SecurityType>({
      key: 'securityType',
      label: 'Security type',
      check: (s) => (SECURITY_TYPES.includes(s.securityType!) ? shapeOf(s) : oneOf(SECURITY_TYPES).hint),
      summary: securityLine,
      placeholder: (s) =>
        (s.hyperVGeneration ?? 'V2') === 'V2'
          ? 'Which VM security features the images support (the choice is sent as it is: left out, Azure makes a Generation 2 definition Trusted launch supported)'
          : 'Which VM security features the images support (Generation 1: Standard)',
      items: securityItems,
      suggest: (s) => azureDefaultSecurityType(s.hyperVGeneration ?? 'V2', s.architecture ?? 'x64'),
    }),
  ];
}

function securityItems(s: State): PickEntry<SecurityType>[] {
  return SECURITY_TYPES.map((t) => {
    const refusal = validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', securityType: t });
    return {
      label: describeSecurityType(t),
      description: t === 'TrustedLaunchSupported' && !refusal ? `${t} · recommended` : t,
      detail: refusal
        ? `$(circle-slash) Needs Generation 2 (V2)`
        : t === 'Standard' && (s.hyperVGeneration ?? 'V2') === 'V2'
          ? 'No Trusted launch: sent explicitly, because Azure makes Generation 2 definitions Trusted launch supported by default'
          : t === 'TrustedLaunchSupported'
            ? "Azure's default for Generation 2: VMs may use Trusted launch or not"
            : undefined,
      value: t,
      refusal,
    };
  });
}

export function basicAnswers(explorer: Explorer, subscriptions: SubscriptionNode[], clashes: Clashes, galleryOf: (id: string) => Promise<GalleryNode | undefined>): DefinitionAnswer[] {
  return [...identityAnswers(explorer, subscriptions, clashes, galleryOf), ...productAnswers(clashes)];
}
