import { ArmError, authorizationFailed, subscriptionNotFound } from './arm/errors';
import type { Ctx } from './http';
import { findSubscription } from './state';

/**
 * ARM's gate for anything under /subscriptions/{id}: unknown subscription → 404, one the caller
 * has no role on → 403, a token from another tenant than the subscription's → 401.
 */
export function authorizeSubscription(ctx: Ctx, subscriptionId: string, action: string, scope: string): void {
  const caller = ctx.caller;
  if (!caller) return;
  const sub = findSubscription(ctx.emu.state, subscriptionId);
  if (!sub) throw subscriptionNotFound(subscriptionId);
  const hasAccess = caller.principal.subscriptions.some((s) => s.toLowerCase() === sub.subscriptionId.toLowerCase());
  if (!hasAccess) throw authorizationFailed(caller.objectId, action, scope);
  if (sub.tenantId.toLowerCase() !== caller.tenantId.toLowerCase()) {
    throw new ArmError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer 'https://sts.windows.net/${caller.tenantId}/'. It must match the tenant 'https://sts.windows.net/${sub.tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${sub.tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
      undefined,
      undefined,
      {
        'WWW-Authenticate': `Bearer authorization_uri="${ctx.emu.baseUrl}/${sub.tenantId}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
      },
    );
  }
}

/** Whether the caller may act in a subscription (used where a 403 is not the right answer, e.g. lists). */
export function canAccess(ctx: Ctx, subscriptionId: string): boolean {
  return !!ctx.caller?.principal.subscriptions.some((s) => s.toLowerCase() === subscriptionId.toLowerCase());
}
