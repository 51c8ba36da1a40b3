// The size limits of issue 17: no function in src/ over 150 lines, no file in src/commands/ over
// 300. A long function or command file is where the next flow would be copied from; keeping both
// short keeps each flow its steps plus one call into src/azure. Read with the TypeScript compiler.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../harness/paths';

const MAX_FUNCTION_LINES = 150;
const MAX_COMMAND_FILE_LINES = 300;

/**
 * Known, temporary exceptions, each with the work that removes it. Delete the entry when that
 * lands: the test then fails if the file grows back.
 */
const COMMAND_FILE_EXCEPTIONS: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function lineCount(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

interface LongFunction {
  where: string;
  lines: number;
}

function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** Every function, method, accessor and arrow function of a file longer than the limit. */
export function longFunctions(file: string, text = fs.readFileSync(file, 'utf8'), limit = MAX_FUNCTION_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({ where: `${relative(file)}:${start + 1} ${functionName(node)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('size limits (issue 17)', () => {
  const src = path.join(ROOT, 'src');

  it(`no function in src/ is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = sourceFiles(src).flatMap((file) => longFunctions(file));
    assert.deepEqual(
      long.map((f) => `${f.where}: ${f.lines} lines`),
      [],
      'split these into named steps or helpers',
    );
  });

  it(`no file in src/commands/ is over ${MAX_COMMAND_FILE_LINES} lines (known exceptions listed)`, () => {
    const files = sourceFiles(path.join(src, 'commands')).map((file) => ({ file: relative(file), lines: lineCount(file) }));
    const over = files.filter((f) => f.lines > MAX_COMMAND_FILE_LINES && !(f.file in COMMAND_FILE_EXCEPTIONS));
    assert.deepEqual(
      over.map((f) => `${f.file}: ${f.lines} lines`),
      [],
      'split the command into a folder: its entry and its steps',
    );
  });

  it('lists only exceptions that still exist and are still over the limit', () => {
    // A stale exception would let the file grow back unnoticed: remove it once the split lands.
    for (const file of Object.keys(COMMAND_FILE_EXCEPTIONS)) {
      const full = path.join(ROOT, file);
      assert.ok(fs.existsSync(full) && lineCount(full) > MAX_COMMAND_FILE_LINES, `${file} is now within ${MAX_COMMAND_FILE_LINES} lines (or gone): remove it from COMMAND_FILE_EXCEPTIONS`);
    }
  });

  it('measures a function from its first to its last line, arrow functions and methods included', () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const text = [
      `export function ok() {\n${body(MAX_FUNCTION_LINES)}\n}`,
      `export const tooLong = () => {\n${body(MAX_FUNCTION_LINES + 1)}\n};`,
      `class C {\n  method() {\n${body(MAX_FUNCTION_LINES + 5)}\n  }\n}`,
    ].join('\n');
    assert.deepEqual(
      longFunctions(path.join(src, 'example.ts'), text).map((f) => [f.where.replace(/^.*? /, ''), f.lines]),
      [
        ['tooLong', MAX_FUNCTION_LINES + 1],
        ['method', MAX_FUNCTION_LINES + 5],
      ],
    );
  });
});
