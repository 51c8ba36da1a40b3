// Create Image Definition: gallery → name → OS type → OS state → generation → publisher / offer /
// SKU (unique as a triple) → architecture → security type → summary, with "Advanced…" for the
// optional properties. The definition lives in the gallery's region.
import * as vscode from 'vscode';
import type { ImageDefinition } from '../../azure/types';
import type { NewImageDefinition } from '../../azure/writeTypes';
import type { Explorer } from '../../tree/explorer';
import { nodeOf } from '../../tree/capabilities';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { askedSteps, asker, readAnswers } from '../../ui/answers';
import { runWizard, type Step } from '../../ui/wizard';
import { lazyBy, pollIntervalMs, prompterOf, reloadAndReveal, signedInSubscriptions, splitArguments, waitCancellably } from '../createCommon';
import { createOrLook } from '../createOrLook';
import { advancedPickStep } from './advancedSteps';
import { definitionAnswers } from './options';
import { answersOf, buildSpec, sentState } from './spec';
import { finalSummaryStep, firstSummaryStep, type CopyAsCode } from './summary';
import { copyAsCode } from '../asCode';
import { TITLE, type AdvancedKey, type Clashes, type CreateImageDefinitionOptions, type State } from './types';

export { CREATE_DEFINITION_COMMAND, DISK_TYPES, type CreateImageDefinitionOptions } from './types';

/** Name and publisher / offer / SKU clashes with the gallery's definitions, listed once per gallery. */
function clashesIn(explorer: Explorer): Clashes {
  const azure = explorer.azure();
  const definitionsOf = lazyBy(
    (g: GalleryNode) => g.resourceId,
    (g) => azure.listImageDefinitions(g.parent.subscription.target, g.gallery.resourceGroup, g.gallery.name),
  );
  const lookupFailed = (error: unknown) => {
    log().warn(`Create Image Definition: could not list the gallery's definitions: ${(error as Error).message}`);
    return [] as ImageDefinition[];
  };
  const nameTaken = async (s: State, name: string) => {
    if (!s.gallery) return undefined;
    const clash = (await definitionsOf(s.gallery).catch(lookupFailed)).find((d) => d.name.toLowerCase() === name.toLowerCase());
    return clash ? `The gallery already has an image definition named "${clash.name}": choose another name.` : undefined;
  };
  const tripleTaken = async (s: State, sku: string) => {
    if (!s.gallery) return undefined;
    const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
    const clash = (await definitionsOf(s.gallery).catch(lookupFailed)).find((d) => same(d.publisher, s.publisher) && same(d.offer, s.offer) && same(d.sku, sku));
    return clash
      ? `"${clash.name}" already uses publisher ${clash.publisher}, offer ${clash.offer} and SKU ${clash.sku} in this gallery: the three together must be unique, so change the SKU (or go Back and change the offer or publisher).`
      : undefined;
  };
  return { nameTaken, tripleTaken };
}

export async function createImageDefinition(explorer: Explorer, ...args: unknown[]): Promise<ImageDefinition | undefined> {
  const { node, options } = splitArguments<GalleryNode, CreateImageDefinitionOptions>(args, nodeOf('gallery'));
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const clashes = clashesIn(explorer);
  const wants = (s: State, key: AdvancedKey) => s.advanced === true && (s.advancedChosen ?? []).includes(key);
  const answers = definitionAnswers(explorer, subscriptions, clashes, (id) => explorer.findNode(id, 'gallery'), wants);
  const state: State = { gallery: node };
  const read = await readAnswers([...answers.basic, ...answers.advanced], options, state);
  const { problems, given, interactive } = read;
  if (options.gallery && !state.gallery) problems.unshift(`Gallery: ${options.gallery} is not a gallery of the signed-in subscriptions.`);
  if (!interactive && problems.length > 0) {
    throw inputFailure(TITLE, problems, 'Nothing was created.', { answers: options, edit: true });
  }
  const asCode: CopyAsCode = (s, choice) => {
    const gallery = s.gallery!;
    const target = gallery.parent.subscription.target;
    const azure = explorer.azure();
    const spec = buildSpec(sentState(s, true, wants, given), gallery);
    return copyAsCode(explorer, target, choice, async () => [
      await azure.previewRequest(() => azure.createImageDefinition(target, gallery.gallery.resourceGroup, gallery.gallery.name, s.name!, spec)),
    ]);
  };
  // The advanced answers are asked when picked under "Advanced…", given or not.
  const steps: Step<State>[] = [
    ...askedSteps(answers.basic, asker(read, options.edit)),
    firstSummaryStep(answers, () => interactive, asCode),
    advancedPickStep(() => interactive),
    ...askedSteps(answers.advanced, () => interactive),
    finalSummaryStep(answers, () => interactive, asCode),
  ];

  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;

  const gallery = state.gallery!;
  const sent = sentState(state, interactive, wants, given);
  const spec = buildSpec(sent, gallery);
  return send(explorer, options, state, gallery, spec, answersOf(answers, sent, spec, options));
}

/** Sends the definition and waits; a failure is thrown with the answers sent (Edit and Try Again). */
async function send(
  explorer: Explorer,
  options: CreateImageDefinitionOptions,
  state: State,
  gallery: GalleryNode,
  spec: NewImageDefinition,
  /** The options object that asks for what was sent again (Retry, Edit and Try Again): from the answers. */
  answers: CreateImageDefinitionOptions,
): Promise<ImageDefinition | undefined> {
  const azure = explorer.azure();
  const name = state.name!;
  const target = gallery.parent.subscription.target;
  const { resourceGroup, name: galleryName } = gallery.gallery;
  const outcome = await waitCancellably(`Creating image definition ${name}`, options.abortSignal, (signal) =>
    createOrLook({
      resource: `image definition "${name}"`,
      create: () => azure.createImageDefinition(target, resourceGroup, galleryName, name, spec, { pollIntervalMs: pollIntervalMs(), abortSignal: signal }),
      look: async () => (await azure.listImageDefinitions(target, resourceGroup, galleryName)).find((d) => d.name.toLowerCase() === name.toLowerCase()),
      answers,
      log: (line) => log().info(line),
    }),
  );
  const created = outcome?.value;
  if (!created) {
    // Cancel stops the waiting only: Azure carries on, and the tree shows where it stands.
    explorer.reload(gallery);
    void notify('info', `Stopped waiting for image definition ${name}. Azure goes on creating it: refresh the gallery to see its state.`);
    return undefined;
  }
  log().info(`Created image definition ${created.id}`);
  const definitionNode = await reloadAndReveal(explorer, gallery, created.id);
  void notify('info', `Created image definition ${created.name} in ${gallery.gallery.name}.`, 'Create Image Version').then((action) =>
    action ? vscode.commands.executeCommand('azureComputeGallery.createImageVersion', definitionNode) : undefined,
  );
  return created;
}
