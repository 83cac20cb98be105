// nslookup (BIND 9.18, non-interactive): ask the DNS server of
// /etc/resolv.conf (or the one given after the name). It ignores
// /etc/hosts; it applies the search list. By default it asks for A, then
// AAAA for the name the CNAME chain ends at; `-type=X` asks for X only.

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { defaultServers, toolConf, toolExchange } from './bindtool.ts';
import { queryId } from './client.ts';
import { chaseCnames } from './client.ts';
import { searchCandidates } from './resolvconf.ts';
import { CLASS_IN, RCODE, TYPE, canonName, isIp4, isIp6, newMessage, rcodeName, rdataText, reverseName, typeFromName, type Message, type RR } from './wire.ts';

/** nslookup's words before record data (nslookup.c rtypetext). */
const RTYPE_TEXT: Record<string, string> = { A: 'internet address = ', NS: 'nameserver = ', CNAME: 'canonical name = ', SOA: 'soa = ', PTR: 'name = ', MX: 'mail exchanger = ', TXT: 'text = ', AAAA: 'has AAAA address ', SRV: 'service = ' };

function section(rrs: RR[]): string {
  let s = '';
  for (const r of rrs) {
    const owner = canonName(r.name);
    const d = r.data;
    if (d.type === 'A' || d.type === 'AAAA') s += `Name:\t${owner}\nAddress: ${d.address}\n`;
    else if (d.type === 'SOA') s += `${owner}\n\torigin = ${canonName(d.mname)}\n\tmail addr = ${canonName(d.rname)}\n\tserial = ${d.serial}\n\trefresh = ${d.refresh}\n\tretry = ${d.retry}\n\texpire = ${d.expire}\n\tminimum = ${d.minimum}\n`;
    else s += `${owner}\t${RTYPE_TEXT[d.type] ?? `rdata_${d.type === 'RAW' ? d.rtype : 0} = `}${rdataText(d)}\n`;
  }
  return s;
}

/** nslookup options (BIND 9.18's setoption) that the simulation does not model. */
const NSLOOKUP_UNMODELLED = ['all', 'class', 'cl', 'domain', 'do', 'sil', 'silent', 'fail', 'ndots', 'vc', 'debug', 'deb', 'd2', 'defname', 'def'];
declareNotSimulated(
  { tool: 'nslookup', kind: 'option', item: 'interactive mode', why: 'give the name on the command line: nslookup NAME [SERVER]' },
  { tool: 'nslookup', kind: 'option', item: `-${NSLOOKUP_UNMODELLED.join(', -')}`, why: 'not modelled (only class IN; no debug output; UDP then TCP as needed)' },
);

async function nslookup(p: Process): Promise<number> {
  let type: number | undefined;
  let port = 53;
  const rc = toolConf(p);
  let timeout = rc.timeoutSet ? rc.timeout : 5;
  let tries = rc.attemptsSet ? rc.attempts : 3;
  let recurse = true;
  let search = true;
  const pos: string[] = [];
  for (const a of p.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1) {
      const [k, v] = a.slice(1).split('=', 2);
      const key = k.toLowerCase();
      if (['type', 'query', 'querytype', 'q', 'ty'].includes(key) && v !== undefined) {
        const t = typeFromName(v);
        if (t === undefined) {
          p.stdout.write(`unknown query type: ${v}\n`);
          continue;
        }
        type = t;
      } else if (key === 'port' && v) port = Number(v) || 53;
      else if (key === 'timeout' && v) timeout = Math.max(1, Number(v) || 5);
      else if ((key === 'retry' || key === 'ret') && v) tries = Math.max(1, Number(v) || 3);
      else if (key === 'norecurse' || key === 'norec') recurse = false;
      else if (key === 'nosearch' || key === 'nosea') search = false;
      else if (key === 'search' || key === 'sea') search = true;
      else if (key === 'recurse' || key === 'rec') recurse = true;
      else if (['nodebug', 'nodeb', 'nod2', 'novc', 'nofail', 'nodefname', 'nodef'].includes(key)) {
        // the defaults
      } else if (['class', 'cl'].includes(key) && (v ?? '').toUpperCase() === 'IN') {
        // the only class with data
      } else if (NSLOOKUP_UNMODELLED.includes(key)) return refuseNotSimulated(p, 'nslookup', `-${key}`);
      else p.stdout.write(`*** Invalid option: ${a.slice(1)}\n`);
      continue;
    }
    pos.push(a);
  }
  if (!pos.length) {
    return refuseNotSimulated(p, 'nslookup', 'interactive mode');
  }
  const target = pos[0];
  const servers = pos[1] !== undefined ? [pos[1]] : defaultServers(rc);
  const serverArg = pos[1];
  const defaultLookups = type === undefined;
  let names: string[];
  let qtype: number;
  const rev = isIp4(target) || isIp6(target) ? reverseName(target) : undefined;
  if (rev && defaultLookups) {
    names = [rev];
    qtype = TYPE.PTR;
  } else {
    names = search ? searchCandidates(target, rc) : [target.replace(/\.$/, '')];
    qtype = type ?? TYPE.A;
  }
  let out = '';
  let failed = false;
  const flushErr = (l: string): void => {
    p.stdout.write(`${l}\n`);
  };
  const mkQuery = (name: string, t: number) => (): Message => {
    const m = newMessage(queryId(p), { name, type: t, cls: CLASS_IN });
    m.rd = recurse;
    return m;
  };
  // First lookup (A or the requested type), walking the search list on NXDOMAIN.
  let reply: Message | undefined;
  let server = '';
  let qname = names[0];
  for (let i = 0; i < names.length; i++) {
    qname = names[i];
    const r = await toolExchange(p, servers, port, mkQuery(qname, qtype), { tries, timeoutMs: timeout * 1000, textname: target }, flushErr);
    if (r.kind === 'signal') return 130;
    if (r.kind === 'failed') {
      p.stdout.write(';; no servers could be reached\n\n');
      return 1;
    }
    // A search-list candidate (a suffix appended) the server refuses does not hide an earlier NXDOMAIN
    // (recorded: scenario 111); the name as typed, tried last, reports its own answer (kit scenario 27).
    if (reply && reply.rcode === RCODE.NXDOMAIN && r.ex.msg.rcode === RCODE.REFUSED && canonName(qname) !== canonName(target)) {
      qname = names[i - 1];
      break;
    }
    reply = r.ex.msg;
    server = r.server;
    if (reply.rcode === RCODE.NXDOMAIN && i < names.length - 1) continue;
    break;
  }
  const m = reply!;
  const header = (): string => `Server:\t\t${serverArg ?? server}\nAddress:\t${server}#${port}\n\n`;
  if (!defaultLookups || qtype === TYPE.A) out += header();
  if (m.rcode !== RCODE.NOERROR) {
    out += `** server can't find ${qname}: ${rcodeName(m.rcode)}\n`;
    p.stdout.write(`${out}\n`);
    return 1;
  }
  let aNoAnswer = false;
  if (!m.aa && (!defaultLookups || qtype === TYPE.A)) out += 'Non-authoritative answer:\n';
  if (m.answers.length) out += section(m.answers);
  else if (defaultLookups && qtype === TYPE.A) aNoAnswer = true;
  else out += `*** Can't find ${target}: No answer\n`;
  if (!m.aa && qtype !== TYPE.A && qtype !== TYPE.AAAA) out += `\nAuthoritative answers can be found from:\n${section(m.authority)}${section(m.additional)}`;
  p.stdout.write(out);
  out = '';
  if (defaultLookups && qtype === TYPE.A) {
    const aaaaName = chaseCnames(m.answers, qname).name;
    const r = await toolExchange(p, [server], port, mkQuery(aaaaName, TYPE.AAAA), { tries, timeoutMs: timeout * 1000, textname: aaaaName }, flushErr);
    if (r.kind === 'signal') return 130;
    if (r.kind === 'answer') {
      const m6 = r.ex.msg;
      if (m6.rcode !== RCODE.NOERROR) {
        out += `** server can't find ${aaaaName}: ${rcodeName(m6.rcode)}\n`;
        failed = true;
      } else if (m6.answers.length) out += section(m6.answers.filter((x) => x.data.type === 'AAAA'));
      else if (aNoAnswer) out += `*** Can't find ${aaaaName}: No answer\n`;
    }
  }
  p.stdout.write(`${out}\n`);
  return failed ? 1 : 0;
}

register({
  name: 'nslookup',
  summary: 'query the DNS server for a name (ignores /etc/hosts)',
  usage: 'nslookup [-type=TYPE] NAME [SERVER]',
  options: [
    { flag: '-type', arg: 'TYPE', desc: 'record type to ask for (A, AAAA, MX, NS, PTR, SOA, TXT, CNAME, ANY)' },
    { flag: '-port', arg: 'N', desc: 'server port' },
    { flag: '-timeout', arg: 'S', desc: 'seconds to wait for a reply' },
    { flag: '-retry', arg: 'N', desc: 'number of tries' },
  ],
  run: nslookup,
});
