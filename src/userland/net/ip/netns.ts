// `ip netns`: named network namespaces as files under /run/netns (nsfs
// bind mounts), after ip/ipnetns.c and lib/namespace.c. A namespace lives
// while a /run/netns file or a process pins it; `del` unlinks the file and
// lets the kernel collect it.

import type { NetNs } from '../../../kernel/netns.ts';
import { KernelError, strerror } from '../../../kernel/errno.ts';
import { type Ip, matches, parseCInt } from './common.ts';
import { PRINT_ANY, PRINT_FP } from './print.ts';
import { USAGE_NETNS } from './help.ts';

const NETNS_RUN_DIR = '/run/netns';

/** Entries of /run/netns in readdir order (tmpfs lists the newest first). */
function netnsDir(ip: Ip): string[] {
  return [...ip.k.netnsNames()].reverse();
}

/** netns_switch(): make `ip` act on the named namespace (`-n NAME`). */
export function netnsSwitch(ip: Ip, name: string): boolean {
  const ns = openNetns(ip, name);
  if (typeof ns === 'string') {
    ip.err(`Cannot open network namespace "${name}": ${ns}\n`);
    return false;
  }
  ip.ns = ns;
  return true;
}

/** open(/run/netns/NAME): the namespace, or strerror text. */
function openNetns(ip: Ip, name: string): NetNs | string {
  const n = ip.k.vfs.tryLookup(`${NETNS_RUN_DIR}/${name}`);
  if (!n) return strerror('ENOENT');
  if (n.kind !== 'nsfs') return strerror('EINVAL');
  const ns = n.ns as NetNs;
  return ns.alive ? ns : strerror('EINVAL');
}

function invalidName(name: string): boolean {
  return name.includes('/') || name === '.' || name === '..';
}

function netnsList(ip: Ip): number {
  if (!ip.k.vfs.tryLookup(NETNS_RUN_DIR)) return 0;
  const o = ip.out;
  o.newJson(!!ip.json, !!ip.pretty);
  for (const name of netnsDir(ip)) {
    o.openObject();
    o.string(PRINT_ANY, 'name', '%s', name);
    const other = ip.k.openNetns(name);
    const id = other ? ip.ns.nsidPeek(other) : -1;
    if (id >= 0) o.num(PRINT_ANY, 'id', ' (id: %d)', id);
    o.string(PRINT_FP, null, '\n', null);
    o.closeObject();
  }
  o.deleteJson();
  return 0;
}

function netnsListId(ip: Ip): number {
  const o = ip.out;
  o.newJson(!!ip.json, !!ip.pretty);
  const pairs = ip.ns.nsidList().sort((a, b) => a[1] - b[1]);
  for (const [other, id] of pairs) {
    o.openObject();
    o.num(PRINT_ANY, 'nsid', 'nsid %d ', id);
    const name = netnsDir(ip).find((n) => ip.k.openNetns(n) === other);
    if (name) o.string(PRINT_ANY, 'name', '(iproute2 netns name: %s)', name);
    o.string(PRINT_FP, null, '\n', null);
    o.closeObject();
  }
  o.deleteJson();
  return 0;
}

function netnsAdd(ip: Ip, argv: string[]): number {
  if (argv.length < 1) {
    ip.err('No netns name specified\n');
    return -1;
  }
  const name = argv[0];
  const path = `${NETNS_RUN_DIR}/${name}`;
  const vfs = ip.k.vfs;
  try {
    if (!vfs.tryLookup(NETNS_RUN_DIR)) vfs.mkdir(NETNS_RUN_DIR, {}, true);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    ip.err(`mkdir ${NETNS_RUN_DIR} failed: ${e.message}\n`);
    return -1;
  }
  if (vfs.tryLookup(path, {}, false)) {
    ip.err(`Cannot create namespace file "${path}": ${strerror('EEXIST')}\n`);
    return -1;
  }
  vfs.create(path, ip.k.nsNode(ip.k.newNetns()));
  return 0;
}

function netnsDelOne(ip: Ip, name: string): number {
  const path = `${NETNS_RUN_DIR}/${name}`;
  try {
    ip.k.vfs.unlink(path);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    ip.err(`Cannot remove namespace file "${path}": ${e.message}\n`);
    return -1;
  }
  ip.k.gcNetns();
  return 0;
}

function netnsDelete(ip: Ip, argv: string[]): number {
  if (argv.length < 1 && !ip.all) {
    ip.err('No netns name specified\n');
    return -1;
  }
  if (ip.all) {
    for (const n of netnsDir(ip)) if (netnsDelOne(ip, n)) break;
    return 0;
  }
  return netnsDelOne(ip, argv[0]);
}

/** Run argv in `ns` as a child process; execvp failures print like cmd_exec(). */
async function execIn(ip: Ip, ns: NetNs, argv: string[]): Promise<number> {
  ip.flush();
  try {
    return await ip.p.exec(ip.p, argv, { netns: ns });
  } catch (e) {
    if (e instanceof KernelError) {
      ip.err(`exec of "${argv[0]}" failed: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && /^no command/.test(e.message)) {
      ip.err(`exec of "${argv[0]}" failed: ${strerror('ENOENT')}\n`);
      return 1;
    }
    throw e;
  }
}

async function netnsExec(ip: Ip, argv: string[]): Promise<number> {
  if (argv.length < 1 && !ip.all) {
    ip.err('No netns name specified\n');
    return -1;
  }
  if ((argv.length < 2 && !ip.all) || (argv.length < 1 && ip.all)) {
    ip.err('No command specified\n');
    return -1;
  }
  if (ip.all) {
    for (const name of netnsDir(ip)) {
      ip.out.fp(`\nnetns: ${name}\n`);
      const ns = openNetns(ip, name);
      if (typeof ns === 'string') {
        ip.err(`Cannot open network namespace "${name}": ${ns}\n`);
        continue;
      }
      await execIn(ip, ns, argv);
    }
    return 0;
  }
  const ns = openNetns(ip, argv[0]);
  if (typeof ns === 'string') {
    ip.err(`Cannot open network namespace "${argv[0]}": ${ns}\n`);
    return 1;
  }
  return -(await execIn(ip, ns, argv.slice(1)));
}

function isPid(s: string): boolean {
  return /^\d+$/.test(s);
}

function netnsIdentify(ip: Ip, argv: string[]): number {
  let target: NetNs;
  if (argv.length > 1) {
    ip.err('extra arguments specified\n');
    return -1;
  }
  if (argv.length === 0) target = ip.ns;
  else {
    if (!isPid(argv[0])) {
      ip.err(`Specified string '${argv[0]}' is not a pid\n`);
      return -1;
    }
    const p = ip.k.procs.get(Number(argv[0]));
    if (!p && argv[0] !== '1') {
      ip.err(`Cannot open network namespace: ${strerror('ENOENT')}\n`);
      return -1;
    }
    target = p ? (p.netns as NetNs) : ip.k.initNs;
  }
  let name = '';
  for (const n of netnsDir(ip)) if (ip.k.openNetns(n) === target) name = n;
  ip.out.fp(`${name}\n`);
  return 0;
}

function netnsPids(ip: Ip, argv: string[]): number {
  if (argv.length < 1) {
    ip.err('No netns name specified\n');
    return -1;
  }
  if (argv.length > 1) {
    ip.err('extra arguments specified\n');
    return -1;
  }
  const ns = openNetns(ip, argv[0]);
  if (typeof ns === 'string') {
    ip.err(`Cannot open network namespace: ${ns}\n`);
    return -1;
  }
  for (const p of ip.k.procs.list()) if (p.netns === ns && p.state !== 'Z') ip.out.fp(`${p.pid}\n`);
  return 0;
}

function netnsSet(ip: Ip, argv: string[]): number {
  if (argv.length < 1) {
    ip.err('No netns name specified\n');
    return -1;
  }
  if (argv.length < 2) {
    ip.err('No nsid specified\n');
    return -1;
  }
  const name = argv[0];
  let nsid: number;
  if (argv[1] === 'auto') nsid = -1;
  else {
    const n = parseCInt(argv[1], true);
    if (n === undefined) ip.invarg('Invalid "netnsid" value\n', argv[1]);
    if (n >= 0x7fffffff) ip.invarg('"netnsid" value should be >= 0 and < 0x7fffffff\n', argv[1]);
    nsid = n;
  }
  const ns = openNetns(ip, name);
  if (typeof ns === 'string') {
    ip.err(`Cannot open network namespace "${name}": ${ns}\n`);
    return -1;
  }
  try {
    if (nsid < 0 && ip.ns.nsidPeek(ns) >= 0) throw new KernelError('EEXIST', 'Peer netns already has a nsid assigned');
    if (nsid < 0) ip.ns.nsidOf(ns);
    else ip.ns.setNsid(ns, nsid);
  } catch (e) {
    return ip.rtnlError(e);
  }
  return 0;
}

/** do_netns(). */
export async function doNetns(ip: Ip, argv: string[]): Promise<number> {
  if (argv.length < 1) return netnsList(ip);
  if (!ip.all && argv.length > 1 && invalidName(argv[1])) ip.die(`Invalid netns name "${argv[1]}"\n`);
  const w = argv[0];
  const rest = argv.slice(1);
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) return netnsList(ip);
  if (matches(w, 'list-id')) return netnsListId(ip);
  if (matches(w, 'help')) ip.die(USAGE_NETNS);
  if (matches(w, 'add')) return netnsAdd(ip, rest);
  if (matches(w, 'set')) return netnsSet(ip, rest);
  if (matches(w, 'delete')) return netnsDelete(ip, rest);
  if (matches(w, 'identify')) return netnsIdentify(ip, rest);
  if (matches(w, 'pids')) return netnsPids(ip, rest);
  if (matches(w, 'exec')) return netnsExec(ip, rest);
  if (matches(w, 'attach')) return netnsAdd(ip, rest);
  return ip.die(`Command "${w}" is unknown, try "ip netns help".\n`);
}
