// host (BIND 9.18): one-line DNS answers. By default A, then AAAA and MX
// for the same name; an address is looked up as a PTR; `-t TYPE` asks for
// one type; `-v`/`-a` print the whole messages. Ignores /etc/hosts,
// applies the search list.

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import { DIG_VERSION } from './present.ts';
import type { Process } from '../../kernel/proc.ts';
import { defaultServers, toolConf, toolExchange } from './bindtool.ts';
import { queryId } from './client.ts';
import { searchCandidates } from './resolvconf.ts';
import { headerLines, questionLine, rrLine } from './present.ts';
import { CLASS_IN, RCODE, TYPE, canonName, fqdn, isIp4, isIp6, newMessage, rcodeName, rdataText, reverseName, typeFromName, typeName, type Message, type RR } from './wire.ts';

/** One answer record the way host words it. */
function say(r: RR): string {
  const n = canonName(r.name);
  const d = r.data;
  switch (d.type) {
    case 'A':
      return `${n} has address ${d.address}`;
    case 'AAAA':
      return `${n} has IPv6 address ${d.address}`;
    case 'CNAME':
      return `${n} is an alias for ${fqdn(d.target)}`;
    case 'MX':
      return `${n} mail is handled by ${d.preference} ${fqdn(d.exchange)}`;
    case 'NS':
      return `${n} name server ${fqdn(d.target)}`;
    case 'PTR':
      return `${n} domain name pointer ${fqdn(d.target)}`;
    case 'TXT':
      return `${n} descriptive text ${rdataText(d)}`;
    default:
      return `${n} has ${typeName(d.type === 'RAW' ? d.rtype : TYPE[d.type])} record ${rdataText(d)}`;
  }
}

function verbose(m: Message, qname: string, size: number, server: string, port: number, rtt: number): string {
  let s = `Trying "${qname}"\n${headerLines(m)}\n;; QUESTION SECTION:\n${m.questions.map(questionLine).join('\n')}\n\n`;
  const sec = (t: string, rrs: RR[]): void => {
    if (rrs.length) s += `;; ${t} SECTION:\n${rrs.map(rrLine).join('\n')}\n\n`;
  };
  sec('ANSWER', m.answers);
  sec('AUTHORITY', m.authority);
  sec('ADDITIONAL', m.additional);
  return `${s}Received ${size} bytes from ${server}#${port} in ${Math.round(rtt)} ms\n`;
}

/** host's usage (recorded from BIND 9.18's host). */
const HOST_USAGE = "Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n       -a is equivalent to -v -t ANY\n       -A is like -a but omits RRSIG, NSEC, NSEC3\n       -c specifies query class for non-IN data\n       -C compares SOA records on authoritative nameservers\n       -d is equivalent to -v\n       -l lists all hosts in a domain, using AXFR\n       -m set memory debugging flag (trace|record|usage)\n       -N changes the number of dots allowed before root lookup is done\n       -p specifies the port on the server to query\n       -r disables recursive processing\n       -R specifies number of retries for UDP packets\n       -s a SERVFAIL response should stop query\n       -t specifies the query type\n       -T enables TCP/IP mode\n       -U enables UDP mode\n       -v enables verbose output\n       -V print version number and exit\n       -w specifies to wait forever for a reply\n       -W specifies how long to wait for a reply\n       -4 use IPv4 query transport only\n       -6 use IPv6 query transport only\n";

/** Letters host 9.18 knows that the simulation does not model. */
const HOST_UNMODELLED = 'ACcilmNprsTUw6';
declareNotSimulated({ tool: 'host', kind: 'option', item: HOST_UNMODELLED.split('').map((c) => `-${c}`).join(' '), why: 'zone transfers, SOA comparison, classes other than IN, TCP and the other query switches are not modelled' });

async function host(p: Process): Promise<number> {
  let type: number | undefined;
  let isVerbose = false;
  let tries = 2;
  let timeout = 5;
  const pos: string[] = [];
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!'aAcCdilmNprsTUvVwW46tR'.includes(c)) {
          p.stderr.write(`host: illegal option -- ${c}\n${HOST_USAGE}`);
          return 1;
        }
        if (c === 'V') {
          p.stderr.write(`host ${DIG_VERSION}\n`);
          return 0;
        }
        if (HOST_UNMODELLED.includes(c) && !(c === 'c' && (a.slice(j + 1) || args[i + 1] || '').toUpperCase() === 'IN')) return refuseNotSimulated(p, 'host', `-${c}`);
        if (c === '4') continue;
        if (c === 'v' || c === 'd') isVerbose = true;
        else if (c === 'a') {
          isVerbose = true;
          type = TYPE.ANY;
        } else if (c === 't' || c === 'W' || c === 'R' || c === 'c' || c === 'N' || c === 'm') {
          const v = a.slice(j + 1) || args[++i];
          if (c === 't') {
            const t = v === undefined ? undefined : typeFromName(v);
            if (t === undefined) {
              p.stderr.write(`host: invalid type: ${v ?? ''}\n`);
              return 1;
            }
            type = t;
          } else if (c === 'W') timeout = Math.max(1, Number(v) || 5);
          else if (c === 'R') tries = Math.max(1, Number(v) || 1);
          break;
        }
      }
      continue;
    }
    pos.push(a);
  }
  if (!pos.length) {
    p.stderr.write(HOST_USAGE);
    return 1;
  }
  const target = pos[0];
  const rc = toolConf(p);
  const servers = pos[1] !== undefined ? [pos[1]] : defaultServers(rc);
  let out = '';
  if (pos[1] !== undefined) out += `Using domain server:\nName: ${pos[1]}\nAddress: ${pos[1]}#53\nAliases: \n\n`;
  const rev = isIp4(target) || isIp6(target) ? reverseName(target) : undefined;
  const types = rev ? [TYPE.PTR] : type !== undefined ? [type] : [TYPE.A, TYPE.AAAA, TYPE.MX];
  const names = rev ? [rev] : searchCandidates(target, rc);
  const log = (l: string): void => {
    p.stdout.write(`${out}${l}\n`);
    out = '';
  };
  let qname = names[0];
  for (let ti = 0; ti < types.length; ti++) {
    const t = types[ti];
    let m: Message | undefined;
    for (let i = 0; i < (ti === 0 ? names.length : 1); i++) {
      if (ti === 0) qname = names[i];
      const r = await toolExchange(
        p,
        servers,
        53,
        () => {
          const q = newMessage(queryId(p), { name: qname, type: t, cls: CLASS_IN });
          q.rd = true;
          return q;
        },
        { tries, timeoutMs: timeout * 1000, textname: qname },
        log,
      );
      if (r.kind === 'signal') return 130;
      if (r.kind === 'failed') {
        p.stdout.write(`${out};; no servers could be reached\n`);
        return 1;
      }
      m = r.ex.msg;
      if (isVerbose) out += verbose(m, qname, r.ex.size, r.server, 53, r.ex.rttMs);
      if (ti === 0 && m.rcode === RCODE.NXDOMAIN && i < names.length - 1) continue;
      break;
    }
    if (!m) break;
    if (m.rcode !== RCODE.NOERROR) {
      if (isVerbose) {
        p.stdout.write(out);
        return 1;
      }
      // host.c names the lookup as typed for NXDOMAIN, and the name it asked for other errors.
      const shown = m.rcode === RCODE.NXDOMAIN ? (rev ?? target) : canonName(m.questions[0]?.name ?? qname);
      p.stdout.write(`${out}Host ${shown} not found: ${m.rcode}(${rcodeName(m.rcode)})\n`);
      return 1;
    }
    if (isVerbose) continue;
    const shown = m.answers.filter((r) => (ti === 0 || r.data.type !== 'CNAME') && (t === TYPE.ANY || r.data.type === 'CNAME' || r.data.type === typeName(t) || (r.data.type === 'RAW' && r.data.rtype === t)));
    if (!shown.length && type !== undefined) out += `${canonName(qname)} has no ${typeName(t)} record\n`;
    for (const r of shown) out += `${say(r)}\n`;
  }
  p.stdout.write(out);
  return 0;
}

register({
  name: 'host',
  summary: 'DNS lookup in one line per record (ignores /etc/hosts)',
  usage: 'host [-t TYPE] [-v] [-a] NAME|ADDRESS [SERVER]',
  options: [
    { flag: '-t', arg: 'type', desc: 'record type (A, AAAA, CNAME, MX, NS, PTR, SOA, TXT, ANY)' },
    { flag: '-v', desc: 'verbose: print the whole messages' },
    { flag: '-a', desc: 'ask for ANY, verbosely' },
    { flag: '-W', arg: 'secs', desc: 'seconds to wait for a reply' },
    { flag: '-R', arg: 'n', desc: 'number of tries' },
  ],
  run: host,
});
