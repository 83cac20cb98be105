// coredns: the DNS server Kubernetes runs, configured by a Corefile
// (`-conf FILE`; otherwise ./Corefile, then /etc/coredns/Corefile) that
// names zone files. Runs in the foreground until interrupted (`coredns &`
// to keep the shell); the `log` plugin prints one line per query.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { NetNs } from '../../kernel/netns.ts';
import { KernelError } from '../../kernel/errno.ts';
import { readFileOf } from './client.ts';
import { coreConfig, parseCorefile, type CoreConfig } from './corefile.ts';
import { COREDNS, DnsServer } from './server.ts';
import { spawnDaemon } from './daemon.ts';
import { kubernetesZones } from './kubernetes.ts';
import { inClusterConfig } from '../../k8s/client.ts';

export const COREDNS_VERSION = 'CoreDNS-1.11.1';

/** Load and build a Corefile as process `p` sees the file system. */
export function loadCorefile(read: (path: string) => string | undefined, path: string): CoreConfig | string {
  const text = read(path);
  if (text === undefined) return `Error: open ${path}: no such file or directory`;
  const blocks = parseCorefile(text, path);
  if (typeof blocks === 'string') return blocks;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
  return coreConfig(blocks, read, dir);
}

/** Bind the configured sockets; an error text when one fails. */
function bindAll(server: DnsServer, cfg: CoreConfig): string | undefined {
  for (const a of cfg.bind) {
    try {
      server.listen(a, cfg.port);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      server.close();
      return `Listen: listen udp ${a === '0.0.0.0' ? '' : a}:${cfg.port}: bind: ${e.message.toLowerCase()}`;
    }
  }
  return undefined;
}

/**
 * Start CoreDNS as a background process of host `k` in `ns` from the
 * Corefile at `path` (what a lab's start state or an init system does).
 */
export function startCoreDns(k: Kernel, ns: NetNs, path = '/etc/coredns/Corefile'): DnsServer | string {
  const read = (f: string): string | undefined => {
    try {
      return k.vfs.readFile(f, { cwd: '/', netns: ns });
    } catch {
      return undefined;
    }
  };
  const cfg = loadCorefile(read, path);
  if (typeof cfg === 'string') return cfg;
  let server: DnsServer | undefined;
  const proc = spawnDaemon(k, ns, ['coredns', '-conf', path], undefined, () => server?.close());
  server = new DnsServer(proc, cfg.data, COREDNS);
  const err = bindAll(server, cfg);
  if (err) {
    proc.exit(1);
    return err;
  }
  return server;
}

async function coredns(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let conf: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^--/, '-');
    if (a === '-version') {
      p.stdout.write(`${COREDNS_VERSION}\nlinux/amd64, go1.21.1, ae2bbc2\n`);
      return 0;
    }
    if (a === '-conf') conf = args[++i];
    else if (a.startsWith('-conf=')) conf = a.slice(6);
    else if (a === '-dns.port') port = Number(args[++i]);
    else if (a.startsWith('-dns.port=')) port = Number(a.slice(10));
    else if (a === '-quiet') continue;
    else {
      p.stderr.write(`flag provided but not defined: ${args[i]}\n`);
      return 2;
    }
  }
  const read = (f: string): string | undefined => {
    const t = readFileOf(p, f.startsWith('/') ? f : `${p.cwd}/${f}`);
    return t === '' && !exists(p, f) ? undefined : t;
  };
  const path = conf ?? (read('Corefile') !== undefined ? 'Corefile' : '/etc/coredns/Corefile');
  const cfg = loadCorefile(read, path);
  if (typeof cfg === 'string') {
    p.stderr.write(`${cfg}\n`);
    return 1;
  }
  if (port !== undefined && Number.isInteger(port)) cfg.port = port;
  if (cfg.kubernetes) {
    // In a pod the plugin reaches the API server through the in-cluster config.
    const k = (p.netns as NetNs).kernel;
    const node = inClusterConfig(k);
    if (!node) {
      p.stderr.write('plugin/kubernetes: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable\n');
      return 1;
    }
    cfg.data.zones.push(...kubernetesZones(cfg.kubernetes, node.api, k.clock));
  }
  const server = new DnsServer(p, cfg.data, COREDNS);
  const err = bindAll(server, cfg);
  if (err) {
    p.stderr.write(`${err}\n`);
    return 1;
  }
  for (const z of cfg.zonesText) p.stdout.write(`${z}\n`);
  p.stdout.write(`${COREDNS_VERSION}\nlinux/amd64, go1.21.1, ae2bbc2\n`);
  server.onLog = cfg.log ? (line) => p.stdout.write(`${line}\n`) : undefined;
  server.logQueries = cfg.log;
  await p.wait(() => () => {});
  server.close();
  return 0;
}

function exists(p: Process, f: string): boolean {
  try {
    readFileOf(p, f);
    const v = (p.netns as NetNs).kernel.vfs;
    return v.tryLookup(f.startsWith('/') ? f : `${p.cwd}/${f}`) !== undefined;
  } catch {
    return false;
  }
}

register({
  name: 'coredns',
  summary: 'the DNS server of Kubernetes, configured by a Corefile and zone files',
  usage: 'coredns [-conf FILE] [-dns.port N]',
  options: [
    { flag: '-conf', arg: 'file', desc: 'Corefile to load (default ./Corefile, then /etc/coredns/Corefile)' },
    { flag: '-dns.port', arg: 'port', desc: 'port to listen on (default 53)' },
    { flag: '-version', desc: 'print the version' },
  ],
  run: coredns,
});
