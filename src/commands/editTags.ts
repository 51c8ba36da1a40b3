// Edit Tags: a gallery's, image definition's, image version's, VM application's or application version's tags, from its row, the palette or
// an options object. The current tags are read from Azure (not the tree's copy), shown as text to
// edit, the difference is summed up, removals are confirmed, and only `tags` is sent: ARM's PATCH
// is a merge patch in which the tags object is replaced whole, so every other property stays as
// Azure has it (src/azure/tags.ts).
import { describeTagChanges, tagChanges, type Tags } from '../model/tags';
import { parseArmId } from '../model/armId';
import { isOwnResource } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import type { ApplicationNode } from '../tree/nodes/applicationNode';
import type { ApplicationVersionNode } from '../tree/nodes/applicationVersionNode';
import { pickNode } from '../ui/pickNode';
import { attempt, inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { askedSteps, asker, readAnswers } from '../ui/answers';
import { tagsAnswer } from '../ui/commonAnswers';
import { runWizard } from '../ui/wizard';
import { isOptionsObject, pollIntervalMs, signedInSubscriptions } from './createCommon';
import { describeNode, prompterFor, resolveNode, splitArgs, withProgress, withQuietProgress, type ManageOptions, type ResourceNode } from './manageCommon';
import { resolveApplicationNode } from './vmApplications/common';

export const EDIT_TAGS_COMMAND = 'azureComputeGallery.editTags';
const TITLE = 'Edit Tags';

export interface EditTagsOptions extends ManageOptions {
  /** The resource id of a gallery, image definition, image version, VM application or application version. */
  resource?: string;
  /** The whole new tag set (tags left out are removed, after a confirmation unless `confirmed`). */
  tags?: Record<string, string>;
}

interface State {
  tags?: Tags;
}

type TaggedNode = ResourceNode | ApplicationNode | ApplicationVersionNode;
const APPLICATION_KINDS = ['galleryApplication', 'applicationVersion'] as const;

/** The node: a VM application (or version) the command ran on or whose id it was given, else the image kinds' resolution. */
async function resolveTagged(explorer: Explorer, args: unknown[]): Promise<{ node?: TaggedNode; options: EditTagsOptions }> {
  const [first, second] = args;
  if (isOwnResource(first, [...APPLICATION_KINDS])) return { node: first as ApplicationNode | ApplicationVersionNode, options: (isOptionsObject(second) ? second : {}) as EditTagsOptions };
  const { node: given, options } = splitArgs<EditTagsOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const kind = options.resource ? parseArmId(options.resource)?.kind : undefined;
  if (!given && (kind === 'galleryApplication' || kind === 'applicationVersion')) return { node: await resolveApplicationNode(explorer, undefined, options.resource, kind, TITLE), options };
  if (!given && !options.resource) {
    await signedInSubscriptions(explorer);
    const picked = await pickNode(explorer, { title: TITLE, accept: (n) => isOwnResource(n, ['gallery', 'imageDefinition', 'imageVersion', ...APPLICATION_KINDS]) });
    return { node: picked as TaggedNode | undefined, options };
  }
  return { node: (await resolveNode(explorer, given, options.resource, ['gallery', 'imageDefinition', 'imageVersion'], TITLE)) as ResourceNode | undefined, options };
}

function describeTagged(node: TaggedNode): string {
  const ref = node.armReference();
  if (ref.kind === 'galleryApplication') return `VM application ${ref.applicationName}`;
  if (ref.kind === 'applicationVersion') return `application version ${ref.versionName} of ${ref.applicationName}`;
  return describeNode(node as ResourceNode);
}

export async function editTags(explorer: Explorer, ...args: unknown[]): Promise<Tags | undefined> {
  const { node, options } = await resolveTagged(explorer, args);
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = node.target;
  const what = describeTagged(node);

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
