// The messages between the inventory webview and the extension (types only: both sides import
// them, the webview's bundle and dist/commands.js).
import type { InventoryFilter, InventoryRow, InventorySort } from '../model/inventory';

/** What the extension asks of a row: the tree's commands, run by the extension on its id. */
export type InventoryAction = 'reveal' | 'usage' | 'delete';

export type ToWebview =
  /** `partial`: the rows of the pages loaded so far, while later pages load (their "latest" is not known yet). */
  | { type: 'rows'; rows: InventoryRow[]; summary: string; scope: string; partial?: boolean }
  | { type: 'loading' }
  | { type: 'filter'; filter: InventoryFilter; sort?: InventorySort }
  | { type: 'select'; id: string };

export type FromWebview =
  | { type: 'ready' }
  | {
      type: 'shown';
      ids: string[];
      sort: InventorySort;
      filter: InventoryFilter;
      /** From the message that asked for it to the frame after the table was drawn (the bench's first paint). */
      renderMs: number;
      /** Chromium's `performance.memory.usedJSHeapSize` after drawing, where it has it. */
      heapBytes?: number;
      /** The rows shown are a partial load's. */
      partial?: boolean;
    }
  | { type: 'export'; format: 'csv' | 'json'; ids: string[] }
  | { type: 'action'; action: InventoryAction; id: string }
  | { type: 'refresh' };
