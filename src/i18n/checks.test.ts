// Check messages are ids with parameters, rendered from one dictionary: every
// id has an English and a Korean text naming the same parameters; the English
// rendering is what the CLIs print; Korean particles follow the parameter's
// last sound; and the messages every lab gives for its untouched start and
// its reference solution have no English prose on a Korean page.

import { describe, expect, it } from 'vitest';
import { CHECK_TEXTS, english, finalSound, join, m, renderMsg, stepParam, withParticle, checkMessage, type MsgId } from './checks.ts';
import { koreanProblems } from './check-audit.ts';
import { labInfo, listLabs, makeLabWorld, runChecks } from '../labs/index.ts';
import { checkLines } from '../labs/replay.ts';

const names = (s: string): string[] => [...s.matchAll(/\{(\w+)(?:\|([^}]+))?\}/g)].map((x) => x[1]!).sort();
const PARTICLES = new Set(['은', '는', '이', '가', '을', '를', '과', '와', '으로', '로']);

describe('the check message dictionary', () => {
  const entries = Object.entries(CHECK_TEXTS) as [MsgId, { en: string; ko: string }][];

  it('has many messages, each id in both languages', () => {
    expect(entries.length).toBeGreaterThan(250);
    for (const [id, t] of entries) {
      expect(t.en.trim(), id).not.toBe('');
      // Korean words, unless the text is only parameters and punctuation.
      if (/[a-z]{2}/i.test(t.ko.replace(/\{[^}]+\}/g, ''))) expect(t.ko, id).toMatch(/[가-힣]/);
    }
  });

  it('names the same parameters in English and Korean', () => {
    const bad = entries.filter(([, t]) => [...new Set(names(t.en))].join() !== [...new Set(names(t.ko))].join()).map(([id, t]) => `${id}: ${names(t.en)} vs ${names(t.ko)}`);
    expect(bad).toEqual([]);
  });

  it('uses only known particles after a parameter', () => {
    const bad = entries.flatMap(([id, t]) => [...t.ko.matchAll(/\{\w+\|([^}]+)\}/g)].filter((x) => !PARTICLES.has(x[1]!)).map((x) => `${id}: ${x[0]}`));
    expect(bad).toEqual([]);
  });

  it('renders parameters, nested messages and joined messages in each language', () => {
    const probe = m('probe.gotIcmpError', { from: 'left', src: '10.1.1.1', kind: m('probe.networkUnreachable') });
    expect(english(probe)).toBe('left got an ICMP error from 10.1.1.1: network unreachable');
    expect(renderMsg('ko', probe)).toBe('left에 10.1.1.1에서 보낸 ICMP 오류가 왔습니다: 네트워크에 닿을 수 없음 (network unreachable)');
    const two = join([m('probe.noAddressOn', { label: 'red', cidr: '192.168.15.1/24', dev: 'veth-red' }), m('probe.reachesEchoReplyTtl', { label: 'blue', dst: '192.168.15.1', ttl: 64 })]);
    expect(english(two)).toBe('red has no address 192.168.15.1/24 on veth-red; blue reaches 192.168.15.1 (echo reply, ttl 64)');
    expect(renderMsg('ko', two)).toBe('red의 veth-red에 192.168.15.1/24 주소가 없습니다; blue에서 192.168.15.1에 닿습니다 (echo reply, ttl 64)');
    const drop = m('http.natOnTheWay', { head: m('http.failed', { url: 'http://203.0.113.5:8080/', label: 'client', reason: m('http.synWasDropped', { where: 'host', what: 'FORWARD policy DROP' }) }), nat: 'host: nat: destination 203.0.113.5:8080 → 192.168.15.2:80' });
    expect(english(drop)).toBe('http://203.0.113.5:8080/ from client failed: the SYN was dropped in host: FORWARD policy DROP (NAT on the way: host: nat: destination 203.0.113.5:8080 → 192.168.15.2:80)');
    expect(renderMsg('ko', drop)).toBe('client에서 요청한 http://203.0.113.5:8080/ 실패: SYN이 host에서 버려졌습니다: FORWARD policy DROP (거쳐 간 NAT: host: nat: destination 203.0.113.5:8080 → 192.168.15.2:80)');
  });

  it('picks the particle that fits the last sound of the value', () => {
    expect(withParticle('web', '가')).toBe('web이');
    expect(withParticle('red', '가')).toBe('red가');
    expect(withParticle('web-b', '와')).toBe('web-b와');
    expect(withParticle('web-m', '와')).toBe('web-m과');
    expect(withParticle('node01', '는')).toBe('node01은');
    expect(withParticle('10.0.0.2', '는')).toBe('10.0.0.2는');
    expect(withParticle('10.0.0.3', '를')).toBe('10.0.0.3을');
    expect(withParticle('eth0', '와')).toBe('eth0과');
    expect(withParticle('ns1', '로')).toBe('ns1로');
    expect(withParticle('10.0.0.6', '로')).toBe('10.0.0.6으로');
    expect(withParticle('client', '이')).toBe('client가');
    expect(withParticle('pod1', '를')).toBe('pod1을');
    expect(withParticle('shop', '가')).toBe('shop이');
    expect(withParticle('kube-system', '을')).toBe('kube-system을');
    expect(withParticle('파드', '를')).toBe('파드를');
    expect(withParticle('서버', '으로')).toBe('서버로');
    expect(withParticle('라우팅 테이블', '이')).toBe('라우팅 테이블이');
    expect(finalSound('http://10.0.0.1/')).toBe('ㄹ');
  });

  it('renders a traced step it quotes in the same language, from the step id', () => {
    const drop = { id: 'route.notForwarding', params: { ip: '10.0.2.2', ns: 'host/router' } } as const;
    const msg = m('probe.echoRequestWasDropped', { from: 'red', dst: '10.0.2.2', where: 'host/router', what: stepParam(drop) });
    expect(english(msg)).toBe('the echo request from red to 10.0.2.2 was dropped in host/router: 10.0.2.2 is not a local address and net.ipv4.ip_forward is 0 in host/router: dropped');
    expect(renderMsg('en', msg)).toBe(english(msg));
    expect(renderMsg('ko', msg)).toBe('red에서 10.0.2.2에 보낸 echo 요청이 host/router에서 버려졌습니다: 10.0.2.2는 로컬 주소가 아니고 host/router의 net.ipv4.ip_forward가 0: 버림');
    const nat = m('http.natOnTheWay', { head: m('probe.echoRequestNeverLeft', { from: 'red' }), nat: join([m('path.stepAt', { where: 'host', what: stepParam({ id: 'nat.dst', params: { hook: 'PREROUTING', from: '203.0.113.5:8080', to: '10.0.0.2:80' } }) }), m('path.stepAt', { where: 'host', what: stepParam({ id: 'nat.src', params: { hook: 'POSTROUTING', from: '10.0.0.2:80', to: '10.0.0.1:80' } }) })]) });
    expect(english(nat)).toBe('the echo request never left red (NAT on the way: host: PREROUTING nat: destination 203.0.113.5:8080 → 10.0.0.2:80; host: POSTROUTING nat: source 10.0.0.2:80 → 10.0.0.1:80)');
    expect(renderMsg('ko', nat)).toBe('echo 요청이 red에서 나가지 못했습니다 (거쳐 간 NAT: host: PREROUTING nat: 목적지 203.0.113.5:8080 → 10.0.0.2:80; host: POSTROUTING nat: 출발지 10.0.0.2:80 → 10.0.0.1:80)');
    expect(koreanProblems(msg)).toEqual([]);
    expect(koreanProblems(m('probe.echoRequestWasDropped', { from: 'red', dst: 'x', where: 'y', what: { step: { id: 'no.such' as never } } }))).toEqual(['probe.echoRequestWasDropped.what: traced step no.such has no Korean text']);
  });

  it('shows a stored result without an id (an older record) as its English text', () => {
    expect(checkMessage('ko', { message: 'namespace red does not exist' })).toBe('namespace red does not exist');
    expect(checkMessage('ko', { message: 'x', msg: { id: 'no.such.id' } })).toBe('x');
    expect(checkMessage('ko', { message: 'namespace red does not exist', msg: m('probe.namespaceDoesNotExist', { ns: 'red' }) })).toBe('red 네임스페이스가 없습니다');
  });
});

describe("every lab's messages on a Korean page", () => {
  for (const info of listLabs()) {
    it(`${info.id}: the untouched start and the reference solution`, async () => {
      const problems: string[] = [];
      const start = await runChecks(info.id, makeLabWorld(info.id, 1), 1);
      const solved = await checkLines(info.id, 1, labInfo(info.id, 1)!.solution);
      for (const r of [...start, ...solved]) {
        expect(r.msg, `${r.id} has no message id`).toBeDefined();
        expect(english(r.msg!), r.id).toBe(r.message);
        problems.push(...koreanProblems(r.msg!).map((p) => `${r.id}: ${p}`));
        expect(renderMsg('ko', r.msg!), r.id).toMatch(/[가-힣]/);
      }
      expect(start.some((r) => !r.passed), 'the start fails a check').toBe(true);
      expect(solved.every((r) => r.passed), solved.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`).join('\n')).toBe(true);
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
