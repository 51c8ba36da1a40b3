// Grant Access's wizard: role → who (looked up in the directory as it is typed) → which one, when
// several match → summary with the name and kind found, before anything is sent.
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleDefinitionInfo } from '../../azureChunk';
import { classifyPrincipalQuery, noPrincipalFound, validatePrincipalQuery } from '../../model/principals';
import { failureMessage } from '../../ui/failures';
import { logFailure } from '../../ui/log';
import { inputStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { DEFAULT_ROLE, GRANT_TITLE, PREFERRED_ROLES, ROLE_DETAILS, describePrincipal, principalItem } from './common';

export interface GrantState {
  role?: RoleDefinitionInfo;
  query?: string;
  matches?: DirectoryObject[];
  principal?: DirectoryObject;
}

export interface PrincipalSearch {
  /** Who matches the text (each search is sent once; a failed one is tried again next time). */
  search: (text: string) => Promise<DirectoryObject[]>;
  /** Why nobody can be given the role for this text, or undefined when someone matches. */
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
      return (await search(text)).length === 0 ? noPrincipalFound(query, target.tenantId) : undefined;
    } catch (error) {
      logFailure(`${GRANT_TITLE}: directory search for "${text}"`, error);
      return failureMessage(`search the directory for "${text.trim()}"`, error);
    }
  };
  return { search, whyNotFound };
}

export interface GrantStepContext extends PrincipalSearch {
  roles: readonly RoleDefinitionInfo[];
  where: string;
  /** The role and principal given as options skip their steps. */
  roleGiven: boolean;
  principalGiven: boolean;
}

function roleStep(ctx: GrantStepContext): Step<GrantState> {
  const { roles } = ctx;
  return pickStep<GrantState, RoleDefinitionInfo>({
    title: 'Role',
    placeholder: `Pick the role to give on ${ctx.where}`,
    when: () => !ctx.roleGiven,
    items: () => {
      const top = roles.filter((r) => PREFERRED_ROLES.some((p) => p.toLowerCase() === r.roleName.toLowerCase()));
      const rest = roles.filter((r) => !top.includes(r));
      const item = (r: RoleDefinitionInfo): PickEntry<RoleDefinitionInfo> => ({ label: r.roleName, detail: ROLE_DETAILS[r.roleName.toLowerCase()] ?? r.description, value: r });
      return rest.length > 0 ? [...top.map(item), { separator: 'Other roles' }, ...rest.map(item)] : top.map(item);
    },
    get: (s) => s.role,
    suggest: () => roles.find((r) => r.roleName === DEFAULT_ROLE) ?? roles[0],
    same: (a, b) => a.id.toLowerCase() === b.id.toLowerCase(),
    set: (s, r) => {
      s.role = r;
    },
  });
}

function whoStep(ctx: GrantStepContext): Step<GrantState> {
  const input = inputStep<GrantState>({
    title: 'Who',
    prompt: 'The person, group or application: an e-mail address or user principal name, a display name, or an application (client) id',
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
    when: () => !ctx.principalGiven,
    async ask(s, p, header) {
      const outcome = await input.ask(s, p, header);
      if (outcome !== undefined) return outcome;
      s.matches = await ctx.search(s.query ?? '');
      if (s.matches.length === 1) s.principal = s.matches[0];
      return undefined;
    },
  };
}

function summaryStep(where: string): Step<GrantState> {
  return pickStep<GrantState, 'grant' | 'line'>({
    title: 'Summary',
    placeholder: 'Check the name and kind found, then pick Grant (or go Back)',
    items: (s) => [
      { label: `$(check) Grant ${s.role?.roleName} to ${s.principal?.displayName}`, detail: `${describePrincipal(s.principal!)} on ${where}`, value: 'grant' },
      { separator: 'Summary' },
      { label: 'Role', description: s.role?.roleName ?? '', detail: ROLE_DETAILS[s.role?.roleName.toLowerCase() ?? ''] ?? s.role?.description, value: 'line', refusal: 'To change the role, go Back to the Role step.' },
      { label: 'Who', description: describePrincipal(s.principal!), detail: `Object id ${s.principal?.id}`, value: 'line', refusal: 'To change who gets access, go Back to the Who step.' },
      { label: 'Where', description: where, detail: 'The role applies here and to everything in it', value: 'line', refusal: 'The role is given where Grant Access was started: run it on another item to give access there.' },
    ],
    get: () => 'grant',
    set: () => undefined,
  });
}

export function grantSteps(ctx: GrantStepContext): Step<GrantState>[] {
  return [
    roleStep(ctx),
    whoStep(ctx),
    pickStep<GrantState, DirectoryObject>({
      title: 'Which one',
      placeholder: 'Several match: pick the one to give the role to',
      when: (s) => (s.matches?.length ?? 0) > 1,
      items: (s) => (s.matches ?? []).map(principalItem),
      get: (s) => s.principal,
      same: (a, b) => a.id === b.id,
      set: (s, p) => {
        s.principal = p;
      },
    }),
    summaryStep(ctx.where),
  ];
}
