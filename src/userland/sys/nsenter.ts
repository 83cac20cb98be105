// nsenter and unshare (util-linux 2.38.1), network namespace only: nsenter
// joins the namespace an nsfs file pins (/proc/PID/ns/net, /run/netns/NAME)
// and runs a program there; unshare runs one in a brand-new namespace.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { NetNs } from '../../kernel/netns.ts';
import { KernelError } from '../../kernel/errno.ts';
import { kernelOf } from '../lib/sys.ts';

/** The namespace an nsfs file pins, or the error text nsenter prints. */
export function openNsFile(p: Process, path: string): NetNs | string {
  const k = kernelOf(p);
  // pid 1 (the host's init) has no process object; its namespace is the initial one.
  if (/^\/proc\/1\/ns\/net$/.test(path) && !k.procs.get(1)) return k.initNs;
  try {
    const n = k.vfs.lookup(path, p.vfsCtx());
    if (n.kind !== 'nsfs') return `reassociate to namespace 'ns/net' failed: Invalid argument`;
    return n.ns as NetNs;
  } catch (e) {
    if (e instanceof KernelError) return `cannot open ${path}: ${e.message}`;
    throw e;
  }
}

/** Run argv (or the user's shell) in `ns` as a child; resolve to its status. */
async function runIn(p: Process, ns: NetNs, argv: string[]): Promise<number> {
  const cmd = argv.length ? argv : [p.env.SHELL || '/bin/sh'];
  return p.exec(p, cmd, { netns: ns });
}

const NSENTER_USAGE_HINT = "Try 'nsenter --help' for more information.\n";

async function nsenter(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let target: string | undefined;
  let net: string | true | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-t' || a === '--target') {
      target = args[++i];
      if (target === undefined) {
        p.stderr.write(`nsenter: option requires an argument -- 't'\n${NSENTER_USAGE_HINT}`);
        return 1;
      }
    } else if (a.startsWith('--target=')) target = a.slice(9);
    else if (/^-t\d+$/.test(a)) target = a.slice(2);
    else if (a === '-n' || a === '--net') net = true;
    else if (a.startsWith('--net=')) net = a.slice(6);
    else if (a.startsWith('-n') && a.length > 2) net = a.slice(2);
    else if (/^-[muipUCTrwFaZS]/.test(a) || /^--(mount|uts|ipc|pid|user|cgroup|time|root|wd|no-fork|all|preserve-credentials|setuid|setgid|follow-context)/.test(a)) {
      // other namespaces and credentials: the simulator models only the network namespace
      if ((a === '-S' || a === '-G' || a === '--setuid' || a === '--setgid') && i + 1 < args.length) i++;
    } else if (a === '-h' || a === '--help') {
      p.stdout.write('\nUsage:\n nsenter [options] [<program> [<argument>...]]\n\nRun a program with namespaces of other processes.\n');
      return 0;
    } else if (a === '-V' || a === '--version') {
      p.stdout.write('nsenter from util-linux 2.38.1\n');
      return 0;
    } else {
      p.stderr.write(`nsenter: unrecognized option '${a}'\n${NSENTER_USAGE_HINT}`);
      return 1;
    }
  }
  const cmd = args.slice(i);
  if (target !== undefined && !/^\d+$/.test(target)) {
    p.stderr.write(`nsenter: failed to parse pid: '${target}'\n`);
    return 1;
  }
  let ns = p.netns as NetNs;
  if (net !== undefined) {
    let path: string;
    if (net === true) {
      if (target === undefined) {
        p.stderr.write('nsenter: neither filename nor target pid supplied for ns/net\n');
        return 1;
      }
      path = `/proc/${target}/ns/net`;
    } else path = net;
    const r = openNsFile(p, path);
    if (typeof r === 'string') {
      p.stderr.write(`nsenter: ${r}\n`);
      return 1;
    }
    ns = r;
  } else if (target !== undefined) {
    const r = openNsFile(p, `/proc/${target}/ns/net`);
    if (typeof r === 'string') {
      p.stderr.write(`nsenter: ${r}\n`);
      return 1;
    }
  }
  return runIn(p, ns, cmd);
}

async function unshare(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let net = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--net' || a.startsWith('--net=')) net = true;
    else if (a.startsWith('--')) {
      if (a === '--help') {
        p.stdout.write('\nUsage:\n unshare [options] [<program> [<argument>...]]\n\nRun a program with some namespaces unshared from the parent.\n');
        return 0;
      }
      if (a === '--version') {
        p.stdout.write('unshare from util-linux 2.38.1\n');
        return 0;
      }
      // --mount, --uts, --pid, --fork, --mount-proc, --propagation ...: not modelled
      if (a === '--propagation' || a === '--setgroups' || a === '--wd' || a === '--root') i++;
    } else {
      for (const c of a.slice(1)) {
        if (c === 'n') net = true;
        else if (!'mUuipCTfrc'.includes(c)) {
          p.stderr.write(`unshare: invalid option -- '${c}'\nTry 'unshare --help' for more information.\n`);
          return 1;
        }
      }
    }
  }
  const k = kernelOf(p);
  const ns = net ? k.newNetns() : (p.netns as NetNs);
  try {
    return await runIn(p, ns, args.slice(i));
  } finally {
    if (net) k.gcNetns();
  }
}

register({
  name: 'nsenter',
  summary: 'run a program in the network namespace of another process or of a namespace file',
  usage: 'nsenter [-t PID] [-n[FILE] | --net[=FILE]] [program [arguments]]',
  options: [
    { flag: '-t, --target', arg: 'pid', desc: 'target process to get namespaces from' },
    { flag: '-n, --net', arg: 'file', desc: 'enter the network namespace (of the target, or of FILE)' },
  ],
  run: nsenter,
});

register({
  name: 'unshare',
  summary: 'run a program in new namespaces (network only here)',
  usage: 'unshare [-n|--net] [program [arguments]]',
  options: [{ flag: '-n, --net', desc: 'unshare the network namespace' }],
  run: unshare,
});
