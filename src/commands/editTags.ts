// Edit Tags: a gallery's, image definition's or image version's tags, from its row, the palette or
// an options object. The current tags are read from Azure (not the tree's copy), shown as text to
// edit, the difference is summed up, removals are confirmed, and only `tags` is sent: ARM's PATCH
// is a merge patch in which the tags object is replaced whole, so every other property stays as
// Azure has it (src/azure/tags.ts).
import { describeTagChanges, tagChanges, type Tags } from '../model/tags';
import type { Explorer } from '../tree/explorer';
import { attempt, inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { askedSteps, asker, readAnswers } from '../ui/answers';
import { tagsAnswer } from '../ui/commonAnswers';
import { runWizard } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { describeNode, prompterFor, resolveNode, splitArgs, targetOf, withProgress, withQuietProgress, type ManageOptions, type ResourceNode } from './manageCommon';

export const EDIT_TAGS_COMMAND = 'azureComputeGallery.editTags';
const TITLE = 'Edit Tags';

export interface EditTagsOptions extends ManageOptions {
  /** The resource id of a gallery, image definition or image version. */
  resource?: string;
  /** The whole new tag set (tags left out are removed, after a confirmation unless `confirmed`). */
  tags?: Record<string, string>;
}

interface State {
  tags?: Tags;
}

export async function editTags(explorer: Explorer, ...args: unknown[]): Promise<Tags | undefined> {
  const { node: given, options } = splitArgs<EditTagsOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = (await resolveNode(explorer, given, options.resource, ['gallery', 'imageDefinition', 'imageVersion'], TITLE)) as ResourceNode | undefined;
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const what = describeNode(node);

  const current = await attempt(`read the tags of ${what}`, () => withQuietProgress(`Reading the tags of ${what}`, () => azure.getTags(target, node.resourceId)));

  const answers = [
    tagsAnswer<State, EditTagsOptions>({
      alone: true,
      required: true,
      prompt: `Tags of ${what} as name=value pairs separated by ";" (remove a pair to delete that tag; empty removes them all)`,
      suggest: () => current,
    }),
  ];
  const state: State = {};
  // No tags given: they are asked, the tags now shown to edit.
  const read = await readAnswers(answers, options, state);
  if (read.problems.length > 0) throw inputFailure(TITLE, read.problems, 'Nothing was changed.');
  if (read.interactive && !(await runWizard(`${TITLE}: ${what}`, askedSteps(answers, asker(read, undefined)), state, prompterFor(options)))) return undefined;
  const next = state.tags ?? current;
  const changes = tagChanges(current, next);
  if (changes.added.length + changes.changed.length + changes.removed.length === 0) {
    void notify('info', `The tags of ${what} are unchanged: nothing was sent.`);
    return current;
  }
  if (changes.removed.length > 0 && options.confirmed !== true) {
    const ok = await prompterFor(options).confirm({
      message: `Remove ${changes.removed.length === 1 ? 'tag' : 'tags'} ${changes.removed.join(', ')} from ${what}?`,
      detail: `The new tags: ${describeTagChanges(changes)}. Policies, cost reports or scripts that read these tags stop seeing them.`,
      confirmLabel: 'Remove',
    });
    if (!ok) return undefined;
  }
  const stored = await attempt(`update the tags of ${what}`, () =>
    explorer.busyWhile(node, 'Updating tags…', () => withProgress(`Updating the tags of ${what}`, () => azure.setTags(target, node.resourceId, next, { pollIntervalMs: pollIntervalMs() }))),
  );
  node.showTags(stored);
  log().info(`${TITLE}: ${node.resourceId} ${describeTagChanges(changes)}`);
  void notify('info', `Updated the tags of ${what}: ${describeTagChanges(changes)}.`);
  return stored;
}
