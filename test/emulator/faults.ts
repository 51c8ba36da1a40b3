import type { FaultRule } from './config';
import { matchesScope } from './config';
import type { Emulator } from './emulator';
import type { Reply } from './http';

/** A rule with `times` that has fired that many times is spent. */
export function isSpent(emu: Emulator, rule: FaultRule): boolean {
  return rule.times !== undefined && (emu.faultCounters.get(rule)?.fired ?? 0) >= rule.times;
}

/** The first fault rule that fires for this request (counting every matching request per rule). */
export function pickFault(emu: Emulator, method: string, path: string): FaultRule | undefined {
  for (const rule of emu.config.faults) {
    if (!matchesScope(rule, method, path)) continue;
    let counter = emu.faultCounters.get(rule);
    if (!counter) {
      counter = { seen: 0, fired: 0 };
      emu.faultCounters.set(rule, counter);
    }
    if (isSpent(emu, rule)) continue;
    counter.seen++;
    if (rule.after !== undefined && counter.seen <= rule.after) continue;
    const every = rule.every ?? (rule.probability === undefined ? 1 : 0);
    const fires = (every > 0 && counter.seen % every === 0) || (rule.probability !== undefined && Math.random() < rule.probability);
    if (!fires) continue;
    counter.fired++;
    return rule;
  }
  return undefined;
}

export function faultReply(rule: FaultRule, path: string): Reply {
  const retryAfter = String(rule.retryAfterSeconds ?? 1);
  const sub = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? '';
  if (rule.kind === 'throttle') {
    return {
      status: 429,
      headers: { 'Retry-After': retryAfter, 'x-ms-ratelimit-remaining-subscription-reads': '0' },
      body: {
        error: {
          code: rule.code ?? 'TooManyRequests',
          message:
            rule.message ??
            `Number of requests for subscription '${sub}' exceeded the limit. Please try again after '${retryAfter}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
        },
      },
    };
  }
  const status = rule.status ?? 500;
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': retryAfter } : {};
  const code = rule.code ?? (status === 503 ? 'ServiceUnavailable' : status === 504 ? 'GatewayTimeout' : status === 502 ? 'BadGateway' : 'InternalServerError');
  const message =
    rule.message ??
    (status === 503
      ? 'The server is currently unavailable to handle the request. Please retry after some time.'
      : `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString()}', subscription id '${sub}'.`);
  return { status, headers, body: { error: { code, message } } };
}
