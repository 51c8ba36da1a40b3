// The steps every definition needs: gallery → name → OS type → OS state → generation →
// publisher / offer / SKU (unique as a triple) → architecture → security type.
import {
  ARCHITECTURES,
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
import { GalleryNode } from '../../tree/nodes/galleryNode';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { inputStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { Clashes, State } from './types';

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
      const galleries = (await explorer.provider.getChildren(sub)).filter((n): n is GalleryNode => n instanceof GalleryNode);
      if (galleries.length === 0) continue;
      entries.push({ separator: sub.subscription.name });
      for (const g of galleries) entries.push({ label: g.gallery.name, description: `${g.gallery.resourceGroup} · ${g.gallery.location}`, value: g });
    }
    if (entries.length === 0) throw new Error('There is no gallery yet: create one first (Azure Compute Gallery: Create Gallery…).');
    return entries;
  };
}

/** Gallery, name, OS type, OS state and VM generation. */
function identitySteps(explorer: Explorer, subscriptions: SubscriptionNode[], clashes: Clashes, ask: (key: keyof State) => boolean): Step<State>[] {
  const { nameTaken } = clashes;
  return [
    pickStep<State, GalleryNode>({
      title: 'Gallery',
      placeholder: 'The gallery for the new definition (it gets the gallery\'s region)',
      when: () => ask('gallery'),
      items: galleryItems(explorer, subscriptions),
      get: (s) => s.gallery,
      same: (a, b) => a.resourceId.toLowerCase() === b.resourceId.toLowerCase(),
      set: (s, g) => {
        s.gallery = g;
      },
    }),
    inputStep<State>({
      title: 'Name',
      prompt: 'Image definition name: letters, digits, underscores, hyphens and periods; up to 80; starts and ends with a letter or digit; unique in the gallery',
      placeholder: 'e.g. ubuntu-22.04-lts',
      when: () => ask('name'),
      get: (s) => s.name,
      set: (s, v) => (s.name = v),
      validate: validateImageDefinitionName,
      validateAsync: (v, s) => nameTaken(s, v),
    }),
    pickStep<State, OsType>({
      title: 'OS type',
      placeholder: 'The operating system of the images',
      when: () => ask('osType'),
      items: () => OS_TYPES.map((t) => ({ label: OS_LABELS[t], value: t })),
      get: (s) => s.osType,
      set: (s, v) => {
        s.osType = v;
      },
    }),
    pickStep<State, OsState>({
      title: 'OS state',
      placeholder: 'Were the images generalized before capture?',
      when: () => ask('osState'),
      items: () => OS_STATES.map((t) => ({ label: t, detail: STATE_DETAILS[t], value: t })),
      get: (s) => s.osState,
      set: (s, v) => {
        s.osState = v;
      },
    }),
    pickStep<State, HyperVGeneration>({
      title: 'VM generation',
      placeholder: 'The Hyper-V generation of the VMs the images boot',
      when: () => ask('hyperVGeneration'),
      items: () => (['V2', 'V1'] as const).map((g) => ({ label: g, detail: GENERATION_DETAILS[g], value: g })),
      get: (s) => s.hyperVGeneration,
      suggest: () => 'V2',
      set: (s, v) => {
        s.hyperVGeneration = v;
      },
    }),
  ];
}

/** Publisher, offer, SKU, architecture and security type. */
function productSteps(clashes: Clashes, ask: (key: keyof State) => boolean): Step<State>[] {
  const { tripleTaken } = clashes;
  return [
    inputStep<State>({
      title: 'Publisher',
      prompt: 'Publisher: letters, digits, hyphens, periods and underscores; up to 128; not ending in a period',
      placeholder: 'e.g. Contoso',
      when: () => ask('publisher'),
      get: (s) => s.publisher,
      set: (s, v) => (s.publisher = v),
      validate: validatePublisher,
    }),
    inputStep<State>({
      title: 'Offer',
      prompt: 'Offer: letters, digits, hyphens, periods and underscores; up to 64; not ending in a period',
      placeholder: 'e.g. UbuntuServer',
      when: () => ask('offer'),
      get: (s) => s.offer,
      set: (s, v) => (s.offer = v),
      validate: validateOffer,
    }),
    inputStep<State>({
      title: 'SKU',
      prompt: 'SKU: letters, digits, hyphens, periods and underscores; up to 64; publisher, offer and SKU together must be unique in the gallery',
      placeholder: 'e.g. 22_04-lts-gen2',
      when: () => ask('sku'),
      get: (s) => s.sku,
      set: (s, v) => (s.sku = v),
      validate: validateSku,
      validateAsync: (v, s) => tripleTaken(s, v),
    }),
    pickStep<State, Architecture>({
      title: 'Architecture',
      placeholder: 'The CPU architecture of the images',
      when: () => ask('architecture'),
      items: (s) =>
        ARCHITECTURES.map((a) => ({
          label: a,
          detail: a === 'x64' ? 'Intel and AMD processors' : 'Arm-based processors (Generation 2 only)',
          value: a,
          refusal: validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', architecture: a }),
        })),
      get: (s) => s.architecture,
      suggest: () => 'x64',
      set: (s, v) => {
        s.architecture = v;
      },
    }),
    pickStep<State, SecurityType>({
      title: 'Security type',
      placeholder: (s) =>
        (s.hyperVGeneration ?? 'V2') === 'V2'
          ? 'Which VM security features the images support (the choice is sent as it is: left out, Azure makes a Generation 2 definition Trusted launch supported)'
          : 'Which VM security features the images support (Generation 1: Standard)',
      when: () => ask('securityType'),
      items: (s) =>
        SECURITY_TYPES.map((t) => {
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
        }),
      get: (s) => s.securityType,
      suggest: (s) => azureDefaultSecurityType(s.hyperVGeneration ?? 'V2', s.architecture ?? 'x64'),
      set: (s, v) => {
        s.securityType = v;
      },
    }),
  ];
}

export function basicSteps(explorer: Explorer, subscriptions: SubscriptionNode[], clashes: Clashes, ask: (key: keyof State) => boolean): Step<State>[] {
  return [...identitySteps(explorer, subscriptions, clashes, ask), ...productSteps(clashes, ask)];
}
