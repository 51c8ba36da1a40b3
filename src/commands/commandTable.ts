import * as vscode from 'vscode';
import { commandWords, failureKind, failureMessage, isTransient } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';

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
          const e = error as { message?: string; code?: string; requestId?: string };
          log().error(`${id}: ${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ''}${e.requestId ? ` request ${e.requestId}` : ''}`);
          const kind = failureKind(error);
          if (kind === 'cancelled') return undefined;
          // Sign In, then the same action again; Retry only for what may pass by itself.
          const action = kind === 'signIn' ? 'Sign In and Retry' : isTransient(error) ? 'Retry' : undefined;
          const chosen = await notify('error', failureMessage(commandWords(id), error), ...(action ? [action] : []));
          if (chosen === 'Sign In and Retry') {
            const signedIn = await vscode.commands.executeCommand<boolean>('azureComputeGallery.signIn');
            if (signedIn) return vscode.commands.executeCommand(id, ...args);
          } else if (chosen === 'Retry') {
            return vscode.commands.executeCommand(id, ...args);
          }
          return undefined;
        }
      }),
    );
  }
}

