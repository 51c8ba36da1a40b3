import type * as CommandsChunk from './commandsChunk';
import { LazyBundle } from './lazyBundle';

/** The command handlers, dist/commands.js: loaded when the first command runs (see commandsChunk.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const commandsBundle = new LazyBundle(() => require('./commands.js') as typeof CommandsChunk);
