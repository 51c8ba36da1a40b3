// A Prompter that answers from a script instead of the screen, for the tests (unit: the wizard;
// integration: every flow, passed as a command's `prompter` option). The extension never uses it,
// so it lives under test/. It behaves as a user at the keyboard would — Enter on an
// invalid value is refused (and the next scripted answer is another try), a refused pick keeps
// the list open, locked items stay selected — and it records what each prompt showed.
import {
  BACK,
  CANCEL,
  goTo,
  isSeparator,
  sameAs,
  validateAnswer,
  type ConfirmRequest,
  type InputRequest,
  type Navigation,
  type PickItem,
  type PickRequest,
  type Prompter,
} from '../../src/ui/wizard';

type LabelMatch = string | RegExp;

export type ScriptedAnswer =
  /** Input: type this and press Enter. Pick: the item with this label (codicons like $(add) ignored). */
  | string
  | typeof BACK
  | typeof CANCEL
  /** Press Enter on what is shown: the input's value, the active/selected items. */
  | { accept: true }
  | { pick: LabelMatch }
  /** Exactly these items selected (locked items stay selected, as in the real list). */
  | { pickMany: readonly LabelMatch[] }
  /** Input: type each value and record its validation message, without pressing Enter. */
  | { probe: readonly string[] }
  | { confirm: boolean }
  /** Computed when the prompt shows (and a place for side effects, e.g. a race with another writer). */
  | ((prompt: RecordedPrompt) => ScriptedAnswer | Promise<ScriptedAnswer>);

export interface RecordedItem {
  label: string;
  description?: string;
  detail?: string;
  refusal?: string;
  locked?: string;
  goTo?: string;
}

export interface RecordedPrompt {
  kind: 'input' | 'pick' | 'pickMany' | 'confirm';
  title: string;
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
  prompt?: string;
  placeholder?: string;
  /** Input: the value shown when it opened (previous answer or suggestion). */
  value?: string;
  items?: RecordedItem[];
  /** Pick: labels of the items active/selected when it opened. */
  selected?: string[];
  /** Pick: the items shown before the whole list (PickRequest.partial), when (performance.now()) and how many. */
  partials?: Array<{ at: number; items: number }>;
  /** Pick: when the whole list was there (performance.now()). */
  itemsAt?: number;
  detail?: string;
}

export interface ValidationRecord {
  title: string;
  value: string;
  message: string | undefined;
}

export interface RefusalRecord {
  title: string;
  label: string;
  reason: string;
}

export function plainLabel(label: string): string {
  return label.replace(/\$\([^)]*\)\s*/g, '').trim();
}

function matches(item: { label: string }, match: LabelMatch): boolean {
  return typeof match === 'string' ? item.label === match || plainLabel(item.label) === match : match.test(plainLabel(item.label));
}

type Plain = Exclude<ScriptedAnswer, (prompt: RecordedPrompt) => unknown>;

export class ScriptedPrompter implements Prompter {
  readonly prompts: RecordedPrompt[] = [];
  readonly validations: ValidationRecord[] = [];
  /** Non-blocking warnings shown for values typed (InputRequest.warn), one record per value checked. */
  readonly warnings: ValidationRecord[] = [];
  readonly refusals: RefusalRecord[] = [];
  /** Script mistakes (no answer left, an answer of the wrong kind): a test should expect none. */
  readonly problems: string[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: readonly ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  get remaining(): number {
    return this.answers.length;
  }

  /** Titles of the prompts shown, in order. */
  get titles(): string[] {
    return this.prompts.map((p) => p.title);
  }

  /** Warnings recorded for the prompt whose title contains `titlePart`, by value. */
  warningsFor(titlePart: string): Map<string, string | undefined> {
    return new Map(this.warnings.filter((v) => v.title.includes(titlePart)).map((v) => [v.value, v.message]));
  }

  /** Validation messages recorded for the prompt whose title contains `titlePart`, by value. */
  messagesFor(titlePart: string): Map<string, string | undefined> {
    return new Map(this.validations.filter((v) => v.title.includes(titlePart)).map((v) => [v.value, v.message]));
  }

  private async next(prompt: RecordedPrompt): Promise<Plain> {
    let answer = this.answers.shift();
    while (typeof answer === 'function') answer = await answer(prompt);
    if (answer === undefined) {
      this.problems.push(`No scripted answer left for "${prompt.title}"`);
      return CANCEL;
    }
    return answer;
  }

  private wrong(prompt: RecordedPrompt, answer: Plain): Navigation {
    this.problems.push(`Answer ${String(typeof answer === 'object' ? JSON.stringify(answer) : answer)} does not fit the ${prompt.kind} "${prompt.title}"`);
    return CANCEL;
  }

  async input(request: InputRequest): Promise<string | Navigation> {
    const prompt: RecordedPrompt = { kind: 'input', ...header(request), prompt: request.prompt, placeholder: request.placeholder, value: request.value };
    this.prompts.push(prompt);
    for (;;) {
      const answer = await this.next(prompt);
      if (answer === BACK || answer === CANCEL) return answer;
      if (typeof answer === 'object' && 'probe' in answer) {
        for (const value of answer.probe) {
          const message = await validateAnswer(request, value);
          this.validations.push({ title: request.title, value, message });
          if (message === undefined && request.warn) this.warnings.push({ title: request.title, value, message: request.warn(value) });
        }
        continue;
      }
      const value = typeof answer === 'string' ? answer : typeof answer === 'object' && 'accept' in answer ? request.value : undefined;
      if (value === undefined) return this.wrong(prompt, answer);
      const message = await validateAnswer(request, value);
      this.validations.push({ title: request.title, value, message });
      // A warning is recorded and, as in the real input box, does not stop Enter.
      if (message === undefined && request.warn) this.warnings.push({ title: request.title, value, message: request.warn(value) });
      if (message === undefined) return value;
    }
  }

  private async loadItems<T>(request: PickRequest<T>, prompt: RecordedPrompt): Promise<PickItem<T>[]> {
    let settled = false;
    request.partial?.((entries) => {
      if (settled) return;
      prompt.partials = [...(prompt.partials ?? []), { at: performance.now(), items: entries.filter((e) => !isSeparator(e)).length }];
    });
    const entries = await request.items;
    settled = true;
    prompt.itemsAt = performance.now();
    const items = entries.filter((e): e is PickItem<T> => !isSeparator(e));
    const same = sameAs(request);
    prompt.items = items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, refusal: i.refusal, locked: i.locked, goTo: i.goTo }));
    prompt.selected = items.filter((i) => (request.selected ?? []).some((s) => same(s, i.value))).map((i) => i.label);
    return items;
  }

  async pick<T>(request: PickRequest<T>): Promise<T | Navigation> {
    const prompt: RecordedPrompt = { kind: 'pick', ...header(request), placeholder: request.placeholder };
    this.prompts.push(prompt);
    const items = await this.loadItems(request, prompt);
    for (;;) {
      const answer = await this.next(prompt);
      if (answer === BACK || answer === CANCEL) return answer;
      let item: PickItem<T> | undefined;
      if (typeof answer === 'string') item = items.find((i) => matches(i, answer));
      else if (typeof answer === 'object' && 'pick' in answer) item = items.find((i) => matches(i, answer.pick));
      else if (typeof answer === 'object' && 'accept' in answer) item = items.find((i) => prompt.selected?.includes(i.label)) ?? items[0];
      else return this.wrong(prompt, answer);
      if (!item) {
        this.problems.push(`No item ${String(typeof answer === 'object' ? JSON.stringify(answer) : answer)} in "${request.title}": ${items.map((i) => i.label).join(', ')}`);
        return CANCEL;
      }
      if (item.goTo !== undefined) return goTo(item.goTo);
      if (item.refusal) {
        this.refusals.push({ title: request.title, label: item.label, reason: item.refusal });
        continue;
      }
      return item.value;
    }
  }

  async pickMany<T>(request: PickRequest<T>): Promise<T[] | Navigation> {
    const prompt: RecordedPrompt = { kind: 'pickMany', ...header(request), placeholder: request.placeholder };
    this.prompts.push(prompt);
    const items = await this.loadItems(request, prompt);
    for (;;) {
      const answer = await this.next(prompt);
      if (answer === BACK || answer === CANCEL) return answer;
      let chosen: PickItem<T>[];
      if (typeof answer === 'object' && 'pickMany' in answer) {
        chosen = items.filter((i) => answer.pickMany.some((m) => matches(i, m)));
        const missing = answer.pickMany.filter((m) => !items.some((i) => matches(i, m)));
        if (missing.length > 0) {
          this.problems.push(`No items ${missing.map(String).join(', ')} in "${request.title}"`);
          return CANCEL;
        }
      } else if (typeof answer === 'object' && 'accept' in answer) {
        chosen = items.filter((i) => prompt.selected?.includes(i.label));
      } else {
        return this.wrong(prompt, answer);
      }
      for (const locked of items.filter((i) => i.locked && !chosen.includes(i))) {
        this.refusals.push({ title: request.title, label: locked.label, reason: locked.locked ?? '' });
        chosen.unshift(locked);
      }
      const refused = chosen.find((i) => i.refusal);
      if (refused) {
        this.refusals.push({ title: request.title, label: refused.label, reason: refused.refusal ?? '' });
        continue;
      }
      return items.filter((i) => chosen.includes(i)).map((i) => i.value);
    }
  }

  async confirm(request: ConfirmRequest): Promise<boolean> {
    const prompt: RecordedPrompt = { kind: 'confirm', title: request.message, detail: request.detail };
    this.prompts.push(prompt);
    const answer = await this.next(prompt);
    if (typeof answer === 'object' && 'confirm' in answer) return answer.confirm;
    if (answer === CANCEL) return false;
    this.wrong(prompt, answer);
    return false;
  }
}

function header(request: { title: string; step: number; totalSteps: number; canGoBack: boolean }) {
  return { title: request.title, step: request.step, totalSteps: request.totalSteps, canGoBack: request.canGoBack };
}
