import * as vscode from 'vscode';

export type NotificationKind = 'info' | 'warning' | 'error';

export interface Notification {
  kind: NotificationKind;
  message: string;
  /** Buttons offered with the message. */
  actions: string[];
}

/** Sees every notification instead of the user; may answer with one of its actions. */
export type NotificationListener = (notification: Notification) => string | undefined | void;

let listener: NotificationListener | undefined;

/**
 * Shows a notification (non-modal) and resolves with the action clicked, if any. The outcome of
 * every create command is reported here, so that tests can read what the user would have read.
 */
export async function notify(kind: NotificationKind, message: string, ...actions: string[]): Promise<string | undefined> {
  if (listener) return listener({ kind, message, actions }) ?? undefined;
  switch (kind) {
    case 'info':
      return vscode.window.showInformationMessage(message, ...actions);
    case 'warning':
      return vscode.window.showWarningMessage(message, ...actions);
    case 'error':
      return vscode.window.showErrorMessage(message, ...actions);
  }
}

/** Installs (or, with undefined, removes) the listener. */
export function setNotificationListener(next: NotificationListener | undefined): void {
  listener = next;
}
