// The plugin side of the CNI execution protocol (containernetworking/cni
// pkg/skel): parameters come from CNI_* environment variables, the network
// configuration from stdin; a result or an error object goes to stdout as
// JSON indented like Go's json.MarshalIndent(obj, "", "    "), and the exit
// status says which. Running a plugin with no CNI_COMMAND prints its "about"
// text on stderr, as the real binaries do.

import type { Process } from '../../../kernel/proc.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import { StringIn, StringOut } from '../../../kernel/proc.ts';
import { readAll } from '../../coreutils/host.ts';
import { kernelOf } from '../../lib/sys.ts';
import { KernelError } from '../../../kernel/errno.ts';

/** Versions every plugin here speaks (`VERSION` and the about text). */
export const SUPPORTED_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];
/** The containernetworking/plugins release these programs model. */
export const PLUGINS_VERSION = 'v1.9.1';

/** Well-known CNI error codes (SPEC.md, section 5). */
export const ERR = { incompatibleVersion: 1, unsupportedField: 2, unknownContainer: 3, invalidEnv: 4, io: 5, decoding: 6, invalidConfig: 7, tryAgain: 11 } as const;

/** A CNI error result. */
export class CniError extends Error {
  readonly code: number;
  readonly details: string;
  constructor(code: number, msg: string, details = '') {
    super(msg);
    this.code = code;
    this.details = details;
  }
}

/** One IP configuration of a result. */
export interface IpConfig {
  interface?: number;
  address: string;
  gateway?: string;
}
/** One route of a result. */
export interface CniRoute {
  dst: string;
  gw?: string;
}
/** One interface of a result. */
export interface CniInterface {
  name: string;
  mac?: string;
  mtu?: number;
  sandbox?: string;
}
/** The ADD success result (types/100). */
export interface CniResult {
  cniVersion?: string;
  interfaces?: CniInterface[];
  ips?: IpConfig[];
  routes?: CniRoute[];
  dns?: { nameservers?: string[]; domain?: string; search?: string[]; options?: string[] };
}

/** A plugin's network configuration as read from stdin. */
export interface NetConf {
  cniVersion?: string;
  name?: string;
  type?: string;
  ipam?: Record<string, unknown> & { type?: string };
  dns?: CniResult['dns'];
  prevResult?: CniResult;
  runtimeConfig?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What the runtime passed to the plugin. */
export interface CmdArgs {
  command: string;
  containerId: string;
  netns: string;
  ifname: string;
  args: string;
  path: string;
  stdin: string;
  conf: NetConf;
}

/** Handlers of one plugin. */
export interface PluginFuncs {
  add(p: Process, a: CmdArgs): Promise<CniResult> | CniResult;
  del(p: Process, a: CmdArgs): Promise<void> | void;
  check(p: Process, a: CmdArgs): Promise<void> | void;
}

/** Required variables per command (skel.go getCmdArgsFromEnv). */
const REQUIRED: Record<string, string[]> = {
  ADD: ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  CHECK: ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  DEL: ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_IFNAME', 'CNI_PATH'],
  VERSION: ['CNI_COMMAND'],
};

/** Go's json.MarshalIndent(v, "", "    ") followed by a newline. */
export function printJson(p: Process, v: unknown): void {
  p.stdout.write(JSON.stringify(v, null, 4) + '\n');
}

/** Print an error object as skel does and return exit status 1. */
function printError(p: Process, version: string, e: CniError): number {
  const obj: Record<string, unknown> = { cniVersion: version, code: e.code, msg: e.message };
  if (e.details) obj.details = e.details;
  printJson(p, obj);
  return 1;
}

/** encoding/json's syntax error for `text` (what V8 reports, in Go's words). */
export function goJsonSyntaxError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const at = /at position (\d+)/.exec(msg);
  const pos = at ? Number(at[1]) : text.search(/\S/);
  const c = text[pos];
  if (/Unexpected end of JSON input/.test(msg) || c === undefined) return 'unexpected end of JSON input';
  const q = c === "'" ? "'\\''" : `'${c}'`;
  if (/after JSON/.test(msg)) return `invalid character ${q} after top-level value`;
  if (/property name/.test(msg)) return `invalid character ${q} looking for beginning of object key string`;
  return `invalid character ${q} looking for beginning of value`;
}

/** Run a plugin under the CNI protocol (skel.PluginMainFuncs). */
export async function pluginMain(p: Process, name: string, funcs: PluginFuncs): Promise<number> {
  const env = p.env;
  const cmd = env.CNI_COMMAND ?? '';
  if (cmd === '') {
    p.stderr.write(`CNI ${name} plugin ${PLUGINS_VERSION}\nCNI protocol versions supported: ${SUPPORTED_VERSIONS.join(', ')}\n`);
    return 0;
  }
  const req = Object.hasOwn(REQUIRED, cmd) ? REQUIRED[cmd] : undefined;
  if (!req && cmd !== 'STATUS' && cmd !== 'GC') return printError(p, '', new CniError(ERR.invalidEnv, `unknown CNI_COMMAND: ${cmd}`));
  const missing = (req ?? []).filter((v) => !env[v]);
  if (missing.length) return printError(p, '', new CniError(ERR.invalidEnv, `required env variables [${missing.join(',')}] missing`));
  const stdin = await readAll(p);
  let conf: NetConf = {};
  if (cmd !== 'VERSION' || stdin.trim()) {
    let v: unknown;
    try {
      v = JSON.parse(stdin);
    } catch (e) {
      return printError(p, '', new CniError(ERR.decoding, `error unmarshall network config: ${goJsonSyntaxError(stdin, e)}`));
    }
    // Go's json.Unmarshal leaves the struct as it is for `null` and refuses other non-objects.
    if (v !== null && (typeof v !== 'object' || Array.isArray(v))) {
      const kind = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
      return printError(p, '', new CniError(ERR.decoding, `error unmarshall network config: json: cannot unmarshal ${kind} into Go value of type struct { Name string "json:\\"name\\"" }`));
    }
    conf = (v ?? {}) as NetConf;
  }
  const version = conf.cniVersion ?? '0.1.0';
  if (cmd === 'VERSION') {
    printJson(p, { cniVersion: version, supportedVersions: SUPPORTED_VERSIONS });
    return 0;
  }
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return printError(p, version, new CniError(ERR.incompatibleVersion, 'incompatible CNI versions', `config is "${version}", plugin supports ${JSON.stringify(SUPPORTED_VERSIONS)}`));
  }
  if (!conf.name && cmd !== 'STATUS') return printError(p, version, new CniError(ERR.invalidConfig, 'missing network name'));
  const args: CmdArgs = {
    command: cmd,
    containerId: env.CNI_CONTAINERID ?? '',
    netns: env.CNI_NETNS ?? '',
    ifname: env.CNI_IFNAME ?? '',
    args: env.CNI_ARGS ?? '',
    path: env.CNI_PATH ?? '',
    stdin,
    conf,
  };
  try {
    if (cmd === 'ADD') {
      const r = await funcs.add(p, args);
      printJson(p, { cniVersion: version, ...r });
    } else if (cmd === 'DEL') await funcs.del(p, args);
    else if (cmd === 'CHECK') await funcs.check(p, args);
    return 0;
  } catch (e) {
    if (e instanceof CniError) return printError(p, version, e);
    if (e instanceof KernelError) return printError(p, version, new CniError(999, e.message));
    throw e;
  }
}

/** The namespace a CNI_NETNS path pins (ns.GetNS). */
export function openNetnsPath(k: Kernel, path: string): NetNs {
  const node = k.vfs.tryLookup(path);
  if (!node) throw new CniError(999, `failed to open netns "${path}": failed to Statfs "${path}": no such file or directory`);
  if (node.kind !== 'nsfs') throw new CniError(999, `failed to open netns "${path}": unknown FS magic on "${path}": 1021994`);
  return node.ns as NetNs;
}

/** invoke.DelegateAdd/Del/Check: run the plugin `type` found on CNI_PATH with the same stdin. */
export async function delegate(p: Process, type: string, cmd: string, stdin: string): Promise<CniResult | undefined> {
  const k = kernelOf(p);
  const dirs = (p.env.CNI_PATH ?? '').split(':').filter(Boolean);
  const dir = dirs.find((d) => {
    const n = k.vfs.tryLookup(`${d}/${type}`);
    return n && n.kind === 'file';
  });
  if (!dir) throw new CniError(999, `failed to find plugin "${type}" in path [${dirs.join(' ')}]`);
  const out = new StringOut();
  const err = new StringOut();
  const code = await p.exec(p, [`${dir}/${type}`], { env: { ...p.env, CNI_COMMAND: cmd }, stdin: new StringIn(stdin), stdout: out, stderr: err });
  if (code !== 0) {
    let msg = err.text.trim() || `${type} exited with status ${code}`;
    try {
      const j = JSON.parse(out.text) as { msg?: string; code?: number; details?: string };
      if (j.msg) msg = j.msg + (j.details ? `; ${j.details}` : '');
      throw new CniError(j.code ?? 999, msg);
    } catch (e) {
      if (e instanceof CniError) throw e;
      throw new CniError(999, msg);
    }
  }
  if (cmd !== 'ADD') return undefined;
  return JSON.parse(out.text) as CniResult;
}

/** Parse `a.b.c.d/len`. */
export function parseCidr(s: string): { ip: number; len: number } | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(s);
  if (!m) return undefined;
  const parts = m[1].split('.').map(Number);
  if (parts.some((x) => x > 255)) return undefined;
  const len = Number(m[2]);
  if (len > 32) return undefined;
  return { ip: ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0, len };
}
