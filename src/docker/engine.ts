// The simulated Docker Engine (moby docker-v29.7.2 behaviour): containers
// are processes in their own network namespace, wired with the same kernel
// objects a learner builds by hand — a veth pair per container (host end
// `vethXXXXXXX` enslaved to the network's bridge, container end renamed
// eth0), an address from the network's pool, a default route via the
// bridge's address — plus iptables rules written by running `iptables`
// from the dockerd process, and a `docker-proxy` process per published port.
//
//   dockerd ──(netlink)──> docker0 / br-<id> bridges, veth pairs, addresses
//           ──(exec)─────> iptables --wait -t nat -A DOCKER ... (firewall.ts)
//   containerd ─> containerd-shim-runc-v2 ─> the container's program (pid in `ps`)
//
// One Engine per host kernel; the `docker` CLI finds it through the socket
// file /run/docker.sock that dockerd creates.

import { fmtIp4, inNet, netOf, parseIp4 } from '../kernel/addr.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetNs } from '../kernel/netns.ts';
import { StringOut, devNullIn, devNullOut, type ExecOptions, type InStream, type OutStream, type Process } from '../kernel/proc.ts';
import type { DirNode, FileNode, VNode } from '../kernel/vfs.ts';
import { lookupCommand } from '../userland/registry.ts';
import { EmbeddedDns } from './dns.ts';
import { endpointRules, initRules, networkRules, portRules, resolverRules, type GwMode, type IptCmd, type NetFwConfig, type PortBinding } from './firewall.ts';
import { ImageStore, familiar, type Image } from './images.ts';
import { randomName } from './names.ts';
import { BRIDGE_OPTS, DaemonError, WALL_EPOCH, serveDockerApi, stopDockerApi, type ContainerStatus, type CreateOptions, type LogChunk, type PortSpec } from './api.ts';
import { engineApi } from './server.ts';

export { BRIDGE_OPTS, DaemonError, UNSIMULATED_BRIDGE_OPTS, WALL_EPOCH, type ContainerStatus, type CreateOptions, type LogChunk, type PortSpec } from './api.ts';
import { registerNsOwners } from '../world/owners.ts';

/** The Docker Engine release whose behaviour this engine follows. */
export const ENGINE_VERSION = '29.7.2';
/** Its API version (moby docker-v29.7.2 daemon/config MaxAPIVersion). */
export const API_VERSION = '1.55';


/** A network as libnetwork keeps it. */
export interface Network {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  /** Bridge device name (docker0, br-<id12>). */
  bridge?: string;
  subnet?: string;
  gateway?: string;
  created: number;
  internal: boolean;
  /** Built-in networks (bridge, host, none) cannot be removed. */
  builtin: boolean;
  labels: Record<string, string>;
  /** Addresses handed out (ip number), gateway included. */
  used: Set<number>;
  /** Driver options as given (`-o KEY=VALUE`), shown by `docker network inspect`. */
  options: Record<string, string>;
  /** com.docker.network.bridge.enable_icc (default true). */
  icc: boolean;
  /** com.docker.network.bridge.enable_ip_masquerade (default true). */
  masquerade: boolean;
  /** com.docker.network.bridge.gateway_mode_ipv4 (default nat). */
  gwMode: GwMode;
}


/** A container's attachment to a network. */
export interface Endpoint {
  id: string;
  network: Network;
  ip?: string;
  prefixLen?: number;
  mac?: string;
  ifname?: string;
  hostVeth?: string;
  aliases: string[];
}





/** A container. */
export interface Container {
  id: string;
  name: string;
  image: Image;
  imageRef: string;
  created: number;
  path: string;
  args: string[];
  opts: CreateOptions;
  env: string[];
  status: ContainerStatus;
  pid: number;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  restartCount: number;
  netns?: NetNs;
  /** For --network container:X, the container whose namespace this one joins. */
  joined?: Container;
  endpoints: Map<string, Endpoint>;
  ports: PortBinding[];
  proxies: Process[];
  proc?: Process;
  shim?: Process;
  done?: Promise<number>;
  logs: LogChunk[];
  /** Where attached clients receive output. */
  attached: { stdout?: OutStream; stderr?: OutStream; stdin?: InStream };
  hostname: string;
  /** Files bind-mounted into the container by the engine (/etc/hosts, /etc/resolv.conf, /etc/hostname). */
  etc: { hosts: string; resolvConf: string; hostname: string };
  stopping: boolean;
  /** libnetwork sandbox id; its namespace is bind-mounted at /var/run/docker/netns/<id[:12]>. */
  sandboxId: string;
  /** What the container's processes see in place of the host's files (the bind mounts of `etc`). */
  overlay: Map<string, VNode>;
  /** The embedded DNS server of this container's namespace (user-defined networks). */
  dns?: EmbeddedDns;
}

/** A started child process. */
interface Child {
  proc: Process;
  done: Promise<number>;
}

const engines = new WeakMap<Kernel, Engine>();

/** The engine running on a host, if dockerd was started there. */
export function engineOf(k: Kernel): Engine | undefined {
  return engines.get(k);
}

/** An output stream that appends to a container's log and copies to attached clients. */
class LogSink implements OutStream {
  readonly isTTY: boolean;
  private c: Container;
  private stream: 'stdout' | 'stderr';
  constructor(c: Container, stream: 'stdout' | 'stderr', tty: boolean) {
    this.c = c;
    this.stream = stream;
    this.isTTY = tty;
  }
  write(data: string): void {
    const logs = this.c.logs;
    if (logs.length < 20000) logs.push({ stream: this.stream, text: data });
    const out = this.stream === 'stdout' ? this.c.attached.stdout : this.c.attached.stderr;
    out?.write(data);
  }
}

/** An input stream that reads from whichever client is attached (or EOF). */
class AttachIn implements InStream {
  private c: Container;
  constructor(c: Container) {
    this.c = c;
  }
  get isTTY(): boolean {
    return this.c.opts.tty;
  }
  async read(): Promise<string | null> {
    const s = this.c.attached.stdin;
    return s ? s.read() : null;
  }
}

/**
 * The container's /etc/resolv.conf as libnetwork writes it (moby
 * docker-v29.7.2 daemon/libnetwork/internal/resolvconf Generate, with the
 * header of sandbox_dns_unix.go loadResolvConf): the host file's
 * directives re-emitted (comments dropped, the last search kept, options
 * accumulated, unknown lines copied), then transformed — `legacy` (default
 * bridge, none: loopback nameservers removed, 8.8.8.8/8.8.4.4 when none is
 * left), `internal` (user-defined networks: 127.0.0.11, the host's servers
 * become ExtServers, ndots:0 required), `host` (host network: unchanged).
 */
export function containerResolvConf(hostConf: string, mode: 'legacy' | 'internal' | 'host'): string {
  let ns: string[] = [];
  let search: string[] = [];
  let options: string[] = [];
  const other: string[] = [];
  const invalid: string[] = [];
  for (const line of hostConf.split('\n')) {
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    const f = line.split(/\s+/).filter(Boolean);
    if (!f.length) continue;
    if (f[0] === 'nameserver') {
      if (f.length < 2) continue;
      if (parseIp4(f[1]) !== undefined || /^[0-9a-fA-F:]+$/.test(f[1]) && f[1].includes(':')) ns.push(f[1]);
      else invalid.push(f[1]);
    } else if (f[0] === 'search' || f[0] === 'domain') {
      if (f.length >= 2) search = f.slice(1);
    } else if (f[0] === 'options') {
      if (f.length >= 2) options.push(...f.slice(1));
    } else other.push(line);
  }
  const hadNdots = options.some((o) => o.split(':')[0] === 'ndots');
  const warnings: string[] = [];
  let transform = '';
  let ext: string[] = [];
  let ndotsFrom = hadNdots ? 'host' : '';
  if (mode === 'legacy') {
    transform = 'legacy';
    ns = ns.filter((a) => !a.startsWith('127.') && !a.includes(':'));
    if (!ns.length) {
      ns = ['8.8.8.8', '8.8.4.4'];
      warnings.push('Used default nameservers.');
    }
  } else if (mode === 'internal') {
    transform = 'internal resolver';
    ext = ns.map((a) => `host(${a})`);
    ns = ['127.0.0.11'];
    options = options.filter((o) => !/^ndots:/.test(o) || /^ndots:\d+$/.test(o));
    if (!options.some((o) => o.split(':')[0] === 'ndots')) {
      options.push('ndots:0');
      ndotsFrom = 'internal';
    }
    if (!ext.length) warnings.push('NO EXTERNAL NAMESERVERS DEFINED');
  }
  let out = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';
  for (const a of ns) out += `nameserver ${a}\n`;
  if (search.length) out += `search ${search.join(' ')}\n`;
  if (options.length) out += `options ${options.join(' ')}\n`;
  for (const o of other) out += `${o}\n`;
  out += `\n# Based on host file: '/etc/resolv.conf'${transform ? ` (${transform})` : ''}\n`;
  for (const w of warnings) out += `# ${w}\n`;
  if (ext.length) out += `# ExtServers: [${ext.join(' ')}]\n`;
  if (invalid.length) out += `# Invalid nameservers: [${invalid.join(' ')}]\n`;
  out += '# Overrides: []\n';
  if (ndotsFrom) out += `# Option ndots from: ${ndotsFrom}\n`;
  return out;
}

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}


/**
 * The bridge options of `docker network create -o` (moby
 * networkConfiguration.fromLabels), with its errors: a value that does not
 * parse is `failed to parse LABEL value: VALUE (REASON)`.
 */
export function parseBridgeOptions(opts: Record<string, string>): { bridgeName?: string; icc: boolean; masquerade: boolean; gwMode: GwMode } {
  const out: { bridgeName?: string; icc: boolean; masquerade: boolean; gwMode: GwMode } = { icc: true, masquerade: true, gwMode: 'nat' };
  const bad = (label: string, value: string, why: string): DaemonError => new DaemonError(`failed to parse ${label} value: ${value} (${why})`, 400);
  const bool = (label: string, value: string): boolean => {
    const b = parseBool(value);
    if (b === undefined) throw bad(label, value, `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
    return b;
  };
  for (const [label, value] of Object.entries(opts)) {
    if (label === BRIDGE_OPTS.name) out.bridgeName = value;
    else if (label === BRIDGE_OPTS.icc) out.icc = bool(label, value);
    else if (label === BRIDGE_OPTS.masq) out.masquerade = bool(label, value);
    else if (label === BRIDGE_OPTS.gwMode4) {
      if (value !== 'nat' && value !== 'nat-unprotected' && value !== 'routed' && value !== 'isolated') throw bad(label, value, `unknown gateway mode ${value}`);
      out.gwMode = value;
    }
  }
  return out;
}

/** The engine of one host. */
export class Engine {
  readonly kernel: Kernel;
  readonly images = new ImageStore();
  readonly networks: Network[] = [];
  readonly containers: Container[] = [];
  /** Every iptables command run, in order (`iptables --wait` omitted). */
  readonly iptablesLog: IptCmd[] = [];
  /** Failed rule deletions (logged and passed over, as moby does). */
  readonly iptablesFailures: string[] = [];
  /** Settles when dockerd finished its start-up (docker0 and the iptables chains exist). */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  /** dockerd's process (runs iptables and owns docker-proxy processes). */
  daemon!: Process;
  /** containerd's process (parent of the shims). */
  containerd!: Process;
  /** Host ports in use: `proto/ip/port`. */
  private hostPorts = new Set<string>();
  private nextEphemeral = 32768;
  private userlandProxy = true;
  /** `--userland-proxy=false`: hairpin NAT instead of docker-proxy. */
  get hairpin(): boolean {
    return !this.userlandProxy;
  }
  /** Set when dockerd switched ip_forward on (FORWARD policy DROP). */
  forwardDropped = false;

  constructor(kernel: Kernel) {
    this.kernel = kernel;
    this.ready = new Promise<void>((r) => (this.markReady = r));
  }

  /** dockerd's main: `p` becomes the daemon, start-up runs, then `ready` settles. */
  async serve(p: Process, opts: { userlandProxy?: boolean }): Promise<void> {
    this.daemon = p;
    try {
      await this.init(opts);
    } catch (e) {
      // Start-up failed: no daemon answers; clients waiting for it see none.
      this.unregister();
      this.markReady();
      throw e;
    }
    this.kernel.vfs.putFile('/run/docker.sock', '');
    this.markReady();
  }

  /**
   * fork+exec `argv` as a child of `parent` (through `Process.exec`, as any
   * program runs another); undefined when the program cannot be found.
   */
  private child(parent: Process, argv: string[], o: ExecOptions): Child | undefined {
    let proc: Process | undefined;
    const done = parent.exec(parent, argv, { ...o, onSpawn: (c) => (proc = c) }).catch(() => 127);
    return proc ? { proc, done } : undefined;
  }

  /** Attach this engine to its host (called by dockerd's start-up). */
  register(): void {
    engines.set(this.kernel, this);
    serveDockerApi(this.kernel, engineApi(this));
    // The topology view names the running containers' namespaces.
    registerNsOwners(this.kernel, 'docker', () => (engines.get(this.kernel) !== this ? [] : this.containers).filter((c) => c.netns && c.netns !== this.kernel.initNs && c.status === 'running').map((c) => ({ ns: c.netns!, container: c.name.replace(/^\//, '') })));
  }

  /** Forget the engine (dockerd stopped). */
  unregister(): void {
    if (engines.get(this.kernel) !== this) return;
    engines.delete(this.kernel);
    stopDockerApi(this.kernel);
  }

  private now(): number {
    return WALL_EPOCH + this.kernel.clock.now;
  }

  private hex64(): string {
    return this.kernel.rng.hex(32);
  }

  // ── iptables ─────────────────────────────────────────────────────────────

  /**
   * Run `iptables --wait ARGS` from the dockerd process (in `netns`, default
   * the host's). A failure is never dropped: adding a rule or chain throws
   * moby's error (`(iptables failed: iptables --wait ARGS: OUTPUT (exit
   * status N))`, libnetwork's wording), which the caller reports; a failed
   * deletion is logged on dockerd's stderr and kept in `iptablesFailures`,
   * as moby logs it and goes on. Creating a chain that exists is no failure
   * (moby creates a chain only when it is missing).
   */
  async iptables(cmd: IptCmd, netns?: NetNs): Promise<void> {
    if (!netns || netns === this.kernel.initNs) {
      this.iptablesLog.push(cmd);
    }
    // Test worlds built without the iptables program keep the engine's own record only.
    if (!lookupCommand('iptables')) return;
    const out = new StringOut();
    let code: number;
    try {
      code = await this.daemon.exec(this.daemon, ['iptables', '--wait', ...cmd], { netns: netns ?? this.kernel.initNs, stdout: out, stderr: out, stdin: devNullIn });
    } catch (e) {
      out.write(`${e instanceof Error ? e.message : String(e)}\n`);
      code = 127;
    }
    if (code === 0) return;
    if (cmd.includes('-N') && out.text.includes('Chain already exists')) return;
    const msg = `(iptables failed: iptables --wait ${cmd.join(' ')}: ${out.text} (exit status ${code}))`;
    if (cmd.includes('-D')) {
      this.iptablesFailures.push(msg);
      this.daemon.stderr.write(`level=warning msg="${msg.replace(/\n/g, ' ').replace(/"/g, '\\"')}"\n`);
      return;
    }
    throw new DaemonError(msg, 500);
  }

  // ── daemon start ─────────────────────────────────────────────────────────

  /** Driver initialisation and the default networks (bridge docker0 172.17.0.0/16, host, none). */
  async init(opts: { userlandProxy?: boolean } = {}): Promise<void> {
    this.userlandProxy = opts.userlandProxy ?? true;
    const ns = this.kernel.initNs;
    const wasForwarding = ns.ipv4.ip_forward === '1';
    if (!wasForwarding) {
      ns.setIpForward(true);
      this.forwardDropped = true;
    }
    for (const c of initRules(this.forwardDropped, !this.userlandProxy)) await this.iptables(c);
    const bridge = this.makeNetwork('bridge', 'bridge', { bridge: 'docker0', subnet: '172.17.0.0/16', gateway: '172.17.0.1', builtin: true });
    await this.setupBridge(bridge);
    this.makeNetwork('host', 'host', { builtin: true });
    this.makeNetwork('none', 'null', { builtin: true });
  }

  private makeNetwork(name: string, driver: Network['driver'], o: { bridge?: string; subnet?: string; gateway?: string; builtin?: boolean; internal?: boolean; labels?: Record<string, string>; options?: Record<string, string>; icc?: boolean; masquerade?: boolean; gwMode?: GwMode }): Network {
    const n: Network = {
      id: this.hex64(),
      name,
      driver,
      bridge: o.bridge,
      subnet: o.subnet,
      gateway: o.gateway,
      created: this.now(),
      internal: !!o.internal,
      builtin: !!o.builtin,
      labels: o.labels ?? {},
      used: new Set(),
      options: o.options ?? {},
      icc: o.icc ?? true,
      masquerade: o.masquerade ?? true,
      gwMode: o.gwMode ?? 'nat',
    };
    if (o.gateway) n.used.add(parseIp4(o.gateway)!);
    this.networks.push(n);
    return n;
  }

  /** Create the bridge device, its gateway address, and the network's iptables rules. */
  private async setupBridge(n: Network): Promise<void> {
    const ns = this.kernel.initNs;
    let br = ns.devByName(n.bridge!);
    if (!br) br = ns.linkAdd({ name: n.bridge!, kind: 'bridge' });
    const [, len] = n.subnet!.split('/');
    ns.addrAdd(br, { local: parseIp4(n.gateway!)!, prefixlen: Number(len), broadcast: 'auto' });
    ns.setUp(br, true);
    for (const c of networkRules(this.fw(n))) await this.iptables(c);
  }

  /** The firewall view of a bridge network. */
  fw(n: Network): NetFwConfig {
    return { bridge: n.bridge!, subnet: n.subnet!, internal: n.internal, icc: n.icc, masquerade: n.masquerade, gwMode: n.gwMode, hairpin: !this.userlandProxy };
  }

  // ── networks ─────────────────────────────────────────────────────────────

  /** Find a network by name, full id or unique id prefix. */
  network(ref: string): Network | undefined {
    return (
      this.networks.find((n) => n.name === ref) ??
      this.networks.find((n) => n.id === ref) ??
      (ref.length >= 1 && /^[0-9a-f]+$/.test(ref) ? this.networks.find((n) => n.id.startsWith(ref)) : undefined)
    );
  }

  /** The first default-pool subnet not used by a network nor overlapping a host route. */
  private allocateSubnet(): { subnet: string; gateway: string } {
    const pools: { base: string; len: number; size: number }[] = [
      { base: '172.17.0.0', len: 16, size: 16 },
      { base: '172.18.0.0', len: 16, size: 16 },
      { base: '172.19.0.0', len: 16, size: 16 },
      { base: '172.20.0.0', len: 14, size: 16 },
      { base: '172.24.0.0', len: 14, size: 16 },
      { base: '172.28.0.0', len: 14, size: 16 },
      { base: '192.168.0.0', len: 16, size: 20 },
    ];
    const taken: [number, number][] = [];
    for (const n of this.networks) if (n.subnet) taken.push([parseIp4(n.subnet.split('/')[0])!, Number(n.subnet.split('/')[1])]);
    for (const addr of this.kernel.initNs.addrDump()) taken.push([netOf(addr.local, addr.prefixlen), addr.prefixlen]);
    for (const p of pools) {
      const base = parseIp4(p.base)!;
      const count = 2 ** (p.size - p.len);
      for (let i = 0; i < count; i++) {
        const net = (base + i * 2 ** (32 - p.size)) >>> 0;
        const overlaps = taken.some(([t, l]) => inNet(net, t, Math.min(l, p.size)) || inNet(t, net, Math.min(l, p.size)));
        if (!overlaps) return { subnet: `${fmtIp4(net)}/${p.size}`, gateway: fmtIp4(net + 1) };
      }
    }
    throw new DaemonError('could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network', 403);
  }

  /** `docker network create` (bridge driver). */
  async createNetwork(name: string, o: { driver?: string; subnet?: string; gateway?: string; internal?: boolean; options?: Record<string, string>; labels?: Record<string, string> } = {}): Promise<Network> {
    const driver = o.driver ?? 'bridge';
    if (driver !== 'bridge') {
      if (driver === 'overlay') throw new DaemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 503);
      throw new DaemonError(`plugin "${driver}" not found`, 404);
    }
    if (this.networks.some((n) => n.name === name)) throw new DaemonError(`network with name ${name} already exists`, 409);
    const cfg = parseBridgeOptions(o.options ?? {});
    if (cfg.gwMode === 'isolated' && !o.internal) throw new DaemonError("gateway mode 'isolated' can only be used for an internal network", 400);
    let subnet = o.subnet;
    let gateway = o.gateway;
    if (!subnet) ({ subnet, gateway } = this.allocateSubnet());
    else if (!gateway) gateway = fmtIp4(netOf(parseIp4(subnet.split('/')[0])!, Number(subnet.split('/')[1])) + 1);
    const id = this.hex64();
    const n = this.makeNetwork(name, 'bridge', { bridge: cfg.bridgeName ?? `br-${id.slice(0, 12)}`, subnet, gateway, internal: o.internal, labels: o.labels, options: { ...(o.options ?? {}) }, icc: cfg.icc, masquerade: cfg.masquerade, gwMode: cfg.gwMode });
    n.id = id;
    await this.setupBridge(n);
    return n;
  }

  /** `docker network rm`. */
  async removeNetwork(n: Network): Promise<void> {
    if (n.builtin) throw new DaemonError(`${n.name} is a pre-defined network and cannot be removed`, 403);
    const users = this.containers.filter((c) => c.endpoints.has(n.name) && c.status === 'running');
    if (users.length) throw new DaemonError(`error while removing network: network ${n.name} has active endpoints (name:${JSON.stringify(users[0].name)} id:${JSON.stringify(users[0].id.slice(0, 12))})`, 403);
    for (const c of networkRules(this.fw(n), false)) await this.iptables(c);
    const br = this.kernel.initNs.devByName(n.bridge!);
    if (br) this.kernel.initNs.linkDel(br);
    this.networks.splice(this.networks.indexOf(n), 1);
    for (const c of this.containers) c.endpoints.delete(n.name);
  }

  private allocateIp(n: Network): number {
    const [a, l] = n.subnet!.split('/');
    const base = parseIp4(a)!;
    const size = 2 ** (32 - Number(l));
    for (let i = 1; i < size - 1; i++) {
      const ip = (base + i) >>> 0;
      if (!n.used.has(ip)) {
        n.used.add(ip);
        return ip;
      }
    }
    throw new DaemonError(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`, 503);
  }

  /** Plumb a container into a bridge network: veth pair, address, route, raw DROP rule. */
  private async connectBridge(c: Container, n: Network, ifname: string): Promise<Endpoint> {
    const ns = c.netns!;
    const host = this.kernel.initNs;
    const ip = this.allocateIp(n);
    const vethName = (): string => {
      for (let i = 0; i < 3; i++) {
        const v = ('veth' + this.kernel.rng.hex(4)).slice(0, 11);
        if (!host.devByName(v)) return v;
      }
      throw new DaemonError('could not generate interface name', 500);
    };
    const hostName = vethName();
    const contName = vethName();
    const hv = host.linkAdd({ name: hostName, kind: 'veth', peerName: contName });
    const cv = host.linkGet(contName)!.dev;
    host.setMaster(hv, host.devByName(n.bridge!));
    host.setUp(hv, true);
    host.setNetns(cv, ns);
    ns.setName(cv, ifname);
    const plen = Number(n.subnet!.split('/')[1]);
    ns.addrAdd(cv, { local: ip, prefixlen: plen, broadcast: 'auto' });
    ns.setUp(cv, true);
    if (ifname === 'eth0' && n.gateway && !n.internal) {
      ns.routeAdd(
        { table: 254, type: 'unicast', dst: 0, dstLen: 0, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: parseIp4(n.gateway)!, dev: cv },
        { create: true, excl: true, replace: false },
      );
    }
    const ep: Endpoint = { id: this.hex64(), network: n, ip: fmtIp4(ip), prefixLen: plen, mac: ns.linkMsg(cv).address, ifname, hostVeth: hostName, aliases: [] };
    for (const r of endpointRules(this.fw(n), ep.ip!)) await this.iptables(r);
    return ep;
  }

  private async disconnectBridge(c: Container, ep: Endpoint): Promise<void> {
    const n = ep.network;
    if (ep.ip) {
      for (const r of endpointRules(this.fw(n), ep.ip, false)) await this.iptables(r);
      n.used.delete(parseIp4(ep.ip)!);
    }
    const hv = ep.hostVeth ? this.kernel.initNs.devByName(ep.hostVeth) : undefined;
    if (hv) this.kernel.initNs.linkDel(hv);
    void c;
  }

  // ── containers ───────────────────────────────────────────────────────────

  /** Find a container by name (with or without `/`), full id or unique id prefix. */
  container(ref: string): Container | undefined {
    const name = ref.replace(/^\//, '');
    const byName = this.containers.find((c) => c.name === name);
    if (byName) return byName;
    const byId = this.containers.find((c) => c.id === ref);
    if (byId) return byId;
    if (/^[0-9a-f]+$/.test(ref)) {
      const hits = this.containers.filter((c) => c.id.startsWith(ref));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /** The container or a daemon 404. */
  mustContainer(ref: string): Container {
    const c = this.container(ref);
    if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
    return c;
  }

  /** `docker create`. */
  create(o: CreateOptions): Container {
    const image = this.images.get(o.image);
    if (!image) throw new DaemonError(`No such image: ${familiar(o.image)}`, 404);
    let name = o.name;
    const id = this.hex64();
    if (name !== undefined) {
      if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw new DaemonError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
      const clash = this.containers.find((c) => c.name === name);
      if (clash) throw new DaemonError(`Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`, 409);
    } else {
      for (let i = 0; i < 10 && (name === undefined || this.containers.some((c) => c.name === name)); i++) name = randomName(this.kernel.rng, i);
    }
    const mode = o.network;
    if (mode.startsWith('container:')) {
      const other = this.container(mode.slice(10));
      if (!other) throw new DaemonError(`No such container: ${mode.slice(10)}`, 404);
    } else {
      // moby validateNetworkingConfig: an unknown network is only found missing at start, aliases are checked now.
      const n = this.network(mode);
      if (o.aliases?.length && (!n || n.builtin) && ['bridge', 'host', 'none', 'default'].includes(mode)) {
        throw new DaemonError(`invalid config for network ${mode}: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks`, 400);
      }
    }
    if ((mode === 'host' || mode === 'none' || mode.startsWith('container:')) && (o.publish.length || o.publishAll) && mode !== 'none') {
      // Docker ignores published ports in host mode (with a warning on the client).
    }
    const entry = o.entrypoint ?? image.config.Entrypoint ?? [];
    const cmd = o.cmd.length ? o.cmd : o.entrypoint ? [] : (image.config.Cmd ?? []);
    const full = [...entry, ...cmd];
    if (!full.length) throw new DaemonError('no command specified', 400);
    const env = [...image.config.Env];
    for (const e of o.env) {
      const k = e.split('=')[0];
      const i = env.findIndex((x) => x.split('=')[0] === k);
      if (i >= 0) env[i] = e;
      else env.push(e);
    }
    const hostname = o.hostname ?? (mode === 'host' ? this.kernel.hostname : id.slice(0, 12));
    const c: Container = {
      id,
      name: name!,
      image,
      imageRef: o.image,
      created: this.now(),
      path: full[0],
      args: full.slice(1),
      opts: o,
      env,
      status: 'created',
      pid: 0,
      exitCode: 0,
      startedAt: 0,
      finishedAt: 0,
      restartCount: 0,
      endpoints: new Map(),
      ports: [],
      proxies: [],
      logs: [],
      attached: {},
      hostname,
      etc: { hosts: '', resolvConf: '', hostname: `${hostname}\n` },
      stopping: false,
      sandboxId: '',
      overlay: new Map(),
    };
    this.containers.push(c);
    return c;
  }

  /** Host port bindings a container asks for, with -P's ephemeral ports. */
  private wantedPorts(c: Container): PortSpec[] {
    const out = [...c.opts.publish];
    if (c.opts.publishAll) {
      for (const e of c.image.config.ExposedPorts) {
        const [p, proto] = e.split('/');
        if (!out.some((x) => x.containerPort === Number(p) && x.proto === proto)) out.push({ hostIp: '', hostPort: '', containerPort: Number(p), proto: proto as 'tcp' | 'udp' });
      }
    }
    return out;
  }

  private allocPort(proto: string, ip: string, want: string): number {
    const key = (p: number): string => `${proto}/${ip}/${p}`;
    const clash = (p: number): boolean => this.hostPorts.has(key(p)) || this.hostPorts.has(`${proto}/0.0.0.0/${p}`) || (ip === '0.0.0.0' && [...this.hostPorts].some((k) => k.startsWith(`${proto}/`) && k.endsWith(`/${p}`)));
    if (want) {
      const p = Number(want);
      if (clash(p)) throw new DaemonError(`Bind for ${ip}:${p} failed: port is already allocated`, 500);
      this.hostPorts.add(key(p));
      return p;
    }
    for (let i = 0; i < 28232; i++) {
      const p = this.nextEphemeral;
      this.nextEphemeral = p >= 60999 ? 32768 : p + 1;
      if (!clash(p)) {
        this.hostPorts.add(key(p));
        return p;
      }
    }
    throw new DaemonError('no free host port', 500);
  }

  /** Set up the container's network namespace and attachments. */
  private async setupNetworking(c: Container): Promise<void> {
    const mode = c.opts.network;
    if (mode === 'host') {
      c.netns = this.kernel.initNs;
      c.endpoints.set('host', { id: this.hex64(), network: this.network('host')!, aliases: [] });
    } else if (mode.startsWith('container:')) {
      const other = this.mustContainer(mode.slice(10));
      if (other.status !== 'running' || !other.netns) throw new DaemonError(`cannot join network namespace of a non running container: container ${other.id} is ${other.status}`, 409);
      c.netns = other.netns;
      c.joined = other;
    } else {
      const ns = this.kernel.newNetns();
      ns.setUp(ns.lo, true);
      c.netns = ns;
      c.sandboxId = this.hex64();
      this.kernel.vfs.mkdir('/run/docker/netns', {}, true);
      this.kernel.vfs.create(`/run/docker/netns/${c.sandboxId.slice(0, 12)}`, this.kernel.nsNode(ns));
      const n = this.network(mode);
      if (!n) throw new DaemonError(`network ${mode} not found`, 404);
      if (n.driver === 'null') c.endpoints.set('none', { id: this.hex64(), network: n, aliases: [] });
      else {
        const ep = await this.connectBridge(c, n, 'eth0');
        if (n.name !== 'bridge') ep.aliases = [c.name, ...(c.opts.aliases ?? [])];
        c.endpoints.set(n.name, ep);
        await this.publishPorts(c, n, ep);
        if (n.name !== 'bridge') await this.startResolver(c);
      }
    }
    this.writeEtc(c);
  }

  private async publishPorts(c: Container, n: Network, ep: Endpoint): Promise<void> {
    // An --internal network is never the sandbox's gateway endpoint: its ports are not published.
    if (n.internal) return;
    const wanted = this.wantedPorts(c);
    const done: PortBinding[] = [];
    // Routed mode (portmappers/routed): no NAT, so no host port — only the forwarding rules.
    const routed = n.gwMode === 'routed';
    try {
      for (const w of wanted) {
        const hostIp = w.hostIp || '0.0.0.0';
        const hostPort = routed ? 0 : this.allocPort(w.proto, hostIp, w.hostPort);
        done.push({ proto: w.proto, hostIp, hostPort, containerIp: ep.ip!, containerPort: w.containerPort });
      }
    } catch (e) {
      for (const b of done) this.hostPorts.delete(`${b.proto}/${b.hostIp}/${b.hostPort}`);
      if (e instanceof DaemonError) throw new DaemonError(`driver failed programming external connectivity on endpoint ${c.name} (${ep.id}): ${e.message}`, 500);
      throw e;
    }
    for (const b of done) {
      // Recorded first, so the teardown after a failure removes what was programmed.
      c.ports.push(b);
      try {
        for (const r of portRules(this.fw(n), b)) await this.iptables(r);
      } catch (e) {
        for (const x of done) this.hostPorts.delete(`${x.proto}/${x.hostIp}/${x.hostPort}`);
        if (e instanceof DaemonError) throw new DaemonError(`driver failed programming external connectivity on endpoint ${c.name} (${ep.id}): ${e.message}`, 500);
        throw e;
      }
      if (this.userlandProxy && b.hostPort) this.startProxy(c, b);
    }
  }

  /** A `docker-proxy` process for one binding (argv as moby's proxy_linux.go builds it). */
  private startProxy(c: Container, b: PortBinding): void {
    const argv = ['/usr/bin/docker-proxy', '-proto', b.proto, '-host-ip', b.hostIp, '-host-port', String(b.hostPort), '-container-ip', b.containerIp, '-container-port', String(b.containerPort), '-use-listen-fd'];
    const r = this.child(this.daemon, argv, { env: {}, cwd: '/', netns: this.kernel.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut });
    if (r) c.proxies.push(r.proc);
  }

  /**
   * Embedded DNS for user-defined networks (libnetwork resolver.go): sockets
   * on 127.0.0.11 at ephemeral ports inside the container's namespace, owned
   * by dockerd, and the NAT rules that send port 53 there.
   */
  private async startResolver(c: Container): Promise<void> {
    if (c.dns) return;
    const dns = new EmbeddedDns(this, c);
    const { udp, tcp } = dns.listen();
    c.dns = dns;
    for (const r of resolverRules(udp, tcp)) await this.iptables(r, c.netns);
    void dns.serve();
  }

  /** The /etc files Docker writes for a container (hosts, resolv.conf, hostname). */
  private writeEtc(c: Container): void {
    const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::\tip6-localnet', 'ff00::\tip6-mcastprefix', 'ff02::1\tip6-allnodes', 'ff02::2\tip6-allrouters'];
    const own = [...c.endpoints.values()].find((e) => e.ip);
    if (own) lines.push(`${own.ip}\t${c.hostname}`);
    if (c.opts.network === 'host') {
      const h = this.kernel.vfs.tryLookup('/etc/hosts');
      lines.splice(0, lines.length, ...(h && h.kind === 'file' ? h.data.replace(/\n$/, '') : '').split('\n'));
    }
    c.etc.hosts = lines.join('\n') + '\n';
    const userNet = [...c.endpoints.values()].some((e) => e.network.driver === 'bridge' && e.network.name !== 'bridge');
    const host = this.kernel.vfs.tryLookup('/etc/resolv.conf');
    const hostConf = host && host.kind === 'file' ? host.data : '';
    c.etc.resolvConf = containerResolvConf(hostConf, userNet ? 'internal' : c.opts.network === 'host' ? 'host' : 'legacy');
    this.mountEtc(c);
  }

  /** Bind-mount the /etc files into the container's view (its processes' overlay). */
  private mountEtc(c: Container): void {
    const put = (path: string, data: string): void => {
      const node = c.overlay.get(path) as FileNode | undefined;
      if (node) {
        node.data = data;
        node.mtime = this.kernel.clock.now;
      } else c.overlay.set(path, { kind: 'file', data, mode: 0o644, mtime: this.kernel.clock.now });
    };
    put('/etc/hosts', c.etc.hosts);
    put('/etc/resolv.conf', c.etc.resolvConf);
    put('/etc/hostname', c.etc.hostname);
  }

  /** Names the embedded DNS answers for a container: containers (and aliases) sharing a user-defined network. */
  resolveName(from: Container, name: string): string[] {
    const out: string[] = [];
    for (const [netName, ep] of from.endpoints) {
      if (ep.network.driver !== 'bridge' || ep.network.name === 'bridge') continue;
      for (const c of this.containers) {
        if (c.status !== 'running') continue;
        const other = c.endpoints.get(netName);
        if (!other?.ip) continue;
        if (c.name === name || c.id.startsWith(name) && name.length >= 12 || other.aliases.includes(name) || c.hostname === name) out.push(other.ip);
      }
    }
    return out;
  }

  /** The container whose namespace is `ns`, if any. */
  containerByNetns(ns: unknown): Container | undefined {
    return this.containers.find((c) => c.netns === ns && c.status === 'running' && !c.joined && ns !== this.kernel.initNs);
  }

  /**
   * The image's files as the container's processes see them: entries of the
   * container's overlay (its stand-in for a mount namespace), never the
   * host's file system. A directory the host lacks becomes one overlay
   * directory holding the rest of the path; a path whose directory the host
   * has becomes an overlay file.
   */
  private installFiles(c: Container): void {
    const now = this.kernel.clock.now;
    for (const [path, data] of c.image.files) {
      const parts = path.split('/').filter(Boolean);
      let at = '';
      let i = 0;
      let node: VNode | undefined;
      // Walk down while the host (or an earlier overlay entry) has the directory.
      for (; i < parts.length - 1; i++) {
        const next = `${at}/${parts[i]}`;
        const over = c.overlay.get(next);
        if (over) {
          node = over;
          at = next;
          i++;
          break;
        }
        const host = this.kernel.vfs.tryLookup(next);
        if (!host || host.kind !== 'dir') break;
        at = next;
      }
      const file: FileNode = { kind: 'file', data, mode: 0o644, mtime: now };
      if (node && node.kind === 'dir') {
        // Inside an overlay directory: plain tree below it.
        let dir = node;
        for (; i < parts.length - 1; i++) {
          let sub = dir.children.get(parts[i]);
          if (!sub || sub.kind !== 'dir') dir.children.set(parts[i], (sub = { kind: 'dir', children: new Map(), mode: 0o755, mtime: now }));
          dir = sub;
        }
        dir.children.set(parts[parts.length - 1], file);
        continue;
      }
      if (i === parts.length - 1) {
        c.overlay.set(`${at}/${parts[i]}`, file);
        continue;
      }
      // The host lacks `at/parts[i]`: one overlay directory for the rest of the path.
      const top: DirNode = { kind: 'dir', children: new Map(), mode: 0o755, mtime: now };
      let dir = top;
      for (let j = i + 1; j < parts.length - 1; j++) {
        const sub: DirNode = { kind: 'dir', children: new Map(), mode: 0o755, mtime: now };
        dir.children.set(parts[j], sub);
        dir = sub;
      }
      dir.children.set(parts[parts.length - 1], file);
      c.overlay.set(`${at}/${parts[i]}`, top);
    }
  }

  /** `docker start`: networking, then the container's process under a shim. */
  async start(c: Container, attach: { stdout?: OutStream; stderr?: OutStream; stdin?: InStream } = {}): Promise<void> {
    if (c.status === 'running') return;
    c.attached = attach;
    try {
      await this.setupNetworking(c);
    } catch (e) {
      await this.teardownNetworking(c);
      if (e instanceof DaemonError) throw new DaemonError(`failed to set up container networking: ${e.message}`, e.status);
      throw e;
    }
    const name = c.path.slice(c.path.lastIndexOf('/') + 1);
    const spec = lookupCommand(c.image.programs?.get(name) ?? name);
    const inImage = !c.image.programs || c.image.programs.has(name);
    if (!spec || !inImage) {
      await this.teardownNetworking(c);
      c.exitCode = 127;
      c.finishedAt = 0;
      throw new DaemonError(
        `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${c.path}": executable file not found in $PATH`,
        400,
      );
    }
    this.installFiles(c);
    const shimArgv = ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-id', c.id, '-address', '/run/containerd/containerd.sock'];
    const shim = this.child(this.containerd ?? this.daemon, shimArgv, { env: {}, cwd: '/', netns: this.kernel.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut });
    if (!shim) throw new DaemonError('failed to create task for container: failed to start shim: exec: "containerd-shim-runc-v2": executable file not found in $PATH: unknown', 500);
    // runc sets the container's mounts up before its process starts: what the shim's children see.
    shim.proc.overlay = c.overlay;
    shim.proc.programs = c.image.programs;
    // The shim runs in a session of its own (setsid): containers have no controlling terminal.
    shim.proc.tty = undefined;
    c.shim = shim.proc;
    const env: Record<string, string> = { HOSTNAME: c.hostname };
    for (const e of c.env) {
      const i = e.indexOf('=');
      if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
    }
    if (c.opts.tty) env.TERM = 'xterm';
    if (!env.HOME) env.HOME = '/root';
    // nginx's entrypoint script ends in `exec "$@"`: the program replaces it (same pid). When the
    // image lacks the program, the script itself runs and reports it.
    const viaEntry = name === 'docker-entrypoint.sh' && c.args.length > 0 && (!c.image.programs || c.image.programs.has(c.args[0]));
    const argv = viaEntry ? [...c.args] : [c.path, ...c.args];
    // The image's binaries are the host's registered programs: run them by name on the image's PATH.
    argv[0] = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    if (!env.PATH) env.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const tty = c.opts.tty;
    const r = this.child(shim.proc, argv, {
      env,
      cwd: c.opts.workdir || c.image.config.WorkingDir || '/',
      netns: c.netns!,
      stdin: c.opts.openStdin ? new AttachIn(c) : devNullIn,
      stdout: new LogSink(c, 'stdout', tty),
      stderr: new LogSink(c, tty ? 'stdout' : 'stderr', tty),
    });
    if (!r) {
      shim.proc.kill('SIGKILL');
      await this.teardownNetworking(c);
      c.exitCode = 127;
      throw new DaemonError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${c.path}": executable file not found in $PATH`, 400);
    }
    containerOfProc.set(r.proc, c);
    c.proc = r.proc;
    c.pid = r.proc.pid;
    c.status = 'running';
    c.startedAt = this.now();
    c.finishedAt = 0;
    c.stopping = false;
    c.done = r.done.then(async (code) => {
      shim.proc.kill('SIGKILL');
      c.exitCode = code;
      c.status = 'exited';
      c.finishedAt = this.now();
      c.pid = 0;
      c.proc = undefined;
      await this.teardownNetworking(c);
      if (c.opts.autoRemove) await this.remove(c, { force: true });
      return code;
    });
  }

  /** Undo networking: docker-proxy processes, port rules, endpoints, the namespace. */
  private async teardownNetworking(c: Container): Promise<void> {
    for (const p of c.proxies) p.kill('SIGKILL');
    c.proxies = [];
    c.dns?.close();
    c.dns = undefined;
    for (const b of c.ports) {
      const ep = [...c.endpoints.values()].find((e) => e.ip === b.containerIp);
      if (ep?.network.bridge) for (const r of portRules(this.fw(ep.network), b, false)) await this.iptables(r);
      this.hostPorts.delete(`${b.proto}/${b.hostIp}/${b.hostPort}`);
    }
    c.ports = [];
    for (const ep of c.endpoints.values()) if (ep.hostVeth) await this.disconnectBridge(c, ep);
    for (const ep of c.endpoints.values()) {
      ep.ip = undefined;
      ep.mac = undefined;
      ep.hostVeth = undefined;
    }
    c.endpoints.clear();
    const ns = c.netns;
    if (c.sandboxId) {
      try {
        this.kernel.vfs.unlink(`/run/docker/netns/${c.sandboxId.slice(0, 12)}`);
      } catch {
        // already gone
      }
      c.sandboxId = '';
    }
    c.netns = undefined;
    c.joined = undefined;
    if (ns && ns !== this.kernel.initNs && !this.containers.some((o) => o !== c && o.netns === ns)) {
      if (ns.alive) ns.destroy();
      this.kernel.forgetNetns(ns);
      this.kernel.notifyTopology();
    }
  }

  /** `docker stop`: SIGTERM (or the image's StopSignal), then SIGKILL after `timeoutS`. */
  async stop(c: Container, caller: Process, timeoutS = 10): Promise<void> {
    if (c.status !== 'running' || !c.proc) return;
    c.stopping = true;
    const p = c.proc;
    p.kill('SIGTERM');
    const done = c.done!;
    let finished = false;
    void done.then(() => (finished = true));
    const woke = await caller.wait((wake) => {
      void done.then(wake);
      return () => {};
    }, timeoutS * 1000);
    if (!finished && woke !== 'woken') {
      p.kill('SIGKILL');
    }
    await done;
  }

  /** `docker kill`. */
  async kill(c: Container): Promise<void> {
    if (c.status !== 'running' || !c.proc) throw new DaemonError(`cannot kill container: ${c.name}: container ${c.id} is not running`, 409);
    c.proc.kill('SIGKILL');
    await c.done;
  }

  /** `docker rm [-f]`. */
  async remove(c: Container, o: { force?: boolean; ref?: string } = {}): Promise<void> {
    if (!this.containers.includes(c)) return;
    if (c.status === 'running') {
      // daemon/delete.go: the name as the client gave it.
      if (!o.force) throw new DaemonError(`cannot remove container ${JSON.stringify(o.ref ?? c.name)}: container is running: stop the container before removing or force remove`, 409);
      c.opts.autoRemove = false;
      c.proc!.kill('SIGKILL');
      await c.done;
    }
    const i = this.containers.indexOf(c);
    if (i >= 0) this.containers.splice(i, 1);
  }

  /** A process in a running container (`docker exec`), run to completion. */
  async exec(c: Container, argv: string[], io: { stdin: InStream; stdout: OutStream; stderr: OutStream; env?: string[]; workdir?: string; tty: boolean }): Promise<number> {
    if (c.status !== 'running' || !c.shim) throw new DaemonError(`container ${c.id} is not running`, 409);
    const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    const spec = lookupCommand(c.image.programs?.get(name) ?? name);
    if (!spec || (c.image.programs && !c.image.programs.has(name))) {
      io.stderr.write(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
      return 127;
    }
    const env: Record<string, string> = { HOSTNAME: c.hostname };
    for (const e of [...c.env, ...(io.env ?? [])]) {
      const i = e.indexOf('=');
      if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
    }
    if (io.tty) env.TERM = 'xterm';
    if (!env.HOME) env.HOME = '/root';
    if (!env.PATH) env.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const r = this.child(c.shim, [name, ...argv.slice(1)], { env, cwd: io.workdir || c.opts.workdir || c.image.config.WorkingDir || '/', netns: c.netns!, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
    if (!r) {
      io.stderr.write(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
      return 127;
    }
    containerOfProc.set(r.proc, c);
    return r.done;
  }

  /** `docker network connect`. */
  async connect(c: Container, n: Network, aliases: string[] = []): Promise<void> {
    if (c.endpoints.has(n.name)) throw new DaemonError(`endpoint with name ${c.name} already exists in network ${n.name}`, 403);
    if (n.driver !== 'bridge') throw new DaemonError(`container cannot be disconnected from host network or connected to host network`, 400);
    if (aliases.length && n.builtin) throw new DaemonError('invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks', 400);
    if (c.status !== 'running') {
      c.opts.network = c.opts.network || n.name;
      if (aliases.length) c.opts.aliases = [...(c.opts.aliases ?? []), ...aliases];
      return;
    }
    const ifname = `eth${[...c.endpoints.values()].filter((e) => e.ifname).length}`;
    const ep = await this.connectBridge(c, n, ifname);
    ep.aliases = n.name === 'bridge' ? [] : [c.name, ...aliases];
    c.endpoints.set(n.name, ep);
    if (n.name !== 'bridge') await this.startResolver(c);
    this.writeEtc(c);
  }

  /** `docker network disconnect`. */
  async disconnect(c: Container, n: Network): Promise<void> {
    const ep = c.endpoints.get(n.name);
    if (!ep) throw new DaemonError(`container ${c.id} is not connected to network ${n.name}`, 403);
    await this.disconnectBridge(c, ep);
    c.endpoints.delete(n.name);
  }
}

/** Which container a process was started in (container processes and `docker exec` children). */
export const containerOfProc = new WeakMap<Process, Container>();

/** The container a process runs in, following its ancestry (pid namespaces are not modelled). */
export function containerOf(k: Kernel, p: Process): Container | undefined {
  let q: Process | undefined = p;
  for (let i = 0; q && i < 64; i++) {
    const c = containerOfProc.get(q);
    if (c) return c;
    q = k.procs.get(q.ppid);
  }
  return undefined;
}
