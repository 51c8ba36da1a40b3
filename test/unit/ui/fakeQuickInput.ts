// A fake of the few parts of the `vscode` module that src/ui/vscodePrompter.ts uses (quick picks,
// input boxes, the Back button), for plain-Node unit tests of that adapter. Importing this file
// makes `require('vscode')` return the fake, so it must be imported before anything under src/
// that imports 'vscode'. Only the UI helpers are tested this way; everything else runs in the real
// workbench (test/integration, test/e2e).
//
// The fakes follow VS Code where the adapter depends on it: dispose() hides a visible input (and so
// fires onDidHide), setting `selectedItems` from code does not fire onDidChangeSelection, and a
// single-select pick copies its active item into `selectedItems` when Enter is pressed. The methods
// named after what a user does (type, accept, back, escape, toggle, activate) are the only ones
// that fire events.
import Module from 'node:module';
import * as path from 'node:path';
import type * as vscode from 'vscode';

type Listener<T> = (event: T) => unknown;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) void listener(event);
  }
}

export const BackButton: vscode.QuickInputButton = { iconPath: { id: 'arrow-left' } as vscode.ThemeIcon, tooltip: 'Back' };

abstract class FakeQuickInput {
  abstract readonly kind: 'input' | 'pick';
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  enabled = true;
  busy = false;
  ignoreFocusOut = false;
  buttons: readonly vscode.QuickInputButton[] = [];
  placeholder: string | undefined;
  value = '';
  visible = false;
  disposed = false;

  protected readonly accepted = new Emitter<void>();
  protected readonly hidden = new Emitter<void>();
  protected readonly changedValue = new Emitter<string>();
  protected readonly triggered = new Emitter<vscode.QuickInputButton>();
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidChangeValue = this.changedValue.event;
  readonly onDidTriggerButton = this.triggered.event;

  constructor(private readonly ui: FakeWindow) {}

  show(): void {
    if (this.disposed) throw new Error('show() after dispose()');
    this.visible = true;
    this.ui.shown(this as unknown as FakeInput);
  }

  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.hidden.fire();
  }

  dispose(): void {
    this.hide();
    this.disposed = true;
  }

  // What the user does.

  type(value: string): void {
    this.mustBeOpen();
    this.value = value;
    this.changedValue.fire(value);
  }

  accept(): void {
    this.mustBeOpen();
    this.accepted.fire();
  }

  back(): void {
    this.mustBeOpen();
    if (!this.buttons.includes(BackButton)) throw new Error(`"${this.title}" shows no Back button`);
    this.triggered.fire(BackButton);
  }

  /** Escape: the input hides without an answer. */
  escape(): void {
    this.mustBeOpen();
    this.hide();
  }

  protected mustBeOpen(): void {
    if (!this.visible || this.disposed) throw new Error(`"${this.title}" is not open`);
  }
}

export class FakeInputBox extends FakeQuickInput {
  readonly kind = 'input' as const;
  prompt: string | undefined;
  password = false;
  validationMessage: string | vscode.InputBoxValidationMessage | undefined;
}

export class FakeQuickPick<T extends vscode.QuickPickItem = vscode.QuickPickItem> extends FakeQuickInput {
  readonly kind = 'pick' as const;
  items: readonly T[] = [];
  selectedItems: readonly T[] = [];
  activeItems: readonly T[] = [];
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  private readonly changedSelection = new Emitter<readonly T[]>();
  readonly onDidChangeSelection = this.changedSelection.event;

  item(label: string): T {
    const found = this.items.find((i) => i.label === label);
    if (!found) throw new Error(`No item "${label}" in "${this.title}" (items: ${this.items.map((i) => i.label).join(', ') || 'none'})`);
    return found;
  }

  /** Moves the highlight to the item, as the arrow keys do. */
  activate(label: string): void {
    this.mustBeOpen();
    this.activeItems = [this.item(label)];
  }

  /** Ticks or unticks the item's check box (canSelectMany). */
  toggle(label: string): void {
    this.mustBeOpen();
    if (!this.canSelectMany) throw new Error(`"${this.title}" has no check boxes`);
    const item = this.item(label);
    this.selectedItems = this.selectedItems.includes(item) ? this.selectedItems.filter((i) => i !== item) : [...this.selectedItems, item];
    this.changedSelection.fire(this.selectedItems);
  }

  override accept(): void {
    this.mustBeOpen();
    if (!this.canSelectMany && this.activeItems.length > 0) {
      this.selectedItems = this.activeItems;
      this.changedSelection.fire(this.selectedItems);
    }
    super.accept();
  }

  labels(items: readonly T[] = this.items): string[] {
    return items.map((i) => i.label);
  }
}

export type FakeInput = FakeInputBox | FakeQuickPick;

/** `vscode.window`, as far as the prompter uses it, plus a record of what was shown. */
export class FakeWindow {
  /** Every input shown, in order. */
  readonly opened: FakeInput[] = [];
  private waiting: ((input: FakeInput) => void)[] = [];
  private unclaimed: FakeInput[] = [];

  createInputBox(): FakeInputBox {
    return new FakeInputBox(this);
  }

  createQuickPick<T extends vscode.QuickPickItem>(): FakeQuickPick<T> {
    return new FakeQuickPick<T>(this);
  }

  shown(input: FakeInput): void {
    this.opened.push(input);
    const waiter = this.waiting.shift();
    if (waiter) waiter(input);
    else this.unclaimed.push(input);
  }

  /** The next input shown (one already shown and not yet claimed, or the next to come). */
  next(): Promise<FakeInput> {
    const ready = this.unclaimed.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async nextInputBox(): Promise<FakeInputBox> {
    const input = await this.next();
    if (input.kind !== 'input') throw new Error(`Expected an input box, "${input.title}" is a quick pick`);
    return input;
  }

  async nextQuickPick(): Promise<FakeQuickPick<vscode.QuickPickItem>> {
    const input = await this.next();
    if (input.kind !== 'pick') throw new Error(`Expected a quick pick, "${input.title}" is an input box`);
    return input;
  }

  /** The inputs that are open now (a finished step must have disposed its own). */
  open(): FakeInput[] {
    return this.opened.filter((i) => i.visible);
  }

  reset(): void {
    for (const input of this.open()) input.dispose();
    this.opened.length = 0;
    this.unclaimed = [];
    this.waiting = [];
  }

  createOutputChannel(): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'appendLine' | 'show' | 'dispose', () => void> {
    const nothing = () => undefined;
    return { trace: nothing, debug: nothing, info: nothing, warn: nothing, error: nothing, appendLine: nothing, show: nothing, dispose: nothing };
  }
}

export const fakeWindow = new FakeWindow();

type CommandCallback = (...args: unknown[]) => unknown;

/** `vscode.commands`: registered callbacks are kept so that tests can run them as VS Code would. */
export const fakeCommands = {
  registered: new Map<string, CommandCallback>(),
  registerCommand(id: string, callback: CommandCallback): { dispose(): void } {
    this.registered.set(id, callback);
    return { dispose: () => this.registered.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    const callback = this.registered.get(id);
    if (!callback) throw new Error(`command '${id}' not found`);
    return callback(...args);
  },
};

const fakeVscode = {
  window: fakeWindow,
  commands: fakeCommands,
  QuickInputButtons: { Back: BackButton },
  QuickPickItemKind: { Separator: -1, Default: 0 },
};

// Resolve 'vscode' to a module id of our own and put the fake in the require cache under that id.
const FAKE_ID = path.join(__dirname, '__fake_vscode__.js');
const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string; _cache: Record<string, unknown> };
const resolve = loader._resolveFilename;
if (!(resolve as { fakesVscode?: boolean }).fakesVscode) {
  const patched = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? FAKE_ID : resolve.call(this, request, ...rest);
  };
  (patched as { fakesVscode?: boolean }).fakesVscode = true;
  loader._resolveFilename = patched;
}
loader._cache[FAKE_ID] = { id: FAKE_ID, filename: FAKE_ID, loaded: true, exports: fakeVscode, children: [], paths: [] };
