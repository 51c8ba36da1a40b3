// Browse Community Galleries: the public galleries Azure lists, in one region or all, grouped by
// publisher in one quick pick (type to filter on name, publisher, region or e-mail); the one picked
// is added to the Community list and revealed. Azure has no ARM list of community galleries: they
// come from Resource Graph's `communitygalleryresources` table (src/azure/communityListing.ts), as
// `az sig list-community` reads them.
import { entryDetail, groupByPublisher, mergeListings, regionToAdd, type CommunityGalleryEntry } from '../model/communityDiscovery';
import type { Explorer } from '../tree/explorer';
import type { CommunityGalleryBookmark } from '../tree/nodes/sharedNodes';
import { attempt, inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { pickStep, runWizard, type PickEntry, type Prompter } from '../ui/wizard';
import { rememberCommunityGallery } from './addCommunityGallery';
import { isOptionsObject, signedInSubscriptions } from './createCommon';
import { byIdentity } from './imageUsage';
import { prompterFor } from './manageCommon';

export const BROWSE_COMMUNITY_COMMAND = 'azureComputeGallery.browseCommunityGalleries';
const TITLE = 'Browse Community Galleries';
/** The region step's answer for "every region". */
const ALL_REGIONS = '';

export interface BrowseCommunityOptions {
  /** A region name (eastus), or '' for every region. */
  location?: string;
  /** The public name to add; with `location` nothing is asked. */
  publicName?: string;
  prompter?: Prompter;
  abortSignal?: AbortSignal;
}

/** What the command answers its caller (tests, scripts). */
export interface BrowseCommunityReport {
  location: string;
  galleries: CommunityGalleryEntry[];
  added?: CommunityGalleryBookmark;
  revealed?: boolean;
}

interface State {
  location?: string;
  publicName?: string;
}

function galleryEntries(entries: readonly CommunityGalleryEntry[], location: string, regionNames: ReadonlyMap<string, string>): PickEntry<string>[] {
  if (entries.length === 0) {
    const where = location ? `in ${regionNames.get(location) ?? location}` : 'in any region';
    return [{ label: `No community galleries ${where}`, detail: 'Go Back to choose another region.', value: '', refusal: 'Nothing to add here: go Back to choose another region, or press Escape.' }];
  }
  return groupByPublisher(entries).flatMap((g): PickEntry<string>[] => [
    { separator: g.publisher },
    // The separator shows the publisher but is not searched: the detail carries it when its e-mail does not.
    ...g.galleries.map((e) => {
      const detail = entryDetail(e, regionNames);
      return { label: `$(globe) ${e.publicName}`, detail: detail.toLowerCase().includes(g.publisher.toLowerCase()) ? detail : `${g.publisher} · ${detail}`, value: e.publicName };
    }),
  ]);
}

export async function browseCommunityGalleries(explorer: Explorer, ...args: unknown[]): Promise<BrowseCommunityReport | undefined> {
  const options = (args.find(isOptionsObject) ?? {}) as BrowseCommunityOptions;
  const subscriptions = await signedInSubscriptions(explorer);
  // Public galleries are the same whoever asks: one identity's query is enough.
  const group = byIdentity(subscriptions)[0]!;
  const target = group[0]!.subscription.target;
  const ids = group.map((n) => n.subscription.subscriptionId);
  const state: State = { location: options.location?.toLowerCase(), publicName: options.publicName };
  let regionNames = new Map<string, string>();
  const locations = explorer
    .azure()
    .listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId)
    .then((ls) => {
      regionNames = new Map(ls.map((l) => [l.name.toLowerCase(), l.displayName]));
      return ls;
    });
  const listed = new Map<string, Promise<CommunityGalleryEntry[]>>();
  const galleriesIn = (location: string) => {
    if (!listed.has(location)) {
      const load = attempt(`list the community galleries ${location ? `in ${location}` : 'of every region'} with Resource Graph`, () =>
        explorer.azure().listCommunityGalleries(target, ids, location || undefined, { abortSignal: options.abortSignal }),
      ).then(mergeListings);
      listed.set(location, load);
    }
    return listed.get(location)!;
  };
  const steps = [
    pickStep<State, string>({
      title: 'Region',
      placeholder: 'The region to browse: community galleries are listed per region',
      when: () => options.location === undefined,
      items: async () => [
        { label: '$(globe) All regions', detail: 'Every public gallery Azure lists', value: ALL_REGIONS },
        { separator: 'Regions' },
        ...(await locations).map((l) => ({ label: l.displayName, description: l.name, value: l.name.toLowerCase() })),
      ],
      get: (s) => s.location,
      set: (s, v) => {
        if (s.location !== v) s.publicName = undefined;
        s.location = v;
      },
    }),
    pickStep<State, string>({
      title: 'Gallery',
      placeholder: 'Type a public name, publisher, region or e-mail; pick one to add it to Community',
      when: () => options.publicName === undefined,
      items: async (s) => {
        const [entries] = await Promise.all([galleriesIn(s.location ?? ALL_REGIONS), locations.catch(() => [])]);
        return galleryEntries(entries, s.location ?? ALL_REGIONS, regionNames);
      },
      get: (s) => s.publicName,
      set: (s, v) => {
        s.publicName = v;
      },
    }),
  ];
  if (steps.some((s) => s.when?.(state)) && !(await runWizard(TITLE, steps, state, prompterFor(options)))) return undefined;
  const location = state.location ?? ALL_REGIONS;
  const galleries = await galleriesIn(location);
  log().info(`${TITLE}: ${galleries.length} community galleries ${location ? `in ${location}` : 'in every region'}`);
  const report: BrowseCommunityReport = { location, galleries };
  if (!state.publicName) return report;
  const entry = galleries.find((e) => e.publicName.toLowerCase() === state.publicName!.toLowerCase());
  if (!entry) {
    throw inputFailure(TITLE, [`Azure lists no community gallery "${state.publicName}" ${location ? `in ${location}` : 'in any region'}.`, 'Pick one from the list.'], 'Nothing was added.', {
      answers: { location },
      edit: true,
    });
  }
  const added = await rememberCommunityGallery(explorer, entry.publicName, regionToAdd(entry, location));
  const node = await explorer.findNode(`/CommunityGalleries/${entry.publicName}`).catch(() => undefined);
  if (node) await explorer.reveal(node, { select: true, focus: true });
  return { ...report, added, revealed: node !== undefined };
}
