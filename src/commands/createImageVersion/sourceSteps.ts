// The source step: the subscription's images, VMs, OS disks and snapshots and gallery versions
// (misfits shown with the reason), plus a version of a community or directly-shared gallery (from
// what the tree's "Shared with me" and "Community" list, or pasted) and a VHD in a storage account.
import type { VersionSource } from '../../azure/writeTypes';
import { describeSecurityType, parseArchitecture, parseHyperVGeneration, parseOsState, parseOsType, sourceFitsDefinition } from '../../model/imageRules';
import { normalizeRegionName } from '../../model/replication';
import { dataDisksAllowedWith, parseGalleryVersionReference, validateGalleryVersionReference } from '../../model/versionContent';
import type { Explorer } from '../../tree/explorer';
import { holdsIds, nodeOf } from '../../tree/capabilities';
import type { ExternalGalleryNode, ExternalImageNode, ExternalVersionNode } from '../../tree/nodes/sharedNodes';
import { CANCEL, isNavigation, type Navigation, type PickEntry, type Prompter, type Step, type StepHeader } from '../../ui/wizard';
import { regionsText } from '../../model/rowWords';
import { KIND_SINGULAR } from './summary';
import { definitionShape, KIND_HEADINGS, type Lookups, type State } from './types';
import { vhdPrompt } from './vhdPrompt';

const KIND_ICONS: Record<VersionSource['kind'], string> = {
  image: 'file-media',
  virtualMachine: 'vm',
  snapshot: 'device-camera',
  disk: 'database',
  galleryImageVersion: 'versions',
  communityGalleryImageVersion: 'globe',
  sharedGalleryImageVersion: 'organization',
  vhd: 'file-binary',
};

type SourceAnswer = VersionSource | 'external' | 'vhd';

/** What is known of a source's shape, and why its generation is not, where it is not (Azure decides). */
function describeSource(s: VersionSource): string {
  const parts = [s.osType, s.osState, s.hyperVGeneration, s.architecture, s.securityType && s.securityType !== 'Standard' ? describeSecurityType(s.securityType) : undefined];
  const disks = s.dataDisks?.length ? `${s.dataDisks.length} data disk${s.dataDisks.length === 1 ? '' : 's'}` : undefined;
  return [...parts, disks, s.generationUnknown].filter(Boolean).join(' · ');
}

export function misfit(s: State, source: VersionSource): string | undefined {
  return s.definition ? sourceFitsDefinition(source, definitionShape(s.definition.image)) : undefined;
}

/** Sends to a sub-prompt the header of the step it belongs to, with what it asks. */
const sub = (header: StepHeader, what: string): StepHeader => ({ ...header, title: `${header.title} — ${what}`, canGoBack: true });

/** The sources that fit the definition, by kind; then those that do not, each with its reason. */
function sourceItems(s: State, sources: readonly VersionSource[]): { entries: PickEntry<SourceAnswer>[]; firstFit?: VersionSource } {
  const entries: PickEntry<SourceAnswer>[] = [];
  const fits = sources.filter((source) => !misfit(s, source));
  const misfits = sources.filter((source) => misfit(s, source));
  let heading: VersionSource['kind'] | undefined;
  for (const source of fits) {
    if (source.kind !== heading) {
      heading = source.kind;
      entries.push({ separator: KIND_HEADINGS[source.kind] });
    }
    entries.push({ label: `$(${KIND_ICONS[source.kind]}) ${source.name}`, description: `${source.location} · ${source.parentName ?? source.resourceGroup}`, detail: describeSource(source) || undefined, value: source });
  }
  if (misfits.length > 0) entries.push({ separator: `Do not fit ${s.definition!.image.name}` });
  for (const source of misfits) {
    const reason = misfit(s, source)!;
    entries.push({
      label: `$(${KIND_ICONS[source.kind]}) ${source.name}`,
      description: `${KIND_SINGULAR[source.kind]} · ${source.location} · ${source.parentName ?? source.resourceGroup}`,
      detail: `$(circle-slash) Does not fit: ${reason}`,
      value: source,
      refusal: `${source.name} does not fit ${s.definition!.image.name}: ${reason} Pick another source, or use a definition that matches it.`,
    });
  }
  return { entries, firstFit: fits[0] };
}

export function sourceStep(explorer: Explorer, lookups: Lookups): Step<State> {
  const items = async (s: State): Promise<{ entries: PickEntry<SourceAnswer>[]; firstFit?: VersionSource }> => {
    const { entries, firstFit } = sourceItems(s, await lookups.sources(s.definition!));
    entries.push(
      { separator: 'Elsewhere' },
      { label: '$(globe) A community or shared gallery version…', detail: 'From "Shared with me" and "Community" in the tree, or paste its id', value: 'external' },
      { label: '$(file-binary) A VHD in a storage account…', detail: 'Pick the storage account, then paste the blob URL', value: 'vhd' },
    );
    return { entries, firstFit };
  };
  return {
    title: 'Source',
    async ask(s, prompter, header) {
      for (;;) {
        const listed = await items(s);
        // Opens on the previous answer, or on the first source that fits: never on a misfit.
        const focus = s.source ?? listed.firstFit;
        const answer = await prompter.pick<SourceAnswer>({
          ...header,
          placeholder: 'The source of the image: those that fit first, then those that do not, saying why',
          items: listed.entries,
          selected: focus ? [focus] : [],
          same: (a, b) => typeof a !== 'string' && typeof b !== 'string' && a.id.toLowerCase() === b.id.toLowerCase(),
        });
        if (isNavigation(answer)) return answer;
        const chosen = answer === 'external' ? await externalVersion(explorer, lookups, s, prompter, header) : answer === 'vhd' ? await vhdSource(lookups, s, prompter, header) : answer;
        if (chosen === CANCEL) return CANCEL;
        if (isNavigation(chosen)) continue;
        setSource(s, chosen);
        return undefined;
      }
    },
  };
}

/** A new source moves the source region to the front of the target regions; data disks stay only where allowed. */
function setSource(s: State, source: VersionSource): void {
  const before = s.source ? normalizeRegionName(s.source.location) : undefined;
  const now = normalizeRegionName(source.location);
  if (s.regions && before !== now) s.regions = [now, ...s.regions.filter((r) => r !== before && r !== now)];
  s.source = source;
  if (!dataDisksAllowedWith(source.kind)) s.dataDisks = undefined;
}

/** Galleries under the tree's "Shared with me" and "Community", then an image, then a version; or a pasted id. */
async function externalVersion(explorer: Explorer, lookups: Lookups, s: State, prompter: Prompter, header: StepHeader): Promise<VersionSource | Navigation> {
  const galleries = async (): Promise<PickEntry<ExternalGalleryNode | 'paste'>[]> => {
    const roots = await explorer.provider.getChildren(undefined);
    const found: ExternalGalleryNode[] = [];
    for (const root of roots.filter(holdsIds)) {
      found.push(...(await explorer.provider.getChildren(root)).filter(nodeOf('sharedGallery', 'communityGallery')));
    }
    return [
      { label: '$(clippy) Paste a version id…', detail: '/CommunityGalleries/{public name}/Images/{image}/Versions/{version} or /SharedGalleries/…', value: 'paste' },
      // By the gallery's name, as the "Shared with me" rows show it (not its unique name, which starts with a subscription id).
      ...found.map((g) => ({ label: `$(${g.source === 'shared' ? 'organization' : 'globe'}) ${g.displayName}`, description: `${g.source === 'shared' ? 'shared with you' : 'community'} · ${regionsText(g.reach?.regions ?? [g.gallery.location])}`, detail: g.source === 'shared' ? `Unique name ${g.gallery.name}` : undefined, value: g })),
    ];
  };
  for (;;) {
    const gallery = await prompter.pick<ExternalGalleryNode | 'paste'>({ ...sub(header, 'gallery'), placeholder: 'The gallery the version is in', items: galleries() });
    if (isNavigation(gallery)) return gallery;
    const picked = gallery === 'paste' ? await pastedVersion(lookups, s, prompter, header) : await versionOf(gallery, s, prompter, header, explorer);
    if (picked === CANCEL) return CANCEL;
    if (!isNavigation(picked)) return picked;
  }
}

async function versionOf(gallery: ExternalGalleryNode, s: State, prompter: Prompter, header: StepHeader, explorer: Explorer): Promise<VersionSource | Navigation> {
  for (;;) {
    const images = (await explorer.provider.getChildren(gallery)).filter(nodeOf('sharedImage', 'communityImage'));
    const image = await prompter.pick<ExternalImageNode>({
      ...sub(header, gallery.displayName),
      placeholder: 'The image definition',
      items: images.map((i) => {
        const reason = misfit(s, shapeOf(i, '', ''));
        return { label: i.image.name, description: [i.image.osType, i.image.osState, i.image.hyperVGeneration].filter(Boolean).join(' · '), value: i, refusal: reason ? `${i.image.name} does not fit: ${reason}` : undefined };
      }),
    });
    if (isNavigation(image)) return image;
    const versions = (await explorer.provider.getChildren(image)).filter(nodeOf('sharedImageVersion', 'communityImageVersion'));
    const version = await prompter.pick<ExternalVersionNode>({
      ...sub(header, `${gallery.displayName}/${image.image.name}`),
      placeholder: 'The version to copy',
      items: versions.map((v) => ({ label: v.version.name, description: v.version.uniqueId, value: v })),
    });
    if (version === CANCEL) return CANCEL;
    if (isNavigation(version)) continue;
    return shapeOf(image, version.version.uniqueId, version.version.name);
  }
}

function shapeOf(image: ExternalImageNode, id: string, version: string): VersionSource {
  const g = image.parent;
  return {
    id,
    name: `${g.gallery.name}/${image.image.name}/${version}`,
    kind: g.source === 'shared' ? 'sharedGalleryImageVersion' : 'communityGalleryImageVersion',
    location: normalizeRegionName(g.gallery.location),
    resourceGroup: '',
    osType: parseOsType(image.image.osType),
    osState: parseOsState(image.image.osState),
    hyperVGeneration: parseHyperVGeneration(image.image.hyperVGeneration),
    architecture: parseArchitecture(image.image.architecture),
    parentName: `${g.gallery.name}/${image.image.name}`,
  };
}

async function pastedVersion(lookups: Lookups, s: State, prompter: Prompter, header: StepHeader): Promise<VersionSource | Navigation> {
  for (;;) {
    const text = await prompter.input({
      ...sub(header, 'version id'),
      prompt: 'The version id, as Azure shows it on the version (its unique id)',
      placeholder: '/CommunityGalleries/{public name}/Images/{image}/Versions/{version}',
      value: '',
      validate: validateGalleryVersionReference,
    });
    if (isNavigation(text)) return text;
    const reference = parseGalleryVersionReference(text)!;
    const regions = await lookups.regions(s.definition!);
    const region = await prompter.pick<string>({
      ...sub(header, 'region'),
      placeholder: `The region ${reference.gallery} is used from (the new version is made there)`,
      items: regions.map((r) => ({ label: r.displayName, description: r.name, value: r.name })),
    });
    if (region === CANCEL) return CANCEL;
    if (isNavigation(region)) continue;
    return {
      id: reference.id,
      name: `${reference.gallery}/${reference.image}/${reference.version}`,
      kind: reference.kind === 'community' ? 'communityGalleryImageVersion' : 'sharedGalleryImageVersion',
      location: region,
      resourceGroup: '',
    };
  }
}

async function vhdSource(lookups: Lookups, s: State, prompter: Prompter, header: StepHeader): Promise<VersionSource | Navigation> {
  const accounts = await lookups.storageAccounts(s.definition!);
  if (accounts.length === 0) throw new Error('This subscription has no storage account: upload the VHD to one first.');
  const vhd = await vhdPrompt(accounts, prompter, header, {
    accountPlaceholder: 'The storage account that holds the VHD (the version is made in its region)',
    urlPrompt: (account) => `The VHD's blob URL in ${account.name} (https, a fixed-size .vhd page blob)`,
    file: 'disk.vhd',
    value: (account) => (s.source?.kind === 'vhd' && s.source.storageAccountId === account.id ? s.source.id : ''),
  });
  if (isNavigation(vhd)) return vhd;
  const { account, url: id } = vhd;
  return { id, name: id.split('/').pop() ?? id, kind: 'vhd', location: normalizeRegionName(account.location), resourceGroup: account.resourceGroup, storageAccountId: account.id };
}
