// conntrack (conntrack-tools 1.4.7): list, count, flush and delete entries of
// the namespace's connection tracking table. Summaries go to stderr exactly
// as the real tool prints them.

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { type CtEntry, type Tuple } from '../../kernel/netfilter/conntrack.ts';
import { nfOf } from '../../kernel/netfilter/netfilter.ts';
import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';

const V = 'conntrack v1.4.7 (conntrack-tools)';
const PROTO_NUM: Record<string, number> = { icmp: 1, tcp: 6, udp: 17 };

function tupleText(t: Tuple): string {
  let s = `src=${fmtIp4(t.src)} dst=${fmtIp4(t.dst)} `;
  if (t.proto === 'icmp') s += `type=${t.type ?? 0} code=${t.code ?? 0} id=${t.sport} `;
  else s += `sport=${t.sport} dport=${t.dport} `;
  return s;
}

/** inet_aton(): dotted quads with 1 to 4 parts (`1.2.3` is 1.2.0.3), each decimal, octal or hex. */
function inetAton(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(p)) return undefined;
    nums.push(/^0[xX]/.test(p) ? parseInt(p.slice(2), 16) : p.length > 1 && p.startsWith('0') ? parseInt(p, 8) : Number(p));
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  let v = 0;
  nums.forEach((n, i) => (v += n * 2 ** (24 - 8 * i)));
  return (v + last) >>> 0;
}

/** One entry as `conntrack -L` prints it. */
export function entryLine(e: CtEntry, now: number, extended: boolean): string {
  const t0 = e.tuple[0];
  let s = extended ? `${'ipv4'.padEnd(8)} 2 ` : '';
  s += `${t0.proto.padEnd(8)} ${PROTO_NUM[t0.proto]} ${Math.max(0, Math.floor((e.expires - now) / 1000))} `;
  if (e.tcpState) s += `${e.tcpState} `;
  s += tupleText(t0);
  if (!e.seenReply) s += '[UNREPLIED] ';
  s += tupleText(e.tuple[1]);
  if (e.assured) s += '[ASSURED] ';
  s += `mark=${e.mark} use=1\n`;
  return s;
}

async function conntrack(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let cmd: string | undefined;
  let proto: string | undefined;
  let src: number | undefined;
  let dst: number | undefined;
  let extended = false;
  let sport: number | undefined;
  let dport: number | undefined;
  let replySrc: number | undefined;
  let replyDst: number | undefined;
  let snatAddr: number | undefined;
  let dnatAddr: number | undefined;
  const missingArg = (opt: string): number => {
    p.stderr.write(`${V}: option \`${opt}' requires an argument\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '-L':
      case '--dump':
      case '-C':
      case '--count':
      case '-F':
      case '--flush':
      case '-D':
      case '--delete':
      case '-S':
      case '--stats':
        cmd = a.length === 2 ? a : ({ '--dump': '-L', '--count': '-C', '--flush': '-F', '--delete': '-D', '--stats': '-S' } as Record<string, string>)[a];
        break;
      case '-p':
      case '--proto':
        proto = args[++i];
        if (proto === undefined) return missingArg(a);
        break;
      case '-s':
      case '--src':
      case '--orig-src':
      case '-d':
      case '--dst':
      case '--orig-dst': {
        if (args[i + 1] === undefined) return missingArg(a);
        const v = parseIp4(args[++i] ?? '');
        if (v === undefined) {
          p.stderr.write(`${V}: Bad parameter \`${args[i]}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
          return 2;
        }
        if (a === '-s' || a === '--src' || a === '--orig-src') src = v;
        else dst = v;
        break;
      }
      case '-r':
      case '--reply-src':
      case '-q':
      case '--reply-dst': {
        if (i + 1 >= args.length) {
          p.stderr.write(`${V}: option \`${a}' requires an argument\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
          return 2;
        }
        const v = inetAton(args[++i]);
        if (v === undefined) {
          p.stderr.write(`${V}: Bad parameter \`${args[i]}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
          return 2;
        }
        if (a === '-r' || a === '--reply-src') replySrc = v;
        else replyDst = v;
        break;
      }
      case '--src-nat':
      case '--dst-nat': {
        // Optional address: the next word unless it is an option. conntrack
        // 1.4.7 filters on the NAT flag only together with an address.
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith('-')) {
          const v = inetAton(args[++i]);
          if (v === undefined) {
            p.stderr.write(`${V}: Bad parameter \`${args[i]}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
            return 2;
          }
          if (a === '--src-nat') snatAddr = v;
          else dnatAddr = v;
        }
        break;
      }
      case '-o':
      case '--output':
        if (args[i + 1] === undefined) return missingArg(a);
        extended = (args[++i] ?? '').split(',').includes('extended');
        break;
      case '-n':
      case '-g':
        break;
      case '--sport':
      case '--orig-port-src':
      case '--dport':
      case '--orig-port-dst': {
        if (args[i + 1] === undefined) return missingArg(a);
        const v = args[++i] ?? '';
        if (!/^\d+$/.test(v) || Number(v) > 65535) {
          p.stderr.write(`${V}: Bad parameter \`${v}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
          return 2;
        }
        if (a === '--sport' || a === '--orig-port-src') sport = Number(v);
        else dport = Number(v);
        break;
      }
      case '-V':
      case '--version':
        p.stdout.write(`${V}\n`);
        return 0;
      default:
        p.stderr.write(`${V}: Invalid option \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
        return 2;
    }
  }
  if (!cmd) cmd = '-L';
  const st = nfOf(nsOf(p));
  const now = kernelOf(p).clock.now;
  const pick = (e: CtEntry): boolean => (!proto || e.tuple[0].proto === proto) && (src === undefined || e.tuple[0].src === src) && (dst === undefined || e.tuple[0].dst === dst) && (sport === undefined || (e.tuple[0].proto !== 'icmp' && e.tuple[0].sport === sport)) && (dport === undefined || (e.tuple[0].proto !== 'icmp' && e.tuple[0].dport === dport)) &&
    (replySrc === undefined || e.tuple[1].src === replySrc) &&
    (replyDst === undefined || e.tuple[1].dst === replyDst) &&
    // IPS_SRC_NAT: the reply goes back to another address than the original source.
    (snatAddr === undefined || (e.tuple[1].dst !== e.tuple[0].src && e.tuple[1].dst === snatAddr)) &&
    (dnatAddr === undefined || (e.tuple[1].src !== e.tuple[0].dst && e.tuple[1].src === dnatAddr));
  switch (cmd) {
    case '-C':
      p.stdout.write(`${st.conntrack.count}\n`);
      return 0;
    case '-F':
      st.conntrack.flush();
      p.stderr.write(`${V}: connection tracking table has been emptied.\n`);
      return 0;
    case '-S':
      p.stdout.write(`cpu=0   \tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0 \n`);
      return 0;
    case '-D': {
      const hits = st.conntrack.list().filter(pick);
      let out = '';
      for (const e of hits) {
        out += entryLine(e, now, extended);
        st.conntrack.remove(e);
      }
      p.stdout.write(out);
      p.stderr.write(`${V}: ${hits.length} flow entries have been deleted.\n`);
      return hits.length ? 0 : 1;
    }
    default: {
      const hits = st.conntrack.list().filter(pick);
      p.stdout.write(hits.map((e) => entryLine(e, now, extended)).join(''));
      p.stderr.write(`${V}: ${hits.length} flow entries have been shown.\n`);
      return 0;
    }
  }
}

register({
  name: 'conntrack',
  summary: 'list and manage connection tracking entries',
  usage: 'conntrack -L|-C|-F|-D [-p PROTO] [-s ADDR] [-d ADDR] [-o extended]',
  options: [
    { flag: '-L, --dump', desc: 'list entries' },
    { flag: '-C, --count', desc: 'count entries' },
    { flag: '-F, --flush', desc: 'delete all entries' },
    { flag: '-D, --delete', desc: 'delete matching entries' },
    { flag: '-p', arg: 'PROTO', desc: 'only this protocol' },
    { flag: '-s, -d', arg: 'ADDR', desc: 'original source / destination' },
    { flag: '-r, --reply-src', arg: 'ADDR', desc: 'reply source' },
    { flag: '-q, --reply-dst', arg: 'ADDR', desc: 'reply destination' },
    { flag: '--src-nat', arg: '[ADDR]', desc: 'source-NATed to ADDR' },
    { flag: '--dst-nat', arg: '[ADDR]', desc: 'destination-NATed to ADDR' },
    { flag: '--sport, --dport', arg: 'PORT', desc: 'original source / destination port' },
    { flag: '-o', arg: 'extended', desc: 'output format' },
    { flag: '-n, -g', desc: 'with -L: no effect on the listing (as conntrack 1.4.7 lists every entry)' },
  ],
  run: conntrack,
});
