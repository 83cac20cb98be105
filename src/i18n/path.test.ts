// The packet path's narration speaks in ids: every step id the kernel, the
// world's programs and the lab checks record has an English text
// (src/kernel/trace-texts.ts) and a Korean one (./path.ts) naming the same
// parameters; the English a step carries is rendered from its id; Korean is
// rendered from the id, never by matching the English.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { TRACE_TEXTS, isTraceMsg, tm, traceEnglish, type TraceId } from '../kernel/trace-texts.ts';
import { PATH_KO, hasKoreanStep, koreanStep, pathStep, pathTextProblems, placeholders } from './path.ts';
import { lastPathOf } from '../term/snapshot.ts';

const SRC = new URL('../', import.meta.url).pathname;

/** Every product source file under src/ (tests excluded). */
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The step ids a source text passes to `tm(…)` (a literal, or the literals of a conditional). */
function idsUsed(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\btm\(([^,{]*)/g)) for (const q of m[1]!.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) out.push(q[1]!);
  return out;
}

describe('the packet-path step dictionary', () => {
  it('has an English and a Korean text for every id, with the same parameters', () => {
    expect(Object.keys(TRACE_TEXTS).length).toBeGreaterThan(70);
    expect(pathTextProblems()).toEqual([]);
    expect(Object.keys(PATH_KO).sort()).toEqual(Object.keys(TRACE_TEXTS).sort());
  });

  it('the checker fails on a missing text and on different parameters', () => {
    const ko: Record<string, string> = { ...PATH_KO };
    delete ko['link.down'];
    ko['route.local'] = '{addr}는 로컬 주소';
    expect(pathTextProblems(TRACE_TEXTS, ko)).toEqual(['route.local: parameters ip in English, addr in Korean', 'link.down: no Korean text']);
    expect(pathTextProblems({ ...TRACE_TEXTS, 'x.new': 'new step {a}' }, PATH_KO)).toEqual(['x.new: no Korean text']);
    expect(pathTextProblems(TRACE_TEXTS, { ...PATH_KO, 'x.old': '옛 단계' })).toEqual(['x.old: no English text']);
    expect(placeholders('{ip|로} 가는 {dev}, {ip}')).toEqual(['dev', 'ip']);
  });

  it('every id the sources record is in both dictionaries, and every id is recorded somewhere', () => {
    expect(idsUsed("tm(a ? 'nat.src' : 'nat.dst', { x }); tm('link.down', { dev }); tm(b ? (c ? 'x.a' : 'x.b') : 'x.c', y)")).toEqual(['nat.src', 'nat.dst', 'link.down', 'x.a', 'x.b', 'x.c']);
    const used = new Set(sources().flatMap((f) => idsUsed(readFileSync(f, 'utf8'))));
    expect(used.size).toBeGreaterThan(70);
    const unknown = [...used].filter((id) => !Object.hasOwn(TRACE_TEXTS, id) || !Object.hasOwn(PATH_KO, id));
    expect(unknown).toEqual([]);
    // `link.sent` is for link kinds defined outside the kernel's own (the toy kind of src/kernel/dev/toy-kind.test.ts).
    const unused = Object.keys(TRACE_TEXTS).filter((id) => !used.has(id) && id !== 'link.sent');
    expect(unused).toEqual([]);
  });

  it('renders nested texts and Korean particles', () => {
    const rule = tm('nf.rule', { table: 'filter', chain: 'FORWARD', n: 1, spec: '-s 10.0.0.3/32 -j DROP' });
    expect(traceEnglish(tm('nf.dropped', { rule }))).toBe('dropped by iptables -t filter FORWARD rule 1 (-s 10.0.0.3/32 -j DROP)');
    expect(koreanStep(tm('nf.dropped', { rule }))).toBe('iptables -t filter FORWARD의 1번 규칙 (-s 10.0.0.3/32 -j DROP)으로 버림');
    expect(koreanStep(tm('route.local', { ip: '10.0.0.3' }))).toBe('10.0.0.3은 로컬 주소 → 이 네임스페이스에서 받음');
    expect(koreanStep(tm('route.local', { ip: '10.0.0.2' }))).toBe('10.0.0.2는 로컬 주소 → 이 네임스페이스에서 받음');
    const rpf = tm('rpf.drop', { n: 1, mode: tm('rpf.strict'), dev: 'ra', ns: 'host/r', why: tm('rpf.wrongDev', { ip: '10.0.2.1', out: 'eth1', dev: 'ra' }) });
    expect(traceEnglish(rpf)).toBe('reverse path filter (rp_filter=1, strict) on ra in host/r: the route back to 10.0.2.1 leaves by eth1, not ra: dropped');
    expect(koreanStep(rpf)).toBe('역방향 경로 필터 (rp_filter=1, 엄격 모드): host/r의 ra에서 10.0.2.1로 돌아가는 라우트가 ra가 아니라 eth1로 나감: 버림');
  });

  it('a step shows in Korean from its id; a step without one (recorded before ids) stays English', () => {
    const step = { id: 'link.down', params: { dev: 'v0' }, what: 'v0 is down' };
    expect(pathStep('ko', step)).toEqual({ text: 'v0 링크가 down 상태', translated: true });
    expect(pathStep('en', step)).toEqual({ text: 'v0 is down', translated: true });
    // The English text is never read for Korean: an id decides.
    expect(pathStep('ko', { what: 'v0 is down' })).toEqual({ text: 'v0 is down', translated: false });
    expect(pathStep('ko', { id: 'no.such', what: 'x' })).toEqual({ text: 'x', translated: false });
    expect(hasKoreanStep({ id: 'link.down', params: { dev: 'v0' }, what: '' })).toBe(true);
    expect(hasKoreanStep({ id: 'link.down', params: { dev: { id: 'bogus' } }, what: '' })).toBe(false);
    expect(hasKoreanStep({ id: 'link.down', params: {}, what: '' })).toBe(false);
    expect(hasKoreanStep({ id: 'rpf.drop', params: { n: 1, mode: { id: 'rpf.strict' }, dev: 'ra', ns: 'r', why: { id: 'rpf.noRouteBack' } }, what: '' })).toBe(false);
    expect(hasKoreanStep({ id: 'rpf.drop', params: { n: 1, mode: { id: 'rpf.strict' }, dev: 'ra', ns: 'r', why: { id: 'rpf.noRouteBack', params: { ip: '10.0.0.1' } } }, what: '' })).toBe(true);
    expect(isTraceMsg({ id: 'toString' })).toBe(false);
  });
});

describe('traced steps carry ids', () => {
  it('a ping over a bridge port to a DROP rule: every step has an id whose English rendering is its text', async () => {
    const world = bareWorld(1);
    const s = new Session({ makeWorld: () => world });
    await s.start();
    for (const l of [
      'ip netns add red',
      'ip link add br0 type bridge',
      'ip link add veth-red type veth peer name veth-red-br',
      'ip link set veth-red netns red',
      'ip link set veth-red-br master br0',
      'ip addr add 10.0.0.1/24 dev br0',
      'ip link set br0 up',
      'ip link set veth-red-br up',
      'ip netns exec red ip addr add 10.0.0.2/24 dev veth-red',
      'ip netns exec red ip link set veth-red up',
      'ip netns exec red ip link set lo up',
      'ip netns exec red iptables -A INPUT -p icmp -j DROP',
      'ping -c 1 -W 1 10.0.0.2',
    ])
      await s.runLine(l);
    s.dispose();
    const p = lastPathOf(world)!;
    expect(p.steps.length).toBeGreaterThan(5);
    for (const st of p.steps) {
      expect(isTraceMsg({ id: st.id, params: st.params }), st.what).toBe(true);
      expect(traceEnglish({ id: st.id as TraceId, params: st.params as never })).toBe(st.what);
    }
    const ids = p.steps.map((st) => st.id);
    expect(ids).toEqual(['route.outDev', 'neigh.queued', 'arp.request', 'link.vethSent', 'arp.us', 'link.vethSent', 'arp.reply', 'link.vethSent', 'link.arrived', 'route.local', 'nf.verdict', 'nf.dropped']);
    expect(pathStep('ko', p.steps[1]!).text).toBe('10.0.0.2가 br0의 이웃 테이블에 없음: ARP 요청을 보내고 패킷은 대기');
    const drop = p.steps.find((st) => st.id === 'nf.dropped')!;
    expect(drop.what).toBe('dropped by iptables -t filter INPUT rule 1 (-p icmp -j DROP)');
    expect(pathStep('ko', drop).text).toBe('iptables -t filter INPUT의 1번 규칙 (-p icmp -j DROP)으로 버림');
  });
});
