// Every message template in the check code has a Korean template: the
// string literals after `message:` / `msg:` (and the fragments the
// explanations return) are read from the sources, their `${…}` filled with
// sample values, and each must translate. Real messages from the labs'
// start states translate too; unmatched text falls back to English.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMessage, hasKoreanMessage } from './checks.ts';
import { listLabs, makeLabWorld, runChecks } from '../labs/index.ts';

const ROOT = new URL('../../', import.meta.url);

function files(): string[] {
  const out = ['src/labs/checks.ts', 'src/labs/docker-checks.ts', 'src/labs/index.ts', 'labs/dns-checks.ts', 'labs/breakfix-checks.ts', 'labs/k8s-checks.ts', 'labs/overlay-checks.ts', 'labs/docker-types-checks.ts', 'labs/capstone-checks.ts'];
  for (const d of readdirSync(new URL('labs/', ROOT))) {
    const p = `labs/${d}/lab.ts`;
    try {
      if (statSync(new URL(p, ROOT)).isFile()) out.push(p);
    } catch {
      /* not a lab directory */
    }
  }
  return out;
}

/** Sample values for `${…}` by expression (others get x1, x2…). */
const SAMPLE: Record<string, string> = { chain: 'KUBE-SVC-ABCDEF', dnatHint: '', why: " (a default route via gw's gateway?)" };

/** Read the string literal starting at `src[i]` (a quote): its variants, `${…}` filled with sample values (both branches of `c ? 'a' : 'b'`). */
function literal(src: string, i: number): { texts: string[]; end: number } {
  const q = src[i]!;
  let outs = [''];
  let n = 0;
  let j = i + 1;
  const add = (xs: string[]): void => {
    outs = outs.flatMap((o) => xs.map((x) => o + x));
  };
  while (j < src.length && src[j] !== q) {
    if (src[j] === '\\') {
      add([src[j + 1] === 'n' ? '\n' : src[j + 1]!]);
      j += 2;
    } else if (q === '`' && src[j] === '$' && src[j + 1] === '{') {
      let depth = 1;
      let k = j + 2;
      while (depth > 0) {
        const c = src[k]!;
        if (c === '`' || c === "'" || c === '"') k = literal(src, k).end;
        else {
          if (c === '{') depth++;
          else if (c === '}') depth--;
          k++;
        }
      }
      const expr = src.slice(j + 2, k - 1).trim();
      const tern = /\?\s*(?=[`'"])/.exec(expr);
      let vals: string[] | undefined;
      if (tern) {
        const a = literal(expr, tern.index + tern[0].length);
        const rest = /^\s*:\s*(?=[`'"])/.exec(expr.slice(a.end));
        if (rest) vals = [...a.texts, ...literal(expr, a.end + rest[0].length).texts];
      }
      add(vals ?? [SAMPLE[expr] ?? `x${++n}`]);
      j = k;
    } else add([src[j++]!]);
  }
  return { texts: outs, end: j + 1 };
}

/** Message templates of a source file: literals after `message:`/`msg:`, and what the explanations return. */
function templates(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/\b(?:message|msg):\s*(?=[`'"])/g)) out.push(...literal(src, m.index! + m[0].length).texts);
  for (const fn of ['explainProbe', 'explainTcp', 'natHint']) {
    const at = src.indexOf(`function ${fn}(`);
    if (at < 0) continue;
    const body = src.slice(at, src.indexOf('\n}\n', at));
    for (const m of body.matchAll(/\breturn\s+(?=[`'"])/g)) out.push(...literal(body, m.index! + m[0].length).texts.filter(Boolean));
  }
  // A suffix (` (on the way: …)`) follows a message.
  return out.map((t) => (t.startsWith(' ') ? `the echo request never left red${t}` : t));
}

describe('check messages in Korean', () => {
  const all = files().flatMap((f) => templates(readFileSync(new URL(f, ROOT), 'utf8')).map((t) => [f, t] as const));

  it('finds the check code’s message templates', () => {
    expect(all.length).toBeGreaterThan(90);
  });

  for (const [file, t] of all) {
    it(`${file}: ${t.slice(0, 70)}`, () => {
      expect(hasKoreanMessage(t), t).toBe(true);
      expect(checkMessage('ko', t)).toMatch(/[가-힣]/);
    });
  }

  it('keeps names, addresses and rule text; translates nested reasons; falls back to English', () => {
    expect(checkMessage('ko', 'namespace red does not exist')).toBe('red 네임스페이스가 없습니다');
    expect(checkMessage('ko', 'red has 192.168.15.1/24 on veth-red, but veth-red is down (ip link set veth-red up)')).toBe(
      'red의 veth-red에 192.168.15.1/24 주소가 있지만 veth-red 링크가 down 상태입니다 (ip link set veth-red up)',
    );
    expect(checkMessage('ko', 'red has no address 192.168.15.1/24 on veth-red; blue reaches 192.168.15.1 (echo reply, ttl 64)')).toBe(
      'red의 veth-red에 192.168.15.1/24 주소가 없습니다; blue에서 192.168.15.1에 닿습니다 (echo reply, ttl 64)',
    );
    expect(checkMessage('ko', 'left got an ICMP error from 10.1.1.1: network unreachable')).toBe('left에 10.1.1.1에서 보낸 ICMP 오류가 왔습니다: 네트워크에 닿을 수 없음 (network unreachable)');
    const drop = 'http://203.0.113.5:8080/ from client failed: the SYN was dropped in host: FORWARD policy DROP (NAT on the way: host: nat: destination 203.0.113.5:8080 → 192.168.15.2:80)';
    expect(checkMessage('ko', drop)).toBe('client에서 요청한 http://203.0.113.5:8080/ 실패: SYN이 host에서 버려졌습니다: FORWARD policy DROP (거쳐 간 NAT: host: nat: destination 203.0.113.5:8080 → 192.168.15.2:80)');
    expect(checkMessage('ko', 'something new the checks say')).toBe('something new the checks say');
    expect(checkMessage('en', 'namespace red does not exist')).toBe('namespace red does not exist');
  });

  it("messages from every lab's start state translate", async () => {
    const missing: string[] = [];
    for (const info of listLabs()) {
      const world = makeLabWorld(info.id, 1);
      for (const r of await runChecks(info.id, world, 1)) if (!hasKoreanMessage(r.message)) missing.push(`${info.id}/${r.id}: ${r.message}`);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
