import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Azure Compute Gallery" output channel. Never give it tokens, secrets or Authorization headers. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Azure Compute Gallery', { log: true });
  return channel;
}

/** A failure in the output channel: Azure's message, code and request id (never a token). */
export function logFailure(what: string, error: unknown): void {
  const e = (error ?? {}) as { message?: string; code?: string; requestId?: string };
  log().error(`${what}: ${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ''}${e.requestId ? ` request ${e.requestId}` : ''}`);
}
