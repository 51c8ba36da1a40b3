// Microsoft Graph v1.0: who a role can be given to (users, groups, applications), the names behind
// the object ids role assignments carry, and inviting a guest (the one write). Tokens are for the
// cloud's Graph (`${microsoftGraphEndpointUrl}.default`); requests share the SDK clients' pool.
import { graphFilters, type PrincipalKind, type PrincipalQuery } from '../model/principals';
import { graphPipeline } from './clientFactory';
import { getJson, sendJson } from './jsonGet';
import type { AzureTarget, CallOptions } from './types';

export interface DirectoryObject {
  id: string;
  displayName: string;
  kind: PrincipalKind;
  mail?: string;
  userPrincipalName?: string;
  appId?: string;
}

const COLLECTIONS = { users: 'User', groups: 'Group', servicePrincipals: 'ServicePrincipal' } as const;
type Collection = keyof typeof COLLECTIONS;
const SELECT: Record<Collection, string> = {
  users: 'id,displayName,mail,userPrincipalName',
  groups: 'id,displayName,mail',
  servicePrincipals: 'id,displayName,appId',
};
/** Graph accepts up to 15 `or`-ed clauses in one filter. */
const IDS_PER_REQUEST = 15;

interface GraphItem {
  id?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  appId?: string | null;
}

function graphBase(target: AzureTarget): string {
  return `${target.cloud.microsoftGraphEndpointUrl.replace(/\/*$/, '/')}v1.0/`;
}

async function get(target: AzureTarget, path: string, query: Record<string, string>, options: CallOptions): Promise<unknown> {
  const url = new URL(path, graphBase(target));
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const { pipeline, httpClient } = graphPipeline(target);
  return getJson(pipeline, httpClient, url.toString(), 'Microsoft Graph', options);
}

function toObject(collection: Collection, item: GraphItem): DirectoryObject {
  return {
    id: item.id ?? '',
    displayName: item.displayName ?? item.mail ?? item.id ?? '',
    kind: COLLECTIONS[collection],
    mail: item.mail ?? undefined,
    userPrincipalName: item.userPrincipalName ?? undefined,
    appId: item.appId ?? undefined,
  };
}

async function list(target: AzureTarget, collection: Collection, filter: string, top: number, options: CallOptions): Promise<DirectoryObject[]> {
  const body = (await get(target, collection, { $filter: filter, $select: SELECT[collection], $top: String(top) }, options)) as { value?: GraphItem[] } | undefined;
  return (body?.value ?? []).map((i) => toObject(collection, i));
}

/** Users, groups and applications matching what the user typed (up to `top` of each kind). */
export async function findPrincipals(target: AzureTarget, query: PrincipalQuery, options: CallOptions & { top?: number } = {}): Promise<DirectoryObject[]> {
  const filters = graphFilters(query);
  const top = options.top ?? 10;
  const lists = await Promise.all(
    (Object.keys(COLLECTIONS) as Collection[]).map((c) => (filters[c] ? list(target, c, filters[c], top, options) : Promise.resolve([]))),
  );
  const seen = new Set<string>();
  return lists.flat().filter((o) => {
    const key = o.id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The users, groups and applications with these object ids, by id (lower case). Ids Graph does
 * not know (deleted principals) are simply absent; a failed look-up leaves the names out rather
 * than failing the caller, who can still show the ids.
 */
export async function getPrincipalsByIds(target: AzureTarget, ids: readonly string[], options: CallOptions = {}): Promise<Map<string, DirectoryObject>> {
  const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
  const out = new Map<string, DirectoryObject>();
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) batches.push(unique.slice(i, i + IDS_PER_REQUEST));
  await Promise.all(
    batches.flatMap((batch) =>
      (Object.keys(COLLECTIONS) as Collection[]).map(async (c) => {
        const filter = batch.map((id) => `id eq '${id}'`).join(' or ');
        for (const o of await list(target, c, filter, batch.length, options)) out.set(o.id.toLowerCase(), o);
      }),
    ),
  );
  return out;
}

export interface GuestInvitation {
  /** The invitation's own id. */
  id: string;
  invitedUserEmailAddress: string;
  /** The guest user created in the directory: its object id is what a role is given to. */
  invitedUserId: string;
  /** The link the e-mail carries; the guest opens it to accept. */
  inviteRedeemUrl?: string;
  inviteRedirectUrl?: string;
  /** PendingAcceptance until the guest accepts (Completed for someone who already has). */
  status?: string;
}

interface InvitationBody {
  id?: string;
  invitedUserEmailAddress?: string;
  inviteRedeemUrl?: string;
  inviteRedirectUrl?: string;
  status?: string;
  invitedUser?: { id?: string };
}

/**
 * Invites a person from outside the organisation as a guest, and has Microsoft send them the
 * invitation e-mail: POST /invitations with invitedUserEmailAddress, inviteRedirectUrl and
 * sendInvitationMessage (learn.microsoft.com/graph/api/invitation-post; the least privileged
 * permission is User.Invite.All). The answer's invitedUser.id is the new guest user's object id,
 * which exists at once though the guest has not accepted yet (learn.microsoft.com/graph/api/
 * resources/invitation: "a user entity (of userType Guest) is created").
 */
export async function inviteGuest(target: AzureTarget, email: string, redirectUrl: string, options: CallOptions = {}): Promise<GuestInvitation> {
  const { pipeline, httpClient } = graphPipeline(target);
  const body = { invitedUserEmailAddress: email, inviteRedirectUrl: redirectUrl, sendInvitationMessage: true };
  const answer = (await sendJson(pipeline, httpClient, 'POST', new URL('invitations', graphBase(target)).toString(), body, 'Microsoft Graph', options)) as InvitationBody | undefined;
  const invitedUserId = answer?.invitedUser?.id;
  if (!invitedUserId) throw new Error(`Microsoft Graph accepted the invitation of ${email} but did not say which user it created.`);
  return {
    id: answer.id ?? '',
    invitedUserEmailAddress: answer.invitedUserEmailAddress ?? email,
    invitedUserId,
    inviteRedeemUrl: answer.inviteRedeemUrl,
    inviteRedirectUrl: answer.inviteRedirectUrl,
    status: answer.status,
  };
}
