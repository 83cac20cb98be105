// The packet-path view's narration in Korean. The kernel writes each traced
// step in English (src/kernel: routing, neighbour, bridge, netfilter, NAT…);
// here each English pattern has a Korean one. Placeholders keep what they
// matched: {x} a value without spaces, {x~} free text (a rule, an errno
// text). A step no pattern matches stays English (marked lang="en").

import type { Lang } from './ui.ts';

/** [English pattern, Korean pattern]. */
export const PATH_STEPS: readonly (readonly [string, string])[] = [
  // ── routing (src/kernel/stack.ts) ──
  ['{ip} is a local address → deliver locally', '{ip}는 로컬 주소 → 이 네임스페이스에서 받음'],
  ['no route to {ip} (network unreachable)', '{ip}로 가는 라우트 없음 (network unreachable)'],
  ['no route to {ip} ({type})', '{ip}로 가는 라우트 없음 ({type})'],
  ['no route to {ip}: connect: {err~}', '{ip}로 가는 라우트 없음: connect: {err}'],
  ['forward {ip} via {gw} dev {dev}', '{ip} 포워딩: 게이트웨이 {gw}, 장치 {dev}'],
  ['forward {ip} via dev {dev}', '{ip} 포워딩: 장치 {dev}'],
  ['route to {ip}: local (loopback) src {src}', '{ip}로 가는 라우트: local (루프백), 출발 주소 {src}'],
  ['route to {ip}: via {gw} dev {dev} src {src}', '{ip}로 가는 라우트: 게이트웨이 {gw}, 장치 {dev}, 출발 주소 {src}'],
  ['route to {ip}: dev {dev} src {src}', '{ip}로 가는 라우트: 장치 {dev}, 출발 주소 {src}'],
  ['{ip} is not a local address and net.ipv4.ip_forward is 0 in {ns}: dropped', '{ip}는 로컬 주소가 아니고 {ns}의 net.ipv4.ip_forward가 0: 버림'],
  ['TTL expired while forwarding {pkt~}: ICMP time exceeded', '포워딩 중 TTL 만료 ({pkt}): ICMP time exceeded'],
  ['cannot route the echo reply to {ip}: {err~}', '{ip}로 echo reply를 보낼 라우트가 없음: {err}'],
  ['reverse path filter (rp_filter={n}, {mode~}) on {rest~}', '역방향 경로 필터 (rp_filter={n}, {mode}): {rest}'],
  // ── neighbours and ARP ──
  ['{ip} is {mac} ({state})', '{ip}의 MAC은 {mac} ({state})'],
  ['{ip} not in the neighbour table of {dev}: ARP request, packet queued', '{ip}가 {dev}의 이웃 테이블에 없음: ARP 요청을 보내고 패킷은 대기'],
  ['no ARP reply from {ip} after {n} requests: neighbour FAILED', '{n}번 요청해도 {ip}에서 ARP 응답 없음: 이웃 FAILED'],
  ['{ip} did not answer ARP on {dev}: host unreachable', '{ip}가 {dev}에서 ARP에 응답하지 않음: host unreachable'],
  ['{dev}: who-has {ip} tell {src} (broadcast)', '{dev}: ARP 요청 “{ip}는 누구?” ({src}가 물음, 브로드캐스트)'],
  ['{dev}: who-has {ip} tell {src} (unicast probe)', '{dev}: ARP 요청 “{ip}는 누구?” ({src}가 물음, 유니캐스트 확인)'],
  ['{dev}: who-has {ip} — that is us, replying is-at {mac}', '{dev}: “{ip}는 누구?” → 이 장치의 주소, {mac}로 응답'],
  ['{dev}: who-has {ip} — routed out of {out}, proxy_arp answers is-at {mac}', '{dev}: “{ip}는 누구?” → {out}로 라우팅되는 주소, proxy_arp가 {mac}로 대신 응답'],
  ['{dev}: {ip} is-at {mac} (neighbour REACHABLE)', '{dev}: {ip}의 MAC은 {mac} (이웃 REACHABLE)'],
  // ── VXLAN (src/kernel/stack.ts vxlanXmit / vxlanRcv) ──
  ['{dev}: VXLAN vni {vni} → {dst} (UDP from {src})', '{dev}: VXLAN vni {vni}로 캡슐화 → {dst} (UDP, 출발 {src})'],
  ['VXLAN vni {vni} from {src}: inner frame delivered on {dev}', '{src}에서 온 VXLAN vni {vni}: 캡슐을 벗긴 안쪽 프레임을 {dev}로 전달'],
  ['{dev}: no remote VTEP for {mac} (no fdb entry, no remote): dropped', '{dev}: {mac}에 맞는 원격 VTEP 없음 (fdb 항목도 remote도 없음): 버림'],
  ['{dev}: no route to the remote VTEP {ip}: dropped', '{dev}: 원격 VTEP {ip}로 가는 라우트 없음: 버림'],
  ['{dev}: the route to the remote VTEP {ip} leaves through {dev2} itself (circular route): dropped', '{dev}: 원격 VTEP {ip}로 가는 라우트가 {dev2} 자신으로 나감 (순환 라우트): 버림'],
  ['VXLAN socket on UDP port {port}: no device with vni {vni}: dropped', 'UDP 포트 {port}의 VXLAN 소켓: vni {vni}인 장치 없음: 버림'],
  ['VXLAN socket on UDP port {port}: not a VXLAN datagram: dropped', 'UDP 포트 {port}의 VXLAN 소켓: VXLAN 데이터그램이 아님: 버림'],
  // ── bridges ──
  ['{br}: {mac} is known on port {port} (FDB) → forwarded', '{br}: {mac}는 포트 {port}에 있음 (FDB) → 그 포트로 전달'],
  ['{br}: {mac} unknown in the FDB → flooded', '{br}: {mac}가 FDB에 없음 → 모든 포트로 플러딩'],
  ['{br}: broadcast from {port} flooded to the other ports', '{br}: {port}에서 온 브로드캐스트를 다른 포트로 플러딩'],
  ['{br}: multicast from {port} flooded to the other ports', '{br}: {port}에서 온 멀티캐스트를 다른 포트로 플러딩'],
  ['{br}: frame larger than the MTU {mtu} of port {port}: dropped', '{br}: 프레임이 포트 {port}의 MTU {mtu}보다 큼: 버림'],
  ['{br}: port {port} is in STP state learning: source learned, frame dropped', '{br}: 포트 {port}의 STP 상태가 learning: 출발지는 학습하고 프레임은 버림'],
  ['{br}: port {port} is in STP state {state}: frame dropped', '{br}: 포트 {port}의 STP 상태가 {state}: 프레임 버림'],
  // ── devices and links ──
  ['sent on {dev} → veth peer {peer} in {ns}', '{dev}로 송신 → {ns}의 veth 짝 {peer}'],
  ['sent on {dev} → wire {wire} → {host} {peer}', '{dev}로 송신 → 케이블 {wire} → {host}의 {peer}'],
  ['{pkt~} arrived on {dev}', '{pkt} 패킷이 {dev}에 도착'],
  ['{dev} is down', '{dev} 링크가 down 상태'],
  ['{dev}: veth peer is down, frame dropped', '{dev}: veth 짝이 down 상태라 프레임 버림'],
  ['frame dropped on {dev}: hop limit (a bridging loop?)', '{dev}에서 프레임 버림: 홉 한도 초과 (브리지 루프?)'],
  ['{dev}: {n}-byte packet is larger than the MTU {mtu} of veth peer {peer}: dropped', '{dev}: {n}바이트 패킷이 veth 짝 {peer}의 MTU {mtu}보다 큼: 버림'],
  ['{n}-byte packet is larger than the MTU {mtu} of {dev}: sent as {k} fragments', '{n}바이트 패킷이 {dev}의 MTU {mtu}보다 큼: 조각 {k}개로 보냄'],
  ['{n}-byte packet with DF set does not fit the MTU {mtu} of {dev}: ICMP fragmentation needed (mtu = {m})', 'DF가 설정된 {n}바이트 패킷이 {dev}의 MTU {mtu}에 맞지 않음: ICMP fragmentation needed (mtu = {m})'],
  ['fragments of {pkt~} reassembled ({n} bytes)', '{pkt}의 조각을 다시 합침 ({n}바이트)'],
  // ── ICMP, TCP, UDP ──
  ['echo request from {ip} → echo reply', '{ip}에서 온 echo request → echo reply로 응답'],
  ['fragmentation needed for {ip} (mtu = {mtu}): path MTU learned', '{ip}에 대한 fragmentation needed (mtu = {mtu}): 경로 MTU 학습'],
  ['no socket on UDP port {port}: ICMP port unreachable', 'UDP 포트 {port}에 소켓 없음: ICMP port unreachable'],
  ['connect to {ip} port {port} failed: {err~}', '{ip} 포트 {port}에 연결 실패: {err}'],
  // ── netfilter (src/kernel/netfilter) ──
  ['{table} {chain}: policy DROP (no rule accepted the packet)', '{table} {chain}: 정책 DROP (패킷을 받아들인 규칙 없음)'],
  ['dropped by the policy DROP of iptables -t {table} {chain}', 'iptables -t {table} {chain}의 정책 DROP으로 버림'],
  ['dropped by {rule~}', '{rule} 규칙으로 버림'],
  ['rejected by {rule~}', '{rule} 규칙으로 거부 (REJECT)'],
  ['{rule~}: {target} binds the connection, destination → {to}', '{rule}: {target}로 연결의 목적지를 {to}로 바꿈'],
  ['{rule~}: {target} binds the connection, source → {to}', '{rule}: {target}로 연결의 출발지를 {to}로 바꿈'],
  ['{rule~} → TRACE: the packet is traced from here on (xtables-monitor --trace shows each rule it meets)', '{rule} → TRACE: 여기부터 패킷을 추적 (xtables-monitor --trace가 만나는 규칙을 모두 보여 줌)'],
  ['{hook} nat: reply of a translated connection, source {from} → {to}', '{hook} nat: 변환된 연결의 응답, 출발지 {from} → {to}'],
  ['{hook} nat: reply of a translated connection, destination {from} → {to}', '{hook} nat: 변환된 연결의 응답, 목적지 {from} → {to}'],
  ['{hook} nat: source {from} → {to}', '{hook} nat: 출발지 {from} → {to}'],
  ['{hook} nat: destination {from} → {to}', '{hook} nat: 목적지 {from} → {to}'],
  ['{rule~} → {verdict}', '{rule} → {verdict}'],
  // ── IPVS ──
  ['IPVS: reply from real server {from} → source back to {to}', 'IPVS: 실제 서버 {from}의 응답 → 출발지를 {to}로 되돌림'],
  ['IPVS: {proto} {vip} has no real server → port unreachable', 'IPVS: {proto} {vip}에 실제 서버 없음 → port unreachable'],
  ['IPVS: {proto} {vip} {sched} → real server {rs} ({fwd})', 'IPVS: {proto} {vip} 스케줄러 {sched} → 실제 서버 {rs} ({fwd})'],
  ['IPVS: no route to real server {ip}', 'IPVS: 실제 서버 {ip}로 가는 라우트 없음'],
];

interface Rule {
  re: RegExp;
  names: string[];
  ko: string;
}
const PH = /\{(\w+)(~?)\}/g;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function compile([en, ko]: readonly [string, string]): Rule {
  const names: string[] = [];
  let src = '';
  let last = 0;
  for (const m of en.matchAll(PH)) {
    src += esc(en.slice(last, m.index));
    src += m[2] === '~' ? '(.+?)' : '(\\S+?)';
    names.push(m[1]!);
    last = m.index! + m[0].length;
  }
  src += esc(en.slice(last));
  return { re: new RegExp(`^${src}$`, 's'), names, ko };
}
const literal = (en: string): number => en.replace(PH, '').length;
const RULES: Rule[] = [...PATH_STEPS].sort((a, b) => literal(b[0]) - literal(a[0])).map(compile);

function translate(what: string): string | undefined {
  for (const r of RULES) {
    const m = r.re.exec(what);
    if (!m) continue;
    const vals: Record<string, string> = {};
    r.names.forEach((n, i) => (vals[n] = m[i + 1]!));
    return r.ko.replace(PH, (x, n: string) => vals[n] ?? x);
  }
  return undefined;
}

/** Whether a Korean pattern matches a traced step (tests). */
export function hasKoreanStep(what: string): boolean {
  return translate(what) !== undefined;
}

/** A traced step in `lang` (Korean when a pattern matches), and whether it was translated. */
export function pathStep(lang: Lang, what: string): { text: string; translated: boolean } {
  if (lang === 'en') return { text: what, translated: true };
  const ko = translate(what);
  return ko === undefined ? { text: what, translated: false } : { text: ko, translated: true };
}
