// CoreDNS's Corefile: server blocks `ZONE[:PORT] [ZONE...] { plugin args... }`
// with optional nested blocks, `#` comments. The plugins modelled are the
// ones the course uses: file (a zone file), hosts (a hosts file and inline
// entries, optional `fallthrough`), forward, log, errors and the no-op
// health/ready/cache/reload/loop/loadbalance/prometheus.

import { canonName, CLASS_IN, isIp4, isIp6, ip6Bytes, ip6Text, type RR } from './wire.ts';
import { parseZone } from './zonefile.ts';
import { parseHosts } from '../lib/resolve.ts';
import { ptrFor, type AuthZone, type ServerData } from './server.ts';

/** One directive of a server block. */
export interface Directive {
  name: string;
  args: string[];
  block: string[][];
}

/** A server block. */
export interface ServerBlock {
  zones: string[];
  port: number;
  directives: Directive[];
}

/** Tokenise, keeping `{`, `}` and line ends. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const re = /"([^"]*)"|([{}])|([^\s{}"]+)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
    out.push('\n');
  }
  return out;
}

/** Parse a Corefile; a string result is the error CoreDNS prints. */
export function parseCorefile(text: string, path = 'Corefile'): ServerBlock[] | string {
  const t = tokens(text);
  const blocks: ServerBlock[] = [];
  let i = 0;
  const skipNl = (): void => {
    while (t[i] === '\n') i++;
  };
  for (let guard = 0; guard < 1000; guard++) {
    skipNl();
    if (i >= t.length) break;
    const keys: string[] = [];
    while (i < t.length && t[i] !== '{' && t[i] !== '\n') keys.push(t[i++]);
    skipNl();
    if (t[i] !== '{') return `${path}:${lineOf(t, i)} - Error during parsing: Expected '{' after server block keys`;
    i++;
    const zones: string[] = [];
    let port = 53;
    for (const k of keys) {
      const m = /^(?:dns:\/\/)?([^:]*)(?::(\d+))?$/.exec(k);
      if (!m) return `${path}: bad server key ${k}`;
      zones.push(canonName(m[1] === '.' ? '' : m[1]));
      if (m[2]) port = Number(m[2]);
    }
    const directives: Directive[] = [];
    for (let g2 = 0; g2 < 10000; g2++) {
      skipNl();
      if (i >= t.length) return `${path}:${lineOf(t, i)} - Error during parsing: Unexpected EOF`;
      if (t[i] === '}') {
        i++;
        break;
      }
      const name = t[i++];
      const args: string[] = [];
      while (i < t.length && t[i] !== '\n' && t[i] !== '{' && t[i] !== '}') args.push(t[i++]);
      const block: string[][] = [];
      if (t[i] === '{') {
        i++;
        let cur: string[] = [];
        for (let g3 = 0; g3 < 10000 && i < t.length && t[i] !== '}'; g3++) {
          if (t[i] === '\n') {
            if (cur.length) block.push(cur);
            cur = [];
          } else cur.push(t[i]);
          i++;
        }
        if (cur.length) block.push(cur);
        i++;
      }
      directives.push({ name, args, block });
    }
    blocks.push({ zones, port, directives });
  }
  return blocks;
}

function lineOf(t: string[], i: number): number {
  return t.slice(0, i).filter((x) => x === '\n').length + 1;
}

/** Plugins the simulation knows (others are a startup error, as in CoreDNS). */
const KNOWN = new Set(['file', 'hosts', 'forward', 'log', 'errors', 'health', 'ready', 'cache', 'reload', 'loop', 'loadbalance', 'prometheus', 'bind', 'whoami', 'debug', 'kubernetes']);

/** What a Corefile configures: answering data per port, listen addresses, logging. */
export interface CoreConfig {
  data: ServerData;
  port: number;
  bind: string[];
  log: boolean;
  zonesText: string[];
  /** The `kubernetes` plugin's settings (its records come from the API server at query time). */
  kubernetes?: KubernetesConf;
}

/** `kubernetes ZONES { pods MODE; ttl N; fallthrough ZONES }`. */
export interface KubernetesConf {
  zones: string[];
  ttl: number;
  pods: 'disabled' | 'insecure' | 'verified';
  fallthrough?: string[];
}

/** Build the server's data from the blocks; `read` returns file text or undefined. */
export function coreConfig(blocks: ServerBlock[], read: (path: string) => string | undefined, corefileDir = '/etc/coredns'): CoreConfig | string {
  const zones: AuthZone[] = [];
  const forwarders: string[] = [];
  const forwardFor: string[] = [];
  const bind: string[] = [];
  let log = false;
  let kubernetes: KubernetesConf | undefined;
  let port = 53;
  const zonesText: string[] = [];
  for (const b of blocks) {
    port = b.port;
    zonesText.push(`${b.zones.map((z) => (z === '' ? '.' : `${z}.`)).join(' ')}:${b.port}`);
    for (const d of b.directives) {
      if (!KNOWN.has(d.name)) return `Error during parsing: Unknown directive '${d.name}'`;
      switch (d.name) {
        case 'file': {
          const f = d.args[0];
          if (!f) return 'plugin/file: Wrong argument count or unexpected line ending';
          const path = f.startsWith('/') ? f : `${corefileDir}/${f}`;
          const text = read(path);
          if (text === undefined) return `plugin/file: open ${f}: no such file or directory`;
          const origins = d.args.length > 1 ? d.args.slice(1).map(canonName) : b.zones;
          for (const o of origins) {
            const z = parseZone(text, o);
            if (z.errors.length) return `plugin/file: ${path}: ${z.errors[0]}`;
            if (!z.records.some((r) => r.data.type === 'SOA')) return `plugin/file: ${path}: no SOA record for zone ${o}.`;
            zones.push({ origin: z.origin, records: z.records });
          }
          break;
        }
        case 'hosts': {
          const f = d.args[0] && !isIp4(d.args[0]) ? d.args[0] : '/etc/hosts';
          const text = read(f.startsWith('/') ? f : `${corefileDir}/${f}`) ?? '';
          const fall = d.block.some((l) => l[0] === 'fallthrough');
          const inline = d.block.filter((l) => l[0] !== 'fallthrough' && l[0] !== 'ttl' && l[0] !== 'reload' && l[0] !== 'no_reverse').map((l) => l.join(' ')).join('\n');
          const ttlLine = d.block.find((l) => l[0] === 'ttl');
          const ttl = ttlLine ? Number(ttlLine[1]) || 3600 : 3600;
          const recs: RR[] = [];
          for (const h of [...parseHosts(inline), ...parseHosts(text)]) {
            for (const n of h.names) recs.push({ name: canonName(n), ttl, cls: CLASS_IN, data: h.family === 4 ? { type: 'A', address: h.addr } : { type: 'AAAA', address: ip6Text(ip6Bytes(h.addr)) } });
          }
          const all = [...recs, ...ptrFor(recs)];
          if (fall) {
            const names = [...new Set(all.map((r) => r.name))];
            for (const n of names) zones.push({ origin: n, records: all.filter((r) => r.name === n), exact: true });
          } else for (const o of b.zones) zones.push({ origin: o, records: all });
          break;
        }
        case 'forward': {
          const [from, ...to] = d.args;
          if (!from || !to.length) return 'plugin/forward: Wrong argument count or unexpected line ending';
          for (const x of to) {
            const a = x.replace(/^dns:\/\//, '').split(':')[0];
            if (isIp4(a)) forwarders.push(a);
            else if (!isIp6(a) && !x.startsWith('/')) return `plugin/forward: not an IP address or file: "${x}"`;
            else if (x.startsWith('/')) {
              for (const line of (read(x) ?? '').split('\n')) {
                const m = /^nameserver[ \t]+(\S+)/.exec(line);
                if (m && isIp4(m[1])) forwarders.push(m[1]);
              }
            }
          }
          forwardFor.push(from === '.' ? '' : canonName(from));
          break;
        }
        case 'log':
          log = true;
          break;
        case 'kubernetes': {
          const ttlLine = d.block.find((l) => l[0] === 'ttl');
          const pods = d.block.find((l) => l[0] === 'pods')?.[1];
          const fall = d.block.find((l) => l[0] === 'fallthrough');
          kubernetes = {
            zones: d.args.length ? d.args.map(canonName) : b.zones,
            ttl: ttlLine ? Number(ttlLine[1]) : 5,
            pods: pods === 'insecure' || pods === 'verified' ? pods : 'disabled',
            fallthrough: fall ? fall.slice(1).map(canonName) : undefined,
          };
          break;
        }
        case 'bind':
          bind.push(...d.args.filter(isIp4));
          break;
        default:
          break;
      }
    }
  }
  return { data: { zones, forwarders, forwardFor }, port, bind: bind.length ? bind : ['0.0.0.0'], log, zonesText, kubernetes };
}
