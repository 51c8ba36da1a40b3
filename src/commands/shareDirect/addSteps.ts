// The steps of Share with Subscriptions or Tenants: one list of whom to share with (the user's own
// subscriptions and tenants by name, and "other subscriptions / tenants" to type ids for), the ids
// typed for the others, and the summary. Subscriptions and tenants are given in one run.
import { parseGuidList, validateGuidList } from '../../model/guids';
import type { SharingGroupType } from '../../model/sharing';
import { countOf, whomInWords } from '../../model/sharingChanges';
import { asCodeEntries, isAsCodeChoice, type AsCodeChoice } from '../../ui/asCodeItems';
import { inputStep, pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { idsAnswer, TYPED, TYPE_WORDS, type AddSharingOptions, type TypedIds } from './common';
import type { Answer } from '../../ui/answers';

/** A subscription or tenant of the user's ("sub:<id>", "tenant:<id>"), or typing others' ids ("type:<type>"). */
export type Whom = string;

export interface AddState extends TypedIds {
  whom?: Whom[];
}

export interface AddContext {
  name: string;
  /** The user's subscriptions and tenants. */
  subscriptions: readonly { id: string; name: string }[];
  tenants: readonly string[];
  /** Ids the gallery is shared with now, lower case. */
  current: Record<SharingGroupType, readonly string[]>;
  /** "Contoso Development (id)" where known. */
  label(type: SharingGroupType, id: string): string;
  /** The name alone where known ("your tenant" for the user's). */
  nameOf(type: SharingGroupType, id: string): string | undefined;
  switchFirst: boolean;
  /** Copies what sharing would send as code (the summary's "Copy as …"). */
  asCode?: (state: AddState, choice: AsCodeChoice) => Promise<unknown>;
}

// A template deploys resources; sharing with subscriptions and tenants is an action on the gallery
// (POST …/share, GalleryRP.json GallerySharingProfile_Update), which no template resource expresses.
const NOT_A_TEMPLATE = 'Sharing is an action on the gallery (POST …/share) that a template cannot hold: copy it as Azure CLI.';

const PREFIX: Record<SharingGroupType, string> = { Subscriptions: 'sub:', AADTenants: 'tenant:' };
export const TYPED_STEP: Record<SharingGroupType, string> = { Subscriptions: 'Other subscription ids', AADTenants: 'Tenant ids' };
const WHOM_STEP = 'Share with';

const typing = (s: AddState, type: SharingGroupType) => s.whom?.includes(`type:${type}`) === true;

/** The ids to share with, per type: those picked and those typed, without the ones already shared. */
export function additionsOf(s: AddState, ctx: AddContext): { type: SharingGroupType; ids: string[]; already: string[] }[] {
  return (['Subscriptions', 'AADTenants'] as const).map((type) => {
    const picked = (s.whom ?? []).filter((w) => w.startsWith(PREFIX[type])).map((w) => w.slice(PREFIX[type].length));
    const typed = typing(s, type) ? parseGuidList(s[TYPED[type]] ?? '').ids : [];
    const all = [...new Set([...picked, ...typed].map((id) => id.toLowerCase()))];
    const now = new Set(ctx.current[type]);
    return { type, ids: all.filter((id) => !now.has(id)), already: all.filter((id) => now.has(id)) };
  });
}

/** "Share with 2 subscriptions and tenant 72f9…". */
export function whomText(additions: readonly { type: SharingGroupType; ids: string[] }[], ctx: AddContext): string {
  return additions
    .filter((g) => g.ids.length > 0)
    .map((g) => whomInWords(g.ids, TYPE_WORDS[g.type].one, TYPE_WORDS[g.type].many, (id) => ctx.nameOf(g.type, id)))
    .join(' and ');
}

function whomItems(ctx: AddContext): PickEntry<Whom>[] {
  const items: PickEntry<Whom>[] = [];
  const own = ctx.subscriptions.filter((sub) => !ctx.current.Subscriptions.includes(sub.id.toLowerCase()));
  if (own.length > 0) items.push({ separator: 'Your subscriptions' }, ...own.map((sub) => ({ label: `$(key) ${sub.name}`, description: sub.id, value: `sub:${sub.id.toLowerCase()}` })));
  const tenants = ctx.tenants.filter((t) => !ctx.current.AADTenants.includes(t.toLowerCase()));
  if (tenants.length > 0) {
    items.push(
      { separator: 'Your tenant' },
      ...tenants.map((t) => ({ label: '$(organization) Everyone in your tenant', description: t, detail: 'Everyone in this Microsoft Entra tenant can use the images', value: `tenant:${t.toLowerCase()}` })),
    );
  }
  items.push(
    { separator: 'Others' },
    { label: '$(edit) Other subscriptions…', detail: 'Type their ids on the next step', value: 'type:Subscriptions' },
    { label: '$(edit) Other tenants…', detail: 'Type their ids (directory ids) on the next step', value: 'type:AADTenants' },
  );
  return items;
}

function typedStep(type: SharingGroupType, ctx: AddContext): Step<AddState> {
  const words = TYPE_WORDS[type];
  return inputStep<AddState>({
    title: TYPED_STEP[type],
    when: (s) => typing(s, type),
    prompt: `${words.one.replace(/^./, (c) => c.toUpperCase())} ids to add, several separated by commas, spaces or new lines${ctx.current[type].length > 0 ? ` (already shared with ${countOf(ctx.current[type].length, words.one, words.many)})` : ''}`,
    placeholder: 'e.g. 00000000-0000-0000-0000-000000000000, 11111111-1111-1111-1111-111111111111',
    get: (s) => s[TYPED[type]],
    set: (s, v) => (s[TYPED[type]] = v),
    validate: (v) => {
      const problem = validateGuidList(v, `${words.one} ids`);
      if (problem) return problem;
      const ids = parseGuidList(v).ids;
      return ids.every((id) => ctx.current[type].includes(id.toLowerCase())) ? `${ctx.name} is already shared with ${ids.length === 1 ? 'this' : 'all of these'}: type other ids, or go Back.` : undefined;
    },
  });
}

function summaryItems(s: AddState, ctx: AddContext): PickEntry<'share' | 'line' | AsCodeChoice>[] {
  const additions = additionsOf(s, ctx);
  const whom = whomText(additions, ctx);
  const lines: PickEntry<'share' | 'line' | AsCodeChoice>[] = [
    whom
      ? { label: `$(check) Share with ${whom}`, detail: `Everyone in them can use the images of ${ctx.name}`, value: 'share' }
      : { label: '$(arrow-left) Pick whom to share with', detail: `Nobody is picked that ${ctx.name} is not shared with already`, value: 'line', goTo: WHOM_STEP },
  ];
  if (ctx.switchFirst) {
    lines.push({ label: '$(info) First: switch to direct sharing', detail: `${ctx.name} is private; its sharing becomes "RBAC + direct share" (permissions Groups) first`, value: 'line', refusal: 'Switching to direct sharing is part of sharing a private gallery: pick Share, or press Escape.' });
  }
  // Each line goes back to where it was given: picked from the list, or typed.
  const stepOf = (type: SharingGroupType, id: string) => ((s.whom ?? []).includes(`${PREFIX[type]}${id}`) ? WHOM_STEP : TYPED_STEP[type]);
  for (const g of additions) {
    if (g.ids.length > 0) lines.push({ separator: `Added ${TYPE_WORDS[g.type].many}` }, ...g.ids.map((id) => ({ label: ctx.label(g.type, id), value: 'line' as const, goTo: stepOf(g.type, id) })));
  }
  const already = additions.flatMap((g) => g.already.map((id) => ({ label: ctx.label(g.type, id), value: 'line' as const, goTo: stepOf(g.type, id) })));
  if (already.length > 0) lines.push({ separator: 'Already shared (left as they are)' }, ...already);
  if (whom) lines.push(...asCodeEntries({ bicep: NOT_A_TEMPLATE, armJson: NOT_A_TEMPLATE }));
  return lines;
}

/** The ids of one kind picked from the list or typed, as one text (what Edit and Try Again gives back). */
function idsText(s: AddState, type: SharingGroupType): string | undefined {
  const picked = (s.whom ?? []).filter((w) => w.startsWith(PREFIX[type])).map((w) => w.slice(PREFIX[type].length));
  const ids = [...picked, ...(typing(s, type) ? parseGuidList(s[TYPED[type]] ?? '').ids : [])];
  return ids.length > 0 ? ids.join(', ') : undefined;
}

/**
 * Whom to share with, then the ids typed for others. Ids given as options stand for the list: they
 * are read as typed ids (the list skipped), checked before anything is asked or sent, and written
 * back with those picked (Edit and Try Again). `ctx` is undefined to read and check only.
 */
export function addAnswers(ctx?: AddContext): Answer<AddState, AddSharingOptions>[] {
  const whom: Answer<AddState, AddSharingOptions> = {
    key: 'whom',
    label: WHOM_STEP,
    required: true,
    read: (o, s) => {
      const types = (['Subscriptions', 'AADTenants'] as const).filter((t) => o[TYPED[t]] !== undefined);
      if (types.length > 0 && s.whom === undefined) s.whom = types.map((t) => `type:${t}`);
    },
    // Written by the ids' answers, which hold what was picked as well.
    write: () => undefined,
    steps: ctx
      ? [
          pickManyStep<AddState, Whom>({
            title: WHOM_STEP,
            placeholder: `Share ${ctx.name} with whole subscriptions and tenants: pick yours, or Other… to type ids (several at once)`,
            items: () => whomItems(ctx),
            get: (s) => s.whom,
            set: (s, v) => (s.whom = v),
          }),
        ]
      : [],
  };
  return [
    whom,
    ...(['Subscriptions', 'AADTenants'] as const).map((type) => idsAnswer<AddState, AddSharingOptions>(type, ctx ? [typedStep(type, ctx)] : [], (s) => idsText(s, type))),
  ];
}

/** The summary: whom the gallery will be shared with, each line going back to where it was given. */
export function addSummaryStep(ctx: AddContext): Step<AddState> {
  return pickStep<AddState, 'share' | 'line' | AsCodeChoice>({
    title: 'Summary',
    placeholder: 'Pick Share, or pick a line to change it',
    items: (s) => summaryItems(s, ctx),
    get: () => 'share',
    set: async (s, choice) => (isAsCodeChoice(choice) ? ctx.asCode?.(s, choice).then(() => 'again' as const) : undefined),
  });
}
