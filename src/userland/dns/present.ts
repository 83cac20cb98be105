// Message presentation shared by dig and host -v (BIND 9.18's dns_message
// totext with dig's style): tab-aligned columns for owner, TTL, class, type
// and data; the header and flags lines; BIND's lookup-failure lines.

import { fqdn, rcodeName, rdataText, rdataType, typeName, type Message, type RR, type Question } from './wire.ts';

/** The version string dig prints in its banner (the fidelity kit's recording host). */
export const DIG_VERSION = '9.18.49-1~deb12u1-Debian';

/** Append `text` then pad with tabs to column `col` (one space if already past it), as BIND's masterdump does. */
class Columns {
  s = '';
  private col = 0;
  put(text: string): this {
    this.s += text;
    this.col += text.length;
    return this;
  }
  to(col: number): this {
    if (this.col >= col) return this.put(' ');
    while (this.col < col) {
      this.s += '\t';
      this.col = (Math.floor(this.col / 8) + 1) * 8;
    }
    return this;
  }
}

/** One record line: `web.mycompany.com.\t0\tIN\tA\t192.168.1.10`. */
export function rrLine(r: RR): string {
  return new Columns().put(fqdn(r.name)).to(24).put(String(r.ttl)).to(32).put('IN').to(40).put(typeName(rdataType(r.data))).to(48).put(rdataText(r.data)).s;
}

/** One question line: `;web.mycompany.com.\t\tIN\tA`. */
export function questionLine(q: Question): string {
  return new Columns().put(`;${fqdn(q.name)}`).to(32).put('IN').to(40).put(typeName(q.type)).s;
}

/** `;; ->>HEADER<<- ...` and `;; flags: ...` lines (with the RA warning as dig prints it). */
export function headerLines(m: Message, extra = 0): string {
  const flags = [m.qr && 'qr', m.aa && 'aa', m.tc && 'tc', m.rd && 'rd', m.ra && 'ra', m.ad && 'ad', m.cd && 'cd'].filter(Boolean) as string[];
  const opcodes = ['QUERY', 'IQUERY', 'STATUS', 'RESERVED3', 'NOTIFY', 'UPDATE'];
  let s = `;; ->>HEADER<<- opcode: ${opcodes[m.opcode] ?? `RESERVED${m.opcode}`}, status: ${rcodeName(m.rcode)}, id: ${m.id}\n`;
  s += `;; flags:${flags.map((f) => ` ${f}`).join('')}; QUERY: ${m.questions.length}, ANSWER: ${m.answers.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${m.additional.length + extra}\n`;
  return s;
}

const EDE_TEXT: Record<number, string> = { 0: 'Other', 6: 'DNSSEC Bogus', 14: 'Not Ready', 15: 'Blocked', 18: 'Prohibited', 20: 'Not Authoritative', 21: 'Not Supported', 22: 'No Reachable Authority', 23: 'Network Error' };

/** The `;; OPT PSEUDOSECTION:` block (without the header line). */
export function ednsLines(m: Message): string {
  if (!m.edns) return '';
  let s = `; EDNS: version: ${m.edns.version}, flags:${m.edns.dnssecOk ? ' do' : ''}; udp: ${m.edns.udpSize}\n`;
  for (const o of m.edns.options) {
    if (o.code === 15 && o.data.length >= 2) {
      const code = (o.data[0] << 8) | o.data[1];
      const text = new TextDecoder().decode(o.data.subarray(2));
      s += `; EDE: ${code}${EDE_TEXT[code] ? ` (${EDE_TEXT[code]})` : ''}${text ? `: (${text})` : ''}\n`;
    } else if (o.code === 10) {
      s += `; COOKIE: ${Array.from(o.data, (x) => x.toString(16).padStart(2, '0')).join('')}\n`;
    }
  }
  return s;
}
