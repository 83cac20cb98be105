// A grammar of command lines for the fuzzer: every registered program (its
// name, sub-commands and documented options from the registry's specs) with
// argument values a curious or hostile learner might type, inside shell
// syntax (pipes, lists, redirections, quoting, substitutions, functions,
// bounded loops, here-documents, arithmetic).
//
// Everything generated terminates without the execution budgets another
// change adds: loops have fixed iteration counts, no `while true`, no
// self-doubling strings, no flood ping, no endless `seq`. Lines that would
// need those budgets belong to that change's tests, not here.

import type { CommandSpec } from '../../src/userland/registry.ts';

/** A small seeded generator (mulberry32): the same seed gives the same lines. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Names that are JavaScript object properties, not programs or keys. */
export const JS_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf', '__defineGetter__', 'toLocaleString', 'then', 'length'];

/** Argument values: ordinary, boundary and odd. */
const VALUES = [
  '', '0', '1', '2', '-1', '3', '7', '10', '64', '255', '256', '65535', '65536', '4294967296', '99999999999999999999', '1e3', '0x10', '010', '1.5', '-0', '+1',
  'a', 'abc', 'lo', 'eth0', 'veth0', 'br0', 'red', 'blue', 'nat', 'filter', 'raw', 'mangle', 'INPUT', 'OUTPUT', 'FORWARD', 'PREROUTING', 'POSTROUTING', 'DOCKER',
  'tcp', 'udp', 'icmp', 'all', 'ACCEPT', 'DROP', 'MASQUERADE', 'DNAT', 'SNAT', 'REDIRECT', 'LOG', 'RETURN',
  '127.0.0.1', '10.0.0.1', '10.0.0.1/24', '192.0.2.1', '203.0.113.5/32', '0.0.0.0/0', '256.1.1.1', '1.2.3', '::1', 'fe80::1/64', 'localhost', 'example.com', 'host',
  '/', '/tmp', '/tmp/f', '/etc/hosts', '/etc/resolv.conf', '/proc/net/dev', '/proc/sys/net/ipv4/ip_forward', '/run/netns', '/nonexistent', '.', '..', '-', '--',
  'null', 'true', 'false', '{}', '[]', '{"a":1}', '"s"', '[1,2]', 'NaN', 'undefined', '%s', '%d', '%q', '%b', '%', '%%', '%5.2f', '%x', '%c', '%-3s|', '%*d', '%.3s',
  '\\n', '\\t', '\\x41', '\\U110000', '\\u00e9', '\\0101', '\\c', '\\',
  '.*', 'a*', '[', ']', '(', ')', '\\(', '^a', 'a$', '[[:alpha:]]', '[[:bogus:]]', 'a{2}', 'a\\{2\\}', '?', '+', '|', 'x|y', '\\1', '(a)\\1',
  '{print $1}', '{print NF}', 'BEGIN{print 1}', 'BEGIN{x}', 's/a/b/', 's/a/b/g', 'p', 'd', '1d', '$d', 'y/ab/cd/', 's/(/x/', '=', 'q', 'a\\',
  '.', '.[]', '.a', 'keys', 'length', '.[0]', 'map(.)', 'to_entries', 'tostring', 'tonumber', '@base64', '@csv', 'input', 'error', 'def f: f; f', 'recurse', 'implode', '[.[]?]',
  '1-3', '1,2', '2-', '-2', 'x', ':', ',', ' ', 'a b', "it's", '*', '?*', '~', '$HOME', 'JSON', '{{.Name}}', '{{json .}}', '{{.Nope}}', '{{', 'json',
  'nginx', 'busybox', 'alpine', 'web', 'pod', 'pods', 'svc', 'services', 'deploy', 'nodes', 'ns', 'default', 'kube-system', 'app=web', '-o', 'yaml', 'wide', 'name',
  'SIGKILL', 'TERM', 'HUP', '9', 'INT', 'BOGUS', '-9', '-l', '1s', '0.5', '2m', '-5',
  ...JS_NAMES,
];

/** Commands that print a lot or run until killed, with the values they may get instead. */
const NUMERIC_SAFE = ['0', '1', '2', '3', '-1', 'a', '', '1.5', '1e3', '0x10', '65536', 'constructor'];

function word(r: Rng): string {
  return r.chance(0.1) ? r.pick(JS_NAMES) : r.pick(VALUES);
}

/** Quote a word the way a learner might. */
function quote(r: Rng, w: string): string {
  const plain = /^[A-Za-z0-9_./:=,+@%-]+$/.test(w);
  const k = r.int(10);
  if (plain && k < 5) return w;
  if (k < 8 || !w.includes("'")) return `'${w.replace(/'/g, `'\\''`)}'`;
  return `"${w.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Option spellings of a spec (`-c, --count` → both). */
function flags(spec: CommandSpec): { flag: string; arg: boolean }[] {
  const out: { flag: string; arg: boolean }[] = [];
  for (const o of spec.options ?? []) {
    for (const f of o.flag.split(/,\s*/)) {
      const m = /^([-+@]?[A-Za-z0-9][\w.-]*|-[A-Za-z])/.exec(f.trim());
      if (m) out.push({ flag: m[1], arg: !!o.arg });
    }
  }
  return out;
}

/** Programs whose numeric arguments must stay small until execution budgets land. */
const BOUNDED = new Set(['seq', 'ping', 'xargs', 'sleep', 'timeout', 'tail', 'head', 'printf', 'tcpdump', 'nc', 'python3', 'nginx', 'dnsmasq', 'coredns']);

/** One invocation of a registered program. */
export function genProgram(r: Rng, specs: CommandSpec[]): string {
  const spec = r.pick(specs);
  const parts = [spec.name];
  const fl = flags(spec);
  const values = (): string => (BOUNDED.has(spec.name) ? r.pick(NUMERIC_SAFE) : word(r));
  if (spec.subcommands?.length && r.chance(0.85)) {
    parts.push(r.pick(spec.subcommands));
    if (r.chance(0.5) && spec.name === 'ip') parts.push(r.pick(['show', 'add', 'del', 'set', 'list', 'flush', 'get', 'exec', 'help', 'change', 'replace']));
    if (spec.name === 'kubectl' || spec.name === 'docker') if (r.chance(0.6)) parts.push(r.pick(['pods', 'svc', 'deploy', 'nodes', 'ls', 'create', 'rm', 'inspect', 'web', 'nginx', 'constructor', '__proto__', 'endpoints', 'all', 'ns']));
  }
  const n = r.int(5);
  for (let i = 0; i < n; i++) {
    if (fl.length && r.chance(0.55)) {
      const f = r.pick(fl);
      parts.push(f.flag);
      if (f.arg && r.chance(0.85)) parts.push(quote(r, values()));
    } else parts.push(quote(r, values()));
  }
  let line = parts.join(' ');
  // Forever-running shapes wait for execution budgets: keep them bounded here.
  if (spec.name === 'ping') line = line.replace(/ -i ('?)0(\.0*)?\1(?= |$)/g, ' -i 1') + ' -c 2 -w 3';
  if (spec.name === 'tcpdump') line += ' -c 1';
  return line;
}

/** Shell words and expansions. */
function genArg(r: Rng, depth: number): string {
  const k = r.int(14);
  if (depth > 0 && k === 0) return `"$(${genSimple(r, depth - 1)})"`;
  if (depth > 0 && k === 1) return `$(${genSimple(r, depth - 1)} 2>&1)`;
  if (k === 2) return `$((${genArith(r, 3)}))`;
  if (k === 3) return r.pick(['$x', '"$x"', '${x:-d}', '${x:=v}', '${x:+a}', '${#x}', '${x%a}', '${x#*/}', '${x//a/b}', '${x:1:2}', '${x^^}', '$?', '$#', '$@', '"$@"', '$*', '$0', '$1', '$$', '$!', '${!x}', '${x?}', '${x:?msg}', '$RANDOM', '${a[0]}', '${a[@]}', '~', '~root', '*', '/etc/*', '{a,b}', '{1..3}', '$PWD']);
  if (k === 4) return `\`${r.pick(['echo hi', 'true', 'false', 'hostname'])}\``;
  return quote(r, word(r));
}

/** Arithmetic expressions, including the error cases bash reports. */
export function genArith(r: Rng, depth: number): string {
  if (depth <= 0 || r.chance(0.3)) return r.pick(['1', '0', '-1', 'x', 'y', '2**62', '9223372036854775807', '0x1f', '08', '1/0', '5%0', '2**-1', 'a[1]', '$x', '1e3', '"3"', 'z++', '--y', '07', '36#z', '64#_', '1#1', '', 'constructor', '__proto__']);
  const ops = ['+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^', '&&', '||', '==', '!=', '<', '<=', ',', '=', '+=', '>>='];
  const k = r.int(6);
  if (k === 0) return `(${genArith(r, depth - 1)})`;
  if (k === 1) return `${r.pick(['-', '!', '~', '++', '+'])}${genArith(r, depth - 1)}`;
  if (k === 2) return `${genArith(r, depth - 1)} ? ${genArith(r, depth - 1)} : ${genArith(r, depth - 1)}`;
  return `${genArith(r, depth - 1)} ${r.pick(ops)} ${genArith(r, depth - 1)}`;
}

const BUILTIN_LINES = [
  'echo', 'echo -n', 'echo -e', 'echo -E', 'printf', 'printf --', 'read', 'read -r x', 'cd', 'pwd', 'export', 'export -p', 'unset', 'unset -f', 'set', 'set -e', 'set -u', 'set -o pipefail', 'set -x', 'set --',
  'shift', 'shift 5', 'return', 'return 3', 'exit 0', 'break', 'continue', 'local x', 'declare', 'declare -p', 'declare -f', 'typeset', 'readonly', 'type', 'type -t', 'command', 'command -v', 'command -V', 'builtin',
  'alias', 'unalias', 'alias x=', 'eval', 'source', '.', 'test', '[', '[[ -f /etc/hosts ]]', 'let', 'true', 'false', ':', 'hash', 'trap', 'umask', 'kill', 'jobs', 'wait', 'wait %1', 'fg', 'bg', 'history', 'help', 'getopts', 'exec',
];

/** A simple command: a program, a builtin, or an assignment. */
export function genSimple(r: Rng, depth: number, specs: CommandSpec[] = currentSpecs): string {
  const k = r.int(10);
  if (k < 5) return genProgram(r, specs);
  if (k < 8) {
    const b = r.pick(BUILTIN_LINES);
    const args: string[] = [];
    for (let i = r.int(3); i > 0; i--) args.push(genArg(r, depth));
    return [b, ...args].join(' ');
  }
  if (k === 8) return `${r.pick(['x', 'y', 'a', 'PATH', 'IFS', 'HOME', 'constructor', '__proto__', 'toString', 'a[1]', 'a[x]'])}${r.pick(['=', '+='])}${genArg(r, depth)}${r.chance(0.3) ? ' ' + genProgram(r, specs) : ''}`;
  return genArg(r, depth).replace(/^['"]?/, '').length ? `echo ${genArg(r, depth)}` : 'echo';
}

let currentSpecs: CommandSpec[] = [];
let loopId = 0;

const REDIRS = ['>/tmp/out', '>>/tmp/out', '2>/dev/null', '2>&1', '</etc/hosts', '</tmp/out', '>&2', '>/dev/null 2>&1', '2>&-', '>&-', '<&-', '>/nonexistent/x', '</nonexistent', '3>&1', '>&9', '<<<"abc"', '<<<$x', '>|/tmp/o2', '&>/tmp/o3', '<>/tmp/o4', '> /proc/sys/net/ipv4/ip_forward'];

/** A command with optional redirections, or a compound command. */
function genCommand(r: Rng, depth: number): string {
  const k = depth > 0 ? r.int(16) : 0;
  let c: string;
  switch (k) {
    case 1:
      c = `( ${genList(r, depth - 1)} )`;
      break;
    case 2:
      c = `{ ${genList(r, depth - 1)}; }`;
      break;
    case 3:
      c = `if ${genPipeline(r, depth - 1)}; then ${genList(r, depth - 1)}; else ${genList(r, depth - 1)}; fi`;
      break;
    case 4:
      c = `for ${r.pick(['i', 'x', 'constructor', '__proto__'])} in ${[genArg(r, 0), genArg(r, 0), genArg(r, 0)].join(' ')}; do ${genList(r, depth - 1)}; done`;
      break;
    case 5: {
      // A loop with a fixed number of iterations (its own counter: an inner loop must not reset it).
      const n = 1 + r.int(3);
      const v = `n${depth}_${loopId++}`;
      c = `${v}=0; while [ $${v} -lt ${n} ]; do ${v}=$((${v}+1)); ${genList(r, depth - 1)}; done`;
      break;
    }
    case 6:
      c = `case ${genArg(r, 0)} in ${r.pick(['a', '*', '[a-z]*', '?', '(', 'a|b'])}) ${genList(r, depth - 1)};; *) ${genSimple(r, 0)};; esac`;
      break;
    case 7: {
      const f = r.pick(['f', 'g', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']);
      c = `${f}() { ${genList(r, depth - 1)}; }; ${f} ${genArg(r, 0)}`;
      break;
    }
    case 8:
      c = `cat <<${r.pick(['EOF', "'EOF'", '-EOF'])}\n${r.pick(['a $x', '$(false)', '${x:?unset}', '$((1/0))', '$((', '`echo b`', '\\$y', '${!}', '${x', 'plain', '$(exit 3)', '${#}', '$((2**63))'])}\n${genArg(r, 0)}\nEOF\n`;
      break;
    case 9:
      c = `[[ ${genArg(r, 0)} ${r.pick(['==', '=~', '!=', '-eq', '-lt', '<', '-nt'])} ${genArg(r, 0)} ]]`;
      break;
    case 10:
      c = `(( ${genArith(r, 3)} ))`;
      break;
    case 11:
      c = `echo $((${genArith(r, 4)}))`;
      break;
    case 12:
      c = `a=(${genArg(r, 0)} ${genArg(r, 0)}); echo "\${a[@]}" \${#a[@]}`;
      break;
    default:
      c = genSimple(r, depth);
  }
  if (r.chance(0.25)) c += ' ' + r.pick(REDIRS);
  return c;
}

function genPipeline(r: Rng, depth: number): string {
  const parts = [genCommand(r, depth)];
  while (parts.length < 4 && r.chance(0.3)) parts.push(genCommand(r, depth));
  return (r.chance(0.05) ? '! ' : '') + parts.join(r.chance(0.9) ? ' | ' : ' |& ');
}

function genList(r: Rng, depth: number): string {
  let s = genPipeline(r, depth);
  while (r.chance(0.3)) s += r.pick([' && ', ' || ', '; ', ' & ']) + genPipeline(r, depth);
  return s;
}

/** Garbled syntax: what a typo or a paste gives. */
const BROKEN = ['(', ')', '{', '}', ';;', 'fi', 'done', '|', '&&', '`', '"', "'", '$(', '${', '<<', '<<EOF', 'if', 'then', 'for', 'case', '((', '[[', ']]', '!', '&', '>', '2>', '$((', '\\'];

/** One command line. */
export function genLine(r: Rng, specs: CommandSpec[]): string {
  currentSpecs = specs;
  loopId = 0;
  let line = genList(r, 2);
  if (r.chance(0.08)) {
    // Splice a stray token into the line.
    const at = r.int(line.length + 1);
    line = line.slice(0, at) + ' ' + r.pick(BROKEN) + ' ' + line.slice(at);
  }
  return line;
}
