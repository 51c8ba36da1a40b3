// Add Community Gallery: a public gallery, looked up by its public name in the region it is
// published in, is kept in the Community list. A look-up that fails (a typo, another region) keeps
// the answers: Edit and Try Again reopens the steps with the name typed.
import type { Explorer } from '../tree/explorer';
import { COMMUNITY_BOOKMARKS_KEY, type CommunityGalleryBookmark } from '../tree/nodes/sharedNodes';
import { attempt, failureKind, inputFailure } from '../ui/failures';
import { VsCodePrompter } from '../ui/vscodePrompter';
import { inputStep, pickStep, runWizard, type Prompter } from '../ui/wizard';

export const ADD_COMMUNITY_TITLE = 'Add Community Gallery';

// A community gallery's public name is its prefix, a dash, and a GUID Azure adds.
const PUBLIC_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validatePublicName(value: string): string | undefined {
  return PUBLIC_NAME.test(value.trim()) ? undefined : 'Type the public name: its prefix, a dash, then a GUID (e.g. contoso-1a2b3c4d-0000-1111-2222-333344445555).';
}

export interface AddCommunityGalleryOptions {
  publicName?: string;
  /** The region it is published in (its name, e.g. eastus). */
  location?: string;
  /** Ask again, with the answers given filled in (Edit and Try Again). */
  edit?: boolean;
  prompter?: Prompter;
}

interface State {
  publicName?: string;
  location?: string;
}

/** Positional (public name, region) from keybindings and older callers, or an options object. */
function optionsOf(args: unknown[]): AddCommunityGalleryOptions {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) return first as AddCommunityGalleryOptions;
  return { publicName: typeof first === 'string' ? first : undefined, location: typeof second === 'string' ? second : undefined };
}

export async function addCommunityGallery(explorer: Explorer, ...args: unknown[]): Promise<CommunityGalleryBookmark | undefined> {
  const options = optionsOf(args);
  const target = explorer.root.subscriptions[0]?.subscription.target;
  if (!target) throw new Error('Sign in first: community galleries are looked up through one of your subscriptions.');
  const state: State = { publicName: options.publicName?.trim(), location: options.location };
  const ask = (key: keyof State) => options.edit === true || state[key] === undefined;
  const locations = () =>
    explorer
      .azure()
      .listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId)
      .then((ls) => ls.map((l) => ({ label: l.displayName, description: l.name, value: l.name })));
  const steps = [
    inputStep<State>({
      title: 'Public name',
      prompt: "The gallery's public name, as its publisher shares it",
      placeholder: 'e.g. contoso-1a2b3c4d-0000-1111-2222-333344445555',
      when: () => ask('publicName'),
      get: (s) => s.publicName,
      set: (s, v) => (s.publicName = v.trim()),
      validate: validatePublicName,
    }),
    pickStep<State, string>({
      title: 'Region',
      placeholder: 'The region the gallery is published in',
      when: () => ask('location'),
      items: locations,
      get: (s) => s.location,
      set: (s, v) => {
        s.location = v;
      },
    }),
  ];
  if (steps.some((s) => s.when?.(state)) && !(await runWizard(ADD_COMMUNITY_TITLE, steps, state, options.prompter ?? new VsCodePrompter()))) return undefined;
  const publicName = state.publicName!;
  const location = state.location!;
  const again = { answers: { publicName, location }, edit: true };
  const gallery = await attempt(
    `find community gallery "${publicName}" in ${location}`,
    () =>
      explorer
        .azure()
        .getCommunityGallery(target, location, publicName)
        .catch((error: unknown) => {
          if (failureKind(error) !== 'notFound') throw error;
          // Not found is a wrong answer (a typo, another region), not a fault: said as one, the answers kept.
          throw inputFailure(ADD_COMMUNITY_TITLE, [`Azure has no community gallery "${publicName}" in ${location}.`, 'Check the public name and the region its publisher gave.'], 'Nothing was added.', again);
        }),
    again,
  );
  return rememberCommunityGallery(explorer, gallery.name, location);
}

/** Keeps a public gallery in the Community list (once per public name and region) and redraws the tree. */
export async function rememberCommunityGallery(explorer: Explorer, publicName: string, location: string): Promise<CommunityGalleryBookmark> {
  const bookmarks = explorer.globalState.get<CommunityGalleryBookmark[]>(COMMUNITY_BOOKMARKS_KEY, []);
  const entry = { publicName, location };
  if (!bookmarks.some((b) => b.publicName.toLowerCase() === publicName.toLowerCase() && b.location === location)) {
    await explorer.globalState.update(COMMUNITY_BOOKMARKS_KEY, [...bookmarks, entry]);
  }
  explorer.refreshAll();
  return entry;
}
