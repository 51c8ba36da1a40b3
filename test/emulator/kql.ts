// The small, strict part of KQL (Kusto Query Language) the local Azure's Resource Graph answers:
//   resources | where <expr>  (or communitygalleryresources | …) | extend a = <expr>, … | project a, b, … | order by x [asc|desc]
// with expressions of columns and property paths (`properties.storageProfile.imageReference`),
// string literals, `==`, `=~`, `!=`, `!~`, `in`, `in~`, `startswith`, `and`, `or`, parentheses and
// the functions `tostring`, `tolower`, `iff`, `isnotempty`, `isempty`, `coalesce`.
// Semantics from the KQL reference (https://learn.microsoft.com/kusto/query/): `=~`, `in~` and
// `startswith` ignore case, `==`, `in` and `startswith_cs` do not (datatypes-string-operators);
// a path into a dynamic value that is not there is null, and `tostring(null)` is '' (tostring-function).
// Anything else is refused as Resource Graph refuses a query it cannot parse, so an extension query
// the local Azure does not know fails loudly in the tests instead of returning something made up.
import type { Json, JsonObject } from './json';

export type Expr =
  | { kind: 'literal'; value: string }
  | { kind: 'path'; path: string[] }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'list'; items: Expr[] };

export type Stage =
  | { kind: 'where'; expr: Expr }
  | { kind: 'extend'; columns: Array<{ name: string; expr: Expr }> }
  | { kind: 'project'; columns: string[] }
  | { kind: 'order'; column: string; descending: boolean };

const FUNCTIONS = new Set(['tostring', 'tolower', 'iff', 'isnotempty', 'isempty', 'coalesce']);
const COMPARISONS = new Set(['==', '=~', '!=', '!~', 'in', 'in~', 'startswith', 'startswith_cs', '!startswith']);

export class KqlError extends Error {}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(=~|==|!=|!~|in~|!startswith)|([A-Za-z_][\w]*)|([().,=]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new KqlError(`Unexpected text at '${text.slice(at, at + 20)}'.`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    at = re.lastIndex;
  }
  return tokens;
}

function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Recursive descent over one stage's tokens. */
class Parser {
  private i = 0;
  constructor(private readonly t: string[]) {}
  peek(): string | undefined {
    return this.t[this.i];
  }
  next(): string {
    const token = this.t[this.i++];
    if (token === undefined) throw new KqlError('The query ends too early.');
    return token;
  }
  expect(token: string): void {
    const got = this.next();
    if (got.toLowerCase() !== token) throw new KqlError(`Expected '${token}', found '${got}'.`);
  }
  done(): boolean {
    return this.i >= this.t.length;
  }
  expr(): Expr {
    let left = this.and();
    while (this.peek()?.toLowerCase() === 'or') {
      this.next();
      left = { kind: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.comparison();
    while (this.peek()?.toLowerCase() === 'and') {
      this.next();
      left = { kind: 'binary', op: 'and', left, right: this.comparison() };
    }
    return left;
  }
  private comparison(): Expr {
    const left = this.primary();
    const op = this.peek()?.toLowerCase();
    if (op === undefined || !COMPARISONS.has(op)) return left;
    this.next();
    if (op === 'in' || op === 'in~') {
      this.expect('(');
      const items: Expr[] = [this.primary()];
      while (this.peek() === ',') {
        this.next();
        items.push(this.primary());
      }
      this.expect(')');
      return { kind: 'binary', op, left, right: { kind: 'list', items } };
    }
    return { kind: 'binary', op, left, right: this.primary() };
  }
  private primary(): Expr {
    const token = this.next();
    if (token === '(') {
      const inner = this.expr();
      this.expect(')');
      return inner;
    }
    if (token.startsWith("'") || token.startsWith('"')) return { kind: 'literal', value: unquote(token) };
    if (!/^[A-Za-z_]/.test(token)) throw new KqlError(`Unexpected '${token}'.`);
    if (this.peek() === '(') {
      const name = token.toLowerCase();
      if (!FUNCTIONS.has(name)) throw new KqlError(`The local Azure does not know the function '${token}'.`);
      this.next();
      const args: Expr[] = [];
      if (this.peek() !== ')') {
        args.push(this.expr());
        while (this.peek() === ',') {
          this.next();
          args.push(this.expr());
        }
      }
      this.expect(')');
      return { kind: 'call', name, args };
    }
    const path = [token];
    while (this.peek() === '.') {
      this.next();
      path.push(this.next());
    }
    return { kind: 'path', path };
  }
}

function parseStage(text: string): Stage {
  const tokens = tokenize(text);
  const p = new Parser(tokens.slice(1));
  const verb = (tokens[0] ?? '').toLowerCase();
  let stage: Stage;
  if (verb === 'where') stage = { kind: 'where', expr: p.expr() };
  else if (verb === 'extend') {
    const columns: Array<{ name: string; expr: Expr }> = [];
    do {
      if (columns.length > 0) p.next();
      const name = p.next();
      p.expect('=');
      columns.push({ name, expr: p.expr() });
    } while (p.peek() === ',');
    stage = { kind: 'extend', columns };
  } else if (verb === 'project') {
    const columns = [p.next()];
    while (p.peek() === ',') {
      p.next();
      columns.push(p.next());
    }
    stage = { kind: 'project', columns };
  } else if ((verb === 'order' || verb === 'sort') && tokens[1]?.toLowerCase() === 'by') {
    p.next();
    const column = p.next();
    const dir = p.done() ? 'desc' : p.next().toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new KqlError(`Expected asc or desc, found '${dir}'.`);
    stage = { kind: 'order', column, descending: dir === 'desc' };
  } else throw new KqlError(`The local Azure does not understand the query stage '${text}'.`);
  if (!p.done()) throw new KqlError(`Unexpected '${p.peek()}' in '${text}'.`);
  return stage;
}

/** The tables the local Azure answers (Resource Graph has many more). */
export const KQL_TABLES = ['resources', 'communitygalleryresources'] as const;
export type KqlTable = (typeof KQL_TABLES)[number];

/** `<table> | …` into its stages; the table must be one of KQL_TABLES. Throws KqlError. */
export function parseKql(query: string): { table: KqlTable; stages: Stage[] } {
  // A '|' inside a string literal is not a stage break.
  const parts = query.match(/(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^|'"])+/g)?.map((s) => s.trim()) ?? [];
  const table = KQL_TABLES.find((t) => t === (parts[0] ?? '').toLowerCase());
  if (!table) throw new KqlError(`The local Azure answers queries of the ${KQL_TABLES.map((t) => `'${t}'`).join(' and ')} tables only, not '${parts[0] ?? ''}'.`);
  return { table, stages: parts.slice(1).map(parseStage) };
}

const text = (v: Json | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** An expression as a function of the row: compiled once per query, run once per row. */
export type Compiled = (row: JsonObject) => Json | undefined;

const compiledOf = new WeakMap<Expr, Compiled>();

export function evaluate(expr: Expr, row: JsonObject): Json | undefined {
  return compile(expr)(row);
}

/**
 * The expression's evaluation, built once: walking the syntax tree again for each of 13,000 rows
 * and each column made this local Azure's first page of a large query its slowest part.
 */
export function compile(expr: Expr): Compiled {
  let fn = compiledOf.get(expr);
  if (!fn) {
    fn = build(expr);
    compiledOf.set(expr, fn);
  }
  return fn;
}

const fold = (s: string) => s.toLowerCase();

function build(expr: Expr): Compiled {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'list': {
      const items = expr.items.map(compile);
      return (row) => items.map((e) => e(row) ?? null);
    }
    case 'path': {
      const path = expr.path;
      return (row) => {
        let value: Json | undefined = row;
        for (const key of path) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject)[key] : undefined;
        return value ?? null;
      };
    }
    case 'call': {
      const args = expr.args.map(compile);
      const arg = (row: JsonObject, i: number) => args[i]?.(row);
      switch (expr.name) {
        case 'tostring':
          return (row) => text(arg(row, 0));
        case 'tolower':
          return (row) => text(arg(row, 0)).toLowerCase();
        case 'iff':
          return (row) => {
            const all = args.map((a) => a(row));
            return all[0] === true ? all[1] : all[2];
          };
        case 'isnotempty':
          return (row) => text(arg(row, 0)) !== '';
        case 'isempty':
          return (row) => text(arg(row, 0)) === '';
        default:
          return (row) => args.map((a) => a(row)).find((a) => a !== null && a !== undefined && a !== '') ?? null;
      }
    }
    case 'binary': {
      const l = compile(expr.left);
      const r = compile(expr.right);
      if (expr.op === 'and') return (row) => l(row) === true && r(row) === true;
      if (expr.op === 'or') return (row) => l(row) === true || r(row) === true;
      // A list of literals (`type in~ ('a', 'b')`) is the same for every row: its texts are worked out once.
      const constant = expr.right.kind === 'list' && expr.right.items.every((i) => i.kind === 'literal') ? (expr.right.items as Array<{ value: string }>).map((i) => i.value) : undefined;
      const left = (row: JsonObject) => text(l(row));
      switch (expr.op) {
        case '==':
          return (row) => left(row) === text(r(row));
        case '!=':
          return (row) => left(row) !== text(r(row));
        case '=~':
          return (row) => fold(left(row)) === fold(text(r(row)));
        case '!~':
          return (row) => fold(left(row)) !== fold(text(r(row)));
        case 'in': {
          if (constant) return (row) => constant.includes(left(row));
          return (row) => {
            const x = left(row);
            return (r(row) as Json[]).some((v) => text(v) === x);
          };
        }
        case 'in~': {
          if (constant) {
            const folded = new Set(constant.map(fold));
            return (row) => folded.has(fold(left(row)));
          }
          return (row) => {
            const x = fold(left(row));
            return (r(row) as Json[]).some((v) => fold(text(v)) === x);
          };
        }
        case 'startswith':
          return (row) => fold(left(row)).startsWith(fold(text(r(row))));
        case '!startswith':
          return (row) => !fold(left(row)).startsWith(fold(text(r(row))));
        default:
          return (row) => left(row).startsWith(text(r(row)));
      }
    }
  }
}

/** The string literals a query compares `type` with: which tables of rows it can need. */
export function typesNamed(stages: readonly Stage[]): string[] {
  const out: string[] = [];
  const walk = (e: Expr) => {
    if (e.kind === 'binary') {
      if (e.left.kind === 'path' && e.left.path.length === 1 && e.left.path[0]!.toLowerCase() === 'type') {
        const items = e.right.kind === 'list' ? e.right.items : [e.right];
        for (const i of items) if (i.kind === 'literal') out.push(i.value.toLowerCase());
      }
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  for (const s of stages) if (s.kind === 'where') walk(s.expr);
  return out;
}
