// Update Image Definition: the properties Azure lets change after creation — description, the EULA,
// privacy statement and release notes links, the end-of-life date, the recommended vCPUs and
// memory, the disallowed disk types, the features Azure lets change (disk controllers, accelerated
// networking, hibernation; sent as the whole feature list with allowUpdateImage). What to change → each value (the current one shown) →
// summary (before → after) → update with progress. Empty removes an optional value.
import type { ImageDefinition } from '../../azure/types';
import { parseHyperVGeneration } from '../../model/imageRules';
import type { Explorer } from '../../tree/explorer';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import { attempt, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { pollIntervalMs } from '../createCommon';
import { prompterFor, resolveNode, splitArgs, targetOf, withProgress } from '../manageCommon';
import { readAnswers } from '../../ui/answers';
import { fieldOf, updateAnswers } from './answers';
import { LABELS, changesFor, currentValues, shown, type Extras, type State, type UpdateImageDefinitionOptions, type Values } from './fields';
import { updateDefinitionSteps } from './steps';
import type { AsCodeChoice } from '../../ui/asCodeItems';
import { copyAsCode } from '../asCode';

export type { UpdateImageDefinitionOptions } from './fields';
export const UPDATE_DEFINITION_COMMAND = 'azureComputeGallery.updateImageDefinition';
const TITLE = 'Update Image Definition';

/** Only what differs from now is sent. */
function changedFields(state: State, current: Values) {
  return (state.fields ?? []).filter((f) => shown(f, current) !== shown(f, { ...current, ...state }));
}

/** Sends the changes of the fields that differ from now, and shows the result in the tree. */
async function sendUpdate(explorer: Explorer, node: ImageDefinitionNode, state: State, current: Values, extras: Extras): Promise<ImageDefinition | undefined> {
  const name = node.image.name;
  const fields = changedFields(state, current);
  if (fields.length === 0) {
    void notify('info', `${name} already has these values: nothing was sent.`);
    return node.image;
  }
  const changes = changesFor(fields, state, current, extras);
  const updated = await attempt(`update image definition ${name}`, () =>
    explorer.busyWhile(node, 'Updating…', () =>
      withProgress(`Updating image definition ${name}`, () => explorer.azure().updateImageDefinition(targetOf(node), node.resourceId, changes, { pollIntervalMs: pollIntervalMs() })),
    ),
  );
  node.image = updated;
  explorer.refresh(node);
  node.parent.images.invalidate();
  log().info(`${TITLE}: ${node.resourceId} ${fields.join(', ')}`);
  void notify('info', `Updated ${fields.map((f) => LABELS[f].toLowerCase()).join(', ')} of ${name}.`);
  return updated;
}

export async function updateImageDefinition(explorer: Explorer, ...args: unknown[]): Promise<ImageDefinition | undefined> {
  const { node: given, options } = splitArgs<UpdateImageDefinitionOptions>(args, ['imageDefinition']);
  const node = (await resolveNode(explorer, given, options.definition, ['imageDefinition'], TITLE)) as ImageDefinitionNode | undefined;
  if (!node) return undefined;
  const name = node.image.name;

  const extras: Extras = await attempt(`read image definition ${name}`, () => explorer.azure().getImageDefinitionExtras(targetOf(node), node.resourceId));
  const current = currentValues(node.image, extras);
  const generation = parseHyperVGeneration(node.image.hyperVGeneration) ?? 'V1';

  // Values given up front: each checked; any given means no prompt.
  const answers = updateAnswers({ current, extras, generation });
  const state: State = {};
  const read = await readAnswers(answers, options, state);
  if (read.problems.length > 0) throw inputFailure(TITLE, read.problems, 'Nothing was changed.');
  if (read.given.size === 0) {
    const asCode = (s: State, choice: AsCodeChoice) =>
      copyAsCode(explorer, targetOf(node), choice, async () => {
        const changes = changesFor(changedFields(s, current), s, current, extras);
        return [await explorer.azure().previewRequest(() => explorer.azure().updateImageDefinition(targetOf(node), node.resourceId, changes))];
      });
    const steps = updateDefinitionSteps({ name, current, answers, asCode });
    for (;;) {
      if (!(await runWizard(`${TITLE}: ${name}`, steps, state, prompterFor(options)))) return undefined;
      if ((state.fields ?? []).length > 0) break;
    }
  } else {
    state.fields = [...new Set([...read.given].map(fieldOf))];
  }
  return sendUpdate(explorer, node, state, current, extras);
}
