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

/** Pieces of the little languages inside arguments (jq filters, awk programs, sed scripts, printf formats). */
const JQ_ATOMS = ['.', '.a', '.[0]', '.[]', '.[]?', '..', '.a.b', '.["constructor"]', '.__proto__', '.toString', '.[-1]', '.[1:2]', '.["a"]?', '$__loc__', 'null', '1', '"s"', '[]', '{}', '{a:1}', '{(.a):1}', '[.[]]', '$ENV', 'env', 'input', 'inputs', 'empty', 'error', 'error("x")', 'now', 'infinite', 'nan', '-infinite', '[1,[2]]', '"\\u00e9"', '@base64d', '@uri', '@sh', '@json', '@text', '@html', '@tsv', '@csv'];
const JQ_FUNCS: [string, number][] = [['length', 0], ['keys', 0], ['values', 0], ['has', 1], ['in', 1], ['map', 1], ['map_values', 1], ['select', 1], ['add', 0], ['any', 0], ['all', 0], ['range', 1], ['range', 2], ['floor', 0], ['sqrt', 0], ['tostring', 0], ['tonumber', 0], ['type', 0], ['sort', 0], ['sort_by', 1], ['group_by', 1], ['unique', 0], ['min', 0], ['max', 0], ['reverse', 0], ['contains', 1], ['startswith', 1], ['ltrimstr', 1], ['split', 1], ['split', 2], ['join', 1], ['ascii_downcase', 0], ['test', 1], ['test', 2], ['match', 1], ['capture', 1], ['sub', 2], ['gsub', 2], ['first', 0], ['last', 0], ['limit', 2], ['nth', 1], ['to_entries', 0], ['from_entries', 0], ['with_entries', 1], ['paths', 0], ['leaf_paths', 0], ['getpath', 1], ['setpath', 2], ['delpaths', 1], ['del', 1], ['tojson', 0], ['fromjson', 0], ['explode', 0], ['implode', 0], ['splits', 1], ['recurse', 0], ['recurse', 1], ['env', 0], ['input_line_number', 0], ['tostream', 0], ['fromstream', 1], ['indices', 1], ['index', 1], ['rindex', 1], ['flatten', 0], ['flatten', 1], ['inside', 1], ['combinations', 0], ['walk', 1], ['transpose', 0], ['ascii', 0], ['todate', 0], ['fromdate', 0], ['strftime', 1], ['strptime', 1], ['mktime', 0], ['gmtime', 0], ['splits', 2], ['ltrimstr', 0], ['getpath', 0], ['error', 1], ['not', 0], ['isnan', 0], ['isinfinite', 0], ['utf8bytelength', 0], ['@base32d', 0], ['constructor', 0], ['toString', 0], ['hasOwnProperty', 1], ['__proto__', 0], ['valueOf', 0]];

function jqExpr(r: Rng, d: number): string {
  if (d <= 0 || r.chance(0.3)) return r.pick(JQ_ATOMS);
  const k = r.int(9);
  if (k === 0) return `${jqExpr(r, d - 1)} | ${jqExpr(r, d - 1)}`;
  if (k === 1) return `${jqExpr(r, d - 1)} ${r.pick(['+', '-', '*', '/', '%', '==', '<', 'and', 'or', '//', ','])} ${jqExpr(r, d - 1)}`;
  if (k === 2) return `[${jqExpr(r, d - 1)}]`;
  if (k === 3) return `{${r.pick(['a', '"constructor"', '__proto__', '(tostring)', '$x'])}: ${jqExpr(r, d - 1)}}`;
  if (k === 4) return `if ${jqExpr(r, d - 1)} then ${jqExpr(r, d - 1)} else ${jqExpr(r, d - 1)} end`;
  if (k === 5) return `reduce ${jqExpr(r, d - 1)} as $x (${jqExpr(r, d - 1)}; ${jqExpr(r, d - 1)})`;
  if (k === 6) return `try ${jqExpr(r, d - 1)} catch ${jqExpr(r, d - 1)}`;
  if (k === 7) return `${jqExpr(r, d - 1)} as $x | $x`;
  const [f, n] = r.pick(JQ_FUNCS);
  const args = Array.from({ length: r.chance(0.1) ? n + 1 : n }, () => jqExpr(r, d - 1));
  return args.length ? `${f}(${args.join('; ')})` : f;
}

const AWK_FUNCS = ['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush'];
function awkExpr(r: Rng, d: number): string {
  if (d <= 0 || r.chance(0.3)) return r.pick(['$0', '$1', '$NF', 'NF', 'NR', 'FS', 'x', 'a["constructor"]', 'a["__proto__"]', 'a[$1]', '"s"', '1', '-1', '0', '1e308', '"%d"', '/a/', '$(-1)', '$999999', 'ENVIRON["HOME"]', 'ENVIRON["toString"]', 'SUBSEP', 'RSTART']);
  const k = r.int(5);
  if (k === 0) return `${awkExpr(r, d - 1)} ${r.pick(['+', '-', '*', '/', '%', '^', '<', '==', '~', '&&', ' '])} ${awkExpr(r, d - 1)}`;
  if (k === 1) return `(${awkExpr(r, d - 1)} in a)`;
  if (k === 2) return `${r.pick(['x', 'a[1]', 'a["valueOf"]', '$2'])} ${r.pick(['=', '+=', '/=', '%=', '^='])} ${awkExpr(r, d - 1)}`;
  const f = r.pick(AWK_FUNCS);
  return `${f}(${Array.from({ length: r.int(4) }, () => awkExpr(r, d - 1)).join(', ')})`;
}
function awkProg(r: Rng): string {
  const stmt = (): string => r.pick([`print ${awkExpr(r, 2)}`, `printf ${r.pick(['"%s\\n"', '"%d %c\\n"', '"%*d"', '"%.999f"', '"%5$s"', '"%"'])}, ${awkExpr(r, 2)}`, `for (k in a) print k, a[k]`, `delete a[${awkExpr(r, 1)}]`, `getline`, `getline x < "/etc/hosts"`, `next`, `exit ${awkExpr(r, 1)}`, `${awkExpr(r, 2)}`, `if (${awkExpr(r, 2)}) print "y"; else print "n"`]);
  return `${r.pick(['BEGIN', 'END', '', '/a/', 'NR==1', '$1 ~ "^[0-9]+$"'])}{${stmt()}; ${stmt()}}`;
}

const SED_CMDS = ['p', 'd', 's/a/b/', 's/\\(.\\)/\\1\\1/g', 's/x*/-/g', 'y/abc/xyz/', '1d', '$!d', '2,3p', '/a/,/b/d', 'a\\ text', 'i\\ text', 'c\\ text', '=', 'l', 'q', 'q5', 'n', 'N', 'G', 'H', 'x', 'h', 's/a/b/w /tmp/w', 's/./&/3', 's/a/\\n/', '/[[:alpha:]/p', 's/a/b', '1~2p', '0,/a/d', 'bx', ':x', 'e', 'F', 'z', 'T', 's/\\(/x/', 's/a/b/pe', '$='];

const PRINTF_FMTS = ['%s', '%d', '%5.2f', '%x', '%o', '%c', '%b', '%q', '%e', '%g', '%-5s|', '%05d', '%+d', '% d', '%#x', '%.3s', '%*d', '%.*f', '%i', '%u', '%X', '%E', '%G', '%%', '%z', '%', '%5', '\\n', '\\x41', '\\0101', '\\u00e9', '\\U0001F600', '\\c', '%1$s', '%ld', '%hhd', '%a'];

const IP_PARTS = ['dev', 'lo', 'eth0', 'veth0', 'br0', 'up', 'down', 'addr', 'address', '10.0.0.1/24', 'via', '10.0.0.254', 'table', '100', 'main', 'local', 'default', 'metric', 'mtu', '1500', '65536', '-1', 'type', 'veth', 'bridge', 'dummy', 'vxlan', 'id', '42', 'peer', 'name', 'netns', 'red', 'master', 'nomaster', 'lladdr', 'aa:bb:cc:dd:ee:ff', 'zz', 'nud', 'permanent', 'proto', 'kernel', 'scope', 'link', 'host', 'src', 'broadcast', '+', 'label', 'lo:1', 'from', 'to', 'lookup', 'priority', 'fwmark', '0x1', 'blackhole', 'unreachable', 'prohibit', 'nexthop', 'weight', 'onlink', 'exec', 'set', 'add', 'del', 'show', 'flush', 'get', 'list', 'identify', 'pids', 'monitor', 'all', 'constructor', '__proto__', 'txqueuelen', 'alias', 'promisc', 'on', 'off', 'arp', 'dstport', '4789', 'group', '239.1.1.1', 'remote', 'local', 'ttl', 'inherit', 'encap', 'mpls'];

const IPT_PARTS = ['-t', 'nat', 'filter', 'mangle', 'raw', '-A', '-I', '-D', '-R', '-C', '-L', '-S', '-F', '-Z', '-N', '-X', '-E', '-P', 'INPUT', 'OUTPUT', 'FORWARD', 'PREROUTING', 'POSTROUTING', 'DOCKER', 'KUBE-SERVICES', 'new', '1', '0', '99', '-p', 'tcp', 'udp', 'icmp', 'all', 'sctp', '-s', '-d', '10.0.0.0/8', '!', '1.2.3.4/33', '-i', '-o', 'eth+', 'lo', '-m', 'conntrack', '--ctstate', 'NEW,ESTABLISHED', 'BOGUS', 'state', '--state', 'multiport', '--dports', '80,443', '1:2:3', 'comment', '--comment', 'hi', 'mark', '--mark', '0x1/0x1', 'statistic', '--mode', 'random', 'nth', '--probability', '0.5', '2', '--every', '--packet', 'addrtype', '--dst-type', 'LOCAL', 'owner', '--uid-owner', 'limit', '--limit', '5/s', 'recent', 'set', 'physdev', '--physdev-is-bridged', '--dport', '--sport', '80', '65536', '0:65535', 'http', '-j', 'ACCEPT', 'DROP', 'REJECT', '--reject-with', 'tcp-reset', 'icmp-bogus', 'DNAT', '--to-destination', '10.0.0.2:80', '10.0.0.2:0', ':80', 'SNAT', '--to-source', 'MASQUERADE', '--to-ports', '1-65536', '8080-80', 'REDIRECT', 'LOG', '--log-prefix', 'x ', 'MARK', '--set-mark', '--set-xmark', 'RETURN', 'TRACE', 'NOTRACK', 'CT', '--notrack', 'KUBE-MARK-MASQ', 'constructor', '-n', '-v', '-x', '--line-numbers', '-w', '--random', '--random-fully', '--persistent', '-g', '--goto', '-f', '--fragment', '--icmp-type', 'echo-request', '255/255', '--tcp-flags', 'SYN,ACK', 'SYN', '--syn'];

const DOCKER_LINES = ['run -d --name c1 nginx', 'run --rm busybox echo hi', 'run -p 8080:80 nginx', 'run -p 99999:80 nginx', 'run -p abc nginx', 'run --network none alpine ip a', 'run --network constructor alpine', 'network create n1', 'network create --subnet 10.9.0.0/16 n2', 'network create --subnet 10.9.0.0/33 n3', 'network connect n1 c1', 'network inspect bridge', 'network inspect -f "{{json .IPAM}}" bridge', 'network ls', 'network rm __proto__', 'inspect -f "{{.NetworkSettings.IPAddress}}" c1', 'inspect -f "{{.Nope.Deeper}}" c1', 'inspect -f "{{index .Config.Env 99}}" c1', 'inspect -f "{{range .x}}" c1', 'inspect -f "{{json .}}" constructor', 'ps -a', 'ps --format "{{.Names}} {{.Ports}}"', 'exec c1 ip route', 'exec constructor ls', 'logs toString', 'port c1', 'stop c1', 'rm -f c1', 'kill -s BOGUS c1', 'images', 'pull valueOf', 'version', 'create --name x nginx', 'start x', 'restart x'];
const KUBECTL_LINES = ['get pods -A', 'get pods -o wide', 'get svc -o yaml', 'get nodes -o json', 'get pods -o jsonpath="{.items[*].metadata.name}"', 'get pods -o jsonpath="{.items[99].x}"', 'get pods -o jsonpath="{"', 'get pods -o custom-columns=N:.metadata.name', 'get constructor', 'get __proto__/x', 'get deploy toString', 'describe pod x', 'describe svc constructor', 'create deployment web --image=nginx --replicas=2', 'create deployment __proto__ --image=nginx', 'create deployment w2 --image=nginx --replicas=-1', 'expose deployment web --port=80 --type=NodePort', 'expose deployment web --port=99999', 'scale deployment web --replicas=3', 'scale deployment web --replicas=x', 'delete pod --all', 'delete svc hasOwnProperty', 'run tmp --image=busybox --restart=Never -- echo hi', 'exec -it web -- ip a', 'logs valueOf', 'rollout status deployment web', 'rollout undo deployment constructor', 'set image deployment/web nginx=nginx:2', 'apply -f /nonexistent', 'apply -f /etc/hosts', 'cluster-info', 'version', 'get endpoints', 'get ep web -o yaml', 'label pod x a=b', 'api-resources', 'config view'];

/** Arguments that make sense to one program (its own little language). */
function programArgs(r: Rng, name: string): string | undefined {
  switch (name) {
    case 'jq':
      return `${r.pick(['', '-c', '-r', '-n', '-s', '-e', '-S', '--arg x constructor', '--argjson x null', '--argjson x "{"'])} ${quote(r, jqExpr(r, 3))}`;
    case 'awk':
    case 'mawk':
      return `${r.pick(['', '-F:', "-F ''", '-v x=1', '-v constructor=1', '-v x=\\'])} ${quote(r, awkProg(r))}`;
    case 'sed':
      return `${r.pick(['', '-n', '-E', '-e p -e', '-s', '-i', '-z'])} ${quote(r, Array.from({ length: 1 + r.int(2) }, () => r.pick(SED_CMDS)).join(';'))}`;
    case 'printf':
      return `${quote(r, Array.from({ length: 1 + r.int(3) }, () => r.pick(PRINTF_FMTS)).join(''))} ${Array.from({ length: r.int(4) }, () => quote(r, r.pick(NUMERIC_SAFE.concat(['abc', "'a", '"b', '0x', '1e999', '-', '9223372036854775808', 'nan', 'inf']))))}`.trim();
    case 'ip':
      return `${r.pick(['', '-4', '-6', '-br', '-j', '-d', '-s', '-o', '-n red', '-c'])} ${r.pick(['link', 'addr', 'route', 'neigh', 'netns', 'rule', 'monitor', 'tunnel', 'maddr', 'xfrm', 'l', 'a', 'r', 'n', 'ru', 'li', 'constructor'])} ${Array.from({ length: r.int(7) }, () => r.pick(IP_PARTS)).join(' ')}`;
    case 'iptables':
    case 'iptables-nft':
    case 'ip6tables':
      return Array.from({ length: 2 + r.int(9) }, () => quote(r, r.pick(IPT_PARTS))).join(' ');
    case 'docker':
      return r.pick(DOCKER_LINES);
    case 'kubectl':
      return r.pick(KUBECTL_LINES);
    case 'sysctl':
      return `${r.pick(['-w', '-n', '', '-e', '-p'])} ${r.pick(['net.ipv4.ip_forward', 'net/ipv4/ip_forward', 'net.ipv4.conf.all.rp_filter', 'net.ipv4.ip_local_port_range', 'constructor', 'net.__proto__', 'kernel.hostname', 'net.ipv4.conf.lo.forwarding', 'net.core.somaxconn'])}${r.pick(['', '=1', '=', '=2', '=-1', '=abc', '="1 2"', '=99999999999'])}`;
    default:
      return undefined;
  }
}

/** One invocation of a registered program. */
export function genProgram(r: Rng, specs: CommandSpec[]): string {
  const spec = r.pick(specs);
  if (r.chance(0.6)) {
    const own = programArgs(r, spec.name);
    if (own !== undefined) return `${spec.name} ${own}`;
  }
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
  if (k < 5) return genProgram(r, r.chance(0.4) ? specs.filter((c) => DEEP.has(c.name)) : specs);
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
const DEEP = new Set(['jq', 'awk', 'sed', 'printf', 'ip', 'iptables', 'docker', 'kubectl', 'sysctl']);
let loopId = 0;
const usedFuncs = new Set<string>();

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
      // Each function name once per line: a body that calls its own name would recurse
      // (`f | f`, a fork bomb), which is the execution budgets' business, not this fuzzer's.
      const names = ['f', 'g', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'].filter((n) => !usedFuncs.has(n));
      const f = names.length ? r.pick(names) : `f${usedFuncs.size}`;
      usedFuncs.add(f);
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
  usedFuncs.clear();
  let line = genList(r, 2);
  // (Not into a counted loop: a stray token in its counter would make it endless.)
  if (r.chance(0.08) && !line.includes('while')) {
    // Splice a stray token into the line.
    const at = r.int(line.length + 1);
    line = line.slice(0, at) + ' ' + r.pick(BROKEN) + ' ' + line.slice(at);
  }
  return line;
}
