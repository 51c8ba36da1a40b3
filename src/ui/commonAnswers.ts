// Answers several flows ask, built once: a typed value (inputAnswer), a pick (pickAnswer), an end of
// life date, an optional https link (warned about, never refused), tags. Each checks a given answer
// with the rule its prompt applies, so the non-interactive path says the same as the prompt.
import { validateEndOfLifeDate } from '../model/endOfLife';
import { tagsToText, validateTags, type Tags } from '../model/tags';
import { linkWarning } from '../model/urls';
import { sameOption, type Answer, type Problem, type SummaryText } from './answers';
import { tagsStep } from './tagsStep';
import { inputStep, pickStep, type InputStepOptions, type PickStepOptions } from './wizard';

/** How an answer goes in and out of the options object; the option of the same name by default. */
type OptionMapping<S, O> = Pick<Answer<S, O>, 'read' | 'write'>;

interface Described<S, O> {
  key: keyof S;
  label: string;
  alone?: boolean;
  required?: Answer<S, O>['required'];
  /** Where the answer comes from in the options object (default: the option named like the key). */
  option?: OptionMapping<S, O>;
  /** The summary line (default: the value as it is, left out when there is none). */
  summary?: Answer<S, O>['summary'];
  /** Replaces the check derived from the prompt's rules (e.g. one that needs other answers). */
  check?: Answer<S, O>['check'];
}

/** An answer from its description: the described check and summary win over the derived ones. */
function described<S, O>(d: Described<S, O>, derived: Pick<Answer<S, O>, 'check' | 'summary'>, steps: Answer<S, O>['steps']): Answer<S, O> {
  return {
    key: d.key,
    label: d.label,
    alone: d.alone,
    required: d.required,
    ...(d.option ?? sameOption<S, O, keyof S & keyof O>(d.key as keyof S & keyof O)),
    check: d.check ?? derived.check,
    summary: d.summary ?? derived.summary,
    steps,
  };
}

const textOf = <S>(s: S, key: keyof S): string | undefined => s[key] as string | undefined;

export interface InputAnswerOptions<S, O> extends Described<S, O>, Omit<InputStepOptions<S>, 'title' | 'get' | 'set'> {
  /** The step's title (default: the label). */
  title?: string;
  /**
   * How the typed text is kept: as typed (the default); trimmed (an update, where empty removes
   * the value); or trimmed with empty leaving the answer out (an optional answer of a create).
   */
  keep?: 'typed' | 'trimmed' | 'optional';
}

/** A typed answer: the check is the prompt's validation, sync then async. */
export function inputAnswer<S, O>(o: InputAnswerOptions<S, O>): Answer<S, O> {
  const { key } = o;
  const check = async (s: S): Promise<Problem> => {
    const value = textOf(s, key) ?? '';
    return o.validate?.(value, s) ?? (await o.validateAsync?.(value, s));
  };
  return described(o, { check, summary: (s) => textOf(s, key) || undefined }, [
      inputStep<S>({
        ...o,
        title: o.title ?? o.label,
        get: (s) => textOf(s, key),
        set: (s, v) => {
          const trimmed = v.trim();
          (s as Record<keyof S, unknown>)[key] = o.keep === 'optional' ? trimmed || undefined : o.keep === 'trimmed' ? trimmed : v;
        },
      }),
  ]);
}

export interface PickAnswerOptions<S, O, T> extends Described<S, O>, Omit<PickStepOptions<S, T>, 'title' | 'get' | 'set'> {
  title?: string;
  /** The values an answer given up front may take, and the sentence when it is none of them. */
  allowed?: { values: readonly T[]; hint: string };
  set?: PickStepOptions<S, T>['set'];
}

/** A picked answer: the check is "one of the values offered". */
export function pickAnswer<S, O, T>(o: PickAnswerOptions<S, O, T>): Answer<S, O> {
  const { key } = o;
  const same = o.same ?? ((a: T, b: T) => a === b);
  const check = (s: S): Problem => (o.allowed && !o.allowed.values.some((v) => same(v, s[key] as T)) ? o.allowed.hint : undefined);
  return described(o, { check, summary: (s) => (s[key] === undefined ? undefined : String(s[key])) }, [
      pickStep<S, T>({
        ...o,
        title: o.title ?? o.label,
        get: (s) => s[key] as T | undefined,
        set:
          o.set ??
          ((s, v) => {
            (s as Record<keyof S, unknown>)[key] = v;
          }),
      }),
  ]);
}

export interface EndOfLifeAnswerOptions<S, O> extends Partial<Described<S, O>> {
  title?: string;
  prompt?: string;
  when?(state: S): boolean;
  /** The value shown when there is no answer yet (an update: the date now). */
  suggest?(state: S): string | undefined;
  /** A rule beside the date's own (e.g. deletion blocked until that date). */
  also?(value: string, state: S): Problem;
  /** Empty removes the date (an update) instead of leaving it out (a create). */
  emptyRemoves?: boolean;
}

export const END_OF_LIFE_PROMPT = 'End-of-life date as YYYY-MM-DD, in the future (Enter with nothing leaves it out)';

/** An end-of-life date: YYYY-MM-DD (or a zoned ISO date-time), in the future (model/endOfLife.ts). */
export function endOfLifeAnswer<S, O>(o: EndOfLifeAnswerOptions<S, O> = {}): Answer<S, O> {
  const key = o.key ?? ('endOfLifeDate' as keyof S);
  return inputAnswer<S, O>({
    ...o,
    key,
    label: o.label ?? 'End-of-life date',
    title: o.title ?? 'End-of-life date',
    prompt: o.prompt ?? END_OF_LIFE_PROMPT,
    placeholder: 'e.g. 2030-12-31',
    keep: o.emptyRemoves ? 'trimmed' : 'optional',
    validate: (v, s) => validateEndOfLifeDate(v.trim(), new Date()) ?? o.also?.(v, s),
    summary: o.summary ?? ((s) => (textOf(s, key) ? { label: 'End of life', value: textOf(s, key)! } : undefined)),
  });
}

export interface LinkAnswerOptions<S, O> extends Described<S, O> {
  title?: string;
  prompt: string;
  when?(state: S): boolean;
  /** How the warning names the link, and a good example: "EULA link", "https://www.contoso.com/eula". */
  what: string;
  example: string;
  /** A rule the link must meet (a community gallery's links are refused unless https). */
  validate?(value: string): Problem;
  /** Empty leaves the link out (a create, the default) or removes it (an update: 'trimmed'). */
  keep?: InputAnswerOptions<S, O>['keep'];
  /** The value shown when there is no answer yet (an update: the link now). */
  suggest?(state: S): string | undefined;
}

/**
 * A link Azure stores as text: anything but a plain https:// address is a warning while typing
 * (model/urls.ts linkWarning), never a refusal, unless the flow's own rule refuses it.
 */
export function linkAnswer<S, O>(o: LinkAnswerOptions<S, O>): Answer<S, O> {
  return inputAnswer<S, O>({
    ...o,
    placeholder: o.example,
    keep: o.keep ?? 'optional',
    warn: (v) => linkWarning(v, o.what, o.example),
  });
}

export interface TagsAnswerOptions<S, O> extends Partial<Described<S, O>> {
  prompt?: string;
  when?(state: S): boolean;
  /** The tags shown when there is no answer yet (Edit Tags: the tags now). */
  suggest?(state: S): Tags | undefined;
}

/** Resource tags as name=value pairs (model/tags.ts: Azure's tag rules). */
export function tagsAnswer<S, O>(o: TagsAnswerOptions<S, O> = {}): Answer<S, O> {
  const key = o.key ?? ('tags' as keyof S);
  const tagsOf = (s: S) => s[key] as Tags | undefined;
  const derived = { check: (s: S) => validateTags(tagsOf(s) ?? {}), summary: (s: S): SummaryText | undefined => (Object.keys(tagsOf(s) ?? {}).length > 0 ? tagsToText(tagsOf(s)!) : undefined) };
  return described({ ...o, key, label: o.label ?? 'Tags' }, derived, [
      tagsStep<S>({
        prompt: o.prompt,
        when: o.when,
        suggest: o.suggest,
        get: tagsOf,
        set: (s, t) => {
          (s as Record<keyof S, unknown>)[key] = t;
        },
      }),
  ]);
}

export interface ResourceAnswerOptions<S, O, N extends { resourceId: string }> extends Omit<PickAnswerOptions<S, O, N>, 'option' | 'same' | 'allowed'> {
  /** The option that names the resource by id. */
  idOption: keyof O;
  /** The tree's node for an id; undefined when it is not among the signed-in subscriptions'. */
  find(id: string): Promise<N | undefined>;
}

/** An existing resource (a gallery, a definition): picked from the tree, or given by its resource id. */
export function resourceAnswer<S, O, N extends { resourceId: string }>(o: ResourceAnswerOptions<S, O, N>): Answer<S, O> {
  const { key, idOption } = o;
  return pickAnswer<S, O, N>({
    ...o,
    option: {
      read: async (options, s) => {
        const id = options[idOption] as string | undefined;
        if (s[key] === undefined && id) (s as Record<keyof S, unknown>)[key] = await o.find(id);
      },
      write: (s, options) => {
        (options as Record<keyof O, unknown>)[idOption] = (s[key] as N | undefined)?.resourceId;
      },
    },
    same: (a, b) => a.resourceId.toLowerCase() === b.resourceId.toLowerCase(),
  });
}

export interface YesNoAnswerOptions<S, O> extends Described<S, O> {
  title?: string;
  placeholder: string;
  when?(state: S): boolean;
  /** The answer shown when there is none yet (an update: the value now). */
  suggest?(state: S): boolean | undefined;
  no: { label: string; detail?: string };
  yes: { label: string; detail?(state: S): string | undefined; refusal?(state: S): string | undefined };
}

/** A yes/no setting, e.g. "Exclude from latest": Yes offers a detail and may be refused (with why). */
export function yesNoAnswer<S, O>(o: YesNoAnswerOptions<S, O>): Answer<S, O> {
  return pickAnswer<S, O, boolean>({
    ...o,
    allowed: { values: [false, true], hint: 'Use true or false.' },
    items: (s) => [
      { label: o.no.label, detail: o.no.detail, value: false },
      { label: o.yes.label, detail: o.yes.detail?.(s), value: true, refusal: o.yes.refusal?.(s) },
    ],
  });
}
