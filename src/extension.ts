import * as vscode from 'vscode';
import { registerCommands } from './commands/commandTable';
import { CONTEXT_SIGNED_IN, EXPLORER_VIEW_ID, SETTINGS_SECTION } from './constants';
import { ExplorerProvider } from './tree/explorerProvider';
import { log } from './ui/log';

/** What activate() returns: handles the integration tests use to look inside. */
export interface ExtensionApi {
  readonly explorer: ExplorerProvider;
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const explorer = new ExplorerProvider(async () => []);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: explorer, showCollapseAll: true });
  context.subscriptions.push(explorer, view);
  void vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, false);

  registerCommands(context, {
    'azureComputeGallery.refresh': () => explorer.refresh(),
    'azureComputeGallery.openSettings': () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
    'azureComputeGallery.signIn': () => vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.authentication`),
  });

  const activationMs = performance.now() - started;
  log().info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { explorer, activationMs };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
