import * as vscode from 'vscode';
import { log } from '../ui/log';

// never[]: any handler's parameter list fits; VS Code passes whatever the menu or caller gives.
export type CommandHandler = (...args: never[]) => unknown;

/** Registers every command in one place, so a failing handler is always reported the same way. */
export function registerCommands(context: vscode.ExtensionContext, table: Record<string, CommandHandler>): void {
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (handler as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log().error(`${id}: ${message}`);
          void vscode.window.showErrorMessage(message);
          return undefined;
        }
      }),
    );
  }
}
