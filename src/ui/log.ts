import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Azure Compute Gallery" output channel. Never give it tokens, secrets or Authorization headers. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Azure Compute Gallery', { log: true });
  return channel;
}
