import type * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import type { Azure } from '../azureLoader';
import type { ExplorerNode } from './explorerProvider';

/** What every node needs: the Azure layer, the signed-in session, and a way to redraw itself. */
export interface TreeContext {
  azure(): Azure;
  session(): AuthSession | undefined;
  refresh(node?: ExplorerNode): void;
  readonly globalState: vscode.Memento;
  /** Starts (or keeps) watching an image version until its replication completes. */
  watchReplication(node: ExplorerNode & { readonly versionId: string }): void;
  /** Has the replication watcher poll this version now; resolves when it has (`error`: the poll failed). */
  pollVersion(node: ExplorerNode & { readonly versionId: string }): Promise<{ error?: unknown }>;
}
