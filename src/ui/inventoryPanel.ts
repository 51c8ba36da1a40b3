// The inventory's webview panel: its HTML with a strict Content-Security-Policy (one nonce'd script
// from dist/webview, no remote content, nothing inline but the nonce'd style), and the messages to
// and from dist/webview/inventory.js. What a message asks (an export, a row's command) is the
// caller's to do: this module only shows and listens.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { InventoryFilter, InventoryRow, InventorySort } from '../model/inventory';
import type { FromWebview, ToWebview } from '../webview/inventoryMessages';

export const INVENTORY_VIEW_TYPE = 'azureComputeGallery.inventory';

export interface InventoryPanelHandlers {
  onExport(format: 'csv' | 'json', ids: string[]): Promise<void>;
  onAction(action: 'reveal' | 'usage' | 'delete', id: string): Promise<void>;
  onRefresh(): Promise<void>;
}

/** What the table shows now, as the webview last reported it. */
export type ShownRows = Omit<Extract<FromWebview, { type: 'shown' }>, 'type'> & {
  /** When the extension heard of it (performance.now()). */
  receivedAt: number;
};

const FILTER_PLACEHOLDER = 'Filter by gallery, definition, version, OS, region, state…';

function html(webview: vscode.Webview, script: vscode.Uri, nonce: string): string {
  // default-src 'none': no fetch, frame, image or font from anywhere; the one script and the one
  // style element carry the nonce. Lit's components style their shadow roots with constructed
  // style sheets, which script creates and the style-src nonce does not govern.
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Inventory</title>
<style nonce="${nonce}">
  body { background: var(--vscode-editor-background); padding: 0 16px; display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; margin: 0; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { flex: none; padding-top: 8px; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 4px 0; }
  #scope { color: var(--vscode-descriptionForeground); font-weight: normal; }
  #scope:not(:empty)::before { content: ' · '; }
  #summary { margin: 4px 0 8px; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
  #filter { flex: 1 1 280px; min-width: 200px; }
  #selection { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
  #selection[hidden] { display: none; }
  vscode-table { flex: 1 1 auto; min-height: 120px; }
  vscode-table-row[aria-selected="true"] { background: var(--vscode-list-inactiveSelectionBackground); color: var(--vscode-list-inactiveSelectionForeground); }
  vscode-table-row:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
  button.sort { all: unset; cursor: pointer; font-weight: 600; white-space: nowrap; }
  button.sort:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  .eol.expired { color: var(--vscode-errorForeground); font-weight: 600; }
  .eol.expiring { color: var(--vscode-editorWarning-foreground); font-weight: 600; }
  .latest { font-weight: 600; }
  footer { flex: none; display: flex; gap: 8px; align-items: center; padding: 8px 0; }
  #status { flex: 1; }
  body.loading vscode-table { opacity: 0.5; }
</style>
</head>
<body class="loading">
<header>
  <h1>Inventory <span id="scope"></span></h1>
  <p id="summary" role="status">Loading image versions…</p>
  <div class="toolbar" role="toolbar" aria-label="Inventory">
    <vscode-textfield id="filter" type="search" placeholder="${FILTER_PLACEHOLDER}" aria-label="Filter the image versions"></vscode-textfield>
    <vscode-single-select id="eol" aria-label="End of life">
      <vscode-option value="all">Any end of life</vscode-option>
      <vscode-option value="expiredOrExpiring">Expired or within 30 days</vscode-option>
      <vscode-option value="expired">Expired</vscode-option>
      <vscode-option value="expiring">Within 30 days</vscode-option>
    </vscode-single-select>
    <vscode-button id="export-csv" secondary>Export CSV…</vscode-button>
    <vscode-button id="export-json" secondary>Export JSON…</vscode-button>
    <vscode-button id="refresh" secondary>Refresh</vscode-button>
  </div>
  <div id="selection" role="toolbar" aria-label="Selected image version" hidden>
    <span id="selected-name"></span>
    <vscode-button id="action-reveal">Reveal in Tree</vscode-button>
    <vscode-button id="action-usage" secondary>Show Usage</vscode-button>
    <vscode-button id="action-delete" secondary>Delete…</vscode-button>
  </div>
</header>
<vscode-table id="table" zebra bordered-columns resizable aria-label="Image versions" columns='["9%", "7%", "8%", "10%", "7%", "5%", "8%", "12%", "6%", "9%", "5%", "4%", "4%", "6%"]'>
  <vscode-table-header slot="header" id="header"></vscode-table-header>
  <vscode-table-body slot="body" id="body"></vscode-table-body>
</vscode-table>
<footer>
  <span id="status" aria-live="polite"></span>
  <vscode-button id="previous" secondary>Previous page</vscode-button>
  <vscode-button id="next" secondary>Next page</vscode-button>
</footer>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}

export class InventoryPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private shown: ShownRows | undefined;
  private firstOfLoad: ShownRows | undefined;
  private readonly shownListeners: Array<(shown: ShownRows) => void> = [];
  private readonly ready: Promise<void>;
  private disposed = false;

  constructor(extensionUri: vscode.Uri, title: string, handlers: InventoryPanelHandlers, onDispose: () => void) {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(INVENTORY_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
      // The rows are a few megabytes at most; keeping them beats reloading from Azure on every tab switch.
      retainContextWhenHidden: true,
      enableFindWidget: true,
    });
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.panel.webview.onDidReceiveMessage(async (message: FromWebview) => {
      switch (message.type) {
        case 'ready':
          markReady();
          break;
        case 'shown':
          this.shown = { ids: message.ids, sort: message.sort, filter: message.filter, renderMs: message.renderMs, heapBytes: message.heapBytes, partial: message.partial, receivedAt: performance.now() };
          this.firstOfLoad ??= this.shown;
          // What a caller waits for is the whole list shown, not the first pages' rows.
          if (!message.partial) for (const l of this.shownListeners.splice(0)) l(this.shown);
          break;
        case 'export':
          await handlers.onExport(message.format, message.ids);
          break;
        case 'action':
          await handlers.onAction(message.action, message.id);
          break;
        case 'refresh':
          await handlers.onRefresh();
          break;
      }
    });
    this.panel.onDidDispose(() => {
      this.disposed = true;
      onDispose();
    });
    this.panel.webview.html = html(this.panel.webview, vscode.Uri.joinPath(root, 'inventory.js'), randomBytes(16).toString('base64'));
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** What the table shows now (undefined until the webview first rendered rows). */
  get shownRows(): ShownRows | undefined {
    return this.shown;
  }

  private async post(message: ToWebview): Promise<void> {
    await this.ready;
    if (!this.disposed) await this.panel.webview.postMessage(message);
  }

  /** What the webview first painted since the last loading() (the first pages' rows, or all of them). */
  get firstShownOfLoad(): ShownRows | undefined {
    return this.firstOfLoad;
  }

  loading(): Promise<void> {
    this.firstOfLoad = undefined;
    return this.post({ type: 'loading' });
  }

  /** Shows the rows; resolves when the webview has rendered them (with its filter and sort). */
  show(rows: InventoryRow[], summary: string, scope: string): Promise<ShownRows> {
    const next = this.nextShown();
    void this.post({ type: 'rows', rows, summary, scope });
    return next;
  }

  /** Shows the rows of the pages loaded so far, while the rest load: painted first, replaced by show(). */
  showPartial(rows: InventoryRow[], summary: string, scope: string): void {
    void this.post({ type: 'rows', rows, summary, scope, partial: true });
  }

  /** Sets the filter (and sort) as if typed; resolves with what the table then shows. */
  setFilter(filter: InventoryFilter, sort?: InventorySort): Promise<ShownRows> {
    const next = this.nextShown();
    void this.post({ type: 'filter', filter, sort });
    return next;
  }

  select(id: string): Promise<void> {
    return this.post({ type: 'select', id });
  }

  reveal(): void {
    this.panel.reveal();
  }

  private nextShown(): Promise<ShownRows> {
    return new Promise((resolve) => this.shownListeners.push(resolve));
  }

  dispose(): void {
    this.panel.dispose();
  }
}
