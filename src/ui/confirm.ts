import * as vscode from 'vscode';
import type { ConfirmRequest } from './wizard';

export type { ConfirmRequest } from './wizard';

/** Answers confirmations instead of the modal dialog (tests: modal dialogs throw in the test workbench). */
export type ConfirmHandler = (request: ConfirmRequest) => boolean | Promise<boolean>;

let handler: ConfirmHandler | undefined;

/** Every confirmation of the extension goes through here; tests answer it with setConfirmHandler. */
export async function confirm(request: ConfirmRequest): Promise<boolean> {
  if (handler) return handler(request);
  const choice = await vscode.window.showWarningMessage(request.message, { modal: true, detail: request.detail }, request.confirmLabel);
  return choice === request.confirmLabel;
}

/** Installs (or, with undefined, removes) the handler that answers confirmations. */
export function setConfirmHandler(next: ConfirmHandler | undefined): void {
  handler = next;
}
