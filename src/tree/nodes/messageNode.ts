import * as vscode from 'vscode';
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

export interface AzureErrorLike {
  message: string;
  code?: string;
  statusCode?: number;
  requestId?: string;
}

/** An error shown in place of a node's children, with Retry on that node only. */
export function errorNode(parent: ExplorerNode | undefined, what: string, error: unknown): MessageNode {
  const e = error as AzureErrorLike;
  const message = e?.message ?? String(error);
  const code = e?.code && e.code !== 'Unknown' ? e.code : undefined;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`Could not load ${what}.\n\n${message}`);
  if (code) tooltip.appendText(`\n\nCode: ${code}`);
  if (e?.requestId) tooltip.appendText(`\nRequest id: ${e.requestId}`);
  tooltip.appendText('\n\nClick to retry.');
  return new MessageNode(parent, `Could not load ${what}: ${message}`, {
    id: parent ? undefined : `acg/error/${what}`,
    icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
    description: code,
    tooltip,
    contextValue: 'acg.error',
    command: { command: 'azureComputeGallery.retry', title: 'Retry', arguments: parent ? [parent] : [] },
  });
}
