// DNS messages (RFC 1035) as small typed values with encode/decode to the
// real wire format, so message sizes (`;; MSG SIZE  rcvd: 62`), name
// compression and truncation are those real servers produce.
//
//   +--------+----------+--------+-----------+------------+
//   | header | question | answer | authority | additional |   (+ OPT pseudo-RR)
//   +--------+----------+--------+-----------+------------+
//   header: id(16) | QR opcode(4) AA TC RD | RA Z AD CD rcode(4) | 4 counts(16)

/** Record types by mnemonic (those the simulation serves and the tools print). */
export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, OPT: 41, AXFR: 252, ANY: 255 } as const;
/** Class IN. */
export const CLASS_IN = 1;
/** Response codes by mnemonic. */
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/** Mnemonic of a type number (`TYPE65` for unknown ones, as BIND prints). */
export function typeName(t: number): string {
  for (const [k, v] of Object.entries(TYPE)) if (v === t) return k;
  return `TYPE${t}`;
}

/** Type number of a mnemonic (case-insensitive; `TYPEnn` accepted), or undefined. */
export function typeFromName(s: string): number | undefined {
  const u = s.toUpperCase();
  if (u in TYPE) return TYPE[u as keyof typeof TYPE];
  const m = /^TYPE(\d+)$/.exec(u);
  return m && Number(m[1]) < 65536 ? Number(m[1]) : undefined;
}

/** Mnemonic of a response code. */
export function rcodeName(r: number): string {
  return RCODE_NAMES[r] ?? `RESERVED${r}`;
}

/** Typed record data. Names are absolute, without the trailing dot (root is ''). */
export type RData =
  | { type: 'A'; address: string }
  | { type: 'AAAA'; address: string }
  | { type: 'NS' | 'CNAME' | 'PTR'; target: string }
  | { type: 'MX'; preference: number; exchange: string }
  | { type: 'TXT'; strings: string[] }
  | { type: 'SOA'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
  | { type: 'RAW'; rtype: number; bytes: Uint8Array };

/** A resource record. */
export interface RR {
  name: string;
  ttl: number;
  cls: number;
  data: RData;
}

/** A question. */
export interface Question {
  name: string;
  type: number;
  cls: number;
}

/** An EDNS option (RFC 6891): COOKIE is 10, Extended DNS Error is 15. */
export interface EdnsOption {
  code: number;
  data: Uint8Array;
}

/** The OPT pseudo-record, when present. */
export interface Edns {
  udpSize: number;
  version: number;
  dnssecOk: boolean;
  options: EdnsOption[];
}

/** A DNS message. */
export interface Message {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
  rcode: number;
  questions: Question[];
  answers: RR[];
  authority: RR[];
  additional: RR[];
  edns?: Edns;
}

/** A fresh message with every flag clear. */
export function newMessage(id: number, q?: Question): Message {
  return { id, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, ad: false, cd: false, rcode: 0, questions: q ? [q] : [], answers: [], authority: [], additional: [] };
}

/** Type number of an RData. */
export function rdataType(d: RData): number {
  return d.type === 'RAW' ? d.rtype : TYPE[d.type];
}

/** Lower-case, trailing dot removed: the key names are compared by. */
export function canonName(n: string): string {
  return n.replace(/\.$/, '').toLowerCase();
}

/** Labels of a name (none for the root). */
function labels(n: string): string[] {
  return n === '' || n === '.' ? [] : n.replace(/\.$/, '').split('.');
}

/** Options of the encoder. */
export interface EncodeOptions {
  /** Compress names inside RDATA (BIND, CoreDNS) or only owner names (dnsmasq). Default true. */
  compressRdata?: boolean;
}

/** Encode a message to wire format. */
export function encode(m: Message, opts: EncodeOptions = {}): Uint8Array {
  const compressRdata = opts.compressRdata ?? true;
  const buf: number[] = [];
  const seen = new Map<string, number>();
  const u16 = (v: number): void => {
    buf.push((v >> 8) & 0xff, v & 0xff);
  };
  const u32 = (v: number): void => {
    u16((v >>> 16) & 0xffff);
    u16(v & 0xffff);
  };
  const name = (n: string, compress: boolean): void => {
    const ls = labels(n);
    for (let i = 0; i < ls.length; i++) {
      const key = ls.slice(i).join('.').toLowerCase();
      const at = seen.get(key);
      if (compress && at !== undefined) {
        u16(0xc000 | at);
        return;
      }
      if (buf.length < 0x3fff) seen.set(key, buf.length);
      const bytes = new TextEncoder().encode(ls[i]);
      buf.push(bytes.length, ...bytes);
    }
    buf.push(0);
  };
  u16(m.id);
  buf.push((m.qr ? 0x80 : 0) | ((m.opcode & 15) << 3) | (m.aa ? 4 : 0) | (m.tc ? 2 : 0) | (m.rd ? 1 : 0));
  buf.push((m.ra ? 0x80 : 0) | (m.ad ? 0x20 : 0) | (m.cd ? 0x10 : 0) | (m.rcode & 15));
  u16(m.questions.length);
  u16(m.answers.length);
  u16(m.authority.length);
  u16(m.additional.length + (m.edns ? 1 : 0));
  for (const q of m.questions) {
    name(q.name, true);
    u16(q.type);
    u16(q.cls);
  }
  const rr = (r: RR): void => {
    name(r.name, true);
    u16(rdataType(r.data));
    u16(r.cls);
    u32(r.ttl);
    const lenAt = buf.length;
    u16(0);
    const d = r.data;
    switch (d.type) {
      case 'A':
        buf.push(...d.address.split('.').map(Number));
        break;
      case 'AAAA':
        buf.push(...ip6Bytes(d.address));
        break;
      case 'NS':
      case 'CNAME':
      case 'PTR':
        name(d.target, compressRdata);
        break;
      case 'MX':
        u16(d.preference);
        name(d.exchange, compressRdata);
        break;
      case 'TXT':
        for (const s of d.strings) {
          const b = new TextEncoder().encode(s).slice(0, 255);
          buf.push(b.length, ...b);
        }
        break;
      case 'SOA':
        name(d.mname, compressRdata);
        name(d.rname, compressRdata);
        for (const v of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) u32(v);
        break;
      case 'SRV':
        u16(d.priority);
        u16(d.weight);
        u16(d.port);
        name(d.target, false);
        break;
      case 'RAW':
        buf.push(...d.bytes);
        break;
    }
    const len = buf.length - lenAt - 2;
    buf[lenAt] = len >> 8;
    buf[lenAt + 1] = len & 0xff;
  };
  for (const r of [...m.answers, ...m.authority, ...m.additional]) rr(r);
  if (m.edns) {
    buf.push(0);
    u16(TYPE.OPT);
    u16(m.edns.udpSize);
    buf.push(0, m.edns.version);
    u16(m.edns.dnssecOk ? 0x8000 : 0);
    const opts = m.edns.options;
    u16(opts.reduce((n, o) => n + 4 + o.data.length, 0));
    for (const o of opts) {
      u16(o.code);
      u16(o.data.length);
      buf.push(...o.data);
    }
  }
  return Uint8Array.from(buf);
}

/** A wire-format error (FORMERR material). */
export class WireError extends Error {}

/** Decode a wire-format message; throws WireError on malformed input. */
export function decode(b: Uint8Array): Message {
  let o = 0;
  const need = (n: number): void => {
    if (o + n > b.length) throw new WireError('truncated message');
  };
  const u16 = (): number => {
    need(2);
    const v = (b[o] << 8) | b[o + 1];
    o += 2;
    return v;
  };
  const u32 = (): number => (u16() * 65536 + u16()) >>> 0;
  const readName = (): string => {
    const out: string[] = [];
    let p = o;
    let jumped = false;
    for (let hops = 0; hops < 128; hops++) {
      if (p >= b.length) throw new WireError('name past end');
      const len = b[p];
      if ((len & 0xc0) === 0xc0) {
        if (p + 1 >= b.length) throw new WireError('bad pointer');
        const target = ((len & 0x3f) << 8) | b[p + 1];
        if (!jumped) o = p + 2;
        jumped = true;
        p = target;
        continue;
      }
      if (len === 0) {
        if (!jumped) o = p + 1;
        return out.join('.');
      }
      if (p + 1 + len > b.length) throw new WireError('label past end');
      out.push(new TextDecoder().decode(b.subarray(p + 1, p + 1 + len)));
      p += 1 + len;
    }
    throw new WireError('compression loop');
  };
  const id = u16();
  need(2);
  const f1 = b[o++];
  const f2 = b[o++];
  const qd = u16();
  const an = u16();
  const ns = u16();
  const ar = u16();
  const m: Message = {
    id,
    qr: !!(f1 & 0x80),
    opcode: (f1 >> 3) & 15,
    aa: !!(f1 & 4),
    tc: !!(f1 & 2),
    rd: !!(f1 & 1),
    ra: !!(f2 & 0x80),
    ad: !!(f2 & 0x20),
    cd: !!(f2 & 0x10),
    rcode: f2 & 15,
    questions: [],
    answers: [],
    authority: [],
    additional: [],
  };
  for (let i = 0; i < qd; i++) m.questions.push({ name: readName(), type: u16(), cls: u16() });
  const readRR = (): RR | Edns => {
    const name = readName();
    const type = u16();
    const cls = u16();
    const ttl = u32();
    const len = u16();
    need(len);
    const end = o + len;
    if (type === TYPE.OPT) {
      const options: EdnsOption[] = [];
      while (o + 4 <= end) {
        const code = u16();
        const l = u16();
        need(l);
        options.push({ code, data: b.slice(o, o + l) });
        o += l;
      }
      o = end;
      return { udpSize: cls, version: (ttl >>> 16) & 0xff, dnssecOk: !!(ttl & 0x8000), options };
    }
    let data: RData;
    switch (type) {
      case TYPE.A:
        data = len === 4 ? { type: 'A', address: Array.from(b.subarray(o, o + 4)).join('.') } : { type: 'RAW', rtype: type, bytes: b.slice(o, end) };
        break;
      case TYPE.AAAA:
        data = len === 16 ? { type: 'AAAA', address: ip6Text(b.subarray(o, o + 16)) } : { type: 'RAW', rtype: type, bytes: b.slice(o, end) };
        break;
      case TYPE.NS:
        data = { type: 'NS', target: readName() };
        break;
      case TYPE.CNAME:
        data = { type: 'CNAME', target: readName() };
        break;
      case TYPE.PTR:
        data = { type: 'PTR', target: readName() };
        break;
      case TYPE.MX:
        data = { type: 'MX', preference: u16(), exchange: readName() };
        break;
      case TYPE.TXT: {
        const strings: string[] = [];
        while (o < end) {
          const l = b[o];
          strings.push(new TextDecoder().decode(b.subarray(o + 1, o + 1 + l)));
          o += 1 + l;
        }
        data = { type: 'TXT', strings };
        break;
      }
      case TYPE.SOA:
        data = { type: 'SOA', mname: readName(), rname: readName(), serial: u32(), refresh: u32(), retry: u32(), expire: u32(), minimum: u32() };
        break;
      case TYPE.SRV:
        data = { type: 'SRV', priority: u16(), weight: u16(), port: u16(), target: readName() };
        break;
      default:
        data = { type: 'RAW', rtype: type, bytes: b.slice(o, end) };
    }
    o = end;
    return { name, ttl, cls, data };
  };
  const section = (n: number, into: RR[]): void => {
    for (let i = 0; i < n; i++) {
      const r = readRR();
      if ('udpSize' in r) m.edns = r;
      else into.push(r);
    }
  };
  section(an, m.answers);
  section(ns, m.authority);
  section(ar, m.additional);
  return m;
}

/** The 16 bytes of an IPv6 address in text form. */
export function ip6Bytes(s: string): number[] {
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const hs = head ? head.split(':') : [];
  const ts = tail ? tail.split(':') : [];
  const groups = tail === undefined ? hs : [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts];
  const out: number[] = [];
  for (const g of groups.slice(0, 8)) {
    const v = parseInt(g || '0', 16) || 0;
    out.push(v >> 8, v & 0xff);
  }
  while (out.length < 16) out.push(0);
  return out;
}

/** RFC 5952 text of 16 address bytes (what BIND and glibc print). */
export function ip6Text(b: Uint8Array | number[]): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i] << 8) | b[i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]): string => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

/** Is `s` an IPv6 address in text form? */
export function isIp6(s: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':') && (s.match(/::/g) ?? []).length <= 1;
}

/** Is `s` a dotted-quad IPv4 address? */
export function isIp4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) < 256);
}

/** The reverse-lookup name of an address (`10.1.168.192.in-addr.arpa`, nibbles for IPv6). */
export function reverseName(addr: string): string | undefined {
  if (isIp4(addr)) return `${addr.split('.').reverse().join('.')}.in-addr.arpa`;
  if (isIp6(addr)) {
    const nib: string[] = [];
    for (const x of ip6Bytes(addr)) nib.push((x >> 4).toString(16), (x & 15).toString(16));
    return `${nib.reverse().join('.')}.ip6.arpa`;
  }
  return undefined;
}

/** Presentation form of a name: absolute with the trailing dot. */
export function fqdn(n: string): string {
  return n === '' ? '.' : `${n.replace(/\.$/, '')}.`;
}

/** Quote a TXT string as BIND prints it. */
function quoteTxt(s: string): string {
  let out = '"';
  for (const ch of new TextEncoder().encode(s)) {
    if (ch === 0x22 || ch === 0x5c) out += `\\${String.fromCharCode(ch)}`;
    else if (ch < 0x20 || ch >= 0x7f) out += `\\${String(ch).padStart(3, '0')}`;
    else out += String.fromCharCode(ch);
  }
  return `${out}"`;
}

/** RDATA in master-file presentation (dig's last column, nslookup after `= `). */
export function rdataText(d: RData): string {
  switch (d.type) {
    case 'A':
    case 'AAAA':
      return d.address;
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return fqdn(d.target);
    case 'MX':
      return `${d.preference} ${fqdn(d.exchange)}`;
    case 'TXT':
      return d.strings.map(quoteTxt).join(' ');
    case 'SOA':
      return `${fqdn(d.mname)} ${fqdn(d.rname)} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'SRV':
      return `${d.priority} ${d.weight} ${d.port} ${fqdn(d.target)}`;
    case 'RAW':
      return `\\# ${d.bytes.length}${d.bytes.length ? ' ' + Array.from(d.bytes, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase() : ''}`;
  }
}
