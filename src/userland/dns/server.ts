// The answering logic shared by the simulated name servers (CoreDNS and
// dnsmasq): authoritative data for some domains, CNAME chasing, NXDOMAIN vs
// NODATA, forwarding everything else to upstream servers, and the small
// differences between the two programs that show in dig's output (the AA
// flag on negative answers, SOA in the authority section, RA, EDE, name
// compression inside RDATA).
//
//   query ─> decode ─> zone for qname? ─yes─> answer from records (chase CNAMEs)
//                           │ no
//                           └─> forwarders? ─yes─> relay upstream (new id)
//                                    │ no
//                                    └─> REFUSED

import type { Process } from '../../kernel/proc.ts';
import { transport, type DnsListener, type ServerRequest } from './transport.ts';
import { exchange, queryId } from './client.ts';
import { CLASS_IN, RCODE, TYPE, canonName, decode, encode, newMessage, rcodeName, rdataType, reverseName, typeName, type Message, type RR } from './wire.ts';

/** How a server program differs in what it puts in answers. */
export interface Flavour {
  /** Set AA and add the zone's SOA on NXDOMAIN/NODATA (CoreDNS file plugin); dnsmasq does neither. */
  negativeSoa: boolean;
  /** Advertise recursion (RA): dnsmasq yes, CoreDNS's file plugin no. */
  ra: boolean;
  /** Extended DNS Error 14 (Not Ready) on REFUSED, as dnsmasq 2.90 adds. */
  refusedEde: boolean;
  /** Compress names inside RDATA (CoreDNS yes, dnsmasq no). */
  compressRdata: boolean;
  /** EDNS UDP size advertised in replies. */
  ednsUdp: number;
}

export const DNSMASQ: Flavour = { negativeSoa: false, ra: true, refusedEde: true, compressRdata: false, ednsUdp: 1232 };
export const COREDNS: Flavour = { negativeSoa: true, ra: false, refusedEde: false, compressRdata: true, ednsUdp: 1232 };

/** A domain the server answers for from its own data. */
export interface AuthZone {
  origin: string;
  records: RR[];
  /** Only the origin itself, not names below it (dnsmasq's single host records). */
  exact?: boolean;
  /** Records made up for any name in the zone that has none (dnsmasq --address=/domain/addr). */
  synth?: (name: string) => RR[];
  /** Names that exist without records (empty non-terminals a synthesising zone knows of): NODATA, not NXDOMAIN. */
  exists?: (name: string) => boolean;
  /** A synthesising zone with nothing for a name passes the query on (CoreDNS `fallthrough`). */
  fallthrough?: boolean;
  /**
   * A CNAME to a name no local zone holds is completed by looking the target
   * up through the whole server, forwarders included (CoreDNS kubernetes
   * plugin: ExternalName targets via its Upstream), answers after the CNAME.
   */
  upstreamCname?: boolean;
}

/** Everything a server answers from. */
export interface ServerData {
  zones: AuthZone[];
  /** Upstream servers (`forward . 8.8.8.8`, `--server=`). */
  forwarders: string[];
  /** Limit forwarding to names under these domains (empty: all). */
  forwardFor?: string[];
}

/** A name is `origin` or below it. */
export function inDomain(name: string, origin: string): boolean {
  const n = canonName(name);
  const o = canonName(origin);
  return o === '' || n === o || n.endsWith(`.${o}`);
}

/** The most specific zone holding `name`. */
function zoneFor(data: ServerData, name: string): AuthZone | undefined {
  let best: AuthZone | undefined;
  for (const z of data.zones) if ((z.exact ? canonName(name) === z.origin : inDomain(name, z.origin)) && (!best || z.origin.length > best.origin.length)) best = z;
  return best;
}

/** Answer one query message from authoritative data (no forwarding). Undefined: not ours. */
export function answerLocal(data: ServerData, q: Message, fl: Flavour): Message | undefined {
  const question = q.questions[0];
  const zone = zoneFor(data, question.name);
  if (!zone) return undefined;
  const r = replyTo(q, fl);
  r.aa = true;
  let name = question.name;
  const seen = new Set<string>();
  for (let hop = 0; hop < 16; hop++) {
    const z = zoneFor(data, name);
    if (!z) break;
    let at = z.records.filter((x) => canonName(x.name) === canonName(name));
    if (!at.length && z.synth) at = z.synth(name);
    if (hop === 0 && !at.length && z.fallthrough) return undefined;
    const wanted = at.filter((x) => question.type === TYPE.ANY || rdataType(x.data) === question.type);
    if (wanted.length) {
      r.answers.push(...wanted.map((x) => ({ ...x, name: hop === 0 ? question.name : x.name })));
      // SRV targets' addresses in the additional section (dnsmasq and CoreDNS both add the ones they know).
      for (const x of wanted) {
        if (x.data.type !== 'SRV') continue;
        const tz = zoneFor(data, x.data.target);
        if (!tz) continue;
        let rs = tz.records.filter((y) => canonName(y.name) === canonName((x.data as { target: string }).target));
        if (!rs.length && tz.synth) rs = tz.synth(x.data.target);
        for (const y of rs) if ((y.data.type === 'A' || y.data.type === 'AAAA') && !r.additional.some((z) => canonName(z.name) === canonName(y.name) && JSON.stringify(z.data) === JSON.stringify(y.data))) r.additional.push(y);
      }
      break;
    }
    const cname = at.find((x) => x.data.type === 'CNAME');
    if (cname && cname.data.type === 'CNAME' && question.type !== TYPE.CNAME) {
      r.answers.push({ ...cname, name: hop === 0 ? question.name : cname.name });
      const next = canonName(cname.data.target);
      if (seen.has(next)) break;
      seen.add(next);
      name = next;
      continue;
    }
    if (hop === 0) {
      const exists = at.length > 0 || z.records.some((x) => canonName(x.name).endsWith(`.${canonName(name)}`)) || !!z.exists?.(name);
      if (!exists) r.rcode = RCODE.NXDOMAIN;
      if (fl.negativeSoa) {
        const soa = z.records.find((x) => x.data.type === 'SOA');
        if (soa) r.authority.push({ ...soa, ttl: soa.data.type === 'SOA' ? Math.min(soa.ttl, soa.data.minimum) : soa.ttl });
      } else {
        r.aa = false;
      }
    }
    break;
  }
  return r;
}

/** A reply skeleton echoing the query's id, question, RD and EDNS. */
export function replyTo(q: Message, fl: Flavour): Message {
  const r = newMessage(q.id);
  r.qr = true;
  r.opcode = q.opcode;
  r.rd = q.rd;
  r.ra = fl.ra;
  r.cd = q.cd;
  r.questions = q.questions.slice(0, 1);
  if (q.edns) r.edns = { udpSize: fl.ednsUdp, version: 0, dnssecOk: false, options: [] };
  return r;
}

/** REFUSED (with dnsmasq's EDE when the flavour has it). */
export function refused(q: Message, fl: Flavour): Message {
  const r = replyTo(q, fl);
  r.rcode = RCODE.REFUSED;
  if (r.edns && fl.refusedEde) r.edns.options.push({ code: 15, data: Uint8Array.of(0, 14) });
  return r;
}

/** A running server: its data, and the socket it answers on. */
export class DnsServer {
  data: ServerData;
  readonly flavour: Flavour;
  /** The daemon process (its namespace and the socket it forwards from). */
  readonly proc: Process;
  /** Queries answered (for logs and tests). */
  served = 0;
  /** Log lines (CoreDNS `log` plugin), bounded. */
  readonly log: string[] = [];
  logQueries = false;
  /** Called with each log line (a foreground CoreDNS prints them). */
  onLog?: (line: string) => void;
  private listeners: DnsListener[] = [];

  constructor(proc: Process, data: ServerData, flavour: Flavour) {
    this.proc = proc;
    this.data = data;
    this.flavour = flavour;
  }

  /** Bind addr:port (throws KernelError, e.g. EADDRINUSE). */
  listen(addr: string, port = 53): void {
    this.listeners.push(transport().listen(this.proc, addr, port, (r) => void this.handle(r)));
  }

  close(): void {
    for (const l of this.listeners) l.close();
    this.listeners = [];
  }

  /** Answer one datagram. */
  async handle(req: ServerRequest): Promise<void> {
    let q: Message;
    try {
      q = decode(req.data);
    } catch {
      return;
    }
    if (q.qr || q.questions.length !== 1) return;
    this.served++;
    const r = await this.answer(q);
    const bytes = encode(r, { compressRdata: this.flavour.compressRdata });
    if (this.logQueries) {
      const qq = q.questions[0];
      const line = `[INFO] ${req.from}:${req.port} - ${q.id} "${typeName(qq.type)} IN ${qq.name}. udp ${req.data.length} ${q.edns ? 'true' : 'false'} ${q.edns?.udpSize ?? 512}" ${rcodeName(r.rcode)} ${flagsText(r)} ${bytes.length} 0.000100s`;
      if (this.log.length < 1000) this.log.push(line);
      this.onLog?.(line);
    }
    req.reply(bytes);
  }

  /** The reply to a query: local data, else forwarded, else REFUSED. */
  async answer(q: Message, depth = 0): Promise<Message> {
    if (q.questions[0].cls !== CLASS_IN) return refused(q, this.flavour);
    const local = answerLocal(this.data, q, this.flavour);
    if (local) {
      // CoreDNS plugin/kubernetes A(): a CNAME whose target is outside the zone is looked up
      // upstream (through the server, so the forward plugin), its answers follow the CNAME;
      // at most 8 CNAMEs in a chain.
      const last = local.answers[local.answers.length - 1];
      const question = q.questions[0];
      if (last?.data.type === 'CNAME' && question.type !== TYPE.CNAME && depth < 8 && zoneFor(this.data, question.name)?.upstreamCname && !zoneFor(this.data, last.data.target)) {
        const sub = await this.answer({ ...q, rd: true, questions: [{ ...question, name: canonName(last.data.target) }] }, depth + 1);
        local.answers.push(...sub.answers);
      }
      return local;
    }
    const fwdOk = !this.data.forwardFor?.length || this.data.forwardFor.some((d) => inDomain(q.questions[0].name, d));
    if (this.data.forwarders.length && fwdOk && q.rd) {
      for (const up of this.data.forwarders.slice(0, 3)) {
        const fq: Message = { ...q, id: queryId(this.proc) };
        const ex = await exchange(this.proc, up, 53, fq, 2000);
        if (ex.kind === 'answer') {
          const r = { ...ex.msg, id: q.id, ra: true };
          if (q.edns) r.edns = { udpSize: this.flavour.ednsUdp, version: 0, dnssecOk: false, options: [] };
          else delete r.edns;
          return r;
        }
      }
      const r = replyTo(q, this.flavour);
      r.rcode = RCODE.SERVFAIL;
      return r;
    }
    return refused(q, this.flavour);
  }
}

function flagsText(m: Message): string {
  return [m.qr && 'qr', m.aa && 'aa', m.tc && 'tc', m.rd && 'rd', m.ra && 'ra'].filter(Boolean).join(',');
}

/** PTR records for every A/AAAA of a zone (dnsmasq synthesises them for --host-record and /etc/hosts). */
export function ptrFor(records: RR[]): RR[] {
  const out: RR[] = [];
  for (const r of records) {
    if (r.data.type !== 'A' && r.data.type !== 'AAAA') continue;
    const rev = reverseName(r.data.address);
    if (rev) out.push({ name: rev, ttl: r.ttl, cls: CLASS_IN, data: { type: 'PTR', target: canonName(r.name) } });
  }
  return out;
}
