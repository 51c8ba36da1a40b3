// Create Image Definition's answers, in the order they are asked: read from an options object and
// checked the way the prompts check them (ui/answers.ts), so a call with options gets the same
// messages before anything is sent. The rules the answers share are here.
import { validateRangeText } from '../../ui/answerText';
import type { Answer } from '../../ui/answers';
import type { Explorer } from '../../tree/explorer';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { advancedAnswers } from './advancedSteps';
import { basicAnswers } from './basicSteps';
import type { AdvancedKey, Clashes, CreateImageDefinitionOptions, State } from './types';

export const validateVCpus = (value: string) => validateRangeText(value, 'vCPUs');
export const validateMemory = (value: string) => validateRangeText(value, 'memory (GB)');
export const planPart = (what: string, example: string) => (value: string) =>
  value.trim() === '' ? `Enter the plan's ${what} as the Marketplace lists it, for example ${example}.` : /\s/.test(value.trim()) ? `Remove the spaces from the plan's ${what}.` : undefined;

export interface DefinitionAnswers {
  /** Asked before the first summary. */
  basic: Answer<State, CreateImageDefinitionOptions>[];
  /** Asked after "Advanced…", those picked there. */
  advanced: Answer<State, CreateImageDefinitionOptions>[];
}

export function definitionAnswers(
  explorer: Explorer,
  subscriptions: SubscriptionNode[],
  clashes: Clashes,
  galleryOf: (id: string) => Promise<GalleryNode | undefined>,
  wants: (s: State, key: AdvancedKey) => boolean,
): DefinitionAnswers {
  return { basic: basicAnswers(explorer, subscriptions, clashes, galleryOf), advanced: advancedAnswers(wants) };
}
