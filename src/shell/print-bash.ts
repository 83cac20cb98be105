// A function definition printed as bash 5.2 prints it (`type f`,
// `declare -f f`): one command per line, four-space indentation, `elif`
// turned into a nested `if` in the `else`, `for i` shown as `for i in "$@"`,
// redirections spaced as `2> /dev/null` and duplications with both numbers
// (`1>&2`, `0<&3`), words as they were written. The layout follows the
// outputs recorded in fidelity/scenarios/172-bash-type-function.sh.

import type { AndOr, Command, List, Pipeline, Redirect } from './ast.ts';
import { printCond } from './print.ts';

const pad = (n: number): string => ' '.repeat(n);

/** A list holding one command. */
const single = (c: Command): List => ({ items: [{ cmd: { first: { bang: false, cmds: [c] }, rest: [], src: '' }, bg: false }] });

/** `NAME () { … }` as `type NAME` prints it after `NAME is a function`. */
export function printFunction(name: string, body: Command, ind = 0, keyword = false): string {
  const group: Command = body.k === 'group' ? body : { k: 'group', body: single(body), redirs: [] };
  return `${keyword ? 'function ' : ''}${name} () \n${pad(ind)}${command(group, ind)}`;
}

/** A command printed so that its here-documents follow it (they end the line). */
interface Printed {
  text: string;
  heredoc: boolean;
}

/**
 * A list at indentation `ind`: commands separated by `;` and a new line, or
 * by ` & ` after a background one. `terminate` ends the last one with `;`
 * too (the bodies of if, while and for).
 */
function list(l: List, ind: number, terminate = false): string {
  let s = '';
  l.items.forEach((it, i) => {
    const p = andOr(it.cmd, ind);
    s += p.text;
    const last = i === l.items.length - 1;
    if (it.bg) s += last ? ' &' : ' & ';
    else if (p.heredoc) s += last ? '' : `\n${pad(ind)}`;
    else if (!last) s += `;\n${pad(ind)}`;
    else if (terminate) s += ';';
  });
  return s;
}

function andOr(a: AndOr, ind: number): Printed {
  const first = pipeline(a.first, ind);
  let text = first.text;
  let heredoc = first.heredoc;
  for (const r of a.rest) {
    const p = pipeline(r.pipeline, ind);
    text += ` ${r.op} ${p.text}`;
    heredoc = p.heredoc;
  }
  return { text, heredoc };
}

function pipeline(p: Pipeline, ind: number): Printed {
  const cmds = p.cmds.map((c) => printed(c, ind));
  const time = p.time ? (p.time === 'posix' ? 'time -p ' : 'time ') : '';
  return { text: time + (p.bang ? '! ' : '') + cmds.map((c) => c.text).join(' | '), heredoc: cmds.some((c) => c.heredoc) };
}

function printed(c: Command, ind: number): Printed {
  const text = command(c, ind);
  const docs = redirsOf(c).filter((r) => r.heredoc);
  if (!docs.length) return { text, heredoc: false };
  return { text: text + '\n' + docs.map((r) => `${r.heredoc!.body}${delimiter(r)}\n`).join(''), heredoc: true };
}

function redirsOf(c: Command): Redirect[] {
  return c.k === 'func' ? [] : c.redirs;
}

/** The delimiter line of a here-document: the word without its quotes. */
function delimiter(r: Redirect): string {
  return r.target.raw.replace(/['"\\]/g, '');
}

function redirect(r: Redirect): string {
  switch (r.op) {
    case '>&':
    case '<&':
      return `${r.fd}${r.op}${r.target.raw}`;
    case '<<':
      return `${r.fd === 0 ? '' : r.fd}<<${r.target.raw}`;
    case '&>':
    case '&>>':
      return `${r.op} ${r.target.raw}`;
    default: {
      const def = r.op === '<' || r.op === '<>' || r.op === '<<<' ? 0 : 1;
      return `${r.fd === def ? '' : r.fd}${r.op} ${r.target.raw}`;
    }
  }
}

function withRedirs(s: string, redirs: Redirect[]): string {
  return [s, ...redirs.map(redirect)].join(' ');
}

function command(c: Command, ind: number): string {
  const inner = ind + 4;
  switch (c.k) {
    case 'simple':
      return [...c.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.array ? `(${a.array.map((w) => w.raw).join(' ')})` : a.value.raw}`), ...c.words.map((w) => w.raw), ...c.redirs.map(redirect)].join(' ');
    case 'group':
      return withRedirs(`{ \n${pad(inner)}${list(c.body, inner)}\n${pad(ind)}}`, c.redirs);
    case 'coproc':
      return `coproc ${c.name} ${command(c.body, ind)}`;
    case 'subshell':
      return withRedirs(`( ${list(c.body, ind)} )`, c.redirs);
    case 'arithcmd':
      return withRedirs(`((${c.expr.raw}))`, c.redirs);
    case 'cond':
      return withRedirs(`[[ ${printCond(c.expr, (w) => w.raw)} ]]`, c.redirs);
    case 'if': {
      const [first, ...more] = c.clauses;
      let s = `if ${list(first!.cond, ind)}; then\n${pad(inner)}${list(first!.body, inner, true)}\n${pad(ind)}`;
      // bash keeps no `elif`: the rest is an `if` inside the `else`.
      const orElse: List | undefined = more.length ? single({ k: 'if', clauses: more, orElse: c.orElse, redirs: [] }) : c.orElse;
      if (orElse) s += `else\n${pad(inner)}${list(orElse, inner, true)}\n${pad(ind)}`;
      return withRedirs(`${s}fi`, c.redirs);
    }
    case 'while':
      return withRedirs(`${c.until ? 'until' : 'while'} ${list(c.cond, ind)}; do\n${pad(inner)}${list(c.body, inner, true)}\n${pad(ind)}done`, c.redirs);
    case 'for': {
      const words = c.words ? c.words.map((w) => w.raw).join(' ') : '"$@"';
      return withRedirs(`${c.select ? 'select' : 'for'} ${c.name} in ${words};\n${pad(ind)}do\n${pad(inner)}${list(c.body, inner, true)}\n${pad(ind)}done`, c.redirs);
    }
    case 'arithfor': {
      const head = [c.init, c.cond, c.step].map((w) => w.raw.trim()).join('; ');
      return withRedirs(`for ((${head}))\n${pad(ind)}do\n${pad(inner)}${list(c.body, inner, true)}\n${pad(ind)}done`, c.redirs);
    }
    case 'case': {
      let s = `case ${c.word.raw} in \n`;
      for (const it of c.items) {
        const body = list(it.body, inner + 4);
        s += `${pad(inner)}${it.patterns.map((p) => p.raw).join(' | ')})\n${body ? pad(inner + 4) + body : ''}\n${pad(inner)};;\n`;
      }
      return withRedirs(`${s}${pad(ind)}esac`, c.redirs);
    }
    case 'func':
      return printFunction(c.name, c.body, ind, true);
  }
}
