import * as vscode from 'vscode';
import { configuredCloud } from './auth/cloudChoice';
import type { AuthenticationMode } from './auth/session';
import { azure, azureBundle } from './azureLoader';
import { registerCommands, type CommandHandler } from './commands/commandTable';
import { VersionCreations } from './commands/createVersionProgress';
import { commandsBundle } from './commandsLoader';
import { CONTEXT_SIGNED_IN, EXPLORER_VIEW_ID, SETTINGS_SECTION } from './constants';
import { cloudDescription } from './model/clouds';
import { Explorer } from './tree/explorer';
import { log } from './ui/log';
import { PropertiesDocuments } from './ui/propertiesDocuments';
import { uiTestHooks, type UiTestHooks } from './ui/testHooks';

// dist/commands.js takes these modules from here rather than bundling its own (esbuild.mjs).
export { sharedModules } from './sharedModules';

/**
 * What activate() returns to the extension-host tests (integration, benchmark): handles to look
 * inside. Other extensions get nothing: the hooks answer confirmations and read notifications.
 */
export interface ExtensionApi {
  readonly explorer: Explorer;
  readonly activationMs: number;
  /** Whether activate() loaded the Azure SDK bundle (it must not). */
  readonly azureLoadedAtActivation: boolean;
  /** Whether activate() loaded the command handlers' bundle (it must not: the first command does). */
  readonly commandsLoadedAtActivation: boolean;
  /** The ids the command handlers' bundle has a handler for (loads it). */
  commandHandlerIds(): string[];
  /** Where the output channel's log file lives (the security scan reads it). */
  readonly logUri: vscode.Uri;
  /** Image versions being waited for after Create Image Version (resumed after a reload). */
  readonly versionCreations: VersionCreations;
  /** For the extension-host tests: answer confirmations, read notifications. */
  readonly testHooks: UiTestHooks;
}

const SESSION_SETTINGS = [
  `${SETTINGS_SECTION}.authentication`,
  `${SETTINGS_SECTION}.environment`,
  `${SETTINGS_SECTION}.customEnvironment`,
  'microsoft-sovereign-cloud',
];
const FILTER_SETTINGS = ['azureResourceGroups.selectedSubscriptions', `${SETTINGS_SECTION}.selectedSubscriptions`, `${SETTINGS_SECTION}.sharedGalleryLocations`];

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const started = performance.now();
  const userAgent = `azure-compute-gallery-vscode/${(context.extension.packageJSON as { version: string }).version}`;

  // Called on first use (the view's first getChildren), not here: it loads the Azure SDKs.
  const createSession = () => {
    const choice = configuredCloud();
    if (choice.problem !== undefined) throw new Error(choice.problem);
    const mode = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<AuthenticationMode>('authentication', 'vscode');
    return azure().createSession(mode, choice.cloud, userAgent, log());
  };
  const explorer = new Explorer(context.globalState, createSession);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: explorer.provider, showCollapseAll: true });
  explorer.attachView(view);
  const documents = new PropertiesDocuments();
  // Waits for versions still being created: resumed when the tree first loads, not now.
  const versionCreations = new VersionCreations(explorer);
  context.subscriptions.push(explorer, view, documents, versionCreations);
  void vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, false);

  const describeCloud = () => {
    const choice = configuredCloud();
    view.description = choice.cloud ? cloudDescription(choice.cloud.name === 'Custom' ? 'Custom cloud' : choice.cloud.name) : 'cloud settings need attention';
  };
  describeCloud();

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        describeCloud();
        explorer.resetSession();
      } else if (FILTER_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        explorer.refreshAll();
      }
    }),
  );

  // Every contributed command is registered now, its handler loaded with the first command run.
  const local: Record<string, CommandHandler> = {
    'azureComputeGallery.openSettings': () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
  };
  let handlers: Record<string, CommandHandler> | undefined;
  const loadHandlers = () => (handlers ??= { ...commandsBundle.get().commandTable({ explorer, creations: versionCreations, documents }), ...local });
  const contributed = (context.extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
  registerCommands(
    context,
    Object.fromEntries(
      contributed.map((id): [string, CommandHandler] => [
        id,
        local[id] ??
          ((...args: never[]) => {
            const handler = loadHandlers()[id];
            if (!handler) throw new Error(`${id} has no handler in dist/commands.js: rebuild the extension.`);
            return handler(...args);
          }),
      ]),
    ),
  );

  const activationMs = performance.now() - started;
  log().info(`Activated in ${activationMs.toFixed(1)} ms`);
  // ExtensionMode.Test: VS Code runs tests with the extension under development (--extensionTestsPath).
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    explorer,
    activationMs,
    azureLoadedAtActivation: azureBundle.loaded,
    commandsLoadedAtActivation: commandsBundle.loaded,
    commandHandlerIds: () => Object.keys(loadHandlers()),
    logUri: context.logUri,
    versionCreations,
    testHooks: uiTestHooks,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
