// Shared state and helpers of one `ip` invocation: global options, the
// argument cursor with iproute2's NEXT_ARG/invarg/duparg conventions,
// `matches()` prefix rules, and rtnetlink error reporting.
//
// iproute2 exits from deep inside its parsers (`exit(-1)` = status 255);
// here that is the IpExit exception, caught by the dispatcher.

import type { Process } from '../../../kernel/proc.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import type { NetDevice } from '../../../kernel/netdev.ts';
import { KernelError } from '../../../kernel/errno.ts';
import { Printer } from './print.ts';

/** Address families as iproute2 keeps them in preferred_family. */
export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_PACKET = 17;
export const AF_BRIDGE = 7;
export const AF_MPLS = 28;

/** Thrown to end the program with a status (iproute2's exit()). */
export class IpExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/** Global options and I/O of one invocation. */
export class Ip {
  readonly p: Process;
  /** The namespace commands act on (changed by `-n NS`). */
  ns: NetNs;
  readonly k: Kernel;
  readonly out: Printer;
  family = AF_UNSPEC;
  stats = 0;
  details = 0;
  brief = 0;
  json = 0;
  pretty = 0;
  oneline = 0;
  numeric = 0;
  resolve = 0;
  all = false;
  force = 0;
  /** Explicit `-color` choice: never/auto/always. */
  color: 'never' | 'auto' | 'always' = 'never';

  constructor(p: Process, ns: NetNs) {
    this.p = p;
    this.ns = ns;
    this.k = ns.kernel;
    this.out = new Printer(false);
  }

  /** Write buffered stdout to the process (before running a child, and at exit). */
  flush(): void {
    if (this.out.text) {
      this.p.stdout.write(this.out.text);
      this.out.text = '';
    }
  }

  /** Write to stderr (stdout is flushed first so interleaving stays right). */
  err(s: string): void {
    this.flush();
    this.p.stderr.write(s);
  }

  /** exit(-1) after a message on stderr. */
  die(msg: string, code = 255): never {
    this.err(msg);
    throw new IpExit(code);
  }

  /** invarg(): `Error: argument "ARG" is wrong: MSG` and exit 255. */
  invarg(msg: string, arg: string): never {
    return this.die(`Error: argument "${arg}" is wrong: ${msg}\n`);
  }

  duparg(key: string, arg: string): never {
    return this.die(`Error: duplicate "${key}": "${arg}" is the second value.\n`);
  }

  duparg2(key: string, arg: string): never {
    return this.die(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
  }

  missarg(key: string): never {
    return this.die(`Error: argument "${key}" is required\n`);
  }

  incomplete(): never {
    return this.die('Command line is not complete. Try option "help"\n');
  }

  /** nodev(): `Cannot find device "X"`, returns -1 (exit 1). */
  nodev(dev: string): number {
    this.err(`Cannot find device "${dev}"\n`);
    return -1;
  }

  /**
   * Report a failed rtnetlink request as iproute2 does: the kernel's extack
   * message as `Error: MSG.`, else `RTNETLINK answers: strerror`. Returns -2.
   */
  rtnlError(e: unknown, prefix = 'RTNETLINK answers'): number {
    if (!(e instanceof KernelError)) throw e;
    if (e.extack) this.err(`Error: ${e.extack}${e.extack.endsWith('.') ? '' : '.'}\n`);
    else this.err(`${prefix}: ${e.message}\n`);
    return -2;
  }

  /** ll_name_to_index(): 0 when absent. */
  ifindex(name: string): number {
    const d = this.ns.linkGet(name);
    if (d) return d.ifindex;
    const m = /^if(\d+)$/.exec(name);
    if (m && this.ns.linkGet(Number(m[1]))) return Number(m[1]);
    return 0;
  }

  /** The device named `name` (or `ifN`) as a handle for NetNs operations. */
  dev(name: string): NetDevice | undefined {
    const i = this.ifindex(name);
    return i ? this.ns.linkGet(i)?.dev : undefined;
  }
}

/** iproute2's matches(): true when `prefix` is a non-empty prefix of `word` (note: the C returns the opposite). */
export function matches(prefix: string, word: string): boolean {
  return prefix.length > 0 && word.startsWith(prefix);
}

/** A cursor over the remaining arguments (argc/argv with NEXT_ARG). */
export class Args {
  private readonly a: string[];
  private i = 0;
  private readonly ip: Ip;
  constructor(ip: Ip, a: string[]) {
    this.ip = ip;
    this.a = a;
  }
  get more(): boolean {
    return this.i < this.a.length;
  }
  get left(): number {
    return this.a.length - this.i;
  }
  /** The current word (*argv). */
  get cur(): string {
    return this.a[this.i];
  }
  /** The word after the current one, if any. */
  peek(n = 1): string | undefined {
    return this.a[this.i + n];
  }
  /** argc--; argv++. */
  shift(): string {
    return this.a[this.i++];
  }
  /** NEXT_ARG(): move to the next word or fail with "Command line is not complete". */
  next(): string {
    if (this.i + 1 >= this.a.length) this.ip.incomplete();
    this.i++;
    return this.a[this.i];
  }
  /** The remaining words. */
  rest(): string[] {
    return this.a.slice(this.i);
  }
}

/** get_integer/get_unsigned with base 0 (C strtol: 0x.., 0.., decimal). */
export function parseCInt(s: string, unsigned = false): number | undefined {
  if (!/^\s*[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(s)) return undefined;
  const t = s.trim();
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body.startsWith('0')) v = parseInt(body, 8);
  else v = parseInt(body, 10);
  if (neg) {
    if (unsigned) return undefined;
    v = -v;
  }
  if (unsigned ? v > 0xffffffff : v > 0x7fffffff || v < -0x80000000) return undefined;
  return v;
}
