import * as vscode from 'vscode';
import { asCommandFailure, EDIT_AND_TRY_AGAIN, failureActions, failureKind, failureLogLine, failureText, RETRY, SIGN_IN_AND_RETRY, type FailureDetails } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { markStepDone } from './walkthrough';

// never[]: any handler's parameter list fits; VS Code passes whatever the menu or caller gives.
export type CommandHandler = (...args: never[]) => unknown;

/**
 * Registers every command in one place, and is the one failure path: a handler throws (a
 * CommandFailure with its context and offers, or any error); this logs it, words it through
 * ui/failures.ts, shows it, and runs the action chosen. No command shows its own error.
 */
export function registerCommands(context: vscode.ExtensionContext, table: Record<string, CommandHandler>): void {
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          const answer = await (handler as (...a: unknown[]) => unknown)(...args);
          markStepDone(id, answer);
          return answer;
        } catch (error) {
          return reportFailure(id, args, asCommandFailure(error, id));
        }
      }),
    );
  }
}

/** Shows the failure and runs what the user picks; answers what the command answers its caller. */
async function reportFailure(id: string, args: unknown[], failure: FailureDetails): Promise<unknown> {
  log().error(failureLogLine(id, failure));
  if (failure.cause !== undefined && failureKind(failure.cause) === 'cancelled') return failure.result;
  const actions = failureActions(failure);
  const shown = notify(failure.severity ?? 'error', failureText(failure), ...actions);
  // Nothing to pick: the caller need not wait until the notification is closed.
  if (actions.length === 0) return failure.result;
  const chosen = await shown;
  // Retry repeats what was asked: the answers when the command gave them (no prompts), else its arguments.
  const again = () => vscode.commands.executeCommand(id, ...(failure.answers ? [{ ...failure.answers, edit: false }] : args));
  switch (chosen) {
    case undefined:
      return failure.result;
    case SIGN_IN_AND_RETRY:
      return (await vscode.commands.executeCommand<boolean>('azureComputeGallery.signIn')) ? again() : failure.result;
    case RETRY:
      return again();
    case EDIT_AND_TRY_AGAIN:
      return vscode.commands.executeCommand(id, { ...failure.answers, edit: true });
    default:
      return failure.actions?.find((a) => a.label === chosen)?.run();
  }
}
