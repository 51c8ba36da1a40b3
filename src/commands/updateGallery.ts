// Update Gallery: its description (what Azure lets change besides sharing, which the Share
// commands change). Empty removes it.
import type { Gallery } from '../azure/types';
import type { Explorer } from '../tree/explorer';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { askedSteps, asker, readAnswers } from '../ui/answers';
import { inputAnswer } from '../ui/commonAnswers';
import { runWizard } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { attempt, inputFailure } from '../ui/failures';
import { prompterFor, resolveGallery, showGalleryUpdate, splitArgs, targetOf, withProgress, type ManageOptions } from './manageCommon';

export const UPDATE_GALLERY_COMMAND = 'azureComputeGallery.updateGallery';
const TITLE = 'Update Gallery';
/** Longest description the portal accepts for a gallery. */
export const GALLERY_DESCRIPTION_MAX = 1000;

export interface UpdateGalleryOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /** The new description; "" removes it. */
  description?: string;
}

interface State {
  description?: string;
}

export function validateGalleryDescription(value: string): string | undefined {
  return value.length > GALLERY_DESCRIPTION_MAX ? `Shorten the description to ${GALLERY_DESCRIPTION_MAX} characters (it has ${value.length}).` : undefined;
}

export async function updateGallery(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node: given, options } = splitArgs<UpdateGalleryOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, given, options.gallery, TITLE);
  if (!node) return undefined;
  const name = node.gallery.name;
  const answers = [
    inputAnswer<State, UpdateGalleryOptions>({
      key: 'description',
      label: 'Description',
      alone: true,
      required: true,
      prompt: `What ${name} holds (leave it empty to remove the description)`,
      placeholder: 'e.g. Golden images for production workloads',
      suggest: () => node.gallery.description ?? '',
      keep: 'trimmed',
      validate: (v) => validateGalleryDescription(v.trim()),
    }),
  ];
  const state: State = {};
  const read = await readAnswers(answers, options, state);
  if (read.problems.length > 0) throw inputFailure(TITLE, read.problems, 'Nothing was changed.');
  if (read.interactive && !(await runWizard(`${TITLE}: ${name}`, askedSteps(answers, asker(read, undefined)), state, prompterFor(options)))) return undefined;
  const description = state.description ?? '';
  if (description === (node.gallery.description ?? '')) {
    void notify('info', `The description of ${name} is unchanged: nothing was sent.`);
    return node.gallery;
  }
  const updated = await attempt(`update gallery ${name}`, () =>
    explorer.busyWhile(node, 'Updating…', () =>
      withProgress(`Updating gallery ${name}`, () => explorer.azure().updateGallery(targetOf(node), node.gallery.resourceGroup, name, { description }, { pollIntervalMs: pollIntervalMs() })),
    ),
  );
  showGalleryUpdate(explorer, node, { ...node.gallery, ...updated, groups: updated.groups.length > 0 ? updated.groups : node.gallery.groups });
  log().info(`${TITLE}: ${node.resourceId} description updated`);
  void notify('info', description ? `Updated the description of ${name}.` : `Removed the description of ${name}.`);
  return updated;
}
