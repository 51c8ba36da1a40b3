// The tags step every create flow and Edit Tags share: tags typed as `name=value` pairs, separated by
// ";" (model/tags.ts reads them), checked against Azure's tag rules as typed.
import { parseTagsText, tagsToText, type Tags } from '../model/tags';
import { inputStep, type Step } from './wizard';

export const TAGS_PROMPT = 'Tags as name=value pairs separated by ";", e.g. environment=production; owner=platform-team (Enter with nothing: no tags)';

export function validateTagsText(text: string): string | undefined {
  return parseTagsText(text).problem;
}

/** The tags a text stands for; {} for an empty text. Throws on text validateTagsText refuses. */
export function tagsFromText(text: string): Tags {
  const parsed = parseTagsText(text);
  if (parsed.problem !== undefined) throw new Error(parsed.problem);
  return parsed.tags;
}

export interface TagsStepOptions<S> {
  title?: string;
  prompt?: string;
  when?(state: S): boolean;
  get(state: S): Tags | undefined;
  /** The tags shown when there is no answer yet. */
  suggest?(state: S): Tags | undefined;
  set(state: S, tags: Tags): void;
}

export function tagsStep<S>(o: TagsStepOptions<S>): Step<S> {
  return inputStep<S>({
    title: o.title ?? 'Tags',
    prompt: o.prompt ?? TAGS_PROMPT,
    placeholder: 'environment=production; owner=platform-team',
    when: o.when,
    get: (s) => {
      const tags = o.get(s);
      return tags === undefined ? undefined : tagsToText(tags);
    },
    suggest: (s) => {
      const tags = o.suggest?.(s);
      return tags === undefined ? undefined : tagsToText(tags);
    },
    set: (s, v) => o.set(s, tagsFromText(v)),
    validate: validateTagsText,
  });
}
