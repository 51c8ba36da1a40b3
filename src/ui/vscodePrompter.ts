import * as vscode from 'vscode';
import { confirm } from './confirm';
import {
  BACK,
  CANCEL,
  goTo,
  isSeparator,
  sameAs,
  type ConfirmRequest,
  type InputRequest,
  type Navigation,
  type PickEntry,
  type PickItem,
  type PickRequest,
  type Prompter,
  type StepHeader,
} from './wizard';

/** Slow checks wait until typing pauses this long. */
export const ASYNC_VALIDATION_DEBOUNCE_MS = 300;

interface Item<T> extends vscode.QuickPickItem {
  entry?: PickItem<T>;
}

function toItems<T>(entries: readonly PickEntry<T>[]): Item<T>[] {
  return entries.map((e): Item<T> =>
    isSeparator(e)
      ? { label: e.separator, kind: vscode.QuickPickItemKind.Separator }
      : { label: e.label, description: e.description ?? (e.locked ? 'always included' : undefined), detail: e.detail, entry: e, alwaysShow: e.locked !== undefined },
  );
}

/**
 * The error a list that failed to load ends the flow with. It keeps Azure's code, status and request
 * id: the command table reads them to word the next step and to offer Retry or Sign In (the scripted
 * prompter passes the error on as it is, so tests and users get the same advice). The code is not
 * repeated in the message, because the command table's message adds it.
 */
function listLoadError(title: string, error: unknown): Error {
  const e = (error ?? {}) as { message?: string; code?: string; statusCode?: number; requestId?: string };
  const wrapped = new Error(`Could not load the list for "${title}": ${e.message ?? String(error)}`, { cause: error });
  const { code, statusCode, requestId } = e;
  return Object.assign(wrapped, code === undefined ? {} : { code }, statusCode === undefined ? {} : { statusCode }, requestId === undefined ? {} : { requestId });
}

/** The Prompter users see: VS Code's own quick input, one prompt per step, Back in the title bar. */
export class VsCodePrompter implements Prompter {
  constructor(private readonly debounceMs = ASYNC_VALIDATION_DEBOUNCE_MS) {}

  private frame(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, header: StepHeader): void {
    input.title = header.title;
    input.ignoreFocusOut = true; // clicking elsewhere must not throw the answers away
    input.buttons = header.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }

  input(request: InputRequest): Promise<string | Navigation> {
    const box = vscode.window.createInputBox();
    this.frame(box, request);
    box.prompt = request.prompt;
    box.placeholder = request.placeholder;
    box.value = request.value;
    let generation = 0;
    let timer: NodeJS.Timeout | undefined;
    const check = (value: string) => {
      const mine = ++generation;
      if (timer) clearTimeout(timer);
      const sync = request.validate?.(value);
      // A warning (Azure takes the value, the user may not mean it) shows without blocking Enter.
      const warning = sync ? undefined : request.warn?.(value);
      box.validationMessage = sync ?? (warning ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined);
      box.busy = false;
      if (sync || !request.validateAsync) return;
      timer = setTimeout(() => {
        box.busy = true;
        void request.validateAsync!(value).then(
          (message) => {
            if (mine !== generation) return;
            if (message || !warning) box.validationMessage = message;
            box.busy = false;
          },
          () => {
            if (mine === generation) box.busy = false;
          },
        );
      }, this.debounceMs);
    };
    return new Promise((resolve) => {
      let done = false;
      const finish = (answer: string | Navigation) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        resolve(answer);
        box.dispose();
      };
      box.onDidChangeValue(check);
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      });
      box.onDidHide(() => finish(CANCEL));
      box.onDidAccept(async () => {
        const value = box.value;
        const sync = request.validate?.(value);
        if (sync) {
          box.validationMessage = sync;
          return;
        }
        if (request.validateAsync) {
          generation++; // a check already running must not overwrite this one
          // Nor may one still waiting for its debounce start: it would check the same value again and,
          // its answer being stale, never clear the busy spinner it turned on.
          if (timer) clearTimeout(timer);
          box.busy = true;
          box.enabled = false;
          const message = await request.validateAsync(value).catch(() => undefined);
          box.busy = false;
          box.enabled = true;
          if (message) {
            box.validationMessage = message;
            return;
          }
        }
        finish(value);
      });
      // A prefilled answer (going Back, a suggestion) is checked at once; an empty box waits for typing.
      if (request.value) check(request.value);
      box.show();
    });
  }

  private openPick<T>(request: PickRequest<T>, many: boolean): Promise<T | T[] | Navigation> {
    const pick = vscode.window.createQuickPick<Item<T>>();
    this.frame(pick, request);
    pick.canSelectMany = many;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.placeholder = 'Loading…';
    pick.busy = true; // Enter is ignored until the items are there
    const same = sameAs(request);
    const isSelected = (item: Item<T>) => item.entry !== undefined && (request.selected ?? []).some((s) => same(s, item.entry!.value));
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (answer: T | T[] | Navigation) => {
        if (done) return;
        done = true;
        resolve(answer);
        pick.dispose();
      };
      const refuse = (reason: string) => {
        // QuickPick has no validation message: the placeholder shows it (the filter is cleared so it is visible).
        pick.value = '';
        pick.placeholder = `⚠ ${reason}`;
      };
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      });
      pick.onDidHide(() => finish(CANCEL));
      pick.onDidChangeSelection((selection) => {
        if (!many) return;
        const locked = pick.items.filter((i) => i.entry?.locked && !selection.includes(i));
        if (locked.length > 0) {
          pick.selectedItems = [...selection, ...locked];
          refuse(locked[0].entry?.locked ?? '');
        }
      });
      pick.onDidAccept(() => {
        if (pick.busy) return;
        if (many) {
          const chosen = pick.selectedItems.filter((i) => i.entry);
          const refused = chosen.find((i) => i.entry?.refusal);
          if (refused) return refuse(refused.entry!.refusal!);
          finish(chosen.map((i) => i.entry!.value));
          return;
        }
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item?.entry) return;
        if (item.entry.goTo !== undefined) return finish(goTo(item.entry.goTo));
        if (item.entry.refusal) return refuse(item.entry.refusal);
        finish(item.entry.value);
      });
      pick.show();
      let settled = false;
      request.partial?.((entries) => {
        if (done || settled) return;
        pick.items = toItems(entries);
        pick.placeholder = request.placeholder;
      });
      Promise.resolve(request.items).then(
        (entries) => {
          settled = true;
          if (done) return;
          const items = toItems(entries);
          pick.items = items;
          const preselected = items.filter(isSelected);
          if (many) pick.selectedItems = [...preselected, ...items.filter((i) => i.entry?.locked && !preselected.includes(i))];
          else if (preselected.length > 0) pick.activeItems = preselected.slice(0, 1);
          pick.placeholder = request.placeholder;
          pick.busy = false;
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          pick.dispose();
          reject(listLoadError(request.title, error));
        },
      );
    });
  }

  pick<T>(request: PickRequest<T>): Promise<T | Navigation> {
    return this.openPick(request, false) as Promise<T | Navigation>;
  }

  pickMany<T>(request: PickRequest<T>): Promise<T[] | Navigation> {
    return this.openPick(request, true) as Promise<T[] | Navigation>;
  }

  confirm(request: ConfirmRequest): Promise<boolean> {
    return confirm(request);
  }
}
