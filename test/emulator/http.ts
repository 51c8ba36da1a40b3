import type { IncomingHttpHeaders } from 'node:http';
import type { Json } from './json';
import type { Principal } from './state';
import type { Emulator } from './emulator';

/** Who is calling, from a validated bearer token. */
export interface Caller {
  principal: Principal;
  tenantId: string;
  objectId: string;
  audience: string;
}

export interface Ctx {
  emu: Emulator;
  method: string;
  /** Path as sent, percent-decoded per segment, with duplicate slashes collapsed. */
  path: string;
  /** Path exactly as the client sent it (for nextLink). */
  requestPath: string;
  query: CaseInsensitiveQuery;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the form fields of a token request. */
  body: Json | undefined;
  rawBody: string;
  caller?: Caller;
}

export interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** Non-JSON payload (HEAD and 204 answers send none). */
  text?: string;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

/** ARM treats query parameter names case-insensitively ($skipToken vs $skiptoken, api-version). */
export class CaseInsensitiveQuery {
  private readonly map = new Map<string, string>();
  constructor(readonly raw: URLSearchParams) {
    for (const [k, v] of raw) if (!this.map.has(k.toLowerCase())) this.map.set(k.toLowerCase(), v);
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
}

export const ok = (body: Json, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
