// The multi-step input helper. Pure: no `vscode` here, so the engine runs (and is unit-tested) in
// plain Node. A command describes its steps; a Prompter shows them — the real one with VS Code's
// quick input (vscodePrompter.ts), a scripted one in tests (test/support/scriptedPrompter.ts).
//
// What every flow gets: "step n of m" in the title (m counts only the steps still to be asked, so
// it grows when an answer adds steps), Back on every step but the first, answers kept when going
// back (each step shows its previous answer), validation while typing, and Escape anywhere ends the
// flow before anything is created (the commands send nothing until the last step is answered).

// Symbol.for: the extension and the tests are bundled separately, and both must see the same value.
export const BACK: unique symbol = Symbol.for('azureComputeGallery.wizard.back');
export const CANCEL: unique symbol = Symbol.for('azureComputeGallery.wizard.cancel');
const GO_TO: unique symbol = Symbol.for('azureComputeGallery.wizard.goTo');
/** Back to the step of this title, already answered (a summary line picked): its answer is kept. */
export interface GoTo {
  readonly [GO_TO]: string;
}
export type Navigation = typeof BACK | typeof CANCEL | GoTo;

export function goTo(stepTitle: string): GoTo {
  return { [GO_TO]: stepTitle };
}

export function isGoTo(value: unknown): value is GoTo {
  return typeof value === 'object' && value !== null && GO_TO in value;
}

export function isNavigation(value: unknown): value is Navigation {
  return value === BACK || value === CANCEL || isGoTo(value);
}

/** What every prompt shows at its top. */
export interface StepHeader {
  /** E.g. "Create Gallery: Name (step 3 of 7)". */
  title: string;
  step: number;
  totalSteps: number;
  canGoBack: boolean;
}

export interface InputRequest extends StepHeader {
  prompt: string;
  placeholder?: string;
  /** The previous answer, or a suggestion. */
  value: string;
  /** Runs on every keystroke; a message blocks Enter. */
  validate?(value: string): string | undefined;
  /** Slow checks (is the name free?): debounced while typing, awaited on Enter. Runs only when `validate` passes. */
  validateAsync?(value: string): Promise<string | undefined>;
  /**
   * Something Azure takes but the user may not mean (an http:// link): shown as a warning while
   * typing when `validate` passes, and never blocks Enter.
   */
  warn?(value: string): string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  /** Shown, but picking it is refused with this sentence (e.g. why a source does not fit). */
  refusal?: string;
  /** pickMany only: always selected; the sentence says why it cannot be unselected. */
  locked?: string;
  /** Picking it goes back to the step of this title (a summary line): the prompter answers goTo(title). */
  goTo?: string;
}

/** A heading between items. */
export interface PickSeparator {
  separator: string;
}

export type PickEntry<T> = PickItem<T> | PickSeparator;

export function isSeparator<T>(entry: PickEntry<T>): entry is PickSeparator {
  return (entry as PickSeparator).separator !== undefined;
}

export interface PickRequest<T> extends StepHeader {
  placeholder: string;
  /** A promise shows the list busy ("Loading…") until it settles. */
  items: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>;
  /**
   * While `items` is a pending promise: the entries known so far, shown as they come (the list
   * stays busy, Enter ignored, until `items` settles with the whole list). Calls after that are ignored.
   */
  partial?(show: (entries: readonly PickEntry<T>[]) => void): void;
  /** The previous answer(s), or the default: active (pick) or selected (pickMany). */
  selected?: readonly T[];
  /** How answers are compared with item values; `===` by default. */
  same?(a: T, b: T): boolean;
}

export interface ConfirmRequest {
  message: string;
  detail?: string;
  /** The button that confirms, e.g. "Continue". */
  confirmLabel: string;
}

/** Shows one prompt at a time. BACK and CANCEL come back as values, never as exceptions. */
export interface Prompter {
  input(request: InputRequest): Promise<string | Navigation>;
  pick<T>(request: PickRequest<T>): Promise<T | Navigation>;
  pickMany<T>(request: PickRequest<T>): Promise<T[] | Navigation>;
  confirm(request: ConfirmRequest): Promise<boolean>;
}

/** The sync check, then (only if it passes) the async one: what Enter runs. */
export async function validateAnswer(request: Pick<InputRequest, 'validate' | 'validateAsync'>, value: string): Promise<string | undefined> {
  const sync = request.validate?.(value);
  if (sync) return sync;
  return request.validateAsync ? request.validateAsync(value) : undefined;
}

export function sameAs<T>(request: Pick<PickRequest<T>, 'same'>): (a: T, b: T) => boolean {
  return request.same ?? ((a, b) => a === b);
}

/** One step of a flow. `ask` reads its previous answer from the state and writes the new one. */
export interface Step<S> {
  /** Short, shown in the title: "Name", "Region". */
  title: string;
  /** False when the answer was given up front, or the step does not apply to earlier answers. */
  when?(state: S): boolean;
  ask(state: S, prompter: Prompter, header: StepHeader): Promise<Navigation | void>;
}

export function stepTitle(flowTitle: string, stepName: string, step: number, totalSteps: number): string {
  return `${flowTitle}: ${stepName} (step ${step} of ${totalSteps})`;
}

/**
 * Runs the steps in order. Resolves true when the last step is answered, false on Escape. Back
 * returns to the previously asked step (skipped steps stay skipped); the first step has no Back.
 * A picked summary line (goTo) returns to the step it names as if Back were pressed until there:
 * the steps after it are asked again, each showing its answer, since a changed answer can change
 * what they offer (another subscription, other resource groups).
 */
export async function runWizard<S>(flowTitle: string, steps: readonly Step<S>[], state: S, prompter: Prompter): Promise<boolean> {
  const asked: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step.when && !step.when(state)) {
      index++;
      continue;
    }
    const visible = steps.filter((s) => !s.when || s.when(state));
    const number = visible.indexOf(step) + 1;
    const header: StepHeader = {
      title: stepTitle(flowTitle, step.title, number, visible.length),
      step: number,
      totalSteps: visible.length,
      canGoBack: asked.length > 0,
    };
    const outcome = await step.ask(state, prompter, header);
    if (outcome === CANCEL) return false;
    if (isGoTo(outcome)) {
      const at = asked.findIndex((i) => steps[i].title === outcome[GO_TO]);
      // A step not asked in this run (its answer was given up front) cannot be returned to: stay.
      if (at >= 0) index = asked.splice(at)[0];
      continue;
    }
    if (outcome === BACK) {
      const previous = asked.pop();
      if (previous !== undefined) index = previous;
      continue;
    }
    asked.push(index);
    index++;
  }
  return true;
}

// Step builders for the common shapes.

export interface InputStepOptions<S> {
  title: string;
  prompt: string | ((state: S) => string);
  placeholder?: string;
  when?(state: S): boolean;
  get(state: S): string | undefined;
  /** Suggested value when there is no previous answer (e.g. the next version). */
  suggest?(state: S): string | Promise<string | undefined> | undefined;
  set(state: S, value: string): void;
  validate?(value: string, state: S): string | undefined;
  validateAsync?(value: string, state: S): Promise<string | undefined>;
  /** A non-blocking warning (see InputRequest.warn). */
  warn?(value: string, state: S): string | undefined;
}

export function inputStep<S>(o: InputStepOptions<S>): Step<S> {
  return {
    title: o.title,
    when: o.when,
    async ask(state, prompter, header) {
      const previous = o.get(state);
      const value = previous ?? (await o.suggest?.(state)) ?? '';
      const answer = await prompter.input({
        ...header,
        prompt: typeof o.prompt === 'function' ? o.prompt(state) : o.prompt,
        placeholder: o.placeholder,
        value,
        validate: o.validate ? (v) => o.validate?.(v, state) : undefined,
        validateAsync: o.validateAsync ? (v) => o.validateAsync!(v, state) : undefined,
        warn: o.warn ? (v) => o.warn?.(v, state) : undefined,
      });
      if (isNavigation(answer)) return answer;
      o.set(state, answer);
      return undefined;
    },
  };
}

export interface PickStepOptions<S, T> {
  title: string;
  placeholder: string | ((state: S) => string);
  when?(state: S): boolean;
  items(state: S): readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>;
  get(state: S): T | undefined;
  /** The default to highlight when there is no previous answer. */
  suggest?(state: S): T | undefined;
  same?(a: T, b: T): boolean;
  /** Returns BACK/CANCEL to stay or leave (e.g. a declined confirmation keeps the step open). */
  set(state: S, value: T, prompter: Prompter): void | Navigation | 'again' | Promise<void | Navigation | 'again'>;
}

export function pickStep<S, T>(o: PickStepOptions<S, T>): Step<S> {
  return {
    title: o.title,
    when: o.when,
    async ask(state, prompter, header) {
      const items = o.items(state);
      for (;;) {
        const current = o.get(state) ?? o.suggest?.(state);
        const answer = await prompter.pick<T>({
          ...header,
          placeholder: typeof o.placeholder === 'function' ? o.placeholder(state) : o.placeholder,
          items,
          selected: current === undefined ? [] : [current],
          same: o.same,
        });
        if (isNavigation(answer)) return answer;
        const next = await o.set(state, answer, prompter);
        if (next === 'again') continue;
        return next;
      }
    },
  };
}

export interface PickManyStepOptions<S, T> {
  title: string;
  placeholder: string | ((state: S) => string);
  when?(state: S): boolean;
  items(state: S): readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>;
  get(state: S): readonly T[] | undefined;
  suggest?(state: S): readonly T[] | undefined;
  same?(a: T, b: T): boolean;
  set(state: S, values: T[]): void;
}

export function pickManyStep<S, T>(o: PickManyStepOptions<S, T>): Step<S> {
  return {
    title: o.title,
    when: o.when,
    async ask(state, prompter, header) {
      const answer = await prompter.pickMany<T>({
        ...header,
        placeholder: typeof o.placeholder === 'function' ? o.placeholder(state) : o.placeholder,
        items: o.items(state),
        selected: o.get(state) ?? o.suggest?.(state) ?? [],
        same: o.same,
      });
      if (isNavigation(answer)) return answer;
      o.set(state, answer);
      return undefined;
    },
  };
}
