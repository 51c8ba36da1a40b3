// Create Gallery's answers, in the order they are asked, and the options object that brings them
// back (Edit and Try Again). Reading and checking an options object come from the answers
// (ui/answers.ts): a complete object creates without a prompt, and every wrong answer is named
// before anything is sent.
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { optionsOf, type Answer } from '../../ui/answers';
import { tagsAnswer } from '../../ui/commonAnswers';
import { placementAnswers } from './placementSteps';
import { communityAnswers, descriptionAnswer, sharingAnswer } from './sharingSteps';
import type { CreateGalleryOptions, State, StepContext } from './types';

export interface GalleryAnswers {
  /** Asked in this order. */
  placement: Answer<State, CreateGalleryOptions>[];
  description: Answer<State, CreateGalleryOptions>;
  sharing: Answer<State, CreateGalleryOptions>;
  community: Answer<State, CreateGalleryOptions>[];
  /** Asked from the summary ("Tags…"). */
  tags: Answer<State, CreateGalleryOptions>;
  /** Given as an option only (no prompt: Soft Delete… turns it on later). */
  softDelete: Answer<State, CreateGalleryOptions>;
}

/** Soft delete at creation (GalleryRP.json softDeletePolicy; Microsoft Learn, Soft Delete in Azure Compute Gallery). */
const softDeleteAnswer: Answer<State, CreateGalleryOptions> = {
  key: 'softDelete',
  label: 'Soft delete',
  read: (options, state) => {
    if (options.softDelete !== undefined) state.softDelete = options.softDelete;
  },
  check: (s) => (typeof s.softDelete === 'boolean' ? undefined : 'Give softDelete as true or false.'),
  summary: (s) => (s.softDelete ? 'on: deleted image versions can be restored for 7 days' : undefined),
  write: (s, options) => {
    if (s.softDelete !== undefined) options.softDelete = s.softDelete;
  },
  steps: [],
};

export function galleryAnswers(subscriptions: SubscriptionNode[], context: StepContext): GalleryAnswers {
  return {
    placement: placementAnswers(subscriptions, context),
    description: descriptionAnswer(),
    sharing: sharingAnswer(),
    community: communityAnswers(),
    tags: tagsAnswer<State, CreateGalleryOptions>({ when: (s) => context.interactive && s.editTags === true }),
    softDelete: softDeleteAnswer,
  };
}

/** Every answer, in the order the options object is read and checked. */
export function allAnswers(a: GalleryAnswers): Answer<State, CreateGalleryOptions>[] {
  return [...a.placement, a.description, a.sharing, ...a.community, a.tags, a.softDelete];
}

/** The options object that asks for these answers again: Retry runs it, Edit and Try Again reopens the wizard with it. */
export function answersOf(answers: GalleryAnswers, state: State, options: CreateGalleryOptions): CreateGalleryOptions {
  return optionsOf(allAnswers(answers), { ...state, sharing: state.sharing ?? 'Private' }, { prompter: options.prompter });
}
