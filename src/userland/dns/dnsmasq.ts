// dnsmasq 2.90 (the DNS part): a small caching forwarder that also answers
// for names given on its command line or in /etc/dnsmasq.conf
// (--host-record, --cname, --mx-host, --txt-record, --address), /etc/hosts
// and --addn-hosts files, with PTRs synthesised for host records. Names
// under --local=/domain/ that it does not know are NXDOMAIN; anything else
// goes to --server / /etc/resolv.conf upstreams, or is REFUSED when there
// are none. It forks into the background unless -d/-k.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { kernelOf } from '../lib/sys.ts';
import { parseHosts } from '../lib/resolve.ts';
import { hostOf } from '../coreutils/host.ts';
import { readFileOf } from './client.ts';
import { parseResolvConf } from './resolvconf.ts';
import { DNSMASQ, DnsServer, inDomain, ptrFor, type AuthZone, type ServerData } from './server.ts';
import { spawnDaemon } from './daemon.ts';
import { CLASS_IN, canonName, isIp4, isIp6, ip6Bytes, ip6Text, type RR } from './wire.ts';

/** Long options: name → takes an argument. */
const LONG: Record<string, boolean> = {
  'user': true, 'group': true, 'no-resolv': false, 'no-hosts': false, 'listen-address': true, 'bind-interfaces': false, 'bind-dynamic': false, 'local': true, 'server': true,
  'host-record': true, 'cname': true, 'mx-host': true, 'txt-record': true, 'srv-host': true, 'ptr-record': true, 'address': true, 'addn-hosts': true, 'pid-file': true, 'no-daemon': false, 'keep-in-foreground': false,
  'port': true, 'interface': true, 'except-interface': true, 'log-queries': false, 'conf-file': true, 'domain-needed': false, 'bogus-priv': false, 'cache-size': true,
  'no-negcache': false, 'log-facility': true, 'expand-hosts': false, 'domain': true, 'local-ttl': true, 'strict-order': false, 'no-poll': false, 'resolv-file': true, 'test': false, 'version': false, 'help': false,
};
const SHORT: Record<string, string> = { d: 'no-daemon', k: 'keep-in-foreground', u: 'user', a: 'listen-address', S: 'server', A: 'address', h: 'no-hosts', R: 'no-resolv', z: 'bind-interfaces', x: 'pid-file', p: 'port', q: 'log-queries', C: 'conf-file', H: 'addn-hosts', i: 'interface', T: 'local-ttl', r: 'resolv-file', v: 'version', w: 'help' };

/** Parse argv (and conf-file lines) into [option, value] pairs; a string is an error message. */
function parseArgs(args: string[]): [string, string][] | string {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!Object.hasOwn(LONG, name)) return `unrecognized option '${a}'`;
      if (LONG[name]) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return `option '--${name}' requires an argument`;
        out.push([name, v]);
      } else out.push([name, '']);
    } else if (a.startsWith('-') && a.length > 1) {
      const name = SHORT[a[1]];
      if (!name) return `invalid option -- '${a[1]}'`;
      if (LONG[name]) {
        const v = a.length > 2 ? a.slice(2) : args[++i];
        if (v === undefined) return `option requires an argument -- '${a[1]}'`;
        out.push([name, v]);
      } else out.push([name, '']);
    } else return `junk found in command line`;
  }
  return out;
}

/** Build the answering data from options and files. */
export function dnsmasqData(p: Process, opts: [string, string][]): ServerData & { listen: string[]; port: number; daemon: boolean; pidFile?: string; logQueries: boolean } | string {
  const records: RR[] = [];
  const ptrs: RR[] = [];
  const local: string[] = [];
  const forwarders: string[] = [];
  const listen: string[] = [];
  const wild: { domain: string; addr?: string }[] = [];
  let port = 53;
  let daemon = true;
  let noHosts = false;
  let noResolv = false;
  let ttl = 0;
  let pidFile: string | undefined;
  let logQueries = false;
  let resolvFile = '/etc/resolv.conf';
  const addn: string[] = [];
  const rr = (name: string, data: RR['data']): RR => ({ name: canonName(name), ttl, cls: CLASS_IN, data });
  for (const [k, v] of opts) {
    const parts = v.split(',');
    switch (k) {
      case 'no-resolv':
        noResolv = true;
        break;
      case 'no-hosts':
        noHosts = true;
        break;
      case 'listen-address':
        listen.push(...parts.filter(Boolean));
        break;
      case 'no-daemon':
      case 'keep-in-foreground':
        daemon = false;
        break;
      case 'port':
        port = Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `bad port`;
        break;
      case 'pid-file':
        pidFile = v;
        break;
      case 'log-queries':
        logQueries = true;
        break;
      case 'local-ttl':
        ttl = Number(v) || 0;
        break;
      case 'resolv-file':
        resolvFile = v;
        break;
      case 'addn-hosts':
        addn.push(v);
        break;
      case 'local':
      case 'server': {
        const m = /^\/(.*)\/([^/]*)$/.exec(v);
        if (m) {
          const doms = m[1].split('/').filter(Boolean);
          if (m[2] === '' || m[2] === '#') local.push(...doms);
          else forwarders.push(m[2].split('#')[0]);
        } else if (isIp4(v.split('#')[0])) forwarders.push(v.split('#')[0]);
        else return `bad address at line 0 of command line`;
        break;
      }
      case 'address': {
        const m = /^\/(.*)\/([^/]*)$/.exec(v);
        if (!m) return `bad address at line 0 of command line`;
        for (const d of m[1].split('/').filter(Boolean)) wild.push({ domain: canonName(d), addr: m[2] || undefined });
        break;
      }
      case 'host-record': {
        const names: string[] = [];
        let ttlHere: number | undefined;
        const addrs: RR['data'][] = [];
        for (const x of parts) {
          if (isIp4(x)) addrs.push({ type: 'A', address: x });
          else if (isIp6(x)) addrs.push({ type: 'AAAA', address: ip6Text(ip6Bytes(x)) });
          else if (/^\d+$/.test(x)) ttlHere = Number(x);
          else if (x) names.push(x);
        }
        if (!names.length || !addrs.length) return 'bad hostname at line 0 of command line';
        for (const n of names) for (const a of addrs) records.push({ ...rr(n, a), ttl: ttlHere ?? ttl });
        for (const a of addrs) ptrs.push(...ptrFor([{ ...rr(names[0], a), ttl: ttlHere ?? ttl }]));
        break;
      }
      case 'cname': {
        const xs = parts.filter(Boolean);
        let ttlHere = ttl;
        if (xs.length > 2 && /^\d+$/.test(xs[xs.length - 1])) ttlHere = Number(xs.pop());
        if (xs.length < 2) return 'bad CNAME at line 0 of command line';
        const target = xs.pop()!;
        for (const alias of xs) records.push({ ...rr(alias, { type: 'CNAME', target: canonName(target) }), ttl: ttlHere });
        break;
      }
      case 'mx-host': {
        const [name, target, pref] = parts;
        if (!name) return 'bad MX name at line 0 of command line';
        records.push(rr(name, { type: 'MX', preference: pref ? Number(pref) : 1, exchange: canonName(target || kernelOf(p).hostname) }));
        break;
      }
      case 'srv-host': {
        // --srv-host=_service._proto.[domain],[target[,port[,priority[,weight]]]]
        const [name, target, port, prio, weight] = parts;
        if (!name) return 'bad SRV record at line 0 of command line';
        const num = (x: string | undefined): number | undefined => (x === undefined || x === '' ? undefined : /^\d+$/.test(x) && Number(x) < 65536 ? Number(x) : NaN);
        const [po, pr, we] = [num(port), num(prio), num(weight)];
        if ([po, pr, we].some((x) => Number.isNaN(x))) return 'bad SRV record at line 0 of command line';
        // dnsmasq keeps SRV records in a list it prepends to: the last one given is answered first.
        const srv = rr(name, { type: 'SRV', priority: pr ?? 0, weight: we ?? 0, port: po ?? 1, target: canonName(target || '.') });
        const first = records.findIndex((x) => x.data.type === 'SRV' && canonName(x.name) === canonName(name));
        if (first >= 0) records.splice(first, 0, srv);
        else records.push(srv);
        break;
      }
      case 'ptr-record': {
        const [name, target] = parts;
        if (!name) return 'bad PTR record at line 0 of command line';
        records.push(rr(name, { type: 'PTR', target: canonName(target || '') }));
        break;
      }
      case 'txt-record': {
        const [name, ...texts] = parts;
        records.push(rr(name, { type: 'TXT', strings: texts.length ? [texts.join(',')].flatMap((t) => t.split(/","/)).map((t) => t.replace(/^"|"$/g, '')) : [] }));
        break;
      }
      default:
        break;
    }
  }
  const hostFiles = [...(noHosts ? [] : ['/etc/hosts']), ...addn];
  for (const f of hostFiles) {
    for (const h of parseHosts(readFileOf(p, f))) {
      const data: RR['data'] = h.family === 4 ? { type: 'A', address: h.addr } : { type: 'AAAA', address: ip6Text(ip6Bytes(h.addr)) };
      for (const n of h.names) records.push(rr(n, data));
      ptrs.push(...ptrFor([rr(h.names[0], data)]));
    }
  }
  if (!noResolv) forwarders.push(...parseResolvConf(readFileOf(p, resolvFile)).nameservers.filter((a) => !a.startsWith('127.') && isIp4(a)));
  // An address named by several host records points back to the first of them.
  const firstPtr = ptrs.filter((r, i) => ptrs.findIndex((x) => canonName(x.name) === canonName(r.name)) === i);
  const all = [...records, ...firstPtr];
  const zones: AuthZone[] = [];
  for (const d of local) zones.push({ origin: canonName(d), records: all.filter((r) => inDomain(r.name, d)) });
  for (const w of wild) {
    zones.push({
      origin: w.domain,
      records: all.filter((r) => inDomain(r.name, w.domain)),
      synth: w.addr ? (name) => [{ name, ttl, cls: CLASS_IN, data: isIp4(w.addr!) ? { type: 'A', address: w.addr! } : { type: 'AAAA', address: w.addr! } }] : undefined,
    });
  }
  const covered = (n: string): boolean => zones.some((z) => inDomain(n, z.origin));
  const byName = new Map<string, RR[]>();
  for (const r of all) {
    if (covered(r.name)) continue;
    const list = byName.get(r.name) ?? [];
    list.push(r);
    byName.set(r.name, list);
  }
  for (const [name, rs] of byName) zones.push({ origin: name, records: rs, exact: true });
  return { zones, forwarders, listen: listen.length ? listen : ['0.0.0.0'], port, daemon, pidFile, logQueries };
}

async function dnsmasq(p: Process): Promise<number> {
  let opts = parseArgs(p.argv.slice(1));
  if (typeof opts === 'string') {
    p.stderr.write(`dnsmasq: ${opts}\ndnsmasq: bad command line options: try --help\n`);
    return 1;
  }
  if (opts.some(([k]) => k === 'version')) {
    p.stdout.write('Dnsmasq version 2.90  Copyright (c) 2000-2024 Simon Kelley\n');
    return 0;
  }
  const confFile = opts.find(([k]) => k === 'conf-file')?.[1] ?? '/etc/dnsmasq.conf';
  const conf = readFileOf(p, confFile);
  if (conf) {
    const lines = conf.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).map((l) => `--${l}`);
    const more = parseArgs(lines);
    if (typeof more === 'string') {
      p.stderr.write(`dnsmasq: ${more} in ${confFile}\n`);
      return 1;
    }
    opts = [...more, ...opts];
  }
  const data = dnsmasqData(p, opts);
  if (typeof data === 'string') {
    p.stderr.write(`dnsmasq: ${data}\n`);
    return 1;
  }
  if (opts.some(([k]) => k === 'test')) {
    p.stderr.write('dnsmasq: syntax check OK.\n');
    return 0;
  }
  const k = kernelOf(p);
  let server: DnsServer | undefined;
  const argv = p.argv.slice();
  const stop = (): void => server?.close();
  const proc = data.daemon ? spawnDaemon(k, p.netns, argv, p, stop) : p;
  server = new DnsServer(proc, data, DNSMASQ);
  server.logQueries = data.logQueries;
  if (data.port !== 0) {
    for (const a of data.listen) {
      try {
        server.listen(a, data.port);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        server.close();
        if (proc !== p) proc.exit(2);
        p.stderr.write(`dnsmasq: failed to create listening socket for ${a === '0.0.0.0' ? `port ${data.port}` : a}: ${e.message}\n`);
        return 2;
      }
    }
  }
  if (data.pidFile) {
    try {
      hostOf(p).vfs.putFile(data.pidFile, `${proc.pid}\n`);
    } catch {
      /* like dnsmasq, an unwritable pid file is reported in the log only */
    }
  }
  if (proc !== p) return 0;
  await p.wait(() => () => {});
  stop();
  return 0;
}

register({
  name: 'dnsmasq',
  summary: 'a small DNS forwarder/server (local names from options, /etc/hosts, upstream servers)',
  usage: 'dnsmasq [--no-daemon] [--listen-address=ADDR] [--host-record=NAME,ADDR] [--cname=ALIAS,TARGET] [--local=/DOMAIN/] [--server=ADDR] ...',
  options: [
    { flag: '-d, --no-daemon', desc: 'stay in the foreground' },
    { flag: '--listen-address', arg: 'addr', desc: 'answer on this address (default: all)' },
    { flag: '--host-record', arg: 'name,addr', desc: 'A/AAAA (and PTR) record' },
    { flag: '--cname', arg: 'alias,target', desc: 'CNAME record' },
    { flag: '--mx-host', arg: 'name,host,pref', desc: 'MX record' },
    { flag: '--txt-record', arg: 'name,text', desc: 'TXT record' },
    { flag: '--srv-host', arg: '_svc._proto.domain,target,port,prio,weight', desc: 'SRV record (the target\'s addresses go in the additional section)' },
    { flag: '--ptr-record', arg: 'name,target', desc: 'PTR record' },
    { flag: '--address', arg: '/domain/addr', desc: 'every name under domain resolves to addr' },
    { flag: '--local', arg: '/domain/', desc: 'answer names under domain locally only (NXDOMAIN if unknown)' },
    { flag: '--server', arg: 'addr', desc: 'upstream server' },
    { flag: '--no-resolv, --no-hosts', desc: 'ignore /etc/resolv.conf upstreams / /etc/hosts' },
    { flag: '--pid-file', arg: 'path', desc: 'write the daemon pid here' },
  ],
  run: dnsmasq,
});
