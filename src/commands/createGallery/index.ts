// Create Gallery: subscription → resource group (existing, or new — created only at the end) →
// name → region → description → sharing (Private, Direct share, Community + publisher details)
// → summary → create with progress → reveal in the tree.
import type { Gallery } from '../../azure/types';
import type { Explorer } from '../../tree/explorer';
import { nodeOf } from '../../tree/capabilities';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { log } from '../../ui/log';
import { askedSteps, asker, readAnswers } from '../../ui/answers';
import { inputFailure } from '../../ui/failures';
import { runWizard, type Step } from '../../ui/wizard';
import { lazyByKey, prompterOf, signedInSubscriptions, splitArguments, subscriptionNode, type RegionChoice } from '../createCommon';
import { allAnswers, answersOf, galleryAnswers } from './options';
import { gallerySpec, sendGallery } from './send';
import { copyAsCode } from '../asCode';
import { summarySteps } from './summary';
import { TITLE, type CreateGalleryOptions, type Lookups, type State, type StepContext } from './types';

export { CREATE_GALLERY_COMMAND, type CreateGalleryOptions } from './types';

function lookupsFor(explorer: Explorer): Lookups {
  const azure = explorer.azure();
  const targetOf = (subscriptionId: string) => {
    const sub = subscriptionNode(explorer, subscriptionId);
    if (!sub) throw new Error(`Subscription ${subscriptionId} is not among the signed-in subscriptions.`);
    return sub.subscription.target;
  };
  const groupsOf = lazyByKey((id) => azure.listResourceGroups(targetOf(id)));
  const galleriesOf = lazyByKey((id) => azure.listGalleries(targetOf(id)));
  const regionsOf = lazyByKey(async (id): Promise<RegionChoice[]> => {
    const t = targetOf(id);
    return azure.listLocations(t.cloud, t.credential, t.userAgent, t.subscriptionId);
  });

  const nameTaken = async (subscriptionId: string | undefined, name: string, resourceGroup?: string): Promise<string | undefined> => {
    if (!subscriptionId) return undefined;
    try {
      const clash = (await galleriesOf(subscriptionId)).find((g) => g.name.toLowerCase() === name.toLowerCase());
      // A create that failed leaves a Failed gallery behind: creating it again in its group repairs it.
      if (clash?.provisioningState === 'Failed' && clash.resourceGroup.toLowerCase() === resourceGroup?.toLowerCase()) return undefined;
      return clash
        ? `A gallery named "${clash.name}" already exists in this subscription (resource group ${clash.resourceGroup}). Gallery names are unique per subscription: choose another name.`
        : undefined;
    } catch (error) {
      log().warn(`Create Gallery: could not check whether "${name}" is free: ${(error as Error).message}`);
      return undefined; // Azure checks again when the gallery is created
    }
  };
  const groupExists = async (subscriptionId: string, name: string) =>
    (await groupsOf(subscriptionId)).find((g) => g.name.toLowerCase() === name.toLowerCase());
  return { groupsOf, regionsOf, nameTaken, groupExists };
}

export async function createGallery(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node, options } = splitArguments<SubscriptionNode, CreateGalleryOptions>(args, nodeOf('subscription'));
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const lookups = lookupsFor(explorer);

  const context: StepContext = {
    lookups,
    given: new Set(),
    interactive: false,
    asCode: (s, choice) => {
      const target = subscriptionNode(explorer, s.subscriptionId!)!.subscription.target;
      const azure = explorer.azure();
      return copyAsCode(explorer, target, choice, async () => [
        ...(s.newResourceGroup ? [await azure.previewRequest(() => azure.createResourceGroup(target, s.resourceGroup!, s.location!))] : []),
        await azure.previewRequest(() => azure.createGallery(target, s.resourceGroup!, s.name!, gallerySpec(s))),
      ]);
    },
  };
  const answers = galleryAnswers(subscriptions, context);
  const state: State = { subscriptionId: node?.subscription.subscriptionId };
  const read = await readAnswers(allAnswers(answers), options, state, context.given);
  const { interactive, problems } = read;
  context.interactive = interactive;
  if (!interactive && problems.length > 0) {
    throw inputFailure(TITLE, problems, 'Nothing was created.', { answers: options, edit: true });
  }
  if (interactive) for (const p of problems) log().info(`Create Gallery: asking again, ${p}`);
  if (state.sharing === 'Community' && context.given.has('publisherUri')) state.publicNoticeSeen = true;

  const ask = asker(read, options.edit);
  const steps: Step<State>[] = [...askedSteps([...answers.placement, answers.description, answers.sharing, ...answers.community], ask), ...summarySteps(answers, context)];

  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;
  return sendGallery(explorer, state, interactive, options, lookups, (s) => answersOf(answers, s, options));
}
