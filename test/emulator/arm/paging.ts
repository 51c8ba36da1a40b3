import type { Ctx } from '../http';
import type { Json, JsonObject } from '../json';
import { invalidParameter } from './errors';

/** Our `$skiptoken` is an opaque base64url offset; clients only ever follow nextLink. */
function decodeSkipToken(token: string | undefined): number {
  if (!token) return 0;
  const n = Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(n) || n < 0) throw invalidParameter('The value of $skiptoken is invalid.', '$skiptoken');
  return n;
}

/** One page of a list, with a full-URL nextLink carrying every original query parameter. */
export function page(ctx: Ctx, items: Json[], pageSizeOverride?: number): JsonObject {
  const size = Math.max(1, pageSizeOverride ?? ctx.emu.config.pageSize);
  const offset = decodeSkipToken(ctx.query.get('$skiptoken'));
  const body: JsonObject = { value: items.slice(offset, offset + size) };
  if (offset + size < items.length) {
    // Keys stay literal (`$skiptoken`, `$filter`), as Azure writes them; values are encoded.
    const parts: string[] = [];
    for (const [k, v] of ctx.query.raw) if (k.toLowerCase() !== '$skiptoken') parts.push(`${k}=${encodeURIComponent(v)}`);
    parts.push(`$skiptoken=${Buffer.from(`o:${offset + size}`).toString('base64url')}`);
    body.nextLink = `${ctx.emu.baseUrl}${ctx.requestPath}?${parts.join('&')}`;
  }
  return body;
}
