// jq, awk and sed are kept in functions a reader can hold in their head
// (issue 15): no function, method or arrow function in their modules is
// longer than LIMIT lines, counted from its first line to its last with the
// TypeScript compiler's parser. A nested function counts inside its parent
// too, so a closure-based parser cannot hide behind its inner functions.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DIRS = ['src/userland/text/jq', 'src/userland/text/awk', 'src/userland/text/sed'];
const LIMIT = 60;

/** Every function-like declaration with a body in `text`: its name (or `<anonymous>`), first line and length in lines. */
export function functionLengths(file: string, text: string): { name: string; line: number; lines: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { name: string; line: number; lines: number }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      const named = n as ts.FunctionLikeDeclaration;
      const holder = n.parent;
      const name = named.name?.getText(sf) ?? (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) ? holder.name.getText(sf) : '<anonymous>');
      out.push({ name, line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('function length in jq, awk and sed', () => {
  it('measures functions, methods and arrow functions (nested ones inside their parents)', () => {
    const body = Array.from({ length: 70 }, (_, i) => `  x += ${i};`).join('\n');
    const src = `class P {\n  m(): void {\n    let x = 0;\n${body}\n    const f = () => {\n      x++;\n    };\n  }\n}\n`;
    expect(functionLengths('t.ts', src)).toEqual([
      { name: 'm', line: 2, lines: 76 },
      { name: 'f', line: 74, lines: 3 },
    ]);
  });

  it(`keeps every function at ${LIMIT} lines or fewer`, () => {
    const long: string[] = [];
    let files = 0;
    for (const dir of DIRS)
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
        const path = join(dir, f);
        files++;
        for (const fn of functionLengths(path, readFileSync(join(ROOT, path), 'utf8'))) if (fn.lines > LIMIT) long.push(`${path}:${fn.line} ${fn.name}: ${fn.lines} lines`);
      }
    expect(files).toBeGreaterThan(15);
    expect(long).toEqual([]);
  });
});
