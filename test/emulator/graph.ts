import * as crypto from 'node:crypto';
import type { Emulator } from './emulator';
import type { Ctx, Reply } from './http';
import type { JsonObject } from './json';
import { asObject, asString } from './json';
import type { GraphObject } from './state';

/** Microsoft Graph v1.0 errors carry an innerError with request ids. */
function graphError(status: number, code: string, message: string): Reply {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID(), 'client-request-id': crypto.randomUUID() } } },
  };
}

const COLLECTIONS = { users: 'user', groups: 'group', servicePrincipals: 'servicePrincipal' } as const;
type Collection = keyof typeof COLLECTIONS;

function render(o: GraphObject): JsonObject {
  switch (o.kind) {
    case 'user':
      return {
        id: o.id,
        displayName: o.displayName,
        mail: o.mail ?? null,
        userPrincipalName: o.userPrincipalName ?? null,
        userType: o.userType ?? 'Member',
        givenName: o.displayName.split(' ')[0] ?? null,
        surname: o.displayName.split(' ').slice(1).join(' ') || null,
        businessPhones: [],
        jobTitle: null,
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: null,
      };
    case 'group':
      return {
        id: o.id,
        displayName: o.displayName,
        mail: o.mail ?? null,
        mailEnabled: !!o.mail,
        mailNickname: o.mailNickname ?? o.displayName.replace(/\s+/g, '').toLowerCase(),
        securityEnabled: true,
        description: null,
      };
    case 'servicePrincipal':
      return {
        id: o.id,
        appId: o.appId ?? null,
        displayName: o.displayName,
        servicePrincipalType: 'Application',
        accountEnabled: true,
        appOwnerOrganizationId: o.tenantId,
      };
  }
}

type Predicate = (o: JsonObject) => boolean;

/** The OData subset needed to turn an e-mail or name into an object id: eq / startswith, joined by or / and. */
export function parseFilter(filter: string): Predicate {
  const orParts = filter.split(/\s+or\s+/i);
  const ors = orParts.map((part) => {
    const ands = part.split(/\s+and\s+/i).map((clause): Predicate => {
      const c = clause.trim().replace(/^\((.*)\)$/, '$1').trim();
      let m = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(c);
      if (m) {
        const [, field, raw] = m;
        const value = raw.replace(/''/g, "'").toLowerCase();
        return (o) => String(o[field] ?? '').toLowerCase() === value;
      }
      m = /^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(c);
      if (m) {
        const [, field, raw] = m;
        const value = raw.replace(/''/g, "'").toLowerCase();
        return (o) => String(o[field] ?? '').toLowerCase().startsWith(value);
      }
      throw new Error(`Invalid filter clause: ${c}`);
    });
    return (o: JsonObject) => ands.every((p) => p(o));
  });
  return (o) => ors.some((p) => p(o));
}

function select(o: JsonObject, sel: string | undefined): JsonObject {
  if (!sel) return o;
  const out: JsonObject = {};
  for (const f of sel.split(',').map((s) => s.trim())) if (f in o) out[f] = o[f];
  return out;
}

function inTenant(ctx: Ctx, kind: GraphObject['kind']): GraphObject[] {
  const tenant = ctx.caller!.tenantId.toLowerCase();
  return ctx.emu.state.graph.filter((o) => o.kind === kind && o.tenantId.toLowerCase() === tenant);
}

/** Graph v1.0 under `<emulator>/graph/v1.0`, so one server (and one CA) serves everything. */
export function registerGraph(emu: Emulator): void {
  const opts = { auth: 'graph' as const };
  for (const collection of Object.keys(COLLECTIONS) as Collection[]) {
    const kind = COLLECTIONS[collection];
    emu.router.add('GET', `/graph/v1.0/${collection}`, opts, (ctx) => {
      let items = inTenant(ctx, kind).map(render);
      const filter = ctx.query.get('$filter');
      if (filter) {
        let predicate: Predicate;
        try {
          predicate = parseFilter(filter);
        } catch (e) {
          return graphError(400, 'BadRequest', e instanceof Error ? e.message : 'Invalid filter clause');
        }
        items = items.filter(predicate);
      }
      const top = Number(ctx.query.get('$top') ?? '100');
      const sel = ctx.query.get('$select');
      return {
        status: 200,
        body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${collection}`, value: items.slice(0, top).map((o) => select(o, sel)) },
      };
    });
    emu.router.add('GET', `/graph/v1.0/${collection}/{id}`, opts, (ctx) => {
      const id = ctx.params.id.toLowerCase();
      const o = inTenant(ctx, kind).find((x) => x.id.toLowerCase() === id || x.userPrincipalName?.toLowerCase() === id || x.appId?.toLowerCase() === id);
      if (!o) return graphError(404, 'Request_ResourceNotFound', `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`);
      return { status: 200, body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${collection}/$entity`, ...select(render(o), ctx.query.get('$select')) } };
    });
  }
  emu.router.add('POST', '/graph/v1.0/invitations', opts, invite);
  emu.router.add('GET', '/graph/v1.0/me', opts, () =>
    graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  );
}

/**
 * Graph's address rule for invitedUserEmailAddress (learn.microsoft.com/graph/api/resources/
 * invitation: ~ ! # $ % ^ & * ( ) + = [ ] { } \ / | ; : ' " < > ? , are not permitted; "." and "-"
 * not at the start or end of the user name), here as: one "@", a dotted domain, none of those.
 */
function invitableAddress(email: string): boolean {
  const m = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(email);
  return !!m && !/[~!#$%^&*()+=[\]{}\\/|;:"<>?,']/.test(m[1]) && !/^[.-]|[.-]$/.test(m[1]);
}

/**
 * POST /invitations (learn.microsoft.com/graph/api/invitation-post): invitedUserEmailAddress and
 * inviteRedirectUrl are required; the answer is 201 with the invitation, whose invitedUser.id is
 * the guest user created at once ("a user entity (of userType Guest) is created",
 * learn.microsoft.com/graph/api/resources/invitation), its userPrincipalName in the
 * "address_domain#EXT#@tenant.onmicrosoft.com" form (learn.microsoft.com/entra/external-id/
 * user-properties). Inviting an address the tenant already has answers that user again.
 */
function invite(ctx: Ctx): Reply {
  const body = asObject(ctx.body) ?? {};
  const email = asString(body.invitedUserEmailAddress)?.trim() ?? '';
  const redirect = asString(body.inviteRedirectUrl) ?? '';
  // The messages of these two 400s are the local Azure's own words: Graph's are not documented.
  if (!invitableAddress(email)) return graphError(400, 'BadRequest', `The invited user's email address '${email}' is not valid.`);
  if (!/^https?:\/\//i.test(redirect)) return graphError(400, 'BadRequest', 'The inviteRedirectUrl is required and must be an absolute URL.');
  if (ctx.emu.config.guestInvitations === 'none') {
    // The words Graph answers with (MicrosoftDocs/azure-docs#78054: "HTTP 403 Forbidden Guest
    // invitations not allowed for your company. ..."); the code is not documented.
    return graphError(403, 'Forbidden', 'Guest invitations not allowed for your company. Contact your company administrator for more details.');
  }
  const tenantId = ctx.caller!.tenantId;
  const tenant = ctx.emu.state.tenants.find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
  const domain = tenant?.defaultDomain ?? 'onmicrosoft.com';
  let user = inTenant(ctx, 'user').find((u) => u.mail?.toLowerCase() === email.toLowerCase());
  if (!user) {
    user = {
      kind: 'user',
      tenantId,
      id: crypto.randomUUID(),
      displayName: asString(body.invitedUserDisplayName) ?? email,
      mail: email,
      userPrincipalName: `${email.toLowerCase().replace(/@/g, '_')}#EXT#@${domain}`,
      userType: 'Guest',
      createdAt: Date.now(),
    };
    ctx.emu.state.graph.push(user);
  }
  const invitationId = crypto.randomUUID();
  const redeem = `https://login.microsoftonline.com/redeem?rd=${encodeURIComponent(`https://invitations.microsoft.com/redeem/?tenant=${tenantId}&user=${invitationId}&ticket=local&ver=2.0`)}`;
  return {
    status: 201,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#invitations/$entity',
      id: invitationId,
      inviteRedeemUrl: redeem,
      invitedUserDisplayName: asString(body.invitedUserDisplayName) ?? null,
      invitedUserType: 'Guest',
      invitedUserEmailAddress: email,
      sendInvitationMessage: body.sendInvitationMessage === true,
      resetRedemption: false,
      inviteRedirectUrl: redirect,
      status: 'PendingAcceptance',
      invitedUserMessageInfo: { messageLanguage: null, ccRecipients: [{ emailAddress: { name: null, address: null } }], customizedMessageBody: null },
      invitedUser: { id: user.id },
    },
  };
}
