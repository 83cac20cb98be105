// docker(1): the Docker CLI (docker/cli v29.7.2 formats and messages) over
// the simulated engine of the host it runs on. Talks to dockerd through
// /var/run/docker.sock like the real client: no socket, no daemon. Every
// call goes through the Engine API (src/docker/api.ts): the CLI sees
// summaries and inspect documents, never the daemon's objects.

import type { Process } from '../../kernel/proc.ts';
import { devNullIn } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { readAll } from '../coreutils/host.ts';
import { BRIDGE_OPTS, DaemonError, UNSIMULATED_BRIDGE_OPTS, WALL_EPOCH as WALL, dockerClient, type ContainerSummary as Container, type CreateOptions, type DockerApi as Engine, type PortSpec } from '../../docker/api.ts';
import { familiar, validRef } from '../../docker/images.ts';
import { ellipsis, humanDuration, humanSize, shortId, tabwrite } from '../../docker/format.ts';
import { execTemplate, TemplateError } from '../../docker/template.ts';
import { bool, flag, parseFlags, type FlagDef, type Parsed } from './args.ts';

const NO_DAEMON = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';

/** Write `Error response from daemon: ...` the way each command reports it. */
function daemonErr(p: Process, e: unknown, cmd?: string): number {
  if (!(e instanceof DaemonError)) throw e;
  if (cmd === 'run' || cmd === 'create') {
    p.stderr.write(`docker: Error response from daemon: ${e.message}\n\nRun 'docker ${cmd} --help' for more information\n`);
    return 125;
  }
  p.stderr.write(`Error response from daemon: ${e.message}\n`);
  return 1;
}

/**
 * A command-line error. Flag errors go through cobra's FlagErrorFunc
 * (docker/cli cli/cobra.go): exit status 125 for every command. Argument
 * count errors (cli/required.go) are plain errors: 1.
 */
function usageErr(p: Process, cmd: string, msg: string, usage: string): number {
  p.stderr.write(`${msg}\n\nUsage:  docker ${usage}\n\nRun 'docker ${cmd} --help' for more information\n`);
  return /^(unknown flag|unknown shorthand flag|flag needs an argument|invalid argument)/.test(msg) || cmd === 'run' || cmd === 'create' ? 125 : 1;
}

/**
 * An option the real Docker honours and this simulation does not model:
 * refused (exit 125, as docker's flag errors), never accepted and ignored.
 */
function notSimulated(p: Process, what: string): number {
  p.stderr.write(`docker: ${what} is not simulated\n`);
  return 125;
}

/**
 * Flags the real `docker run`/`create` (docker/cli v29.7.2
 * cli/command/container/opts.go) and `docker network create`
 * (cli/command/network/create.go) accept that this simulation does not
 * model: refused as not simulated instead of cobra's "unknown flag".
 */
const UNSIMULATED_RUN_FLAGS = new Set([
  'add-host', 'attach', 'a', 'cap-add', 'cap-drop', 'cgroupns', 'cidfile', 'cpus', 'device', 'dns', 'dns-option', 'dns-search', 'domainname',
  'env-file', 'expose', 'group-add', 'health-cmd', 'init', 'ip', 'ip6', 'ipc', 'label', 'l', 'link', 'link-local-ip', 'log-driver', 'log-opt',
  'mac-address', 'memory', 'm', 'mount', 'pid', 'platform', 'privileged', 'pull', 'read-only', 'restart', 'runtime', 'security-opt',
  'shm-size', 'sig-proxy', 'stop-signal', 'stop-timeout', 'sysctl', 'tmpfs', 'ulimit', 'user', 'u', 'userns', 'uts', 'volume', 'v',
  'volumes-from',
]);
const UNSIMULATED_NETWORK_FLAGS = new Set(['attachable', 'aux-address', 'config-from', 'config-only', 'ingress', 'ip-range', 'ipam-driver', 'ipam-opt', 'ipv4', 'ipv6', 'scope']);

/** A parse error about a real flag we do not model, as the not-simulated refusal; else undefined. */
function unsimulatedFlag(p: Process, error: string, known: Set<string>): number | undefined {
  const m = /^unknown flag: --([\w-]+)$/.exec(error) ?? /^unknown shorthand flag: '(\w)'/.exec(error);
  if (!m || !known.has(m[1])) return undefined;
  return notSimulated(p, m[1].length === 1 ? `-${m[1]}` : `--${m[1]}`);
}

/** Parse a `-p` value: [ip:][hostPort:]containerPort[/proto]. */
export function parsePublish(v: string): PortSpec | string {
  const [spec, proto0] = v.split('/');
  const proto = (proto0 ?? 'tcp').toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp') return `invalid proto: ${proto0}`;
  const parts = spec.split(':');
  let hostIp = '';
  let hostPort = '';
  let cport = '';
  if (parts.length === 1) cport = parts[0];
  else if (parts.length === 2) [hostPort, cport] = parts;
  else if (parts.length === 3) [hostIp, hostPort, cport] = parts;
  else return `invalid port format: ${v}`;
  if (!/^\d+$/.test(cport) || Number(cport) < 1 || Number(cport) > 65535) return `invalid containerPort: ${cport}`;
  if (hostPort && (!/^\d+$/.test(hostPort) || Number(hostPort) > 65535)) return `invalid hostPort: ${hostPort}`;
  if (hostIp && !/^\d+\.\d+\.\d+\.\d+$/.test(hostIp)) return `invalid IP address: ${hostIp}`;
  return { hostIp, hostPort, containerPort: Number(cport), proto: proto as 'tcp' | 'udp' };
}

const RUN_FLAGS: FlagDef[] = [
  { long: 'detach', short: 'd' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'rm' },
  { long: 'name', value: true },
  { long: 'publish', short: 'p', value: true, multi: true },
  { long: 'publish-all', short: 'P' },
  { long: 'network', value: true },
  { long: 'net', value: true },
  { long: 'network-alias', value: true, multi: true },
  { long: 'net-alias', value: true, multi: true },
  { long: 'env', short: 'e', value: true, multi: true },
  { long: 'entrypoint', value: true },
  { long: 'workdir', short: 'w', value: true },
  { long: 'hostname', short: 'h', value: true },
  { long: 'help' },
];

function createOptions(p: Process, parsed: Parsed, cmd: string): CreateOptions | number {
  if (parsed.args.length < 1) return usageErr(p, cmd, `docker: '${cmd}' requires at least 1 argument.`, `${cmd} [OPTIONS] IMAGE [COMMAND] [ARG...]`);
  const publish: PortSpec[] = [];
  for (const v of parsed.flags.get('publish') ?? []) {
    const r = parsePublish(v);
    if (typeof r === 'string') {
      p.stderr.write(`docker: ${r}\n\nRun 'docker ${cmd} --help' for more information\n`);
      return 125;
    }
    publish.push(r);
  }
  const image = parsed.args[0];
  if (!validRef(image)) {
    p.stderr.write(`docker: invalid reference format${/[A-Z]/.test(image) ? ': repository name (library/' + image + ') must be lowercase' : ''}\n\nRun 'docker ${cmd} --help' for more information\n`);
    return 125;
  }
  const ep = flag(parsed, 'entrypoint');
  return {
    image,
    name: flag(parsed, 'name'),
    cmd: parsed.args.slice(1),
    entrypoint: ep !== undefined ? (ep === '' ? [] : [ep]) : undefined,
    env: (parsed.flags.get('env') ?? []).map((e) => (e.includes('=') ? e : `${e}=${p.env[e] ?? ''}`)),
    tty: bool(parsed, 'tty'),
    openStdin: bool(parsed, 'interactive'),
    network: flag(parsed, 'network') ?? flag(parsed, 'net') ?? 'bridge',
    publish,
    publishAll: bool(parsed, 'publish-all'),
    autoRemove: bool(parsed, 'rm'),
    workdir: flag(parsed, 'workdir'),
    hostname: flag(parsed, 'hostname'),
    aliases: [...(parsed.flags.get('network-alias') ?? []), ...(parsed.flags.get('net-alias') ?? [])],
  };
}

/**
 * The registry knows only the images of the course's store: pulling any
 * other repository fails as Docker Hub answers for one that does not exist
 * (moby docker-v29.7.2 daemon/containerd/image_pull.go, ErrInvalidAuthorization).
 */
function pullError(ref: string): DaemonError {
  const name = familiar(ref).replace(/[:@].*$/, '');
  return new DaemonError(`pull access denied for ${name}, repository does not exist or may require 'docker login'`, 404);
}

async function cmdRun(p: Process, e: Engine, argv: string[], create = false): Promise<number> {
  const cmd = create ? 'create' : 'run';
  const parsed = parseFlags(argv, RUN_FLAGS, false);
  if (parsed.error) return unsimulatedFlag(p, parsed.error, UNSIMULATED_RUN_FLAGS) ?? usageErr(p, cmd, parsed.error, `${cmd} [OPTIONS] IMAGE [COMMAND] [ARG...]`);
  const o = createOptions(p, parsed, cmd);
  if (typeof o === 'number') return o;
  if (!e.image(o.image)) {
    p.stderr.write(`Unable to find image '${familiar(o.image)}' locally\n`);
    return daemonErr(p, pullError(o.image), cmd);
  }
  if ((o.network === 'host' || o.network.startsWith('container:')) && (o.publish.length || o.publishAll)) {
    if (o.network === 'host') p.stderr.write('WARNING: Published ports are discarded when using host network mode\n');
    else {
      p.stderr.write(`docker: Error response from daemon: conflicting options: port publishing and the container type network mode\n\nRun 'docker ${cmd} --help' for more information\n`);
      return 125;
    }
    o.publish = [];
    o.publishAll = false;
  }
  let c: Container;
  try {
    c = e.containerCreate(o);
  } catch (err) {
    return daemonErr(p, err, cmd);
  }
  if (create) {
    p.stdout.write(`${c.id}\n`);
    return 0;
  }
  const detach = bool(parsed, 'detach');
  try {
    await e.containerStart(c.id, detach ? {} : { stdout: p.stdout, stderr: p.stderr, stdin: o.openStdin ? p.stdin : undefined });
  } catch (err) {
    if (err instanceof DaemonError) {
      const status = err.message.includes('executable file not found') ? 127 : 125;
      daemonErr(p, err, cmd);
      if (o.autoRemove) await e.containerRemove(c.id, { force: true });
      return status;
    }
    throw err;
  }
  if (detach) {
    p.stdout.write(`${c.id}\n`);
    return 0;
  }
  // Attached: wait for the container (Ctrl-C is passed to it as SIGINT would be with --sig-proxy).
  const off = p.onSignal((sig) => {
    if (sig === 'SIGINT' || sig === 'SIGTERM') e.containerSignal(c.id, sig);
  });
  const code = await e.containerWait(c.id);
  off();
  e.containerDetach(c.id);
  return code;
}

function psStatus(now: number, c: Container): string {
  const ago = (t: number): string => humanDuration(Math.max(0, now - (t - (t > 1e12 ? WALL : 0))));
  if (c.status === 'running') return `Up ${ago(c.startedAt)}`;
  if (!c.startedAt) return 'Created';
  return `Exited (${c.exitCode}) ${ago(c.finishedAt)} ago`;
}


/** The PORTS column (formatter.DisplayablePorts). */
export function displayPorts(c: Container): string {
  const ports: { ip?: string; pub?: number; priv: number; type: string }[] = [];
  for (const b of c.ports) {
    ports.push({ ip: b.hostIp, pub: b.hostPort, priv: b.containerPort, type: b.proto });
    if (b.hostIp === '0.0.0.0') ports.push({ ip: '::', pub: b.hostPort, priv: b.containerPort, type: b.proto });
  }
  if (c.status === 'running') for (const x of c.exposedPorts) {
    const [n, t] = x.split('/');
    if (!c.ports.some((b) => b.containerPort === Number(n) && b.proto === t)) ports.push({ priv: Number(n), type: t });
  }
  ports.sort((a, b) => a.priv - b.priv || ((a.ip ?? '') < (b.ip ?? '') ? -1 : (a.ip ?? '') > (b.ip ?? '') ? 1 : 0) || (a.pub ?? 0) - (b.pub ?? 0));
  const groups: string[] = [];
  const maps: string[] = [];
  for (const x of ports) {
    if (x.ip !== undefined) {
      const h = x.ip.includes(':') ? `[${x.ip}]` : x.ip;
      if (x.pub !== x.priv) maps.push(`${h}:${x.pub}->${x.priv}/${x.type}`);
      else groups.push(`${h}:${x.pub}->${x.priv}/${x.type}`);
    } else groups.push(`${x.priv}/${x.type}`);
  }
  return [...groups, ...maps].join(', ');
}

function cmdPs(p: Process, e: Engine, argv: string[]): number {
  const now = kernelOf(p).clock.now;
  const parsed = parseFlags(argv, [{ long: 'all', short: 'a' }, { long: 'quiet', short: 'q' }, { long: 'no-trunc' }, { long: 'format', value: true }, { long: 'latest', short: 'l' }]);
  if (parsed.error) return usageErr(p, 'ps', parsed.error, 'ps [OPTIONS]');
  let list = e.containers().reverse().filter((c) => bool(parsed, 'all') || c.status === 'running');
  if (bool(parsed, 'latest')) list = list.slice(0, 1);
  const trunc = !bool(parsed, 'no-trunc');
  if (bool(parsed, 'quiet')) {
    for (const c of list) p.stdout.write(`${trunc ? c.id.slice(0, 12) : c.id}\n`);
    return 0;
  }
  const fmt = flag(parsed, 'format');
  if (fmt && !fmt.startsWith('table')) {
    for (const c of list) {
      try {
        p.stdout.write(execTemplate(fmt, psRow(now, c, trunc)) + '\n');
      } catch (err) {
        if (err instanceof TemplateError) {
          p.stderr.write(`${err.message}\n`);
          return 1;
        }
        throw err;
      }
    }
    return 0;
  }
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of list) {
    const r = psRow(now, c, trunc);
    rows.push([r.ID, r.Image, r.Command, r.RunningFor, r.Status, r.Ports, r.Names]);
  }
  p.stdout.write(tabwrite(rows));
  return 0;
}

function psRow(now: number, c: Container, trunc: boolean): Record<string, string> {
  const command = [c.path, ...c.args].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.imageRef,
    Command: JSON.stringify(trunc ? ellipsis(command, 20) : command),
    RunningFor: `${humanDuration(Math.max(0, WALL + now - c.created))} ago`,
    Status: psStatus(now, c),
    Ports: displayPorts(c),
    Names: c.name,
    State: c.status,
    Networks: c.networks.join(','),
  };
}

/** `docker images` in Docker 29's default (tree) view, as printed when stdout is not a terminal. */
function cmdImages(p: Process, e: Engine, argv: string[]): number {
  const parsed = parseFlags(argv, [{ long: 'quiet', short: 'q' }, { long: 'all', short: 'a' }, { long: 'format', value: true }, { long: 'no-trunc' }]);
  if (parsed.error) return usageErr(p, 'images', parsed.error, 'images [OPTIONS] [REPOSITORY[:TAG]]');
  let imgs = e.images();
  if (parsed.args[0]) imgs = imgs.filter((i) => i.tags.some((t) => t.split(':')[0] === parsed.args[0] || t === parsed.args[0]));
  if (bool(parsed, 'quiet')) {
    const seen = new Set<string>();
    for (const i of [...imgs].sort((a, b) => b.created - a.created)) if (!seen.has(i.id)) {
      seen.add(i.id);
      p.stdout.write(`${shortId(i.id)}\n`);
    }
    return 0;
  }
  const containers = e.containers();
  const inUse = (id: string): boolean => containers.some((c) => c.imageId === id);
  const rows: { name: string; id: string; disk: string; content: string; used: boolean }[] = [];
  for (const i of imgs) {
    const names = [...i.tags].sort();
    if (!names.length) names.push('');
    for (const n of names) rows.push({ name: n, id: shortId(i.id), disk: humanSize(i.size), content: humanSize(i.contentSize), used: inUse(i.id) });
  }
  rows.sort((a, b) => (a.name === '' ? 1 : 0) - (b.name === '' ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const anyUse = rows.some((r) => r.used);
  const w0 = Math.max(5, ...rows.map((r) => (r.name || '<untagged>').length));
  const L = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - s.length));
  const R = (s: string, w: number): string => ' '.repeat(Math.max(0, w - s.length)) + s;
  let out = `${L('IMAGE', w0)}   ${L('ID', 12)}   ${R('DISK USAGE', 10)}   ${R('CONTENT SIZE', 12)}   ${L('EXTRA', 5)}\n`;
  for (const r of rows) out += `${L(r.name || '<untagged>', w0)}   ${L(r.id, 12)}   ${R(r.disk, 10)}   ${R(r.content, 12)}   ${L(anyUse ? (r.used ? 'U' : ' ') : '', 5)}\n`;
  p.stdout.write(out);
  return 0;
}

async function cmdPull(p: Process, e: Engine, argv: string[]): Promise<number> {
  const ref = argv.find((a) => !a.startsWith('-'));
  if (!ref) return usageErr(p, 'pull', `"docker pull" requires exactly 1 argument.`, 'pull [OPTIONS] NAME[:TAG|@DIGEST]');
  // cli/command/image/pull.go: a name without tag or digest gets `latest`, said on stdout.
  if (!/[:@][^/]*$/.test(ref)) p.stdout.write('Using default tag: latest\n');
  const img = e.image(ref);
  if (!img) return daemonErr(p, pullError(ref));
  const { tag } = { tag: familiar(ref).split(':').pop() };
  p.stdout.write(`${tag}: Pulling from library/${familiar(ref).split(':')[0]}\nDigest: sha256:${img.id.slice(7).split('').reverse().join('')}\nStatus: Image is up to date for ${familiar(ref)}\ndocker.io/library/${familiar(ref)}\n`);
  return 0;
}

function notFound(p: Process, what: string): number {
  p.stderr.write(`Error response from daemon: No such container: ${what}\n`);
  return 1;
}

async function cmdStartStop(p: Process, e: Engine, verb: 'start' | 'stop' | 'restart' | 'kill', argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, [{ long: 'attach', short: 'a' }, { long: 'interactive', short: 'i' }, { long: 'time', short: 't', value: true }, { long: 'timeout', value: true }, { long: 'signal', short: 's', value: true }]);
  if (parsed.error) return usageErr(p, verb, parsed.error, `${verb} [OPTIONS] CONTAINER [CONTAINER...]`);
  if (!parsed.args.length) return usageErr(p, verb, `docker: '${verb}' requires at least 1 argument.`, `${verb} [OPTIONS] CONTAINER [CONTAINER...]`);
  let rc = 0;
  const failed: string[] = [];
  for (const ref of parsed.args) {
    const c = e.container(ref);
    if (!c) {
      p.stderr.write(`Error response from daemon: No such container: ${ref}\n`);
      failed.push(ref);
      rc = 1;
      continue;
    }
    try {
      if (verb === 'stop' || verb === 'restart') await e.containerStop(c.id, p, Number(flag(parsed, 'time') ?? flag(parsed, 'timeout') ?? 10));
      if (verb === 'kill') await e.containerKill(c.id);
      if (verb === 'start' || verb === 'restart') {
        if (e.container(c.id)?.status === 'running') {
          p.stdout.write(`${ref}\n`);
          continue;
        }
        await e.containerStart(c.id, {});
      }
      p.stdout.write(`${ref}\n`);
    } catch (err) {
      daemonErr(p, err);
      failed.push(ref);
      rc = 1;
    }
  }
  if (verb === 'start' && failed.length) p.stderr.write(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return rc;
}

async function cmdRm(p: Process, e: Engine, argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, [{ long: 'force', short: 'f' }, { long: 'volumes', short: 'v' }]);
  if (parsed.error) return usageErr(p, 'rm', parsed.error, 'rm [OPTIONS] CONTAINER [CONTAINER...]');
  if (!parsed.args.length) return usageErr(p, 'rm', `docker: 'rm' requires at least 1 argument.`, 'rm [OPTIONS] CONTAINER [CONTAINER...]');
  let rc = 0;
  for (const ref of parsed.args) {
    const c = e.container(ref);
    if (!c) {
      rc = notFound(p, ref);
      continue;
    }
    try {
      await e.containerRemove(c.id, { force: bool(parsed, 'force'), ref });
      p.stdout.write(`${ref}\n`);
    } catch (err) {
      rc = daemonErr(p, err);
    }
  }
  return rc;
}

async function cmdExec(p: Process, e: Engine, argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, [{ long: 'interactive', short: 'i' }, { long: 'tty', short: 't' }, { long: 'detach', short: 'd' }, { long: 'env', short: 'e', value: true, multi: true }, { long: 'workdir', short: 'w', value: true }, { long: 'user', short: 'u', value: true }], false);
  if (parsed.error) return usageErr(p, 'exec', parsed.error, 'exec [OPTIONS] CONTAINER COMMAND [ARG...]');
  if (parsed.args.length < 2) return usageErr(p, 'exec', `docker: 'exec' requires at least 2 arguments.`, 'exec [OPTIONS] CONTAINER COMMAND [ARG...]');
  const c = e.container(parsed.args[0]);
  if (!c) return notFound(p, parsed.args[0]);
  try {
    return await e.containerExec(c.id, parsed.args.slice(1), {
      stdin: bool(parsed, 'interactive') ? p.stdin : devNullIn,
      stdout: p.stdout,
      stderr: p.stderr,
      env: parsed.flags.get('env'),
      workdir: flag(parsed, 'workdir'),
      tty: bool(parsed, 'tty'),
    });
  } catch (err) {
    return daemonErr(p, err);
  }
}

function cmdLogs(p: Process, e: Engine, argv: string[]): number {
  const parsed = parseFlags(argv, [{ long: 'follow', short: 'f' }, { long: 'tail', short: 'n', value: true }, { long: 'timestamps', short: 't' }]);
  if (parsed.error) return usageErr(p, 'logs', parsed.error, 'logs [OPTIONS] CONTAINER');
  if (parsed.args.length !== 1) return usageErr(p, 'logs', `docker: 'logs' requires 1 argument.`, 'logs [OPTIONS] CONTAINER');
  const c = e.container(parsed.args[0]);
  if (!c) return notFound(p, parsed.args[0]);
  for (const l of e.containerLogs(c.id)) (l.stream === 'stdout' ? p.stdout : p.stderr).write(l.text);
  return 0;
}

function cmdInspect(p: Process, e: Engine, argv: string[], kind?: 'container' | 'network' | 'image'): number {
  const parsed = parseFlags(argv, [{ long: 'format', short: 'f', value: true }, { long: 'type', value: true }, { long: 'size', short: 's' }]);
  if (parsed.error) return usageErr(p, 'inspect', parsed.error, 'inspect [OPTIONS] NAME|ID [NAME|ID...]');
  if (!parsed.args.length) return usageErr(p, 'inspect', `docker: 'inspect' requires at least 1 argument.`, 'inspect [OPTIONS] NAME|ID [NAME|ID...]');
  const docs: unknown[] = [];
  let rc = 0;
  for (const ref of parsed.args) {
    const c = kind === undefined || kind === 'container' ? e.container(ref) : undefined;
    const n = !c && (kind === undefined || kind === 'network') ? e.network(ref) : undefined;
    const i = !c && !n && (kind === undefined || kind === 'image') ? e.imageInspect(ref) : undefined;
    if (c) docs.push(e.containerInspect(c.id));
    else if (n) docs.push(e.networkInspect(n.id));
    else if (i) docs.push(i);
    else {
      p.stderr.write(kind === 'network' ? `Error response from daemon: network ${ref} not found\n` : `Error: No such object: ${ref}\n`);
      rc = 1;
    }
  }
  const fmt = flag(parsed, 'format');
  if (fmt !== undefined) {
    let out = '';
    for (const d of docs) {
      try {
        out += execTemplate(fmt, d) + '\n';
      } catch (err) {
        if (err instanceof TemplateError) {
          p.stdout.write(out);
          p.stderr.write(`template parsing error: ${err.message}\n`);
          return 1;
        }
        throw err;
      }
    }
    p.stdout.write(out);
    return rc;
  }
  p.stdout.write(JSON.stringify(docs, null, 4) + '\n');
  return rc;
}

async function cmdNetwork(p: Process, e: Engine, argv: string[]): Promise<number> {
  const sub = argv[0];
  const rest = argv.slice(1);
  switch (sub) {
    case 'ls':
    case 'list': {
      const parsed = parseFlags(rest, [{ long: 'quiet', short: 'q' }, { long: 'no-trunc' }, { long: 'format', value: true }]);
      if (parsed.error) return usageErr(p, 'network ls', parsed.error, 'network ls [OPTIONS]');
      const nets = e.networks().sort((a, b) => (a.name < b.name ? -1 : 1));
      if (bool(parsed, 'quiet')) {
        for (const n of nets) p.stdout.write(`${n.id.slice(0, 12)}\n`);
        return 0;
      }
      const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [n.id.slice(0, 12), n.name, n.driver, 'local'])];
      p.stdout.write(tabwrite(rows));
      return 0;
    }
    case 'create': {
      const parsed = parseFlags(rest, [{ long: 'driver', short: 'd', value: true }, { long: 'subnet', value: true }, { long: 'gateway', value: true }, { long: 'internal' }, { long: 'opt', short: 'o', value: true, multi: true }, { long: 'label', value: true, multi: true }]);
      if (parsed.error) return unsimulatedFlag(p, parsed.error, UNSIMULATED_NETWORK_FLAGS) ?? usageErr(p, 'network create', parsed.error, 'network create [OPTIONS] NETWORK');
      const drv = flag(parsed, 'driver');
      if (drv === 'macvlan' || drv === 'ipvlan') return notSimulated(p, `--driver ${drv}`);
      if (parsed.args.length !== 1) return usageErr(p, 'network create', `docker: 'docker network create' requires 1 argument`, 'network create [OPTIONS] NETWORK');
      // docker/cli opts.ConvertKVStringsToMap: KEY=VALUE, a bare KEY maps to "".
      const options: Record<string, string> = {};
      for (const o of parsed.flags.get('opt') ?? []) {
        const i = o.indexOf('=');
        options[i < 0 ? o : o.slice(0, i)] = i < 0 ? '' : o.slice(i + 1);
      }
      for (const k of Object.keys(options)) {
        if (UNSIMULATED_BRIDGE_OPTS.includes(k) || (k === BRIDGE_OPTS.gwMode4 && options[k] === 'isolated')) return notSimulated(p, `--opt ${k}=${options[k]}`);
      }
      try {
        const n = await e.networkCreate(parsed.args[0], { driver: flag(parsed, 'driver'), subnet: flag(parsed, 'subnet'), gateway: flag(parsed, 'gateway'), internal: bool(parsed, 'internal'), options });
        p.stdout.write(`${n.id}\n`);
        return 0;
      } catch (err) {
        return daemonErr(p, err);
      }
    }
    case 'inspect':
      return cmdInspect(p, e, rest, 'network');
    case 'rm':
    case 'remove': {
      let rc = 0;
      for (const ref of rest) {
        const n = e.network(ref);
        if (!n) {
          p.stderr.write(`Error response from daemon: network ${ref} not found\n`);
          rc = 1;
          continue;
        }
        try {
          await e.networkRemove(n.id);
          p.stdout.write(`${ref}\n`);
        } catch (err) {
          rc = daemonErr(p, err);
        }
      }
      return rc;
    }
    case 'connect':
    case 'disconnect': {
      const parsed = parseFlags(rest, [{ long: 'alias', value: true, multi: true }, { long: 'force', short: 'f' }, { long: 'ip', value: true }]);
      if (parsed.error || parsed.args.length !== 2) return usageErr(p, `network ${sub}`, parsed.error ?? `docker: 'docker network ${sub}' requires 2 arguments`, `network ${sub} [OPTIONS] NETWORK CONTAINER`);
      const n = e.network(parsed.args[0]);
      if (!n) {
        p.stderr.write(`Error response from daemon: network ${parsed.args[0]} not found\n`);
        return 1;
      }
      const c = e.container(parsed.args[1]);
      if (!c) return notFound(p, parsed.args[1]);
      try {
        if (sub === 'connect') await e.networkConnect(n.id, c.id, parsed.flags.get('alias') ?? []);
        else await e.networkDisconnect(n.id, c.id);
        return 0;
      } catch (err) {
        return daemonErr(p, err);
      }
    }
    default:
      p.stdout.write('\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun \'docker network COMMAND --help\' for more information on a command.\n');
      return sub === undefined ? 0 : 1;
  }
}

function cmdPort(p: Process, e: Engine, argv: string[]): number {
  if (!argv.length) return usageErr(p, 'port', `docker: 'port' requires at least 1 argument.`, 'port CONTAINER [PRIVATE_PORT[/PROTO]]');
  const c = e.container(argv[0]);
  if (!c) return notFound(p, argv[0]);
  const lines: string[] = [];
  const want = argv[1];
  for (const b of [...c.ports].sort((a, b2) => a.containerPort - b2.containerPort)) {
    const key = `${b.containerPort}/${b.proto}`;
    if (want && want !== key && want !== String(b.containerPort)) continue;
    const hosts = b.hostIp === '0.0.0.0' ? [`0.0.0.0:${b.hostPort}`, `[::]:${b.hostPort}`] : [`${b.hostIp}:${b.hostPort}`];
    for (const h of hosts) lines.push(want ? h : `${key} -> ${h}`);
  }
  if (want && !lines.length) {
    p.stderr.write(`Error: No public port '${want.includes('/') ? want : want + '/tcp'}' published for ${argv[0]}\n`);
    return 1;
  }
  p.stdout.write(lines.map((l) => l + '\n').join(''));
  return 0;
}

async function cmdBuild(p: Process, e: Engine, argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, [{ long: 'tag', short: 't', value: true, multi: true }, { long: 'file', short: 'f', value: true }, { long: 'quiet', short: 'q' }, { long: 'no-cache' }]);
  if (parsed.error) return usageErr(p, 'build', parsed.error, 'buildx build [OPTIONS] PATH | URL | -');
  if (parsed.args.length !== 1) return usageErr(p, 'build', `ERROR: docker: 'docker buildx build' requires 1 argument`, 'buildx build [OPTIONS] PATH | URL | -');
  const k = kernelOf(p);
  const ctxDir = parsed.args[0];
  const dockerfile = flag(parsed, 'file') ?? `${ctxDir.replace(/\/$/, '')}/Dockerfile`;
  let text: string;
  if (ctxDir === '-') text = await readAll(p);
  else {
    try {
      text = k.vfs.readFile(dockerfile, p.vfsCtx());
    } catch {
      p.stderr.write(`ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n`);
      return 1;
    }
  }
  const r = e.imageBuild(text, { tags: (parsed.flags.get('tag') ?? []).map(familiar), readFile: (path) => k.vfs.readFile(`${ctxDir}/${path}`, p.vfsCtx()) });
  p.stderr.write(r.log);
  if (!r.imageId) return 1;
  if (bool(parsed, 'quiet')) p.stdout.write(`${r.imageId}\n`);
  return 0;
}

/**
 * `docker version` (docker/cli v29.7.2 cli/command/system/version.go
 * defaultVersionTemplate through a tabwriter of minimum width 20). The
 * values: Engine 29.7.2 at moby tag docker-v29.7.2 (commit 6a43e3d, API
 * config.MaxAPIVersion 1.55, defaultMinAPIVersion 1.40, Go 1.26.5 from its
 * Dockerfile), the CLI at docker/cli v29.7.2 (commit a7dcaa6), containerd,
 * runc and docker-init at the versions that Dockerfile pins (CONTAINERD_VERSION
 * v2.3.3, RUNC_VERSION v1.4.3, TINI_VERSION v0.19.0) with their tags'
 * commits. Build times are the tags' commit times (the release builds' own
 * times are not in any source).
 */
const VERSION_TEXT = [
  ['Client: Docker Engine - Community', ''],
  [' Version:', '29.7.2'],
  [' API version:', '1.55'],
  [' Go version:', 'go1.26.5'],
  [' Git commit:', 'a7dcaa6'],
  [' Built:', 'Wed Aug  5 17:34:15 2026'],
  [' OS/Arch:', 'linux/amd64'],
  [' Context:', 'default'],
  ['', ''],
  ['Server: Docker Engine - Community', ''],
  [' Engine:', ''],
  ['  Version:', '29.7.2'],
  ['  API version:', '1.55 (minimum version 1.40)'],
  ['  Go version:', 'go1.26.5'],
  ['  Git commit:', '6a43e3d'],
  ['  Built:', 'Wed Aug  5 18:24:27 2026'],
  ['  OS/Arch:', 'linux/amd64'],
  ['  Experimental:', 'false'],
  [' containerd:', ''],
  ['  Version:', 'v2.3.3'],
  ['  GitCommit:', 'aad11006b869517fcd3009450b6f82da282e1a9b'],
  [' runc:', ''],
  ['  Version:', '1.4.3'],
  ['  GitCommit:', 'v1.4.3-0-gbb14dab'],
  [' docker-init:', ''],
  ['  Version:', '0.19.0'],
  ['  GitCommit:', 'de40ad0'],
]
  .map(([k, v]) => (v ? k.padEnd(20) + v : k))
  .join('\n') + '\n';

function cmdVersion(p: Process, argv: string[]): number {
  const parsed = parseFlags(argv, [{ long: 'format', short: 'f', value: true }]);
  if (parsed.error) return usageErr(p, 'version', parsed.error, 'version [OPTIONS]');
  if (flag(parsed, 'format') !== undefined) return notSimulated(p, 'version --format');
  p.stdout.write(VERSION_TEXT);
  return 0;
}

const SUMMARY: [string, string][] = [
  ['run', 'Create and run a new container from an image'],
  ['exec', 'Execute a command in a running container'],
  ['ps', 'List containers'],
  ['build', 'Build an image from a Dockerfile'],
  ['pull', 'Download an image from a registry'],
  ['images', 'List images'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['logs', 'Fetch the logs of a container'],
  ['network', 'Manage networks'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['rm', 'Remove one or more containers'],
  ['start', 'Start one or more stopped containers'],
  ['stop', 'Stop one or more running containers'],
];

function help(p: Process): number {
  p.stdout.write(
    '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n' +
      SUMMARY.map(([c, d]) => `  ${c.padEnd(11)} ${d}\n`).join('') +
      '\nRun \'docker COMMAND --help\' for more information on a command.\n',
  );
  return 0;
}

/** The `docker` program. */
export async function dockerMain(p: Process): Promise<number> {
  const argv = p.argv.slice(1);
  if (!argv.length || argv[0] === '--help' || argv[0] === 'help') return help(p);
  if (argv[0] === '--version' || argv[0] === '-v') {
    p.stdout.write('Docker version 29.7.2, build a7dcaa6\n');
    return 0;
  }
  const k = kernelOf(p);
  const e = dockerClient(k);
  if (!e || !k.vfs.tryLookup('/run/docker.sock')) {
    await e?.ready;
    if (!dockerClient(k) || !k.vfs.tryLookup('/run/docker.sock')) {
      p.stderr.write(NO_DAEMON);
      return 1;
    }
  }
  const engine = dockerClient(k)!;
  await engine.ready;
  let [cmd, ...rest] = argv;
  // `docker container ls` etc.
  if (cmd === 'container' && rest.length) {
    const map: Record<string, string> = { ls: 'ps', list: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop', rm: 'rm', inspect: 'inspect', logs: 'logs', exec: 'exec', port: 'port', kill: 'kill', restart: 'restart' };
    cmd = map[rest[0]] ?? rest[0];
    rest = rest.slice(1);
  } else if (cmd === 'image' && rest.length) {
    const map: Record<string, string> = { ls: 'images', list: 'images', pull: 'pull', build: 'build', inspect: 'inspect' };
    cmd = map[rest[0]] ?? rest[0];
    rest = rest.slice(1);
  }
  switch (cmd) {
    case 'run':
      return cmdRun(p, engine, rest);
    case 'create':
      return cmdRun(p, engine, rest, true);
    case 'ps':
      return cmdPs(p, engine, rest);
    case 'images':
      return cmdImages(p, engine, rest);
    case 'pull':
      return cmdPull(p, engine, rest);
    case 'build':
      return cmdBuild(p, engine, rest);
    case 'start':
    case 'stop':
    case 'restart':
    case 'kill':
      return cmdStartStop(p, engine, cmd, rest);
    case 'rm':
      return cmdRm(p, engine, rest);
    case 'exec':
      return cmdExec(p, engine, rest);
    case 'logs':
      return cmdLogs(p, engine, rest);
    case 'inspect':
      return cmdInspect(p, engine, rest);
    case 'network':
      return cmdNetwork(p, engine, rest);
    case 'port':
      return cmdPort(p, engine, rest);
    case 'version':
      return cmdVersion(p, rest);
    case 'swarm':
    case 'service':
    case 'stack':
    case 'node':
    case 'secret':
    case 'config':
      return notSimulated(p, cmd);
    default:
      p.stderr.write(`docker: unknown command: docker ${cmd}\n\nRun 'docker --help' for more information\n`);
      return 1;
  }
}

register({
  name: 'docker',
  summary: 'Docker CLI: run and manage containers on the host\'s Docker Engine (29.7.2)',
  usage: 'docker [OPTIONS] COMMAND',
  subcommands: ['run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'exec', 'logs', 'inspect', 'images', 'pull', 'build', 'network', 'port', 'version'],
  options: [
    { flag: '-d, --detach', desc: 'run: run the container in the background and print its ID' },
    { flag: '-i, --interactive', desc: 'run/exec: keep STDIN open' },
    { flag: '-t, --tty', desc: 'run/exec: allocate a pseudo-TTY' },
    { flag: '--rm', desc: 'run: remove the container when it exits' },
    { flag: '--name', arg: 'NAME', desc: 'run: name the container' },
    { flag: '-p, --publish', arg: '[IP:][HOSTPORT:]PORT[/PROTO]', desc: 'run: publish a container port on the host' },
    { flag: '-P, --publish-all', desc: 'run: publish every exposed port on a random host port' },
    { flag: '--network', arg: 'none|host|bridge|NAME|container:NAME', desc: 'run: the network to connect to' },
  { flag: '--network-alias', arg: 'NAME', desc: 'run: another name of the container on its user-defined network (network connect: --alias)' },
    { flag: '-e, --env', arg: 'KEY=VALUE', desc: 'run/exec: set an environment variable' },
    { flag: '-f, --format', arg: 'TEMPLATE', desc: 'inspect: Go template over the JSON' },
    { flag: '-o, --opt', arg: 'KEY=VALUE', desc: 'network create: bridge.name, bridge.enable_icc, bridge.enable_ip_masquerade, bridge.gateway_mode_ipv4 (nat, nat-unprotected, routed) are honoured; --internal too' },
    { flag: 'not simulated', desc: 'refused with "docker: OPTION is not simulated" (exit 125): run/create --dns, --ip, --add-host, -v, --privileged, --restart… ; network create --ipv6, --ip-range, --aux-address, -d macvlan|ipvlan, -o driver.mtu, bridge.host_binding_ipv4, gateway_mode_ipv4=isolated…; swarm, service, stack' },
  ],
  complete(p, words) {
    const e = dockerClient(kernelOf(p));
    if (words.length <= 2) return SUMMARY.map(([c]) => c).concat(['network', 'version', 'kill', 'restart']);
    if (!e) return [];
    if (words[1] === 'network') return ['ls', 'create', 'inspect', 'connect', 'disconnect', 'rm', ...e.networks().map((n) => n.name)];
    return [...e.containers().map((c) => c.name), ...e.images().flatMap((i) => i.tags)];
  },
  run: dockerMain,
});
