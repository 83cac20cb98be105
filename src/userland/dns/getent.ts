// getent (glibc 2.36): look keys up through NSS, i.e. the system resolver
// every program uses: `hosts` (gethostbyaddr, or gethostbyname2 for IPv6
// then IPv4), `ahosts`/`ahostsv4`/`ahostsv6` (getaddrinfo, one line per
// socket type), and the plain files databases. Exit 2 when a key is not found.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { getHostByAddr, getHostByName, parseHosts, resolveHost, type HostEntry } from '../lib/resolve.ts';
import { readFileOf } from './client.ts';
import { isIp4, isIp6, ip6Bytes, ip6Text } from './wire.ts';

const TRY = "Try `getent --help' or `getent --usage' for more information.\n";

function hostLine(h: HostEntry): string {
  return h.addrs.map((a) => `${a.padEnd(15)} ${[h.name, ...h.aliases].join(' ')}\n`).join('');
}

async function hosts(p: Process, keys: string[]): Promise<number> {
  if (!keys.length) {
    for (const h of parseHosts(readFileOf(p, '/etc/hosts'))) p.stdout.write(`${h.addr.padEnd(15)} ${h.names.join(' ')}\n`);
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    let h: HostEntry | string;
    if (isIp6(key)) h = await getHostByAddr(p, ip6Text(ip6Bytes(key)));
    else if (isIp4(key)) h = await getHostByAddr(p, key);
    else {
      h = await getHostByName(p, key, 6);
      if (typeof h === 'string') h = await getHostByName(p, key, 4);
    }
    if (p.interrupted) return 130;
    if (typeof h === 'string') status = 2;
    else p.stdout.write(hostLine(h));
  }
  return status;
}

async function ahosts(p: Process, keys: string[], family: 0 | 4 | 6): Promise<number> {
  if (!keys.length) return hosts(p, keys);
  let status = 0;
  for (const key of keys) {
    const r = await resolveHost(p, key, family);
    if (p.interrupted) return 130;
    if (typeof r === 'string') {
      status = 2;
      continue;
    }
    let first = true;
    for (const a of r) {
      for (const st of ['STREAM', 'DGRAM ', 'RAW   ']) {
        p.stdout.write(`${a.addr.padEnd(15)} ${st} ${first ? a.canonical : ''}\n`);
        first = false;
      }
    }
  }
  return status;
}

/** services/protocols: key is the name, an alias, or the number (`domain`, `53/udp`, `17`); printed as getent formats them. */
function netdb(p: Process, path: string, keys: string[], kind: 'services' | 'protocols'): number {
  const entries = readFileOf(p, path)
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
    .filter((f) => f.length >= 2 && f[0]);
  const line = (f: string[]): string => `${f[0].padEnd(21)} ${f[1]}${f.slice(2).map((a) => ` ${a}`).join('')}\n`;
  if (!keys.length) {
    for (const f of entries) p.stdout.write(line(f));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    const [k, proto] = key.split('/');
    const hit = entries.find((f) => (f[0] === k || f.slice(2).includes(k) || f[1].split('/')[0] === k) && (kind === 'protocols' || !proto || f[1].split('/')[1] === proto));
    if (hit) p.stdout.write(line(hit));
    else status = 2;
  }
  return status;
}

/** passwd/group/networks: key matches the first field or (passwd/group) the numeric id. */
function files(p: Process, path: string, keys: string[], sep: RegExp, numField?: number): number {
  const lines = readFileOf(p, path)
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'));
  if (!keys.length) {
    for (const l of lines) p.stdout.write(`${l}\n`);
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    const hit = lines.find((l) => {
      const f = l.trim().split(sep);
      return f[0] === key || (numField !== undefined && f[numField] === key);
    });
    if (hit) p.stdout.write(`${hit}\n`);
    else status = 2;
  }
  return status;
}

async function getent(p: Process): Promise<number> {
  const args = p.argv.slice(1).filter((a) => !/^-s/.test(a) && a !== '-i' && a !== '--no-idn');
  if (args[0] === '--help' || args[0] === '-?') {
    p.stdout.write('Usage: getent [OPTION...] database [key ...]\nGet entries from administrative database.\n');
    return 0;
  }
  if (!args.length) {
    p.stderr.write(`getent: wrong number of arguments\n${TRY}`);
    return 1;
  }
  const [db, ...keys] = args;
  switch (db) {
    case 'hosts':
      return hosts(p, keys);
    case 'ahosts':
      return ahosts(p, keys, 0);
    case 'ahostsv4':
      return ahosts(p, keys, 4);
    case 'ahostsv6':
      return ahosts(p, keys, 6);
    case 'passwd':
      return files(p, '/etc/passwd', keys, /:/, 2);
    case 'group':
      return files(p, '/etc/group', keys, /:/, 2);
    case 'services':
      return netdb(p, '/etc/services', keys, 'services');
    case 'protocols':
      return netdb(p, '/etc/protocols', keys, 'protocols');
    case 'networks':
      return files(p, '/etc/networks', keys, /\s+/);
    default:
      p.stderr.write(`Unknown database: ${db}\n`);
      p.stdout.write(TRY);
      return 1;
  }
}

register({
  name: 'getent',
  summary: 'look up names through the system resolver (NSS: /etc/nsswitch.conf, /etc/hosts, DNS)',
  usage: 'getent DATABASE [KEY...]   (hosts, ahosts, ahostsv4, ahostsv6, services, protocols, passwd, group)',
  subcommands: ['hosts', 'ahosts', 'ahostsv4', 'ahostsv6', 'services', 'protocols', 'passwd', 'group', 'networks'],
  run: getent,
});
