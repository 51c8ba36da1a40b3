// Grant Access's wizard: role (the roles that fit a gallery, or any by search) → who (looked up in
// the directory as it is typed; an e-mail address found nowhere is offered a guest invitation) →
// which one, when several match → summary with the name and kind found, before anything is sent.
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleDefinitionInfo } from '../../azureChunk';
import { galleryRoleDetail } from '../../model/galleryAccess';
import { classifyPrincipalQuery, noPrincipalFound, validatePrincipalQuery } from '../../model/principals';
import { failureMessage } from '../../ui/failures';
import { logFailure } from '../../ui/log';
import type { Answer } from '../../ui/answers';
import { inputStep, isNavigation, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { GrantAccessOptions } from './grant';
import { DEFAULT_ROLE, GRANT_TITLE, describePrincipal, principalItem } from './common';

export interface GrantState {
  role?: RoleDefinitionInfo;
  query?: string;
  matches?: DirectoryObject[];
  principal?: DirectoryObject;
  /** An e-mail address nobody in the directory has: the person is invited as a guest first. */
  invite?: string;
}

export interface PrincipalSearch {
  /** Who matches the text (each search is sent once; a failed one is tried again next time). */
  search: (text: string) => Promise<DirectoryObject[]>;
  /** Why nobody can be given the role for this text, or undefined when someone matches (or it is an e-mail address, whose owner can be invited). */
  whyNotFound: (text: string) => Promise<string | undefined>;
}

export function principalSearch(azure: Azure, target: AzureTarget): PrincipalSearch {
  const searches = new Map<string, Promise<DirectoryObject[]>>();
  const search = (text: string) => {
    const query = classifyPrincipalQuery(text);
    if (!query) return Promise.resolve([]);
    const key = `${query.kind}:${query.value.toLowerCase()}`;
    let pending = searches.get(key);
    if (!pending) {
      pending = azure.findPrincipals(target, query);
      pending.catch(() => searches.delete(key));
      searches.set(key, pending);
    }
    return pending;
  };
  const whyNotFound = async (text: string): Promise<string | undefined> => {
    const query = classifyPrincipalQuery(text);
    if (!query) return undefined;
    try {
      return (await search(text)).length === 0 && query.kind !== 'email' ? noPrincipalFound(query, target.tenantId) : undefined;
    } catch (error) {
      logFailure(`${GRANT_TITLE}: directory search for "${text}"`, error);
      return failureMessage(`search the directory for "${text.trim()}"`, error);
    }
  };
  return { search, whyNotFound };
}

export interface GrantStepContext extends PrincipalSearch {
  /** The roles that fit a gallery, as Azure knows them here. */
  roles: readonly RoleDefinitionInfo[];
  /** Every role that can be given here (listed once, when the user searches). */
  allRoles: () => Promise<RoleDefinitionInfo[]>;
  where: string;
}

const SEARCH_ROLES = 'search';
const sameRole = (a: RoleDefinitionInfo | typeof SEARCH_ROLES, b: RoleDefinitionInfo | typeof SEARCH_ROLES) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.id.toLowerCase() === b.id.toLowerCase();

function roleItem(r: RoleDefinitionInfo): PickEntry<RoleDefinitionInfo> {
  return { label: r.roleName, description: r.roleType === 'CustomRole' ? 'custom role' : undefined, detail: galleryRoleDetail(r.roleName) ?? r.description, value: r };
}

/** The roles that fit a gallery, the one picked by search (if any), then "Search all roles…". */
function roleItems(ctx: GrantStepContext, picked: RoleDefinitionInfo | undefined): PickEntry<RoleDefinitionInfo | typeof SEARCH_ROLES>[] {
  const extra = picked && !ctx.roles.some((r) => sameRole(r, picked)) ? [{ separator: 'Picked from all roles' }, roleItem(picked)] : [];
  return [
    ...ctx.roles.map(roleItem),
    ...extra,
    { separator: 'Other roles' },
    { label: '$(search) Search all roles…', detail: 'Built-in and custom roles that can be given here: type to filter', value: SEARCH_ROLES },
  ];
}

function roleStep(ctx: GrantStepContext): Step<GrantState> {
  return {
    title: 'Role',
    async ask(s, p, header) {
      for (;;) {
        const current = s.role ?? ctx.roles.find((r) => r.roleName === DEFAULT_ROLE) ?? ctx.roles[0];
        const picked = await p.pick<RoleDefinitionInfo | typeof SEARCH_ROLES>({
          ...header,
          placeholder: `Pick the role to give on ${ctx.where}`,
          items: roleItems(ctx, s.role),
          selected: current ? [current] : [],
          same: sameRole,
        });
        if (isNavigation(picked)) return picked;
        if (picked !== SEARCH_ROLES) {
          s.role = picked;
          return undefined;
        }
        // Escape or Back in the long list returns to the gallery roles rather than ending the flow.
        const found = await p.pick<RoleDefinitionInfo>({
          ...header,
          canGoBack: true,
          placeholder: `Type to filter the roles that can be given on ${ctx.where}`,
          items: ctx.allRoles().then((all) => [...all].sort((a, b) => a.roleName.localeCompare(b.roleName)).map(roleItem)),
          selected: s.role ? [s.role] : [],
          same: sameRole,
        });
        if (isNavigation(found)) continue;
        s.role = found;
        return undefined;
      }
    },
  };
}

function whoStep(ctx: GrantStepContext): Step<GrantState> {
  const input = inputStep<GrantState>({
    title: 'Who',
    prompt: 'The person, group or application: an e-mail address or user principal name (someone outside your organisation can be invited), a display name, or an application (client) id',
    placeholder: 'e.g. ada.lovelace@contoso.com, Image Publishers',
    get: (s) => s.query,
    set: (s, v) => {
      if (s.query !== v) s.principal = undefined;
      s.query = v;
    },
    validate: (v) => validatePrincipalQuery(v),
    validateAsync: (v) => ctx.whyNotFound(v),
  });
  return {
    title: 'Who',
    async ask(s, p, header) {
      const outcome = await input.ask(s, p, header);
      if (outcome !== undefined) return outcome;
      s.matches = await ctx.search(s.query ?? '');
      if (s.matches.length === 1) s.principal = s.matches[0];
      s.invite = s.matches.length === 0 ? classifyPrincipalQuery(s.query ?? '')?.value : undefined;
      return undefined;
    },
  };
}

/** The confirmation before anything is sent to someone outside the organisation: who gets an e-mail. */
export function inviteConfirmation(email: string, roleName: string, where: string) {
  return {
    message: `Send a guest invitation e-mail to ${email}?`,
    detail: `Nobody in your directory has this address. Microsoft will e-mail ${email} an invitation to join your organisation as a guest, and Grant Access will give the guest ${roleName} on ${where}. They can use it only after accepting the invitation.`,
    confirmLabel: 'Send Invitation',
  };
}

function whoLine(s: GrantState): PickEntry<'grant' | 'line'> {
  // Picking the line goes back to the Who step (ui/wizard.ts goTo), the answer kept.
  if (s.invite) return { label: 'Who', description: `${s.invite} (guest, to be invited)`, detail: 'Not in your directory: Microsoft e-mails them an invitation, which they must accept', value: 'line', goTo: 'Who' };
  return { label: 'Who', description: describePrincipal(s.principal!), detail: `Object id ${s.principal?.id}`, value: 'line', goTo: 'Who' };
}

/** The summary with the name and kind found; picking Grant sends it (after an OK to invite a guest). */
export function grantSummaryStep(where: string): Step<GrantState> {
  return pickStep<GrantState, 'grant' | 'line'>({
    title: 'Summary',
    placeholder: 'Check the name and kind found, then pick Grant (or pick a line to change it)',
    items: (s) => [
      s.invite
        ? { label: `$(mail) Invite ${s.invite} and grant ${s.role?.roleName}`, detail: `${s.role?.roleName} on ${where}, once they accept`, value: 'grant' }
        : { label: `$(check) Grant ${s.role?.roleName} to ${s.principal?.displayName}`, detail: `${describePrincipal(s.principal!)} on ${where}`, value: 'grant' },
      { separator: 'Summary' },
      { label: 'Role', description: s.role?.roleName ?? '', detail: galleryRoleDetail(s.role?.roleName) ?? s.role?.description, value: 'line', goTo: 'Role' },
      whoLine(s),
      { label: 'Where', description: where, detail: 'The role applies here and to everything in it', value: 'line', refusal: 'The role is given where Grant Access was started: run it on another item to give access there.' },
    ],
    get: () => 'grant',
    // Nothing goes to someone outside the organisation without an explicit OK; a No keeps the summary open.
    set: async (s, _value, prompter) => {
      if (!s.invite || (await prompter.confirm(inviteConfirmation(s.invite, s.role?.roleName ?? '', where)))) return undefined;
      return 'again';
    },
  });
}

/** "Which one", when several match what was typed. */
function whichOneStep(): Step<GrantState> {
  return pickStep<GrantState, DirectoryObject>({
    title: 'Which one',
    placeholder: 'Several match: pick the one to give the role to',
    when: (s) => (s.matches?.length ?? 0) > 1,
    items: (s) => (s.matches ?? []).map(principalItem),
    get: (s) => s.principal,
    same: (a, b) => a.id === b.id,
    set: (s, p) => {
      s.principal = p;
    },
  });
}

export interface GrantAnswerContext extends GrantStepContext {
  /** A role given by name, GUID or id; undefined when none of the roles that can be given here. */
  findRole(given: string): Promise<RoleDefinitionInfo | undefined>;
  /** An e-mail address found nowhere may be invited without asking. */
  confirmed: boolean;
}

/**
 * Role, who and which one: read from `role` and `principal`, checked with the rules their prompts
 * apply (the directory searched as the Who prompt does), and written back by id for Retry and Edit
 * and Try Again. Each problem names its answer in its own sentence, as these options always did.
 */
export function grantAnswers(ctx: GrantAnswerContext): Answer<GrantState, GrantAccessOptions>[] {
  return [
    {
      key: 'role',
      label: 'Role',
      alone: true,
      read: async (o, s) => {
        if (o.role === undefined || s.role !== undefined) return undefined;
        s.role = await ctx.findRole(o.role);
        return s.role ? undefined : `there is no role "${o.role}" on ${ctx.where}. Use one of: ${ctx.roles.map((r) => r.roleName).join(', ')}, or the name or id of any other role that can be given there.`;
      },
      write: (s, o) => {
        o.role = s.role?.id;
      },
      steps: [roleStep(ctx)],
    },
    {
      key: 'query',
      label: 'Who',
      alone: true,
      read: (o, s) => {
        if (o.principal !== undefined && s.query === undefined) s.query = o.principal;
      },
      // The Who prompt's own rules; an answer accepted is looked up as the prompt does on Enter.
      check: async (s) => {
        const problem = validatePrincipalQuery(s.query ?? '') ?? (await ctx.whyNotFound(s.query ?? ''));
        if (problem) return problem;
        s.matches = await ctx.search(s.query ?? '');
        if (s.matches.length === 1) s.principal = s.matches[0];
        if (s.matches.length === 0) s.invite = classifyPrincipalQuery(s.query ?? '')?.value;
        return undefined;
      },
      write: (s, o) => {
        o.principal = s.principal?.id ?? s.invite ?? s.query;
      },
      steps: [whoStep(ctx)],
    },
    {
      key: 'principal',
      label: 'Which one',
      // Found once, or a guest to invite with `confirmed`: nothing to ask; otherwise the steps run.
      required: (s) => !(s.invite !== undefined && ctx.confirmed),
      read: () => undefined,
      write: () => undefined,
      steps: [whichOneStep()],
    },
  ];
}
