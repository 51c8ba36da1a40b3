import * as vscode from 'vscode';
import { failureKind, failureLabel, nextStep, type AzureErrorLike } from '../../ui/failures';
import type { ExplorerNode } from '../explorerProvider';

export interface MessageOptions {
  id?: string;
  icon?: vscode.ThemeIcon;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  command?: vscode.Command;
  contextValue?: string;
}

/** A leaf that says something: empty states, errors with Retry, "Load more…". */
export class MessageNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly label: string,
    private readonly options: MessageOptions = {},
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.options.id;
    item.iconPath = this.options.icon ?? new vscode.ThemeIcon('info');
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.command = this.options.command;
    item.contextValue = this.options.contextValue ?? 'acg.message';
    return item;
  }
}

/** An error shown in place of a node's children: Retry on that node only, or Sign In when that is what it needs. */
export function errorNode(parent: ExplorerNode | undefined, what: string, error: unknown): MessageNode {
  const e = (error ?? {}) as AzureErrorLike;
  const kind = failureKind(error);
  const code = e.code && e.code !== 'Unknown' ? e.code : undefined;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`Could not load ${what}.\n\n${e.message ?? String(error)}`);
  if (code) tooltip.appendText(`\n\nCode: ${code}`);
  if (e.requestId) tooltip.appendText(`\nRequest id: ${e.requestId}`);
  tooltip.appendText(`\n\n${nextStep(error)}`);
  const signIn = kind === 'signIn';
  tooltip.appendText(signIn ? '\n\nClick to sign in.' : '\n\nClick to retry.');
  return new MessageNode(parent, failureLabel(what, error), {
    id: parent ? undefined : `acg/error/${what}`,
    icon: new vscode.ThemeIcon(kind === 'throttled' ? 'watch' : kind === 'forbidden' ? 'lock' : 'error', new vscode.ThemeColor(kind === 'throttled' ? 'list.warningForeground' : 'list.errorForeground')),
    description: code,
    tooltip,
    contextValue: signIn ? 'acg.error.signIn' : 'acg.error',
    command: signIn
      ? { command: 'azureComputeGallery.signIn', title: 'Sign In' }
      : { command: 'azureComputeGallery.retry', title: 'Retry', arguments: parent ? [parent] : [] },
  });
}
