// RFC 1035 master files (what CoreDNS's `file` plugin and BIND read):
// $ORIGIN and $TTL, `@` for the origin, relative names, blank owner = the
// previous owner, optional TTL and class in either order, parentheses
// spanning lines, `;` comments and quoted TXT strings.

import { canonName, type RData, type RR, CLASS_IN, isIp4, isIp6, ip6Text, ip6Bytes } from './wire.ts';

/** A parsed zone. */
export interface Zone {
  origin: string;
  records: RR[];
  /** Problems found, one line each (`line N: ...`), as the server logs them. */
  errors: string[];
}

/** Split one logical line into tokens (quoted strings keep their spaces, without quotes, marked). */
function tokenize(line: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === ';') break;
    if (c === '"') {
      let s = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        s += line[i++];
      }
      i++;
      out.push({ text: s, quoted: true });
      continue;
    }
    let s = '';
    while (i < line.length && !' \t;"'.includes(line[i])) s += line[i++];
    out.push({ text: s, quoted: false });
  }
  return out;
}

/** Parse a TTL (`3600`, `1h`, `1d2h`). */
export function parseTtl(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = s.toLowerCase().match(/^(\d+[smhdw])+$/);
  if (!m) return undefined;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let t = 0;
  for (const part of s.toLowerCase().match(/\d+[smhdw]/g) ?? []) t += Number(part.slice(0, -1)) * unit[part.slice(-1)];
  return t;
}

/** Parse zone text with a default origin (the zone name from the Corefile). */
export function parseZone(text: string, origin: string): Zone {
  let org = canonName(origin);
  let defTtl = 3600;
  let lastOwner = org;
  let lastTtl: number | undefined;
  const records: RR[] = [];
  const errors: string[] = [];
  const abs = (n: string): string => {
    if (n === '@') return org;
    if (n.endsWith('.')) return canonName(n);
    return org ? `${n}.${org}`.toLowerCase() : n.toLowerCase();
  };
  // Join parenthesised continuation lines.
  const lines: { no: number; text: string; leadingBlank: boolean }[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i];
    const no = i + 1;
    const depth = (s: string): number => {
      let d = 0;
      let q = false;
      for (const ch of s.replace(/;.*$/, '')) {
        if (ch === '"') q = !q;
        else if (!q && ch === '(') d++;
        else if (!q && ch === ')') d--;
      }
      return d;
    };
    let d = depth(t);
    while (d > 0 && i + 1 < raw.length) {
      i++;
      t = `${t.replace(/;.*$/, '')} ${raw[i]}`;
      d = depth(t);
    }
    lines.push({ no, text: t.replace(/[()]/g, ' '), leadingBlank: /^[ \t]/.test(t) });
  }
  for (const { no, text: t, leadingBlank } of lines) {
    const toks = tokenize(t);
    if (!toks.length) continue;
    const first = toks[0].text;
    if (first.toUpperCase() === '$ORIGIN') {
      if (toks[1]) org = canonName(abs(toks[1].text));
      continue;
    }
    if (first.toUpperCase() === '$TTL') {
      const v = toks[1] ? parseTtl(toks[1].text) : undefined;
      if (v === undefined) errors.push(`line ${no}: bad $TTL`);
      else defTtl = v;
      continue;
    }
    if (first.startsWith('$')) {
      errors.push(`line ${no}: unsupported directive ${first}`);
      continue;
    }
    let k = 0;
    let owner = lastOwner;
    if (!leadingBlank) {
      owner = abs(toks[0].text);
      k = 1;
    }
    let ttl: number | undefined;
    for (let n = 0; n < 2 && k < toks.length; n++) {
      const w = toks[k].text.toUpperCase();
      if (w === 'IN' || w === 'CH' || w === 'HS') {
        k++;
        continue;
      }
      const tt = parseTtl(toks[k].text);
      if (tt !== undefined && ttl === undefined && !toks[k].quoted) {
        ttl = tt;
        k++;
      }
    }
    const type = toks[k]?.text.toUpperCase();
    const args = toks.slice(k + 1);
    if (!type) {
      errors.push(`line ${no}: missing type`);
      continue;
    }
    const rd = parseRData(type, args, abs);
    if (typeof rd === 'string') {
      errors.push(`line ${no}: ${rd}`);
      continue;
    }
    lastOwner = owner;
    if (type === 'SOA' && ttl === undefined) ttl = defTtl;
    const effTtl = ttl ?? lastTtl ?? defTtl;
    if (ttl !== undefined) lastTtl = ttl;
    records.push({ name: owner, ttl: effTtl, cls: CLASS_IN, data: rd });
  }
  return { origin: org, records, errors };
}

function parseRData(type: string, a: { text: string; quoted: boolean }[], abs: (n: string) => string): RData | string {
  const need = (n: number): string | undefined => (a.length < n ? `${type} needs ${n} field${n > 1 ? 's' : ''}` : undefined);
  const num = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);
  switch (type) {
    case 'A':
      if (need(1)) return need(1)!;
      return isIp4(a[0].text) ? { type: 'A', address: a[0].text } : `bad A address ${a[0].text}`;
    case 'AAAA':
      if (need(1)) return need(1)!;
      return isIp6(a[0].text) ? { type: 'AAAA', address: ip6Text(ip6Bytes(a[0].text)) } : `bad AAAA address ${a[0].text}`;
    case 'NS':
    case 'CNAME':
    case 'PTR':
      if (need(1)) return need(1)!;
      return { type, target: abs(a[0].text) };
    case 'MX': {
      if (need(2)) return need(2)!;
      const pref = num(a[0].text);
      return pref === undefined ? `bad MX preference ${a[0].text}` : { type: 'MX', preference: pref, exchange: abs(a[1].text) };
    }
    case 'TXT':
      if (need(1)) return need(1)!;
      return { type: 'TXT', strings: a.map((x) => x.text) };
    case 'SRV': {
      if (need(4)) return need(4)!;
      const [pr, w, port] = a.slice(0, 3).map((x) => num(x.text));
      if (pr === undefined || w === undefined || port === undefined) return 'bad SRV fields';
      return { type: 'SRV', priority: pr, weight: w, port, target: abs(a[3].text) };
    }
    case 'SOA': {
      if (need(7)) return need(7)!;
      const nums = a.slice(2, 7).map((x) => parseTtl(x.text));
      if (nums.some((x) => x === undefined)) return 'bad SOA numbers';
      const [serial, refresh, retry, expire, minimum] = nums as number[];
      return { type: 'SOA', mname: abs(a[0].text), rname: abs(a[1].text), serial, refresh, retry, expire, minimum };
    }
    default:
      return `unknown RR type ${type}`;
  }
}
