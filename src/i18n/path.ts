// The packet-path view's narration in Korean. Every traced step carries a
// step id and its parameters (src/kernel/trace-texts.ts holds the English
// templates; the kernel renders the English text into `what` when it records
// the step); here each id has its Korean template. `{x}` is a parameter,
// `{x|는}` the parameter followed by the particle that fits its last sound
// (은/는, 이/가, 을/를, 과/와, 으로/로). A parameter that is itself a step
// text (a reason, a rule) is rendered in Korean too. A step without an id
// known here (a path recorded before ids existed) shows its English text,
// marked lang="en".

import { TRACE_PLACEHOLDER, TRACE_TEXTS, isTraceMsg, traceEnglish, type TraceId, type TraceMsg } from '../kernel/trace-texts.ts';
import { withParticle } from '../labs/messages.ts';
import type { Lang } from './ui.ts';

/** Korean text of every traced step, by id. */
export const PATH_KO: Readonly<Record<TraceId, string>> = {
  // ── routing ──
  'route.local': '{ip|는} 로컬 주소 → 이 네임스페이스에서 받음',
  'route.notForwarding': '{ip|는} 로컬 주소가 아니고 {ns}의 net.ipv4.ip_forward가 0: 버림',
  'route.noneNet': '{ip|로} 가는 라우트 없음 (network unreachable)',
  'route.noneType': '{ip|로} 가는 라우트 없음 (라우트 유형 {type})',
  'route.forwardVia': '{ip} 포워딩: 게이트웨이 {gw}, 장치 {dev}',
  'route.forwardDev': '{ip} 포워딩: 장치 {dev}',
  'route.outLocal': '{ip|로} 가는 라우트: local (루프백), 출발 주소 {src}',
  'route.outVia': '{ip|로} 가는 라우트: 게이트웨이 {gw}, 장치 {dev}, 출발 주소 {src}',
  'route.outDev': '{ip|로} 가는 라우트: 장치 {dev}, 출발 주소 {src}',
  'route.ttlExpired': '포워딩 중 TTL 만료 ({pkt}): ICMP time exceeded',
  'route.fragNeeded': 'DF가 설정된 {n}바이트 패킷이 {dev}의 MTU {mtu}에 맞지 않음: ICMP fragmentation needed (mtu = {mtu})',
  // ── reverse path filter ──
  'rpf.drop': '역방향 경로 필터 (rp_filter={n}, {mode}): {ns}의 {dev}에서 {why}: 버림',
  'rpf.strict': '엄격 모드',
  'rpf.loose': '느슨한 모드',
  'rpf.noRouteBack': '{ip|로} 돌아가는 라우트 없음',
  'rpf.martian': '{ip|는} {type} 주소 (martian source)',
  'rpf.wrongDev': '{ip|로} 돌아가는 라우트가 {dev|가} 아니라 {out|로} 나감',
  // ── neighbours and ARP ──
  'neigh.known': '{ip}의 MAC은 {mac} ({state})',
  'neigh.queued': '{ip|가} {dev}의 이웃 테이블에 없음: ARP 요청을 보내고 패킷은 대기',
  'neigh.failed': '{n}번 요청해도 {ip}에서 ARP 응답 없음: 이웃 FAILED',
  'neigh.unreachable': '{ip|가} {dev}에서 ARP에 응답하지 않음: host unreachable',
  'arp.request': '{dev}: ARP 요청 “{ip|는} 누구?” ({src|가} 물음, 브로드캐스트)',
  'arp.probe': '{dev}: ARP 요청 “{ip|는} 누구?” ({src|가} 물음, 유니캐스트 확인)',
  'arp.us': '{dev}: “{ip|는} 누구?” → 이 장치의 주소, {mac|로} 응답',
  'arp.proxy': '{dev}: “{ip|는} 누구?” → {out|로} 라우팅되는 주소, proxy_arp가 {mac|로} 대신 응답',
  'arp.reply': '{dev}: {ip}의 MAC은 {mac} (이웃 REACHABLE)',
  // ── VXLAN ──
  'vxlan.sent': '{dev}: VXLAN vni {vni|로} 캡슐화 → {dst} (UDP, 출발 {src})',
  'vxlan.rcv': '{src}에서 온 VXLAN vni {vni}: 캡슐을 벗긴 안쪽 프레임을 {dev|로} 전달',
  'vxlan.noVtep': '{dev}: {mac}에 맞는 원격 VTEP 없음 (fdb 항목도 remote도 없음): 버림',
  'vxlan.noRoute': '{dev}: 원격 VTEP {ip|로} 가는 라우트 없음: 버림',
  'vxlan.circular': '{dev}: 원격 VTEP {ip|로} 가는 라우트가 {dev} 자신으로 나감 (순환 라우트): 버림',
  'vxlan.noDevice': 'UDP 포트 {port}의 VXLAN 소켓: vni {vni}인 장치 없음: 버림',
  'vxlan.notVxlan': 'UDP 포트 {port}의 VXLAN 소켓: VXLAN 데이터그램이 아님: 버림',
  // ── bridges ──
  'bridge.known': '{br}: {mac|는} 포트 {port}에 있음 (FDB) → 그 포트로 전달',
  'bridge.unknown': '{br}: {mac|가} FDB에 없음 → 모든 포트로 플러딩',
  'bridge.broadcast': '{br}: {port}에서 온 브로드캐스트를 다른 포트로 플러딩',
  'bridge.multicast': '{br}: {port}에서 온 멀티캐스트를 다른 포트로 플러딩',
  'bridge.mtu': '{br}: 프레임이 포트 {port}의 MTU {mtu}보다 큼: 버림',
  'bridge.stpLearning': '{br}: 포트 {port}의 STP 상태가 learning: 출발지는 학습하고 프레임은 버림',
  'bridge.stpDrop': '{br}: 포트 {port}의 STP 상태가 {state}: 프레임 버림',
  // ── devices and links ──
  'link.vethSent': '{dev|로} 송신 → {ns}의 veth 짝 {peer}',
  'link.wireSent': '{dev|로} 송신 → 케이블 {wire} → {host}의 {peer}',
  'link.sent': '{kind} 장치 {dev|로} 송신 → {peer}',
  'link.arrived': '{pkt} 패킷이 {dev}에 도착',
  'link.down': '{dev} 링크가 down 상태',
  'link.vethPeerDown': '{dev}: veth 짝이 down 상태라 프레임 버림',
  'link.hopLimit': '{dev}에서 프레임 버림: 홉 한도 초과 (브리지 루프?)',
  'link.vethMtu': '{dev}: {n}바이트 패킷이 veth 짝 {peer}의 MTU {mtu}보다 큼: 버림',
  'link.fragmented': '{n}바이트 패킷이 {dev}의 MTU {mtu}보다 큼: 조각 {k}개로 보냄',
  'link.reassembled': '{pkt}의 조각을 다시 합침 ({n}바이트)',
  // ── ICMP, TCP, UDP ──
  'icmp.echo': '{ip}에서 온 echo request → echo reply로 응답',
  'icmp.noRouteBack': '{ip|로} echo reply를 보낼 라우트가 없음: {err}',
  'icmp.pmtu': '{ip}에 대한 fragmentation needed (mtu = {mtu}): 경로 MTU 학습',
  'udp.noSocket': 'UDP 포트 {port}에 소켓 없음: ICMP port unreachable',
  'sock.noRoute': '{ip|로} 가는 라우트 없음: connect: {err}',
  'sock.connectFailed': '{ip} 포트 {port}에 연결 실패: {err}',
  // ── netfilter ──
  'nf.rule': 'iptables -t {table} {chain}의 {n}번 규칙 ({spec})',
  'nf.policyDrop': '{table} {chain}: 정책 DROP (패킷을 받아들인 규칙 없음)',
  'nf.policyDropped': 'iptables -t {table} {chain}의 정책 DROP으로 버림',
  'nf.verdict': '{rule} → {verdict}',
  'nf.dropped': '{rule|으로} 버림',
  'nf.rejected': '{rule|으로} 거부 (REJECT)',
  'nf.trace': '{rule} → TRACE: 여기부터 패킷을 추적 (xtables-monitor --trace가 만나는 규칙을 모두 보여 줌)',
  'nf.bindDst': '{rule}: {target|로} 연결의 목적지를 {to|로} 바꿈',
  'nf.bindSrc': '{rule}: {target|로} 연결의 출발지를 {to|로} 바꿈',
  'nat.src': '{hook} nat: 출발지 {from} → {to}',
  'nat.dst': '{hook} nat: 목적지 {from} → {to}',
  'nat.replySrc': '{hook} nat: 변환된 연결의 응답, 출발지 {from} → {to}',
  'nat.replyDst': '{hook} nat: 변환된 연결의 응답, 목적지 {from} → {to}',
  // ── IPVS ──
  'ipvs.reply': 'IPVS: 실제 서버 {from}의 응답 → 출발지를 {to|로} 되돌림',
  'ipvs.noDest': 'IPVS: {proto} {vip}에 실제 서버 없음 → port unreachable',
  'ipvs.sched': 'IPVS: {proto} {vip} 스케줄러 {sched} → 실제 서버 {rs} ({fwd})',
  'ipvs.noRoute': 'IPVS: 실제 서버 {ip|로} 가는 라우트 없음',
};

/** A step text in Korean (nested step texts too; an id unknown here in English). */
export function koreanStep(msg: TraceMsg): string {
  const t = Object.hasOwn(PATH_KO, msg.id) ? PATH_KO[msg.id] : undefined;
  if (t === undefined) return traceEnglish(msg);
  const params = msg.params ?? {};
  return t.replace(TRACE_PLACEHOLDER, (x, name: string, particle: string | undefined) => {
    const v = params[name];
    if (v === undefined) return x;
    const s = typeof v === 'object' ? koreanStep(v) : String(v);
    return particle ? withParticle(s, particle) : s;
  });
}

/** The parameter names of a template, sorted and without repeats. */
export function placeholders(s: string): string[] {
  return [...new Set([...s.matchAll(TRACE_PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** What is wrong with a pair of step dictionaries: an id without a text in either language, or with different parameters. */
export function pathTextProblems(en: Readonly<Record<string, string>> = TRACE_TEXTS, ko: Readonly<Record<string, string>> = PATH_KO): string[] {
  const out: string[] = [];
  for (const id of new Set([...Object.keys(en), ...Object.keys(ko)])) {
    const e = Object.hasOwn(en, id) ? en[id] : undefined;
    const k = Object.hasOwn(ko, id) ? ko[id] : undefined;
    if (!e?.trim()) out.push(`${id}: no English text`);
    if (!k?.trim()) out.push(`${id}: no Korean text`);
    if (e && k && placeholders(e).join() !== placeholders(k).join()) out.push(`${id}: parameters ${placeholders(e).join(',')} in English, ${placeholders(k).join(',')} in Korean`);
  }
  return out;
}

/** A traced step as the page receives it: its English text, and its id and parameters when it has them. */
export interface StepData {
  what: string;
  id?: string;
  params?: unknown;
}

/** Whether every parameter of a step text (and of the step texts nested in it) is supplied. */
function complete(msg: TraceMsg): boolean {
  const params = msg.params ?? {};
  return placeholders(PATH_KO[msg.id]).every((n) => params[n] !== undefined) && Object.values(params).every((v) => typeof v !== 'object' || complete(v));
}

/** Whether a traced step has a Korean text: a known id, with every parameter its texts name. */
export function hasKoreanStep(s: StepData): boolean {
  const msg = { id: s.id, params: s.params };
  return isTraceMsg(msg) && complete(msg);
}

/** A traced step in `lang` (Korean from its id), and whether it is in that language. */
export function pathStep(lang: Lang, s: StepData): { text: string; translated: boolean } {
  if (lang === 'en') return { text: s.what, translated: true };
  const msg = { id: s.id, params: s.params };
  return isTraceMsg(msg) ? { text: koreanStep(msg), translated: true } : { text: s.what, translated: false };
}
