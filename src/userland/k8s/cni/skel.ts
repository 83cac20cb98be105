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
import { goJsonKind, goJsonSyntaxError } from '../../lib/go-json.ts';

/** Versions every plugin here speaks (`VERSION` and the about text): Debian's 1.1.1 build. */
export const SUPPORTED_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0'];
/** The version the plugins report: Debian builds them without a version stamp. */
export const PLUGINS_VERSION = 'unknown';

/** Well-known CNI error codes (SPEC.md, section 5). */
export const ERR = { incompatibleVersion: 1, unsupportedField: 2, unknownContainer: 3, invalidEnv: 4, io: 5, decoding: 6, invalidConfig: 7, tryAgain: 11, internal: 999 } as const;

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
  version?: string;
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

/** The variables skel reads, in its order, and the commands that need each (skel.go getCmdArgsFromEnv). */
const ENV_VARS: [string, string[]][] = [
  ['CNI_COMMAND', ['ADD', 'CHECK', 'DEL']],
  ['CNI_CONTAINERID', ['ADD', 'CHECK', 'DEL']],
  ['CNI_NETNS', ['ADD', 'CHECK']],
  ['CNI_IFNAME', ['ADD', 'CHECK', 'DEL']],
  ['CNI_ARGS', []],
  ['CNI_PATH', ['ADD', 'CHECK', 'DEL']],
];

/** Go's json.MarshalIndent(v, "", "    "): the plugins print results and errors without a final newline. */
export function printJson(p: Process, v: unknown): void {
  p.stdout.write(goEscape(JSON.stringify(v, null, 4)));
}

/** encoding/json escapes <, >, & and the line separators inside strings (they only occur inside strings). */
export function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The error object skel prints: code, msg and (when not empty) details; exit status 1. */
function printError(p: Process, e: CniError): number {
  const obj: Record<string, unknown> = { code: e.code, msg: e.message };
  if (e.details) obj.details = e.details;
  printJson(p, obj);
  return 1;
}

/**
 * A result in the shape of the config's version, fields in Go's struct order:
 * 1.0.0 as is; 0.3.x/0.4.0 carry `version` on each IP; 0.1.0/0.2.0 are the old
 * `ip4` form (the first IPv4 address with its gateway and all routes).
 */
export function resultFor(version: string, r: CniResult): Record<string, unknown> {
  const out: Record<string, unknown> = { cniVersion: version };
  const keep = (r as { keepShape?: boolean }).keepShape === true;
  if (!keep && (version === '0.1.0' || version === '0.2.0')) {
    const ip4 = r.ips?.find((ip) => !ip.address.includes(':'));
    if (ip4) {
      const o: Record<string, unknown> = { ip: ip4.address };
      if (ip4.gateway) o.gateway = ip4.gateway;
      if (r.routes?.length) o.routes = r.routes;
      out.ip4 = o;
    }
    out.dns = r.dns ?? {};
    return out;
  }
  const old = !keep && ['0.3.0', '0.3.1', '0.4.0'].includes(version);
  if (r.interfaces) out.interfaces = r.interfaces;
  if (r.ips) out.ips = old ? r.ips.map((ip) => ({ version: ip.address.includes(':') ? '6' : '4', ...ip })) : r.ips;
  if (r.routes) out.routes = r.routes;
  out.dns = r.dns ?? {};
  return out;
}

/** containernetworking/cni ValidateNetworkName: letters, digits, `_`, `.` and `-`, not starting with a punctuation mark. */
export function validNetworkName(name: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name);
}

/** CNI_ARGS as `K=V;K=V` pairs; unknown keys are an error unless IgnoreUnknown is true (types.LoadArgs). */
export function loadArgs(args: string, known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const unknown: string[] = [];
  const pairs = args ? args.split(';').filter(Boolean) : [];
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i < 0) throw new CniError(ERR.internal, `ARGS: invalid pair "${pair}"`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  const ignore = /^(1|true)$/i.test(out.IgnoreUnknown ?? '');
  for (const pair of pairs) {
    const key = pair.slice(0, pair.indexOf('='));
    if (key !== 'IgnoreUnknown' && !known.includes(key)) unknown.push(pair);
  }
  if (unknown.length && !ignore) throw new CniError(ERR.internal, `ARGS: unknown args [${unknown.map((u) => JSON.stringify(u)).join(' ')}]`);
  return out;
}

/** The Go type error of a config field decoded into the wrong kind, e.g. "mtu" given as a string. */
export function checkFieldTypes(conf: Record<string, unknown>, fields: Record<string, 'int' | 'bool' | 'string'>, struct = 'NetConf'): void {
  for (const [f, t] of Object.entries(fields)) {
    const v = conf[f];
    if (v === undefined || v === null) continue;
    const ok = t === 'int' ? typeof v === 'number' && Number.isInteger(v) : t === 'bool' ? typeof v === 'boolean' : typeof v === 'string';
    if (!ok) {
      const kind = t === 'int' && typeof v === 'number' ? `number ${v}` : goJsonKind(v);
      throw new CniError(ERR.internal, `failed to load netconf: json: cannot unmarshal ${kind} into Go struct field ${struct}.${f} of type ${t}`);
    }
  }
}

/** Run a plugin under the CNI protocol (skel.PluginMainFuncs of containernetworking/cni 1.1). */
export async function pluginMain(p: Process, name: string, funcs: PluginFuncs): Promise<number> {
  const env = p.env;
  const cmd = env.CNI_COMMAND ?? '';
  if (cmd === '') {
    p.stderr.write(`CNI ${name} plugin version ${PLUGINS_VERSION}\nCNI protocol versions supported: ${SUPPORTED_VERSIONS.join(', ')}\n`);
    return 0;
  }
  const missing = ENV_VARS.filter(([v, cmds]) => cmds.includes(cmd) && !env[v]).map(([v]) => v);
  if (missing.length) return printError(p, new CniError(ERR.invalidEnv, `required env variables [${missing.join(',')}] missing`));
  if (cmd === 'VERSION') {
    p.stdout.write(JSON.stringify({ cniVersion: '1.0.0', supportedVersions: SUPPORTED_VERSIONS }) + '\n');
    return 0;
  }
  const stdin = await readAll(p);
  // validateConfig: the config must decode into a struct with a non-empty name.
  const syntax = goJsonSyntaxError(stdin);
  if (syntax) return printError(p, new CniError(ERR.decoding, `error unmarshall network config: ${syntax}`));
  const raw = JSON.parse(stdin) as unknown;
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return printError(p, new CniError(ERR.decoding, `error unmarshall network config: json: cannot unmarshal ${goJsonKind(raw)} into Go value of type struct { Name string "json:\\"name\\"" }`));
  }
  const conf = (raw ?? {}) as NetConf;
  if (conf.name !== undefined && conf.name !== null && typeof conf.name !== 'string') {
    return printError(p, new CniError(ERR.decoding, `error unmarshall network config: json: cannot unmarshal ${goJsonKind(conf.name)} into Go struct field .name of type string`));
  }
  if (conf.cniVersion !== undefined && conf.cniVersion !== null && typeof conf.cniVersion !== 'string') {
    return printError(p, new CniError(ERR.decoding, `decoding version from network config: json: cannot unmarshal ${goJsonKind(conf.cniVersion)} into Go struct field .cniVersion of type string`));
  }
  if (typeof conf.name !== 'string' || !conf.name) return printError(p, new CniError(ERR.invalidConfig, 'missing network name'));
  if (!validNetworkName(conf.name)) return printError(p, new CniError(ERR.invalidConfig, 'invalid characters found in network name', conf.name));
  if (!['ADD', 'DEL', 'CHECK'].includes(cmd)) return printError(p, new CniError(ERR.invalidEnv, `unknown CNI_COMMAND: ${cmd}`));
  const version = typeof conf.cniVersion === 'string' && conf.cniVersion ? conf.cniVersion : '0.1.0';
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return printError(p, new CniError(ERR.incompatibleVersion, 'incompatible CNI versions', `config is "${version}", plugin supports [${SUPPORTED_VERSIONS.map((v) => `"${v}"`).join(' ')}]`));
  }
  if (cmd === 'CHECK' && ['0.1.0', '0.2.0', '0.3.0', '0.3.1'].includes(version)) {
    return printError(p, new CniError(ERR.incompatibleVersion, 'config version does not allow CHECK'));
  }
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
      printJson(p, resultFor(version, r));
    } else if (cmd === 'DEL') await funcs.del(p, args);
    else await funcs.check(p, args);
    return 0;
  } catch (e) {
    if (e instanceof CniError) return printError(p, e);
    if (e instanceof KernelError) return printError(p, new CniError(ERR.internal, e.message));
    throw e;
  }
}

/** A plugin the simulation does not model: it answers VERSION and refuses everything else, saying so. */
export async function notSimulatedMain(p: Process, name: string): Promise<number> {
  const cmd = p.env.CNI_COMMAND ?? '';
  if (cmd === '' || cmd === 'VERSION') return pluginMain(p, name, { add: () => ({}), del: () => undefined, check: () => undefined });
  printJson(p, { code: ERR.internal, msg: `the ${name} plugin is not simulated`, details: 'packetlab models the bridge, host-local, loopback, portmap and ptp plugins' });
  return 1;
}

/** The namespace a CNI_NETNS path pins (ns.GetNS); its errors as ns.GetNS words them. */
export function getNs(k: Kernel, path: string): NetNs {
  const node = k.vfs.tryLookup(path);
  if (!node) throw new CniError(ERR.internal, `failed to Statfs "${path}": no such file or directory`);
  // Anything else under /run or /tmp is on a tmpfs (TMPFS_MAGIC 0x01021994).
  if (node.kind !== 'nsfs') throw new CniError(ERR.internal, `unknown FS magic on "${path}": 1021994`);
  return node.ns as NetNs;
}

/** GetNS wrapped as the main plugins report it: `failed to open netns "PATH": ...`. */
export function openNetnsPath(k: Kernel, path: string): NetNs {
  try {
    return getNs(k, path);
  } catch (e) {
    if (e instanceof CniError) throw new CniError(e.code, `failed to open netns "${path}": ${e.message}`);
    throw e;
  }
}

/** invoke.DelegateAdd/Del/Check: run the plugin `type` found on CNI_PATH with the same stdin. */
export async function delegate(p: Process, type: string | undefined, cmd: string, stdin: string): Promise<CniResult | undefined> {
  const k = kernelOf(p);
  if (!type) throw new CniError(ERR.internal, 'no plugin name provided');
  const dirs = (p.env.CNI_PATH ?? '').split(':').filter(Boolean);
  const dir = dirs.find((d) => {
    const n = k.vfs.tryLookup(`${d}/${type}`);
    return n && n.kind === 'file';
  });
  if (!dir) throw new CniError(ERR.internal, `failed to find plugin "${type}" in path [${dirs.join(' ')}]`);
  const out = new StringOut();
  const err = new StringOut();
  const code = await p.exec(p, [`${dir}/${type}`], { env: { ...p.env, CNI_COMMAND: cmd }, stdin: new StringIn(stdin), stdout: out, stderr: err });
  if (code !== 0) {
    // The plugin's error object passes through unchanged.
    let j: { msg?: string; code?: number; details?: string } | undefined;
    try {
      j = JSON.parse(out.text) as typeof j;
    } catch {
      j = undefined;
    }
    if (j && typeof j.code === 'number') throw new CniError(j.code, j.msg ?? '', j.details ?? '');
    throw new CniError(ERR.internal, `netplugin failed: ${JSON.stringify(out.text)}`);
  }
  if (cmd !== 'ADD') return undefined;
  const r = JSON.parse(out.text) as CniResult & { ip4?: { ip: string; gateway?: string; routes?: CniRoute[] } };
  if (r.ip4 && !r.ips) {
    // A 0.1.0/0.2.0 result converted to the current types (current.NewResultFromResult).
    return { ips: [{ address: r.ip4.ip, ...(r.ip4.gateway ? { gateway: r.ip4.gateway } : {}) }], ...(r.ip4.routes?.length ? { routes: r.ip4.routes } : {}), dns: r.dns ?? {} };
  }
  return r;
}

/** The comment CNI's iptables rules carry (utils.FormatComment). */
export function cniComment(name: string, id: string): string {
  return `name: "${name}" id: "${id}"`;
}

/** Run iptables as the plugins do (go-iptables adds --wait); status and stderr. */
export async function iptables(p: Process, args: string[]): Promise<{ code: number; err: string }> {
  const err = new StringOut();
  const code = await p.exec(p, ['iptables', ...args, '--wait'], { stdout: new StringOut(), stderr: err }).catch(() => 127);
  return { code, err: err.text };
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

/** Refuse configuration keys the simulation does not model (instead of silently ignoring them). */
export function refuseUnmodelled(plugin: string, conf: Record<string, unknown>, keys: string[]): void {
  for (const key of keys) {
    const v = conf[key];
    if (v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    throw new CniError(ERR.unsupportedField, `the ${plugin} plugin's "${key}" option is not simulated`);
  }
}
