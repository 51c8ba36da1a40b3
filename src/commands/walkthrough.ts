import * as vscode from 'vscode';
import { STEP_DONE_WHEN } from './walkthroughSteps';

// The Get Started walkthrough (package.json contributes.walkthroughs): each step completes when
// the user has done it, not when a command merely ran. A command that succeeds answers something
// (the created resource, the chosen subscriptions); Escape and failures answer undefined. So the
// command table sets the step's context key only after an answer.

/** Marks the command's walkthrough step done when the command answered something. */
export function markStepDone(commandId: string, answer: unknown): void {
  const key = STEP_DONE_WHEN[commandId];
  if (key !== undefined && answer !== undefined) void vscode.commands.executeCommand('setContext', key, true);
}
