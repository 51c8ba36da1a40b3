import type { EmulatorConfig } from '../config';
import type { EmulatorState } from '../state';
import { demoSeed } from './demo';
import { emptySeed } from './empty';
import type { ScaleOptions } from './scale';
import { scaleSeed } from './scale';

export type SeedName = 'empty' | 'demo' | 'scale';
export type SeedOptions = ScaleOptions;
export const SEED_NAMES: readonly SeedName[] = ['empty', 'demo', 'scale'];

export function buildSeed(name: string, options: SeedOptions, config: EmulatorConfig): EmulatorState {
  switch (name) {
    case 'empty':
      return emptySeed(config);
    case 'demo':
      return demoSeed(config);
    case 'scale':
      return scaleSeed(config, options);
    default:
      throw new Error(`Unknown seed '${name}'. Known seeds: ${SEED_NAMES.join(', ')}.`);
  }
}

export * from './wellKnown';
export { RICH_IDS, RICH_GROUPS, FABRIKAM_COMMUNITY_PUBLIC_NAME } from './richSources';
