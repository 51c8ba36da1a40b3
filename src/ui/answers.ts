// The step vocabulary every create and update flow is written in. An answer is described once: the
// option it reads, how an answer given up front is checked without prompting (the same rules the
// prompt applies), its summary line, how it goes back into an options object, and the prompt(s)
// that ask it. From a list of answers come, with no per-flow code:
//   - reading an options object and naming every bad answer before anything is sent (readAnswers),
//   - which prompts are skipped because their answer was given (askedSteps),
//   - the summary lines, each refusing with the step to go Back to (summaryLines),
//   - "Edit and Try Again": the options object that asks every step again, prefilled (optionsOf).
// Pure, like wizard.ts: no `vscode` here.
import type { PickItem, Step } from './wizard';

/** What a check says: a sentence naming what to type instead, or undefined when the answer is fine. */
export type Problem = string | undefined;

/** Accepted only when another answer is (the two are checked together, and that one's check speaks for both). */
export interface CheckedWith<S> {
  sameAs: keyof S;
}

/** A summary line: its value, or the label, value and step it goes Back to when they differ from the answer's. */
export type SummaryText = string | { label?: string; value: string; step?: string };

/** The options every flow's options object may carry. */
export interface EditableOptions {
  /** Ask every step, with the answers given filled in (what "Edit and Try Again" does). */
  edit?: boolean;
}

export interface Answer<S, O> {
  /** The state key the answer fills. Given up front and accepted: its steps are skipped (unless editing). */
  key: keyof S;
  /** Names the answer in problems and in the summary: "Name", "Region". */
  label: string;
  /**
   * Its problems stand without the label: the flow asks nothing else (Edit Tags' tags), so the
   * title already says it, or each problem names the answer in its own sentence (Grant Access' who).
   */
  alone?: boolean;
  /** A required answer that is missing makes the flow interactive. */
  required?: boolean | ((state: S) => boolean);
  /**
   * Reads the options object into the state (every answer reads before any is checked). A problem
   * means the option could not be read (an id that is not there): named, and the answer not given.
   */
  read(options: O, state: S): void | Problem | Promise<void | Problem>;
  /**
   * What is wrong with the answer given, without prompting: the prompt's own rules. Runs only
   * when the answer is there; `given` holds the answers accepted so far (in the flow's order), and
   * `options` what was given, for a rule that reads it in its own form (a range, not its text).
   */
  check?(state: S, given: ReadonlySet<keyof S>, options: O): Problem | CheckedWith<S> | Promise<Problem | CheckedWith<S>>;
  /** The summary line; undefined leaves it out. */
  summary?(state: S): SummaryText | undefined | Promise<SummaryText | undefined>;
  /** Writes the answer into the options object that brings it back (Edit and Try Again). */
  write(state: S, options: O): void;
  /** The prompts that ask it, in order; a step's own `when` still applies. */
  steps: readonly Step<S>[];
}

/** The answers an options object gave, and what is wrong with them. */
export interface Given<S> {
  /** Accepted answers: not asked again (unless editing). */
  given: Set<keyof S>;
  /** One sentence per bad answer, "Label: what to type instead", in the flow's order. */
  problems: string[];
  /** A required answer is missing, or editing was asked for: the wizard runs. */
  interactive: boolean;
}

function isRequired<S, O>(answer: Answer<S, O>, state: S): boolean {
  return typeof answer.required === 'function' ? answer.required(state) : answer.required === true;
}

/**
 * Reads the options into the state, then checks every answer given. `given` may be a set the
 * steps already hold (a step that clears a later answer unless it was given).
 */
export async function readAnswers<S, O extends object>(answers: readonly Answer<S, O>[], options: O, state: S, given = new Set<keyof S>()): Promise<Given<S>> {
  const unread = new Map<Answer<S, O>, string>();
  for (const answer of answers) {
    const problem = await answer.read(options, state);
    if (typeof problem === 'string') unread.set(answer, problem);
  }
  const problems: string[] = [];
  const deferred: [keyof S, keyof S][] = [];
  for (const answer of answers) {
    const unreadable = unread.get(answer);
    const named = (problem: string) => (answer.alone ? problem : `${answer.label}: ${problem}`);
    if (unreadable !== undefined) problems.push(named(unreadable));
    if (unreadable !== undefined || state[answer.key] === undefined || given.has(answer.key)) continue;
    const problem = await answer.check?.(state, given, options);
    if (typeof problem === 'object') deferred.push([answer.key, problem.sameAs]);
    else if (problem === undefined) given.add(answer.key);
    else problems.push(named(problem));
  }
  for (const [key, sameAs] of deferred) if (given.has(sameAs)) given.add(key);
  // A required answer whose option could not be read is a problem to report, not a question to ask.
  const interactive = (options as EditableOptions).edit === true || answers.some((a) => isRequired(a, state) && state[a.key] === undefined && !unread.has(a));
  return { given, problems, interactive };
}

/** Whether an answer's prompts run: in an interactive flow, when it was not given or every step is asked. */
export function asker<S>({ given, interactive }: Given<S>, edit: boolean | undefined): (key: keyof S) => boolean {
  return (key) => interactive && (edit === true || !given.has(key));
}

/** The answers' prompts, each asked only when `ask` says its answer is wanted (an update: when its field was picked). */
export function askedSteps<S, O>(answers: readonly Answer<S, O>[], ask: (key: keyof S, state: S) => boolean): Step<S>[] {
  return answers.flatMap((answer) => answer.steps.map((step): Step<S> => ({ ...step, when: (s) => ask(answer.key, s) && (step.when?.(s) ?? true) })));
}

/** Longer than this, a summary value goes on its own line (the detail), where the quick pick has room for it. */
const SHORT_VALUE = 48;

/** One summary line: shown in the final pick; picking it goes back to the step that asks it. */
export function summaryLine<T>(label: string, value: string, step: string, dummy: T): PickItem<T> & { goTo: string } {
  const where = value.length > SHORT_VALUE ? { detail: value } : { description: value };
  return { label, ...where, value: dummy, goTo: step };
}

/** The summary lines of the answers, in order; each goes back to the step that asks it. */
export async function summaryLines<S, O, T>(answers: readonly Answer<S, O>[], state: S, dummy: T): Promise<PickItem<T>[]> {
  const lines: PickItem<T>[] = [];
  for (const answer of answers) {
    const text = await answer.summary?.(state);
    if (text === undefined) continue;
    const line = typeof text === 'string' ? { value: text } : text;
    lines.push(summaryLine(line.label ?? answer.label, line.value, line.step ?? answer.steps[0]?.title ?? answer.label, dummy));
  }
  return lines;
}

/** The options object that brings the answers back. */
export function optionsOf<S, O>(answers: readonly Answer<S, O>[], state: S, options: O): O {
  for (const answer of answers) answer.write(state, options);
  return options;
}

/**
 * The plain mapping: the option of the same name holds the state's value as it is. `normalize`
 * turns what a caller typed into the state's form (e.g. a region's display name into its name).
 * What the invocation already put in the state (the tree node a command ran on) wins.
 */
export function sameOption<S, O, K extends keyof S & keyof O>(key: K, normalize?: (value: O[K]) => S[K]): Pick<Answer<S, O>, 'read' | 'write'> {
  return {
    read: (o, s) => {
      const value = o[key];
      if (value !== undefined && s[key] === undefined) s[key] = normalize ? normalize(value) : (value as unknown as S[K]);
    },
    write: (s, o) => {
      o[key] = s[key] as unknown as O[K];
    },
  };
}

/** The option named differently from the state's key, holding the same value (e.g. blockDeletionBeforeEndOfLife → blockDeletion). */
export function renamedOption<S, O, K extends keyof S, P extends keyof O>(key: K, option: P): Pick<Answer<S, O>, 'read' | 'write'> {
  return {
    read: (o, s) => {
      if (o[option] !== undefined && s[key] === undefined) s[key] = o[option] as unknown as S[K];
    },
    write: (s, o) => {
      o[option] = s[key] as unknown as O[P];
    },
  };
}
