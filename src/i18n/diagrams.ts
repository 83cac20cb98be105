// Strings of the lesson diagrams (src/components/diagrams/), in both
// languages: used when a page is built, never by a page script.

import type { Lang } from './ui.ts';

const en = {
  'diagram.nf.title': 'Netfilter hooks and the tables that use them',
  'diagram.nf.desc':
    'A packet arriving on an interface passes PREROUTING (tables raw, mangle, nat: destination NAT), then the routing decision. A packet for this host goes to INPUT (mangle, filter) and to the local process; a packet for another host goes to FORWARD (mangle, filter). Packets the host itself sends start in OUTPUT (raw, mangle, nat, filter). Forwarded and locally sent packets both leave through POSTROUTING (mangle, nat: source NAT and MASQUERADE).',
  'diagram.nf.in': 'packet in',
  'diagram.nf.out': 'packet out',
  'diagram.nf.routing': 'routing decision',
  'diagram.nf.local': 'local process',
  'diagram.nf.caption': 'Five hooks, four tables. DNAT happens before routing (so the new destination is routed), SNAT and MASQUERADE after it (so the outgoing interface is known).',
  'diagram.dk.title': 'docker0, the containers\' veth pairs and the rules dockerd writes',
  'diagram.dk.desc':
    'On the host, the bridge docker0 has the address 172.17.0.1/16. Containers web (172.17.0.2) and db (172.17.0.3) each have an eth0 inside their own namespace, joined by a veth pair to a port of docker0. The host\'s eth0 is 192.168.1.10. In the nat table, PREROUTING and OUTPUT jump to the DOCKER chain, which DNATs port 9090 to 172.17.0.2:80; POSTROUTING masquerades traffic from 172.17.0.0/16 that leaves by another interface. In the filter table, FORWARD passes through DOCKER-FORWARD, which accepts replies and published ports and drops the rest.',
  'diagram.dk.host': 'host (default namespace)',
  'diagram.dk.ns': 'namespace',
  'diagram.dk.bridge': 'docker0 (bridge) 172.17.0.1/16',
  'diagram.dk.caption': 'Every container is a namespace, a veth pair and a bridge port; publishing and the way out are nat rules on the host.',
  'diagram.ov.title': 'Two nodes, two pod subnets, one VXLAN overlay',
  'diagram.ov.desc':
    'node1 (192.168.10.11) runs pod-a 10.244.1.10 on its pod subnet 10.244.1.0/24; node2 (192.168.20.12) runs pod-b 10.244.2.10 on 10.244.2.0/24. A router joins the two node subnets and knows only them. Each node has a VXLAN device vxlan0 (VNI 100) and a route for the other node\'s pod subnet through it. A packet from pod-a to pod-b leaves node1 wrapped in UDP from 192.168.10.11 to 192.168.20.12 port 4789; the router forwards it like any datagram, and node2 unwraps it and delivers the inner packet to pod-b.',
  'diagram.ov.router': 'router (knows only node subnets)',
  'diagram.ov.inner': 'inner: 10.244.1.10 → 10.244.2.10',
  'diagram.ov.outer': 'outer: UDP 192.168.10.11 → 192.168.20.12:4789',
  'diagram.ov.route1': 'route 10.244.2.0/24 via vxlan0',
  'diagram.ov.route2': 'route 10.244.1.0/24 via vxlan0',
  'diagram.ov.caption': 'The network in between sees only node addresses; the pod addresses travel inside the VXLAN datagram, 50 bytes of headers later.',
  'diagram.svc.title': 'A ClusterIP Service as kube-proxy\'s iptables chains',
  'diagram.svc.desc':
    'A packet to the ClusterIP 10.96.50.50 port 80 enters KUBE-SERVICES from PREROUTING or OUTPUT. The rule for that address and port jumps to the Service\'s chain KUBE-SVC-…, which picks one endpoint: the first KUBE-SEP chain with probability 1/3, else the second with probability 1/2, else the third. Each KUBE-SEP chain DNATs to one pod, 10.244.1.2, 10.244.1.3 or 10.244.2.2, on port 80.',
  'diagram.svc.packet': 'packet to|10.96.50.50:80',
  'diagram.svc.match': 'match ClusterIP and port',
  'diagram.svc.pick': 'pick an endpoint',
  'diagram.svc.rest': 'the rest',
  'diagram.svc.caption': 'One chain per Service, one chain per endpoint: a cascade of random choices, then DNAT. Conntrack keeps the rest of the connection on the chosen pod.',
} as const;

export type DiagramKey = keyof typeof en;

const ko: Record<DiagramKey, string> = {
  'diagram.nf.title': '넷필터 훅과 그 훅을 쓰는 테이블',
  'diagram.nf.desc':
    '인터페이스로 들어온 패킷은 PREROUTING(테이블 raw, mangle, nat: 목적지 NAT)을 지나 라우팅 결정에 이릅니다. 이 호스트로 온 패킷은 INPUT(mangle, filter)을 거쳐 로컬 프로세스로 가고, 다른 호스트로 가는 패킷은 FORWARD(mangle, filter)로 갑니다. 호스트 자신이 보내는 패킷은 OUTPUT(raw, mangle, nat, filter)에서 시작합니다. 전달되는 패킷과 로컬에서 보낸 패킷은 모두 POSTROUTING(mangle, nat: 소스 NAT와 MASQUERADE)을 지나 나갑니다.',
  'diagram.nf.in': '들어오는 패킷',
  'diagram.nf.out': '나가는 패킷',
  'diagram.nf.routing': '라우팅 결정',
  'diagram.nf.local': '로컬 프로세스',
  'diagram.nf.caption': '훅 다섯 개, 테이블 네 개. DNAT는 라우팅 전에 일어나고(새 목적지로 라우팅되도록), SNAT와 MASQUERADE는 라우팅 뒤에 일어납니다(나가는 인터페이스를 알도록).',
  'diagram.dk.title': 'docker0, 컨테이너의 veth 쌍, dockerd가 쓰는 규칙',
  'diagram.dk.desc':
    '호스트에서 브리지 docker0은 주소 172.17.0.1/16을 가집니다. 컨테이너 web(172.17.0.2)과 db(172.17.0.3)는 각자의 네임스페이스 안에 eth0을 가지며, veth 쌍으로 docker0의 포트에 연결됩니다. 호스트의 eth0은 192.168.1.10입니다. nat 테이블에서 PREROUTING과 OUTPUT은 DOCKER 체인으로 점프하고, DOCKER 체인은 9090번 포트를 172.17.0.2:80으로 DNAT 합니다. POSTROUTING은 172.17.0.0/16에서 다른 인터페이스로 나가는 트래픽을 MASQUERADE 합니다. filter 테이블에서 FORWARD는 DOCKER-FORWARD를 거치며, 응답과 공개된 포트는 받아들이고 나머지는 버립니다.',
  'diagram.dk.host': '호스트 (기본 네임스페이스)',
  'diagram.dk.ns': '네임스페이스',
  'diagram.dk.bridge': 'docker0 (브리지) 172.17.0.1/16',
  'diagram.dk.caption': '모든 컨테이너는 네임스페이스, veth 쌍, 브리지 포트 하나입니다. 포트 공개와 바깥으로 나가는 길은 호스트의 nat 규칙입니다.',
  'diagram.ov.title': '노드 둘, 파드 서브넷 둘, VXLAN 오버레이 하나',
  'diagram.ov.desc':
    'node1(192.168.10.11)은 파드 서브넷 10.244.1.0/24에서 pod-a 10.244.1.10을, node2(192.168.20.12)는 10.244.2.0/24에서 pod-b 10.244.2.10을 실행합니다. 라우터는 두 노드 서브넷을 잇고 그 서브넷들만 압니다. 노드마다 VXLAN 장치 vxlan0(VNI 100)과, 상대 노드의 파드 서브넷으로 가는 그 장치 경유 라우트가 있습니다. pod-a에서 pod-b로 가는 패킷은 192.168.10.11에서 192.168.20.12의 4789번 포트로 가는 UDP에 싸여 node1을 떠나고, 라우터는 이를 여느 데이터그램처럼 전달하며, node2가 캡슐을 벗겨 안쪽 패킷을 pod-b에 넘깁니다.',
  'diagram.ov.router': '라우터 (노드 서브넷만 앎)',
  'diagram.ov.inner': '안쪽: 10.244.1.10 → 10.244.2.10',
  'diagram.ov.outer': '바깥쪽: UDP 192.168.10.11 → 192.168.20.12:4789',
  'diagram.ov.route1': '10.244.2.0/24 라우트: vxlan0 경유',
  'diagram.ov.route2': '10.244.1.0/24 라우트: vxlan0 경유',
  'diagram.ov.caption': '사이의 네트워크는 노드 주소만 봅니다. 파드 주소는 50바이트 헤더 뒤, VXLAN 데이터그램 안에 실려 갑니다.',
  'diagram.svc.title': 'kube-proxy의 iptables 체인으로 본 ClusterIP 서비스',
  'diagram.svc.desc':
    'ClusterIP 10.96.50.50의 80번 포트로 가는 패킷은 PREROUTING이나 OUTPUT에서 KUBE-SERVICES로 들어갑니다. 그 주소와 포트의 규칙이 서비스의 체인 KUBE-SVC-…로 점프하고, 이 체인이 엔드포인트 하나를 고릅니다. 확률 1/3로 첫 번째 KUBE-SEP 체인, 아니면 확률 1/2로 두 번째, 아니면 세 번째입니다. 각 KUBE-SEP 체인은 파드 하나(10.244.1.2, 10.244.1.3, 10.244.2.2)의 80번 포트로 DNAT 합니다.',
  'diagram.svc.packet': '10.96.50.50:80으로|가는 패킷',
  'diagram.svc.match': 'ClusterIP와 포트 일치',
  'diagram.svc.pick': '엔드포인트 고르기',
  'diagram.svc.rest': '나머지',
  'diagram.svc.caption': '서비스마다 체인 하나, 엔드포인트마다 체인 하나: 무작위 선택이 이어진 다음 DNAT 합니다. conntrack이 연결의 나머지를 고른 파드로 보냅니다.',
};

const DICT: Record<Lang, Record<DiagramKey, string>> = { en, ko };

/** A diagram string in `lang`, with `{name}` placeholders filled. */
export function dt(lang: Lang, key: DiagramKey, vars: Record<string, string | number> = {}): string {
  return DICT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}
