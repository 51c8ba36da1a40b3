// dist/commands.js: the handler of every command, required when the first command runs rather
// than at activation (figure 8 of `npm run bench` budgets dist/extension.js). The modules it shares
// with dist/extension.js (the tree, the failure path, the log, …) are that bundle's own instances,
// not copies: esbuild.mjs points this bundle's imports of them at `sharedModules`, so `instanceof`
// and module state are the same on both sides.
import { accountCommands } from './commands/accountCommands';
import type { CommandHandler } from './commands/commandTable';
import { asCodeCommands } from './commands/asCode';
import { createCommands } from './commands/createCommands';
import type { VersionCreations } from './commands/createVersionProgress';
import { manageCommands } from './commands/manageCommands';
import { resourceCommands } from './commands/resourceCommands';
import { treeCommands } from './commands/treeCommands';
import { applicationCommands } from './commands/vmApplications';
import type { Explorer } from './tree/explorer';
import type { PropertiesDocuments } from './ui/propertiesDocuments';

export interface CommandDeps {
  explorer: Explorer;
  creations: VersionCreations;
  documents: PropertiesDocuments;
}

/** Every command id the extension contributes, mapped to its handler. */
export function commandTable({ explorer, creations, documents }: CommandDeps): Record<string, CommandHandler> {
  return {
    ...treeCommands(explorer),
    ...accountCommands(explorer),
    ...resourceCommands(explorer, documents),
    ...createCommands(explorer, creations),
    ...manageCommands(explorer, creations),
    ...applicationCommands(explorer, creations),
    ...asCodeCommands(explorer),
  };
}
