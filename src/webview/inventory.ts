// The inventory table, in the webview (dist/webview/inventory.js, a browser bundle): rows from the
// extension, sorted and filtered here with the model's own functions, shown a page at a time with
// @vscode-elements/elements (VS Code's look, theme variables, roles for screen readers). Nothing
// here talks to Azure or runs a command: exports and row actions are messages to the extension,
// which runs the tree's commands.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  cellText,
  filterRows,
  INVENTORY_COLUMNS,
  searchTextOf,
  sortRows,
  type InventoryColumn,
  type InventoryFilter,
  type InventoryRow,
  type InventorySort,
} from '../model/inventory';
import type { FromWebview, ToWebview } from './inventoryMessages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const PAGE = 100;
const DAY_MS = 86_400_000;

interface Row extends InventoryRow {
  /** The row's text for the filter, worked out the first time a filter needs it (not before the first paint). */
  search?: string;
}

const searchOf = (r: Row): string => (r.search ??= searchTextOf(r));

const state = {
  rows: [] as Row[],
  shown: [] as Row[],
  filter: { text: '', endOfLife: 'all' } as Required<InventoryFilter>,
  sort: { column: 'tree', descending: false } as InventorySort,
  page: 0,
  selected: undefined as string | undefined,
  /** The rows are the first pages' while later pages load: "latest" is not known yet. */
  partial: false,
};

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The end-of-life cell: the date, and words (not only a colour) when it is past or near. */
function endOfLifeCell(r: InventoryRow): HTMLElement {
  const cell = el('vscode-table-cell');
  if (!r.endOfLife) return cell;
  const days = Math.ceil((Date.parse(`${r.endOfLife}T00:00:00Z`) - Date.now()) / DAY_MS);
  const words = r.endOfLifeState === 'expired' ? 'expired' : r.endOfLifeState === 'expiring' ? `in ${Math.max(days, 0)} days` : '';
  const text = words ? `${r.endOfLife} (${words})` : r.endOfLife;
  const span = el('span', { class: `eol ${r.endOfLifeState}`, title: text }, text);
  cell.append(span);
  return cell;
}

function rowElement(r: Row): HTMLElement {
  const row = el('vscode-table-row', { tabindex: '-1', 'data-id': r.id, 'aria-selected': String(r.id === state.selected) });
  row.dataset.vscodeContext = JSON.stringify({ webviewSection: 'imageVersion', id: r.id, preventDefaultContextMenuItems: true });
  for (const c of INVENTORY_COLUMNS) {
    if (c.key === 'endOfLife') row.append(endOfLifeCell(r));
    else if (c.key === 'latest' && state.partial) row.append(el('vscode-table-cell', { title: 'Known once every image version is loaded' }, '…'));
    else {
      // The full text on hover too: a narrow column cuts it off with an ellipsis.
      const text = cellText(r, c.key);
      row.append(el('vscode-table-cell', { ...(c.key === 'latest' && r.latest ? { class: 'latest' } : {}), title: text }, text));
    }
  }
  return row;
}

function headerCell(key: InventoryColumn, title: string): HTMLElement {
  const cell = el('vscode-table-header-cell');
  const sorted = state.sort.column === key;
  cell.setAttribute('aria-sort', sorted ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
  const button = el('button', { class: 'sort', type: 'button', 'data-column': key, title: `Sort by ${title}` }, `${title}${sorted ? (state.sort.descending ? ' ▼' : ' ▲') : ''}`);
  cell.append(button);
  return cell;
}

function renderTable(): void {
  const header = $('header');
  header.replaceChildren(...INVENTORY_COLUMNS.map((c) => headerCell(c.key, c.title)));
  const pages = Math.max(1, Math.ceil(state.shown.length / PAGE));
  state.page = Math.min(state.page, pages - 1);
  const start = state.page * PAGE;
  const slice = state.shown.slice(start, start + PAGE);
  $('body').replaceChildren(...slice.map(rowElement));
  const of = state.shown.length === state.rows.length ? '' : ` (filtered from ${state.rows.length})`;
  const more = state.partial ? '; loading more…' : '';
  $('status').textContent =
    state.shown.length === 0
      ? state.partial
        ? 'Loading image versions…'
        : state.rows.length === 0
          ? 'No image versions in scope.'
          : 'No image version matches the filter.'
      : `Rows ${start + 1}–${start + slice.length} of ${state.shown.length}${of}${more}`;
  ($('previous') as HTMLElement & { disabled: boolean }).disabled = state.page === 0;
  ($('next') as HTMLElement & { disabled: boolean }).disabled = state.page >= pages - 1;
  ($('selection') as HTMLElement).hidden = !state.selected;
}

/** Filter and sort everything, show the first page, and tell the extension what is shown once it is painted. */
function apply(started = performance.now()): void {
  const filtered = filterRows(state.rows, state.filter, searchOf);
  // The extension sends the rows in the tree's order: the initial sort has nothing to do.
  state.shown = state.sort.column === 'tree' && !state.sort.descending ? filtered : sortRows(filtered, state.sort);
  state.page = 0;
  renderTable();
  vscode.setState({ filter: state.filter, sort: state.sort });
  const ids = state.shown.map((r) => r.id);
  // The frame after the one that drew the table: what "first paint" means in the benchmark.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const heapBytes = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      vscode.postMessage({ type: 'shown', ids, sort: state.sort, filter: state.filter, renderMs: performance.now() - started, heapBytes, partial: state.partial });
    }),
  );
}

function select(id: string | undefined, focus: boolean): void {
  state.selected = id;
  for (const row of Array.from($('body').children) as HTMLElement[]) row.setAttribute('aria-selected', String(row.dataset.id === id));
  ($('selection') as HTMLElement).hidden = !id;
  const version = state.rows.find((r) => r.id === id);
  $('selected-name').textContent = version ? `${version.gallery} › ${version.definition} › ${version.version}` : '';
  if (focus && id) (Array.from($('body').children) as HTMLElement[]).find((r) => r.dataset.id === id)?.focus();
}

function onTableKey(event: KeyboardEvent): void {
  const rows = Array.from($('body').children) as HTMLElement[];
  const at = rows.findIndex((r) => r.dataset.id === state.selected);
  const move = (to: number) => {
    event.preventDefault();
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (target) select(target.dataset.id, true);
  };
  if (event.key === 'ArrowDown') move(at + 1);
  else if (event.key === 'ArrowUp') move(at - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(rows.length - 1);
  else if (event.key === 'Enter' && state.selected) vscode.postMessage({ type: 'action', action: 'reveal', id: state.selected });
  else if (event.key === 'Delete' && state.selected) vscode.postMessage({ type: 'action', action: 'delete', id: state.selected });
}

function wire(): void {
  const filter = $('filter') as HTMLElement & { value: string };
  filter.value = state.filter.text;
  filter.addEventListener('input', () => {
    state.filter.text = filter.value;
    apply();
  });
  const eol = $('eol') as HTMLElement & { value: string };
  eol.value = state.filter.endOfLife;
  eol.addEventListener('change', () => {
    state.filter.endOfLife = eol.value as Required<InventoryFilter>['endOfLife'];
    apply();
  });
  $('header').addEventListener('click', (event) => {
    const column = (event.target as HTMLElement).closest('button.sort')?.getAttribute('data-column') as InventoryColumn | null;
    if (!column) return;
    state.sort = { column, descending: state.sort.column === column ? !state.sort.descending : false };
    apply();
    ($('header').querySelector(`button[data-column="${column}"]`) as HTMLElement | null)?.focus();
  });
  $('body').addEventListener('click', (event) => {
    const row = (event.target as HTMLElement).closest('vscode-table-row') as HTMLElement | null;
    if (row) select(row.dataset.id, true);
  });
  $('body').addEventListener('dblclick', () => state.selected && vscode.postMessage({ type: 'action', action: 'reveal', id: state.selected }));
  $('body').addEventListener('keydown', onTableKey);
  $('previous').addEventListener('click', () => {
    state.page -= 1;
    renderTable();
  });
  $('next').addEventListener('click', () => {
    state.page += 1;
    renderTable();
  });
  for (const format of ['csv', 'json'] as const) $(`export-${format}`).addEventListener('click', () => vscode.postMessage({ type: 'export', format, ids: state.shown.map((r) => r.id) }));
  for (const action of ['reveal', 'usage', 'delete'] as const) {
    $(`action-${action}`).addEventListener('click', () => state.selected && vscode.postMessage({ type: 'action', action, id: state.selected }));
  }
  $('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
}

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case 'rows': {
      const started = performance.now();
      state.rows = message.rows;
      state.partial = message.partial === true;
      $('summary').textContent = message.summary;
      $('scope').textContent = message.scope;
      document.body.classList.remove('loading');
      document.body.classList.toggle('partial', state.partial);
      if (state.selected && !state.rows.some((r) => r.id === state.selected)) state.selected = undefined;
      apply(started);
      break;
    }
    case 'loading':
      document.body.classList.add('loading');
      $('status').textContent = 'Loading image versions…';
      break;
    case 'filter': {
      state.filter = { text: message.filter.text ?? '', endOfLife: message.filter.endOfLife ?? 'all' };
      ($('filter') as HTMLElement & { value: string }).value = state.filter.text;
      ($('eol') as HTMLElement & { value: string }).value = state.filter.endOfLife;
      if (message.sort) state.sort = message.sort;
      apply();
      break;
    }
    case 'select':
      select(message.id, true);
      break;
  }
}

const saved = vscode.getState() as { filter?: Required<InventoryFilter>; sort?: InventorySort } | undefined;
if (saved?.filter) state.filter = saved.filter;
if (saved?.sort) state.sort = saved.sort;
wire();
window.addEventListener('message', (event: MessageEvent<ToWebview>) => onMessage(event.data));
vscode.postMessage({ type: 'ready' });
