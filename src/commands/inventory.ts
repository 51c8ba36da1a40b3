// Inventory…: every image version in scope — the selected subscriptions (view title, palette), one
// subscription or one gallery (their context menus) — as a table in a webview, loaded with one
// Resource Graph query per signed-in identity and cloud (src/azure/inventory.ts). The user sorts
// and filters in the webview (src/webview/inventory.ts), exports what it shows as CSV or JSON, and
// acts on a row with the tree's own commands, run on the row's resource id: Show Usage and Delete
// Image Version (`{ id }`), and Reveal in Tree through Explorer.findNode as Find… does.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../constants';
import { parseArmId } from '../model/armId';
import { inventoryRows, inventorySummary, toCsv, toJson, type InventoryFilter, type InventoryRow, type InventorySort } from '../model/inventory';
import type { InventoryResources } from '../azure/inventory';
import type { PageDone } from '../azure/resourceGraph';
import type { Explorer } from '../tree/explorer';
import { isNodeOf } from '../tree/capabilities';
import type { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import { azureFailure } from '../ui/failures';
import { InventoryPanel, type ShownRows } from '../ui/inventoryPanel';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import type { InventoryAction } from '../webview/inventoryMessages';
import { isOptionsObject, signedInSubscriptions, subscriptionNode } from './createCommon';
import { DELETE_VERSION_COMMAND, type DeleteReport } from './deleteResource';
import { byIdentity } from './imageUsage';
import { subscriptionNames } from './manageCommon';
import { SHOW_USAGE_COMMAND } from './showUsage';

export const INVENTORY_COMMAND = 'azureComputeGallery.inventory';
const TITLE = 'Inventory';

export interface InventoryOptions {
  /** The scope by id: a subscription (`/subscriptions/{id}`) or a gallery; every selected subscription when absent. */
  id?: string;
  /** Where an export is written, instead of asking with a save dialog (tests, scripts). */
  saveTo?: (format: 'csv' | 'json') => vscode.Uri | undefined;
  /** More options for the commands a row's action runs (tests and scripts: a prompter, `confirmed`). */
  actionOptions?: Record<string, unknown>;
  abortSignal?: AbortSignal;
}

/** The open inventory, as the command answers its caller (tests, scripts). */
export interface InventoryView {
  readonly scope: string;
  readonly rows: readonly InventoryRow[];
  readonly panel: vscode.WebviewPanel;
  /** What the table shows now (its filter and sort applied), as the webview last said. */
  shown(): ShownRows | undefined;
  /** What the table first painted in the last load: the first page's rows while later pages loaded, or all of them. */
  firstShown(): ShownRows | undefined;
  filter(filter: InventoryFilter, sort?: InventorySort): Promise<ShownRows>;
  /** Exports what the table shows, as the Export buttons do; answers the file written. */
  export(format: 'csv' | 'json'): Promise<vscode.Uri | undefined>;
  /** Runs a row's action, as its button does; answers what the command answered. */
  action(action: InventoryAction, id: string): Promise<unknown>;
  reload(): Promise<readonly InventoryRow[]>;
}

interface Scope {
  key: string;
  label: string;
  subscriptions: SubscriptionNode[];
  galleryId?: string;
}

async function scopeOf(explorer: Explorer, args: unknown[]): Promise<Scope> {
  const [first] = args;
  const options = (args.find(isOptionsObject) ?? {}) as InventoryOptions;
  const all = await signedInSubscriptions(explorer);
  if (isNodeOf(first, 'subscription')) return { key: first.subscription.subscriptionId.toLowerCase(), label: first.subscription.name, subscriptions: [first] };
  if (isNodeOf(first, 'gallery')) return { key: first.resourceId.toLowerCase(), label: first.gallery.name, subscriptions: [first.parent], galleryId: first.resourceId };
  if (options.id) {
    const ref = parseArmId(options.id);
    const node = ref ? subscriptionNode(explorer, (ref as { subscriptionId?: string }).subscriptionId ?? '') : undefined;
    if (!ref || !node) throw new Error(`${TITLE}: ${options.id} is not a subscription or gallery of a signed-in subscription (Select Subscriptions… to add it).`);
    if (ref.kind === 'gallery') return { key: options.id.toLowerCase(), label: ref.galleryName, subscriptions: [node], galleryId: options.id };
    if (ref.kind !== 'subscription') throw new Error(`${TITLE}: ${options.id} is neither a subscription nor a gallery.`);
    return { key: ref.subscriptionId.toLowerCase(), label: node.subscription.name, subscriptions: [node] };
  }
  return { key: '*', label: all.length === 1 ? all[0]!.subscription.name : `${all.length} subscriptions`, subscriptions: all };
}

async function loadRows(explorer: Explorer, scope: Scope, abortSignal?: AbortSignal, onFirstPage?: (rows: InventoryRow[]) => void): Promise<InventoryRow[]> {
  try {
    const versions = [];
    const definitions = [];
    const names = subscriptionNames(explorer);
    for (const group of byIdentity(scope.subscriptions)) {
      const ids = group.map((n) => n.subscription.subscriptionId);
      // The first page's rows are painted while the later pages load (Resource Graph's pages come one after another).
      const onPage = (page: PageDone, sofar: InventoryResources) => {
        if (page.index === 0 && versions.length === 0 && !page.last && sofar.versions.length > 0) onFirstPage?.(inventoryRows(sofar.versions, sofar.definitions, names, new Date()));
      };
      const found = await explorer.azure().inventoryResources(group[0]!.subscription.target, ids, { abortSignal, galleryId: scope.galleryId, onPage });
      versions.push(...found.versions);
      definitions.push(...found.definitions);
    }
    const rows = inventoryRows(versions, definitions, names, new Date());
    log().info(`${TITLE}: ${rows.length} image versions in ${scope.label}`);
    return rows;
  } catch (error) {
    throw azureFailure(`list the image versions of ${scope.label} with Resource Graph`, error);
  }
}

async function saveUri(format: 'csv' | 'json', options: InventoryOptions): Promise<vscode.Uri | undefined> {
  if (options.saveTo) return options.saveTo(format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `image-versions.${format}`;
  return vscode.window.showSaveDialog({
    title: `Export the inventory as ${format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    saveLabel: 'Export',
  });
}

/** One panel per scope: running the command again on the same scope shows it and reloads it. */
const open = new Map<string, InventoryView>();

class OpenInventory implements InventoryView {
  rows: InventoryRow[] = [];
  readonly panel: vscode.WebviewPanel;
  private readonly view: InventoryPanel;

  constructor(
    private readonly explorer: Explorer,
    private readonly scopeInfo: Scope,
    private options: InventoryOptions,
  ) {
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    this.view = new InventoryPanel(
      extensionUri,
      `${TITLE}: ${scopeInfo.label}`,
      {
        onExport: async (format, ids) => void (await this.exportIds(format, ids)),
        onAction: async (action, id) => void (await this.action(action, id)),
        // From the Refresh button no command is running: its failure is shown here.
        onRefresh: () => this.reload().then(
          () => undefined,
          (error: unknown) => void notify('error', error instanceof Error ? error.message : String(error)),
        ),
      },
      () => open.delete(scopeInfo.key),
    );
    this.panel = this.view.panel;
  }

  get scope(): string {
    return this.scopeInfo.label;
  }

  shown(): ShownRows | undefined {
    return this.view.shownRows;
  }

  use(options: InventoryOptions): void {
    this.options = options;
  }

  firstShown(): ShownRows | undefined {
    return this.view.firstShownOfLoad;
  }

  async reload(): Promise<readonly InventoryRow[]> {
    void this.view.loading();
    const label = this.scopeInfo.label;
    this.rows = await loadRows(this.explorer, this.scopeInfo, this.options.abortSignal, (rows) => this.view.showPartial(rows, `${inventorySummary(rows)} so far; loading more…`, label));
    await this.view.show(this.rows, inventorySummary(this.rows), this.scopeInfo.label);
    return this.rows;
  }

  filter(filter: InventoryFilter, sort?: InventorySort): Promise<ShownRows> {
    return this.view.setFilter(filter, sort);
  }

  export(format: 'csv' | 'json'): Promise<vscode.Uri | undefined> {
    return this.exportIds(format, this.view.shownRows?.ids ?? this.rows.map((r) => r.id));
  }

  private async exportIds(format: 'csv' | 'json', ids: readonly string[]): Promise<vscode.Uri | undefined> {
    const byId = new Map(this.rows.map((r) => [r.id, r]));
    const rows = ids.map((id) => byId.get(id)).filter((r): r is InventoryRow => r !== undefined);
    const uri = await saveUri(format, this.options);
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(format === 'csv' ? toCsv(rows) : toJson(rows)));
    log().info(`${TITLE}: exported ${rows.length} rows to ${uri.toString()}`);
    void notify('info', `Exported ${rows.length} image versions to ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}.`);
    return uri;
  }

  async action(action: InventoryAction, id: string): Promise<unknown> {
    switch (action) {
      case 'reveal': {
        const node = await this.explorer.findNode(id, 'imageVersion');
        if (!node) {
          void notify('warning', `${id.split('/').pop()} is not in the tree: it may have been deleted since Resource Graph indexed it. Refresh the view.`);
          return false;
        }
        // Explorer.reveal reveals once more when a batched redraw of an ancestor left nothing selected.
        await this.explorer.reveal(node, { select: true, focus: true });
        return true;
      }
      case 'usage':
        return vscode.commands.executeCommand(SHOW_USAGE_COMMAND, { ...this.options.actionOptions, id });
      case 'delete': {
        const report = await vscode.commands.executeCommand<DeleteReport | undefined>(DELETE_VERSION_COMMAND, { ...this.options.actionOptions, id });
        const deleted = new Set((report?.results ?? []).filter((r) => r.outcome === 'deleted').map((r) => r.item.id.toLowerCase()));
        if (deleted.size > 0) {
          // Resource Graph trails ARM by seconds: the row goes now rather than on a reload.
          this.rows = this.rows.filter((r) => !deleted.has(r.id.toLowerCase()));
          await this.view.show(this.rows, inventorySummary(this.rows), this.scopeInfo.label);
        }
        return report;
      }
    }
  }

  reveal(): void {
    this.view.reveal();
  }
}

export async function inventory(explorer: Explorer, ...args: unknown[]): Promise<InventoryView> {
  const options = (args.find(isOptionsObject) ?? {}) as InventoryOptions;
  const scope = await scopeOf(explorer, args);
  const existing = open.get(scope.key) as OpenInventory | undefined;
  const view = existing ?? new OpenInventory(explorer, scope, options);
  if (existing) {
    existing.use(options);
    existing.reveal();
  } else open.set(scope.key, view);
  try {
    await view.reload();
  } catch (error) {
    if (!existing) view.panel.dispose();
    throw error;
  }
  return view;
}
