// Print a syntax tree back as shell source that parses to the same tree, on
// one line (here-document bodies are not printed: only their `<<WORD`).
// Words are printed from their parts, not from `raw`, so a tree built in
// code prints too. Checked by parser.prop.test.ts.

import type { AndOr, Command, CondExpr, List, Pipeline, Redirect, Word, WordPart } from './ast.ts';

/** Default file descriptor of each redirection operator (not printed when the redirect uses it). */
const DEFAULT_FD: Record<Redirect['op'], number> = { '<': 0, '<<': 0, '<<<': 0, '<>': 0, '<&': 0, '>': 1, '>>': 1, '>&': 1, '>|': 1, '&>': -1, '&>>': -1 };

/** A list: items separated by `;` (or ended by `&`). */
export function printList(l: List): string {
  return l.items.map((it, i) => printAndOr(it.cmd) + (it.bg ? ' &' : i < l.items.length - 1 ? ';' : '')).join(' ');
}

/** A list as the body of a compound command: every item ends with `;` or `&`. */
function body(l: List): string {
  return l.items.map((it) => printAndOr(it.cmd) + (it.bg ? ' &' : ';')).join(' ');
}

export function printAndOr(a: AndOr): string {
  return [printPipeline(a.first), ...a.rest.map((r) => `${r.op} ${printPipeline(r.pipeline)}`)].join(' ');
}

export function printPipeline(p: Pipeline): string {
  return (p.time ? (p.time === 'posix' ? 'time -p ' : 'time ') : '') + (p.bang ? '! ' : '') + p.cmds.map(printCommand).join(' | ');
}

export function printCommand(c: Command): string {
  switch (c.k) {
    case 'simple':
      return [...c.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.array ? `(${a.array.map(printWord).join(' ')})` : printWord(a.value)}`), ...c.words.map(printWord), ...c.redirs.map(printRedirect)].join(' ');
    case 'subshell':
      return withRedirs(`( ${printList(c.body)} )`, c.redirs);
    case 'arithcmd':
      return withRedirs(`((${c.expr.raw}))`, c.redirs);
    case 'cond':
      return withRedirs(`[[ ${printCond(c.expr, printWord)} ]]`, c.redirs);
    case 'group':
      return withRedirs(`{ ${body(c.body)} }`, c.redirs);
    case 'coproc':
      return `coproc ${c.name} ${printCommand(c.body)}`;
    case 'if': {
      const clauses = c.clauses.map((cl, i) => `${i ? 'elif' : 'if'} ${body(cl.cond)} then ${body(cl.body)}`).join(' ');
      return withRedirs(`${clauses}${c.orElse ? ` else ${body(c.orElse)}` : ''} fi`, c.redirs);
    }
    case 'for':
      return withRedirs(`${c.select ? 'select' : 'for'} ${c.name}${c.words ? ` in${c.words.map((w) => ` ${printWord(w)}`).join('')}` : ''}; do ${body(c.body)} done`, c.redirs);
    case 'arithfor':
      return withRedirs(`for ((${c.init.raw};${c.cond.raw};${c.step.raw})); do ${body(c.body)} done`, c.redirs);
    case 'while':
      return withRedirs(`${c.until ? 'until' : 'while'} ${body(c.cond)} do ${body(c.body)} done`, c.redirs);
    case 'case': {
      const items = c.items.map((it) => `${it.patterns.map(printWord).join(' | ')}) ${printList(it.body)};;`).join(' ');
      return withRedirs(`case ${printWord(c.word)} in ${items}${items ? ' ' : ''}esac`, c.redirs);
    }
    case 'func':
      return `${c.name} () ${printCommand(c.body)}`;
  }
}

/** A `[[ ]]` expression, its words printed by `word`. */
export function printCond(e: CondExpr, word: (w: Word) => string): string {
  switch (e.k) {
    case 'and':
      return `${printCond(e.l, word)} && ${printCond(e.r, word)}`;
    case 'or':
      return `${printCond(e.l, word)} || ${printCond(e.r, word)}`;
    case 'not':
      return `! ${printCond(e.e, word)}`;
    case 'group':
      return `( ${printCond(e.e, word)} )`;
    case 'unary':
      return `${e.op} ${word(e.a)}`;
    case 'binary':
      return `${word(e.a)} ${e.op} ${e.op === '=~' ? e.b.raw : word(e.b)}`;
    case 'word':
      return word(e.a);
  }
}

function withRedirs(s: string, redirs: Redirect[]): string {
  return [s, ...redirs.map(printRedirect)].join(' ');
}

export function printRedirect(r: Redirect): string {
  const fd = r.fd === DEFAULT_FD[r.op] ? '' : String(r.fd);
  return `${fd}${r.op}${printWord(r.target)}`;
}

/** A word from its parts: literal text as is, quoted text in single quotes, the rest as written. */
export function printWord(w: Word): string {
  return joinText(w.parts).map((p) => printPart(p, false)).join('');
}

/** Adjacent literal or quoted pieces as one (`'it'\''s'` is read as three quoted pieces and printed as one). */
function joinText(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev && (p.k === 'lit' || p.k === 'sq') && prev.k === p.k) out[out.length - 1] = { k: p.k, v: prev.v + p.v };
    else out.push(p);
  }
  return out;
}

function printPart(p: WordPart, inDq: boolean): string {
  switch (p.k) {
    case 'lit':
      return p.v;
    case 'sq':
      return inDq ? p.v.replace(/["\\$`]/g, '\\$&') : singleQuote(p.v);
    case 'dq':
      return `"${joinText(p.parts).map((x) => printPart(x, true)).join('')}"`;
    case 'param':
      return printParam(p);
    case 'cmdsub': {
      // `$((` would start arithmetic: a subshell first inside $( ) gets a space.
      const b = printList(p.body);
      return b.startsWith('(') ? `$( ${b} )` : `$(${b})`;
    }
    case 'arith':
      return `$((${printWord(p.expr)}))`;
  }
}

/** 'text', with each single quote written as '\'' (bash's own quoting of function bodies does the same). */
function singleQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

function printParam(p: Extract<WordPart, { k: 'param' }>): string {
  if (!p.op) return `\${${p.name}}`;
  if (p.op === 'len') return `\${#${p.name}}`;
  if (p.op === 'index') return `\${${p.arg?.raw ?? p.name}}`;
  const arg = p.arg ? printWord(p.arg) : '';
  return `\${${p.name}${p.op}${arg}${p.arg2 ? `/${printWord(p.arg2)}` : ''}}`;
}
