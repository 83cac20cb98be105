// dig (BIND 9.18): ask a DNS server directly. It never reads /etc/hosts and
// by default does not apply the search list (+search does); the server is
// @server or the first `nameserver` of /etc/resolv.conf. Output is the full
// message (+short, +noall +answer, +nocmd, +nostats... select parts).

import { declareNotSimulated, refuseNotSimulated, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { kernelOf } from '../lib/sys.ts';
import { queryId } from './client.ts';
import { defaultServers, toolConf, toolExchange } from './bindtool.ts';
import { searchCandidates } from './resolvconf.ts';
import { DIG_VERSION, ednsLines, headerLines, questionLine, rrLine } from './present.ts';
import { CLASS_IN, RCODE, TYPE, newMessage, rdataText, reverseName, typeFromName, isIp4, isIp6, type Message } from './wire.ts';

const USAGE =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

/** Display and query switches (+opt / +noopt). */
interface DigOpts {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
  identify: boolean;
  search: boolean;
  recurse: boolean;
  tcp: boolean;
  edns: boolean;
  time: number;
  tries: number;
  ndots?: number;
}

/** One name to look up. */
interface Lookup {
  name: string;
  type?: number;
  reverse?: boolean;
}

const SWITCHES = ['all', 'cmd', 'comments', 'question', 'answer', 'authority', 'additional', 'stats', 'short', 'identify', 'search', 'recurse', 'tcp', 'vc', 'edns', 'cookie', 'adflag', 'cdflag', 'multiline', 'ttlid', 'class', 'qr', 'nssearch', 'trace', 'defname', 'besteffort', 'fail', 'ignore', 'aaonly', 'showsearch', 'onesoa', 'rrcomments', 'split', 'ttlunits', 'unknownformat', 'yaml', 'crypto', 'dnssec', 'expire', 'header-only', 'keepopen', 'keepalive', 'nsid', 'opcode', 'padding', 'qid', 'subnet', 'idnin', 'idnout', 'bufsize', 'time', 'tries', 'retry', 'ndots', 'domain'];

/** Switches dig's output and query follow here; every other one of dig 9.18's switches is refused. */
const HONOURED_SWITCHES = new Set(['all', 'cmd', 'comments', 'question', 'answer', 'authority', 'additional', 'stats', 'short', 'identify', 'search', 'recurse', 'tcp', 'vc', 'edns', 'time', 'tries', 'retry', 'ndots']);
for (const sw of SWITCHES) if (!HONOURED_SWITCHES.has(sw)) declareNotSimulated({ tool: 'dig', kind: 'option', item: `+[no]${sw}`, why: sw === 'trace' ? 'iterative resolution from the root is not simulated; query each server with @SERVER' : 'this query or display switch is not modelled' });

declareNotSimulated(
  { tool: 'dig', kind: 'option', item: '-b', why: 'choosing the source address is not modelled' },
  { tool: 'dig', kind: 'option', item: '-k', why: 'TSIG/SIG(0) keys are not modelled' },
  { tool: 'dig', kind: 'option', item: '-y', why: 'TSIG keys are not modelled' },
  { tool: 'dig', kind: 'option', item: '-f', why: 'batch files are not read; give the names on the command line' },
  { tool: 'dig', kind: 'option', item: '-6', why: 'IPv6 transport is not modelled' },
  { tool: 'dig', kind: 'option', item: '-m', why: 'memory debugging' },
  { tool: 'dig', kind: 'option', item: '-u', why: 'query times are shown in milliseconds' },
  { tool: 'dig', kind: 'option', item: '-c CLASS, CH, HS', why: 'only class IN has data' },
);

/** true when set; false when invalid; a number: refused (the status to exit with). */
function setSwitch(o: DigOpts, raw: string, p: Process): boolean | number {
  let s = raw.slice(1);
  let on = true;
  if (s.startsWith('no')) {
    on = false;
    s = s.slice(2);
  }
  const eq = s.indexOf('=');
  const key = eq < 0 ? s : s.slice(0, eq);
  const val = eq < 0 ? undefined : s.slice(eq + 1);
  const match = SWITCHES.find((w) => w === key) ?? (SWITCHES.filter((w) => w.startsWith(key)).length === 1 ? SWITCHES.find((w) => w.startsWith(key)) : undefined);
  if (!key || !match) return false;
  if (!HONOURED_SWITCHES.has(match)) return refuseNotSimulated(p, 'dig', `+${match}`);
  const num = (): number | undefined => (val !== undefined && /^\d+$/.test(val) ? Number(val) : undefined);
  switch (match) {
    case 'all':
      o.cmd = o.comments = o.question = o.answer = o.authority = o.additional = o.stats = on;
      break;
    case 'cmd':
    case 'comments':
    case 'question':
    case 'answer':
    case 'authority':
    case 'additional':
    case 'stats':
    case 'identify':
    case 'search':
    case 'recurse':
    case 'tcp':
    case 'edns':
      o[match] = on;
      break;
    case 'vc':
      o.tcp = on;
      break;
    case 'short':
      o.short = on;
      if (on) o.cmd = o.comments = o.question = o.authority = o.additional = o.stats = false;
      else o.cmd = o.comments = o.question = o.authority = o.additional = o.stats = o.answer = true;
      break;
    case 'time': {
      const n = num();
      if (n === undefined) return false;
      o.time = Math.max(1, n);
      break;
    }
    case 'tries': {
      const n = num();
      if (n === undefined) return false;
      o.tries = Math.max(1, n);
      break;
    }
    case 'retry': {
      const n = num();
      if (n === undefined) return false;
      o.tries = n + 1;
      break;
    }
    case 'ndots': {
      const n = num();
      if (n === undefined) return false;
      o.ndots = n;
      break;
    }
    default:
      void p;
  }
  return true;
}

/** Wall-clock text of `;; WHEN:` (virtual time from a fixed epoch; the kit normalises it). */
function whenText(ms: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const t = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((x) => String(x).padStart(2, '0')).join(':');
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${t} UTC ${d.getUTCFullYear()}`;
}

/** Build dig's query (RD, AD and EDNS with a client cookie, as 9.18 sends). */
function digQuery(p: Process, name: string, type: number, o: DigOpts): Message {
  const m = newMessage(queryId(p), { name, type, cls: CLASS_IN });
  m.rd = o.recurse;
  m.ad = true;
  if (o.edns) {
    const rng = kernelOf(p).rng;
    const cookie = Uint8Array.from({ length: 8 }, () => rng.int(0, 255));
    m.edns = { udpSize: 1232, version: 0, dnssecOk: false, options: [{ code: 10, data: cookie }] };
  }
  return m;
}

async function dig(p: Process): Promise<number> {
  const rc = toolConf(p);
  // resolv.conf `options timeout:/attempts:` set the defaults, +time/+tries override them.
  const o: DigOpts = { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true, short: false, identify: false, search: false, recurse: true, tcp: false, edns: true, time: rc.timeoutSet ? rc.timeout : 5, tries: rc.attemptsSet ? rc.attempts : 3 };
  const lookups: Lookup[] = [];
  let server: string | undefined;
  let port = 53;
  let pendingType: number | undefined;
  const args = p.argv.slice(1);
  const warn: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) {
      server = a.slice(1);
      continue;
    }
    if (a.startsWith('+')) {
      const sw = setSwitch(o, a, p);
      if (typeof sw === 'number') return sw;
      if (!sw) {
        p.stderr.write(`Invalid option: ${a}\n${USAGE}`);
        return 1;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const flag = a[1];
      const val = a.length > 2 ? a.slice(2) : args[++i];
      switch (flag) {
        case 'x': {
          const rev = val === undefined ? undefined : reverseName(val);
          if (!rev) {
            p.stderr.write(`dig: '${val ?? ''}' is not a legal IPv4 or IPv6 address\n`);
            return 10;
          }
          lookups.push({ name: rev, type: TYPE.PTR, reverse: true });
          break;
        }
        case 't': {
          const t = val === undefined ? undefined : typeFromName(val);
          if (t === undefined) warn.push(`;; Warning, ignoring invalid type ${val ?? ''}\n`);
          else if (lookups.length && lookups[lookups.length - 1].type === undefined) lookups[lookups.length - 1].type = t;
          else pendingType = t;
          break;
        }
        case 'p':
          port = Number(val) || 53;
          break;
        case 'q':
          if (val !== undefined) lookups.push({ name: val, type: pendingType });
          break;
        case 'c':
          // Only class IN has data here.
          if ((val ?? '').toUpperCase() !== 'IN') return refuseNotSimulated(p, 'dig', `-c ${val ?? ''}`.trim());
          break;
        case 'b':
        case 'k':
        case 'y':
        case 'f':
          return refuseNotSimulated(p, 'dig', `-${flag}`);
        case '4':
        case 'r':
          // IPv4 transport is the only one; no ~/.digrc is read.
          i -= a.length > 2 ? 0 : 1;
          break;
        case '6':
        case 'm':
        case 'u':
          return refuseNotSimulated(p, 'dig', `-${flag}`);
        case 'v':
          p.stderr.write(`DiG ${DIG_VERSION}\n`);
          return 0;
        case 'h':
          p.stdout.write(USAGE);
          return 0;
        default:
          p.stderr.write(`Invalid option: ${a}\n${USAGE}`);
          return 1;
      }
      continue;
    }
    const t = typeFromName(a);
    const last = lookups[lookups.length - 1];
    if (t !== undefined && !/^TYPE\d+$/i.test(a) && (last === undefined || last.type === undefined) && !(a.toUpperCase() === 'IN')) {
      if (last && last.type === undefined) last.type = t;
      else pendingType = t;
      continue;
    }
    if (a.toUpperCase() === 'IN') continue;
    if (a.toUpperCase() === 'CH' || a.toUpperCase() === 'HS') return refuseNotSimulated(p, 'dig', `class ${a.toUpperCase()}`);
    lookups.push({ name: a, type: pendingType });
    pendingType = undefined;
  }
  if (!lookups.length) lookups.push({ name: '', type: pendingType ?? TYPE.NS });
  for (const w of warn) p.stderr.write(w);
  let servers = server !== undefined ? [server] : defaultServers(rc);
  if (server !== undefined && !isIp4(server) && !isIp6(server)) {
    p.stderr.write(`dig: couldn't get address for '${server}': not found\n`);
    return 10;
  }
  if (o.ndots !== undefined) rc.ndots = o.ndots;
  const banner = `\n; <<>> DiG ${DIG_VERSION} <<>> ${p.argv.slice(1).join(' ')}\n${server !== undefined ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  let bannerShown = false;
  let status = 0;
  for (const lk of lookups) {
    const type = lk.type ?? TYPE.A;
    const names = o.search && !lk.reverse ? searchCandidates(lk.name, rc) : [lk.name.replace(/\.$/, '')];
    let out = '';
    for (let ci = 0; ci < names.length; ci++) {
      const qname = names[ci];
      const r = await toolExchange(p, servers, port, () => digQuery(p, qname, type, o), { tries: o.tries, timeoutMs: o.time * 1000, textname: lk.name }, (l) => p.stdout.write(`${l}\n`));
      if (r.kind === 'signal') return 130;
      if (r.kind === 'failed') {
        if (o.cmd && !r.setup && !bannerShown) {
          p.stdout.write(banner);
          bannerShown = true;
        }
        p.stdout.write(';; no servers could be reached\n');
        status = 9;
        break;
      }
      const m = r.ex.msg;
      if (o.search && ci < names.length - 1 && m.rcode === RCODE.NXDOMAIN) continue;
      if (o.cmd && !bannerShown) {
        p.stdout.write(banner);
        bannerShown = true;
      }
      out = formatReply(m, o, r.server, port, r.ex.size, r.ex.rttMs, kernelOf(p).clock.now);
      break;
    }
    p.stdout.write(out);
    servers = server !== undefined ? [server] : servers;
  }
  return status;
}

/** dig's printing of one reply. */
function formatReply(m: Message, o: DigOpts, server: string, port: number, size: number, rttMs: number, now: number): string {
  let s = '';
  if (o.short) {
    for (const r of m.answers) s += `${rdataText(r.data)}${o.identify ? ` from server ${server} in ${Math.round(rttMs)} ms.` : ''}\n`;
    return s;
  }
  if (o.comments) {
    s += ';; Got answer:\n';
    // BIND 9.18 warns when a name under .local (mDNS's domain) goes to a DNS server.
    const qn = (m.questions[0]?.name ?? '').toLowerCase().replace(/\.$/, '');
    if (qn === 'local' || qn.endsWith('.local')) s += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    s += headerLines(m, m.edns ? 1 : 0);
    if (m.rd && !m.ra) s += ';; WARNING: recursion requested but not available\n';
    s += '\n';
    if (m.edns) s += `;; OPT PSEUDOSECTION:\n${ednsLines(m)}`;
  }
  const section = (title: string, on: boolean, lines: string[], always = false): void => {
    if (!on || (!lines.length && !always)) return;
    if (o.comments) s += `;; ${title} SECTION:\n`;
    for (const l of lines) s += `${l}\n`;
    if (o.comments) s += '\n';
  };
  section('QUESTION', o.question, m.questions.map(questionLine), true);
  section('ANSWER', o.answer, m.answers.map(rrLine));
  section('AUTHORITY', o.authority, m.authority.map(rrLine));
  section('ADDITIONAL', o.additional, m.additional.map(rrLine));
  if (o.stats) {
    s += `;; Query time: ${Math.round(rttMs)} msec\n`;
    s += `;; SERVER: ${server}#${port}(${server}) (${o.tcp ? 'TCP' : 'UDP'})\n`;
    s += `;; WHEN: ${whenText(now)}\n`;
    s += `;; MSG SIZE  rcvd: ${size}\n\n`;
  }
  return s;
}


register({
  name: 'dig',
  summary: 'query a DNS server directly (ignores /etc/hosts)',
  usage: 'dig [@server] [-t type] [-x addr] [-p port] name [type] [+short] [+noall +answer] [+search] ...',
  options: [
    { flag: '@server', desc: 'ask this server instead of the first nameserver of /etc/resolv.conf' },
    { flag: '-t', arg: 'type', desc: 'record type (A, AAAA, CNAME, MX, NS, PTR, SOA, TXT, SRV, ANY)' },
    { flag: '-x', arg: 'addr', desc: 'reverse lookup: PTR query for the address' },
    { flag: '-p', arg: 'port', desc: 'server port (default 53)' },
    { flag: '+short', desc: 'print only the answer data' },
    { flag: '+noall +answer', desc: 'print only the answer section' },
    { flag: '+search', desc: 'apply the search list of /etc/resolv.conf' },
    { flag: '+nocmd, +nostats, +nocomments, +noquestion', desc: 'leave out parts of the output' },
    { flag: '+time=T, +tries=N', desc: 'seconds per try and number of tries' },
  ],
  run: dig,
});
