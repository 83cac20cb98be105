// Check messages in Korean. The checks (src/labs/checks.ts, src/docker/
// checks.ts, labs/*) write English sentences with names, addresses, rules
// and kernel trace text in them; here each English template has a Korean
// one. Placeholders keep what they matched unchanged:
//   {x}   a value (name, address, port...): no `;` inside
//   {x~}  free text kept as is (an errno text, a trace line, a rule)
//   {x*}  a fragment that is itself translated (a reason, a suffix)
// A message no template matches stays English (messages joined with `; `
// are translated part by part). Korean templates avoid particles whose form
// depends on the placeholder's last sound (이/가, 을/를...).

import type { Lang } from './ui.ts';

/** [English template, Korean template]. */
export const CHECK_MESSAGES: readonly (readonly [string, string])[] = [
  // ── namespaces, addresses, ICMP probes (src/labs/checks.ts) ──
  ['namespace {ns} does not exist', '{ns} 네임스페이스가 없습니다'],
  ['bad address {a}', '잘못된 주소: {a}'],
  ['{label} reaches {dst} (echo reply, ttl {ttl})', '{label}에서 {dst}에 닿습니다 (echo reply, ttl {ttl})'],
  ['namespace {ns} exists', '{ns} 네임스페이스가 있습니다'],
  ['there is no namespace {spec} (ip netns add {name})', '{spec} 네임스페이스가 없습니다 (ip netns add {name})'],
  ['{label} has no address {cidr} on {dev}', '{label}의 {dev}에 {cidr} 주소가 없습니다'],
  ['{label} has no address {cidr}', '{label}에 {cidr} 주소가 없습니다'],
  ['{label} has {cidr} on {dev}, but {dev2} is down ({cmd})', '{label}의 {dev}에 {cidr} 주소가 있지만 {dev2} 링크가 down 상태입니다 ({cmd})'],
  ['{label} has {cidr} on {dev}', '{label}의 {dev}에 {cidr} 주소가 있습니다'],
  [
    '{from} cannot send to {dst}: connect: {err~} — {from2} has no usable route to {dst2} (check its addresses, that the link is up, and its routes)',
    '{from}에서 {dst}에 보낼 수 없습니다: connect: {err}. {from2}에는 {dst2}에 닿는 쓸 수 있는 라우트가 없습니다 (주소, 링크가 up 상태인지, 라우팅 테이블을 확인하세요)',
  ],
  ['{from} got an ICMP error from {src}: {kind*}', '{from}에 {src}에서 보낸 ICMP 오류가 왔습니다: {kind}'],
  ['network unreachable', '네트워크에 닿을 수 없음 (network unreachable)'],
  ['host unreachable', '호스트에 닿을 수 없음 (host unreachable)'],
  ['port unreachable', '포트에 닿을 수 없음 (port unreachable)'],
  ['administratively prohibited (a firewall REJECT)', '관리상 금지됨 (방화벽의 REJECT)'],
  ['TTL exceeded (a routing loop?)', 'TTL 초과 (라우팅 루프?)'],
  [
    'the echo request reached {where} but no reply came back to {from}: the reply has no way back (a missing route or gateway on the return path?)',
    'echo 요청은 {where}에 도착했지만 {from}에 응답이 돌아오지 않았습니다: 응답이 돌아올 길이 없습니다 (돌아오는 경로에 라우트나 게이트웨이가 빠졌나요?)',
  ],
  ['the echo request reached {where} but no reply came back to {from}: {what~}', 'echo 요청은 {where}에 도착했지만 {from}에 응답이 돌아오지 않았습니다: {what}'],
  ['the echo request from {from} to {dst} was dropped in {where}: {what~}', '{from}에서 {dst}에 보낸 echo 요청이 {where}에서 버려졌습니다: {what}'],
  ['the echo request never left {from}', 'echo 요청이 {from}에서 나가지 못했습니다'],
  ['the echo request left {from} but nothing answered for {dst} within 3 s', 'echo 요청은 {from}에서 나갔지만 3초 안에 {dst}에서 아무 응답도 없었습니다'],

  // ── the mechanism behind a reply (reachesOver, distinctNs, addrOnVethTo) ──
  [
    '{a} and {b} are one namespace under two names (both are nsfs inode {ino}): the goal asks for two separate namespaces (ip netns add {name})',
    '{a}와(과) {b}는 이름만 둘인 하나의 네임스페이스입니다 (둘 다 nsfs inode {ino}): 목표는 서로 다른 네임스페이스 두 개입니다 (ip netns add {name})',
  ],
  ['{names} are separate namespaces (nsfs inodes {inos})', '{names}: 서로 다른 네임스페이스입니다 (nsfs inode {inos})'],
  [
    '{label} has {cidr} on {dev}, which is not a veth: the goal asks for the address on the end of a veth pair whose other end is in {peer}',
    '{label}의 {cidr} 주소는 veth가 아닌 {dev}에 있습니다: 목표는 다른 쪽 끝이 {peer}에 있는 veth 쌍의 한쪽 끝에 주소를 두는 것입니다',
  ],
  [
    '{label} has {cidr} on veth {dev}, but its other end is not in {peer}: the goal asks for one veth pair joining {a} and {b}',
    '{label}의 veth {dev}에 {cidr} 주소가 있지만 그 다른 쪽 끝이 {peer}에 있지 않습니다: 목표는 {a}와(과) {b}를 잇는 veth 쌍 하나입니다',
  ],
  ['{label} has {cidr} on {dev}, whose veth peer {pdev} is in {peer}', '{label}의 {dev}에 {cidr} 주소가 있고, 그 veth 짝 {pdev}는 {peer}에 있습니다'],
  [
    "{from} gets a reply from {dst}, but {dst2} is one of {from2}'s own addresses: the echo request never left {from3}. The goal asks for {dst3} to be {at}'s address, reached over the network",
    '{from}에서 {dst}의 응답을 받지만 {dst2}는 {from2} 자신의 주소입니다: echo 요청이 {from3} 밖으로 나가지 않았습니다. 목표는 {dst3}가 {at}의 주소이고 네트워크를 거쳐 닿는 것입니다',
  ],
  [
    "{from} gets a reply from {dst}, but {where} answered it, not {at}: the goal asks for {dst2} to be {at2}'s address",
    '{from}에서 {dst}의 응답을 받지만 응답한 곳은 {at}가 아니라 {where}입니다: 목표는 {dst2}가 {at2}의 주소인 것입니다',
  ],
  [
    '{from} reaches {dst}, but {via} did not forward the echo request: the goal asks for {via2} to route between the networks',
    '{from}에서 {dst}에 닿지만 {via}가 echo 요청을 전달(forward)하지 않았습니다: 목표는 {via2}가 두 네트워크 사이를 라우팅하는 것입니다',
  ],
  [
    '{from} reaches {dst} in {at}, but not over a veth pair joining them: the goal asks for one veth pair between {a} and {b}',
    '{from}에서 {at}의 {dst}에 닿지만 둘을 잇는 veth 쌍을 거치지 않았습니다: 목표는 {a}와(과) {b} 사이의 veth 쌍 하나입니다',
  ],
  [
    '{from} reaches {dst} in {at}, but the echo request did not cross bridge {br}: the goal asks for the namespaces to be joined by the bridge',
    '{from}에서 {at}의 {dst}에 닿지만 echo 요청이 브리지 {br}를 거치지 않았습니다: 목표는 네임스페이스들을 브리지로 잇는 것입니다',
  ],
  ['{from} reaches {dst} in {at} (echo reply, ttl {ttl})', '{from}에서 {at}의 {dst}에 닿습니다 (echo reply, ttl {ttl})'],
  [
    "{label} got a page from {url}, but not from {srv}'s server at {at}: the connection was answered by {who~}. The goal asks for the page to be served by {srv2}'s server",
    '{label}에서 {url} 페이지를 받았지만 {at}에 있는 {srv}의 서버가 보낸 것이 아닙니다: 연결에 응답한 곳은 {who}입니다. 목표는 {srv2}의 서버가 페이지를 보내는 것입니다',
  ],
  [
    "{label} got {srv}'s page from {url}, but {srv2}'s server saw the connection come from {src}, not from {label2}: something relayed it (a proxy) instead of {host} translating its destination. The goal asks for a DNAT rule on {host2}",
    '{label}에서 {url}로 {srv}의 페이지를 받았지만 {srv2}의 서버에는 연결이 {label2}가 아니라 {src}에서 온 것으로 보였습니다: {host}가 목적지를 변환한 것이 아니라 무언가(프록시)가 중계했습니다. 목표는 {host2}의 DNAT 규칙입니다',
  ],
  [
    "{label} got {srv}'s page from {url}, but the connection did not go through {host} addressed to {host2}: the goal asks for {host3} to translate its own address and port to {at} (DNAT)",
    '{label}에서 {url}로 {srv}의 페이지를 받았지만 연결이 {host2} 주소로 {host}를 거치지 않았습니다: 목표는 {host3}가 자기 주소와 포트를 {at}로 변환하는 것(DNAT)입니다',
  ],

  [
    '{from} resolves {to} to {ip} from a file (its /etc/hosts), not through the embedded DNS of network {net}: the goal asks for {from2} to find {to2} by name on the network they share',
    '{from}는 {to}를 네트워크 {net}의 내장 DNS가 아니라 파일(/etc/hosts)에서 {ip}로 찾습니다: 목표는 {from2}가 함께 쓰는 네트워크에서 이름으로 {to2}를 찾는 것입니다',
  ],
  [
    'pod1 has {ip} on eth0, but no IPAM plugin leased it (host-local keeps each lease in /var/lib/cni/networks/NETWORK/): the goal asks for the bridge plugin, run with CNI_COMMAND=ADD, to configure pod1',
    'pod1의 eth0에 {ip} 주소가 있지만 어떤 IPAM 플러그인도 이 주소를 임대하지 않았습니다 (host-local은 임대마다 /var/lib/cni/networks/NETWORK/에 기록합니다): 목표는 CNI_COMMAND=ADD로 실행한 bridge 플러그인이 pod1을 설정하는 것입니다',
  ],
  // ── HTTP over TCP, NAT explanations ──
  ['bad URL {url}', '잘못된 URL: {url}'],
  ['{url} from {label}: the server answered something that is not HTTP', '{label}에서 요청한 {url}: 서버가 HTTP가 아닌 응답을 보냈습니다'],
  ['{url} from {label} answered "{status~}", not a page', '{label}에서 요청한 {url}의 응답이 페이지가 아니라 "{status}"입니다'],
  [
    '{url} from {label} answered {status~}, but not with the expected page (it does not contain "{expect~}")',
    '{label}에서 요청한 {url}이 응답({status})은 했지만 기대한 페이지가 아닙니다 ("{expect}" 문자열이 없습니다)',
  ],
  ['{label} fetched {url}: {status~} (the page contains "{expect~}")', '{label}에서 {url} 페이지를 받았습니다: {status} (페이지에 "{expect}" 문자열이 있습니다)'],
  ['{label} fetched {url}: {status~}', '{label}에서 {url} 페이지를 받았습니다: {status}'],
  [
    '{label} cannot connect to {addr}: {err~} — {label2} has no route there (a default route via its gateway?)',
    '{label}에서 {addr}에 연결할 수 없습니다: {err}. {label2}에는 그쪽으로 가는 라우트가 없습니다 (게이트웨이를 거치는 기본 라우트가 있나요?)',
  ],
  ['{url} from {label} failed: {reason*}', '{label}에서 요청한 {url} 실패: {reason}'],
  ['the SYN was dropped in {where}: {what~}', 'SYN이 {where}에서 버려졌습니다: {what}'],
  ['{head*} (NAT on the way: {nat~})', '{head} (거쳐 간 NAT: {nat})'],
  [
    '{head*} ({host} translated the source to {a}, which is not one of its addresses: replies go to {a2} and never come back to {host2} to be translated back)',
    '{head} ({host}에서 출발지 주소를 자기 주소가 아닌 {a} 주소로 바꿨습니다: 응답은 {a2} 주소로 가서, 다시 변환되도록 {host2}에 돌아오지 못합니다)',
  ],
  [
    '{head*} — {host} has no route to {net}: the request arrived with the private source {src} because nothing translated it on the way out (a MASQUERADE or SNAT rule for {net2} in the nat POSTROUTING chain of the host in between)',
    '{head}. {host}에는 {net} 대역으로 가는 라우트가 없습니다: 나가는 길에 아무것도 주소를 변환하지 않아서 요청이 사설 출발지 주소 {src} 그대로 도착했습니다 (중간 호스트의 nat POSTROUTING 체인에 {net2} 대역을 위한 MASQUERADE 또는 SNAT 규칙이 필요합니다)',
  ],
  ['{head*} (on the way: {steps~})', '{head} (거쳐 간 곳: {steps})'],
  ['the connection was refused (RST)', '연결이 거부되었습니다 (RST)'],
  [
    "{dst} answered the SYN with a RST: nothing listens on {dst2}:{port}. The SYN arrived at {who} on {dev} still addressed to {dst3}:{port2}: no DNAT rule in the nat table's PREROUTING chain rewrote it, and nothing listens on port {port3} there.",
    '{dst}에서 SYN에 RST로 응답했습니다: {dst2}:{port}에서 대기 중인 프로그램이 없습니다. SYN은 목적지가 여전히 {dst3}:{port2}인 채로 {who}의 {dev}에 도착했습니다: nat 테이블 PREROUTING 체인의 어떤 DNAT 규칙도 목적지를 바꾸지 않았고, 거기서 {port3}번 포트에 대기 중인 프로그램도 없습니다.',
  ],
  ['{dst} answered the SYN with a RST: nothing listens on {dst2}:{port}.', '{dst}에서 SYN에 RST로 응답했습니다: {dst2}:{port}에서 대기 중인 프로그램이 없습니다.'],
  [
    'the SYN was translated to {addr} ({who}), which answered with a RST: nothing listens on port {port} there.',
    'SYN의 목적지가 {addr} ({who}) 주소로 변환되었고, 그쪽에서 RST로 응답했습니다: 거기서 {port}번 포트에 대기 중인 프로그램이 없습니다.',
  ],
  ['the SYN never left {label}', 'SYN이 {label}에서 나가지 못했습니다'],
  [
    'the SYN reached {owner} ({addr}) from {src}, but no SYN-ACK came back: {owner2} has no route to {src2} ({err~}): the SYN still carries the private source {src3} — nothing translated it on the way out (a MASQUERADE or SNAT rule in nat POSTROUTING of the host in between)',
    'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 돌아오지 않았습니다: {owner2}에는 {src2}에 닿는 라우트가 없습니다 ({err}). SYN의 출발지는 여전히 사설 주소 {src3}입니다. 나가는 길에 아무것도 주소를 변환하지 않았습니다 (중간 호스트의 nat POSTROUTING에 MASQUERADE 또는 SNAT 규칙이 필요합니다)',
  ],
  [
    "the SYN reached {owner} ({addr}) from {src}, but no SYN-ACK came back: {owner2} has no route to {src2} ({err~}) (a default route via {gw}'s gateway?)",
    'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 돌아오지 않았습니다: {owner2}에는 {src2}에 닿는 라우트가 없습니다 ({err}) ({gw}의 게이트웨이를 거치는 기본 라우트가 있나요?)',
  ],
  [
    'the SYN reached {owner} ({addr}) from {src}, but its SYN-ACK never left: nobody answers ARP for {src2} on its network?',
    'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 나가지 못했습니다: 그 네트워크에서 {src2}의 ARP 요청에 응답하는 곳이 없나요?',
  ],
  ['the SYN was last seen arriving at {where} on {dev} ({pkt~}) and got no answer', 'SYN은 {where}의 {dev}에 도착한 것이 마지막 모습이고 ({pkt}) 응답을 받지 못했습니다'],
  ['the SYN was last seen leaving {where} on {dev} ({pkt~}) and got no answer', 'SYN은 {where}의 {dev}에서 나간 것이 마지막 모습이고 ({pkt}) 응답을 받지 못했습니다'],
  ['the SYN-ACK came back to {where} on {dev} ({pkt~}) and was dropped in {where2}: {what~}', 'SYN-ACK는 {where}의 {dev}에 돌아왔지만 ({pkt}) {where2}에서 버려졌습니다: {what}'],
  [
    'the SYN-ACK was last seen arriving at {where} on {dev} ({pkt~}) and never reached {label} translated back',
    'SYN-ACK는 {where}의 {dev}에 도착한 것이 마지막 모습이고 ({pkt}) 주소가 되돌려 변환된 채로 {label}에 닿지 못했습니다',
  ],
  [
    'the SYN-ACK was last seen leaving {where} on {dev} ({pkt~}) and never reached {label} translated back',
    'SYN-ACK는 {where}의 {dev}에서 나간 것이 마지막 모습이고 ({pkt}) 주소가 되돌려 변환된 채로 {label}에 닿지 못했습니다',
  ],
  ['the SYN-ACK was last seen at {where} on {dev} ({pkt~}) and never reached {label}', 'SYN-ACK는 {where}의 {dev}에서 마지막으로 보였고 ({pkt}) {label}에 닿지 못했습니다'],
  [
    "the nat table's POSTROUTING chain on {host} has no MASQUERADE or SNAT rule for {cidr} (iptables -t nat -A POSTROUTING -s {cidr2} -j MASQUERADE)",
    '{host}의 nat 테이블 POSTROUTING 체인에 {cidr} 대역을 위한 MASQUERADE 또는 SNAT 규칙이 없습니다 (iptables -t nat -A POSTROUTING -s {cidr2} -j MASQUERADE)',
  ],
  [
    'a {kind} rule for {cidr} is in nat POSTROUTING, but no packet from {label} reached {dst} to show it at work: {reason*}',
    'nat POSTROUTING에 {cidr} 대역을 위한 {kind} 규칙이 있지만, 규칙이 동작하는지 보여 줄 {label}의 패킷이 {dst}에 닿지 않았습니다: {reason}',
  ],
  [
    "a {kind} rule is in nat POSTROUTING, but {label}'s echo request reached {dst} with its own source {src}: the rule did not match it (check its -s / -o)",
    'nat POSTROUTING에 {kind} 규칙이 있지만, {label}의 echo 요청이 자기 출발지 주소 {src} 그대로 {dst}에 도착했습니다: 규칙이 이 패킷과 맞지 않았습니다 (-s / -o를 확인하세요)',
  ],
  ["nat POSTROUTING {kind} translates {cidr}: {label}'s echo request reached {dst} from {src}", 'nat POSTROUTING의 {kind} 규칙이 {cidr} 대역을 변환합니다: {dst}에 도착한 {label}의 echo 요청의 출발지 주소는 {src}입니다'],
  ['there is no bridge v-net-0 on the host (ip link add v-net-0 type bridge)', '호스트에 브리지 v-net-0이 없습니다 (ip link add v-net-0 type bridge)'],

  // ── Docker (src/labs/docker-checks.ts) ──
  ['dockerd is not running on this host', '이 호스트에서 dockerd가 실행 중이 아닙니다'],
  ['there is no container named {name} (docker ps -a)', '이름이 {name}인 컨테이너가 없습니다 (docker ps -a)'],
  ['container {name} is {status}, not running (docker start {name2})', '{name} 컨테이너가 실행 중이 아니라 {status} 상태입니다 (docker start {name2})'],
  [
    'no running {image} container publishes host port {hp} to its port {cp} (docker run -d -p {hp2}:{cp2} {image2})',
    '실행 중인 {image} 컨테이너 중 호스트의 {hp}번 포트를 컨테이너의 {cp}번 포트로 공개하는 것이 없습니다 (docker run -d -p {hp2}:{cp2} {image2})',
  ],
  ['the nat table has no DNAT rule for port {port}', 'nat 테이블에 {port}번 포트의 DNAT 규칙이 없습니다'],
  ['{name} ({ip}) receives {port}/tcp of the host: nat DOCKER ... {rule~}', '{name} 컨테이너({ip})가 호스트의 {port}/tcp를 받습니다: nat DOCKER ... {rule}'],
  ['ip netns does not list {name}: make /var/run/netns/{name2} point at /proc/{pid}/ns/net', 'ip netns 목록에 {name} 항목이 없습니다: /var/run/netns/{name2}가 /proc/{pid}/ns/net을 가리키게 만드세요'],
  ["/var/run/netns/{name} is not container {name2}'s namespace (its process is pid {pid})", '/var/run/netns/{name} 파일은 {name2} 컨테이너의 네임스페이스가 아닙니다 (컨테이너 프로세스는 pid {pid})'],
  ['ip netns lists {name}; ip netns exec {name2} ip addr shows {ip}', 'ip netns 목록에 {name} 항목이 있고, ip netns exec {name2} ip addr에 {ip} 주소가 보입니다'],
  [
    '{from} asked {ns} (the nameserver of its resolv.conf) for {to} over UDP and got {answer*}: {from2} is only on the default bridge, which has no embedded DNS (docker network create NET; docker network connect NET {from3})',
    '{from} 컨테이너가 {ns}(resolv.conf의 nameserver)에 UDP로 {to} 이름을 물었고 {answer}: {from2} 컨테이너는 내장 DNS가 없는 기본 브리지에만 연결되어 있습니다 (docker network create NET; docker network connect NET {from3})',
  ],
  ['NXDOMAIN', 'NXDOMAIN 응답을 받았습니다'],
  ['no answer', '응답을 받지 못했습니다'],
  [
    '{from} asked {ns} for {to} over UDP and got no answer: the query never reached the embedded DNS (look at the DOCKER_OUTPUT rules in the namespace of the container: nsenter -t $(docker inspect -f \'{{.State.Pid}}\' {from2}) -n iptables -t nat -S)',
    '{from} 컨테이너가 {ns}에 UDP로 {to} 이름을 물었지만 응답을 받지 못했습니다: 질의가 내장 DNS에 닿지 못했습니다 (컨테이너 네임스페이스의 DOCKER_OUTPUT 규칙을 보세요: nsenter -t $(docker inspect -f \'{{.State.Pid}}\' {from2}) -n iptables -t nat -S)',
  ],
  [
    'the embedded DNS does not know {to} ({why*}): {from} and {to2} share no user-defined network (docker network connect {net} {to3})',
    '내장 DNS가 {to} 이름을 모릅니다 ({why}): {from} 컨테이너와 {to2} 컨테이너가 함께 연결된 사용자 정의 네트워크가 없습니다 (docker network connect {net} {to3})',
  ],
  ['the embedded DNS does not know {to} ({why*})', '내장 DNS가 {to} 이름을 모릅니다 ({why})'],
  ["no answer: it forwarded the query to the host's nameservers", '응답 없음: 내장 DNS가 질의를 호스트의 네임서버로 넘겼습니다'],
  ['{from} resolves {to} to {ip}, but not through a user-defined network they share', '{from}에서 {to} 이름이 {ip} 주소로 변환되지만, 함께 연결된 사용자 정의 네트워크를 통한 것이 아닙니다'],
  ['{from} resolved {to} to {ip} over DNS, but the echo request was lost: {reason*}', '{from}에서 DNS로 {to} 이름을 {ip} 주소로 변환했지만 echo 요청이 사라졌습니다: {reason}'],
  [
    '{from} resolves {to} to {ip} on network {net} (UDP query to 127.0.0.11) and reaches it',
    '{from}에서 {net} 네트워크를 통해 {to} 이름이 {ip} 주소로 변환되고(127.0.0.11로 보낸 UDP 질의) 그 주소에 닿습니다',
  ],
  ['curl {url} from {from} did not finish', '{from}에서 실행한 curl {url} 명령이 끝나지 않았습니다'],
  ['curl {url} from {from} failed: {err~}', '{from}에서 실행한 curl {url} 명령이 실패했습니다: {err}'],
  ['{url} answered from {from}, but not with {what*}', '{from}에서 요청한 {url}에 응답은 왔지만 {what} 아닙니다'],
  ['{from} fetched {url} over TCP and got {what*}', '{from}에서 TCP로 {url}에 요청해 {what} 받았습니다'],
  ['the nginx welcome page', 'nginx 환영 페이지를'],

  // ── DNS (labs/dns-checks.ts) ──
  ['on {host}, looking up "{name}" fails: {err~} — {hint*}', '{host}에서 "{name}" 이름 조회가 실패합니다: {err}. {hint}'],
  ['add a line "192.168.1.11 db" to /etc/hosts', '/etc/hosts에 "192.168.1.11 db" 줄을 추가하세요'],
  ['point /etc/resolv.conf at 192.168.1.100 and add "search mycompany.com"', '/etc/resolv.conf가 192.168.1.100을 가리키게 하고 "search mycompany.com"을 추가하세요'],
  [
    'on {host}, "{name}" resolves to {addr}, not {want} — the first matching /etc/hosts line wins, and /etc/hosts is read before DNS',
    '{host}에서 "{name}" 이름이 {want} 주소가 아니라 {addr} 주소로 변환됩니다. /etc/hosts에서는 처음 일치하는 줄이 이기고, /etc/hosts는 DNS보다 먼저 읽힙니다',
  ],
  ['on {host}, "{name}" resolves to {want}', '{host}에서 "{name}" 이름이 {want} 주소로 변환됩니다'],
  ['ping: {name}: {err~}', '이름을 주소로 바꾸지 못했습니다. ping: {name}: {err}'],
  ['ping {name} ({addr}) gets an echo reply', 'ping {name} ({addr})에 echo reply가 옵니다'],
  ['"{name}" resolves to {addr}, but {reason*}', '"{name}" 이름은 {addr} 주소로 변환되지만, {reason}'],
  ['the DNS lookup did not finish', 'DNS 조회가 끝나지 않았습니다'],
  ['a DNS query for "{name}" from {host} fails: {why*}', '{host}에서 보낸 "{name}" DNS 질의가 실패합니다: {why}'],
  [
    'no usable answer from {servers*} (the server is unreachable, or refused because it only answers for its own zones — there is no search line, so only the bare name "{name}" was asked)',
    '{servers}에서 쓸 만한 응답이 없습니다 (서버에 닿지 못했거나, 자기 영역(zone)에만 응답하는 서버가 거부했습니다. search 줄이 없어서 이름 "{name}"만 그대로 물었습니다)',
  ],
  [
    'no usable answer from {servers*} (the server is unreachable, or refused because it only answers for its own zones)',
    '{servers}에서 쓸 만한 응답이 없습니다 (서버에 닿지 못했거나, 자기 영역(zone)에만 응답하는 서버가 거부했습니다)',
  ],
  ['no nameserver line (so 127.0.0.1, where nothing listens)', 'nameserver 줄이 없는 설정(그래서 아무것도 대기하지 않는 127.0.0.1)'],
  [
    'the DNS server says no such name (NXDOMAIN) for every name tried: {name} with search {search~}',
    'DNS 서버가 시도한 모든 이름에 대해 그런 이름이 없다고(NXDOMAIN) 답합니다: {name}, search {search}',
  ],
  [
    'the DNS server says no such name (NXDOMAIN) for every name tried: {name} (no search domain, so only the bare name was asked)',
    'DNS 서버가 시도한 모든 이름에 대해 그런 이름이 없다고(NXDOMAIN) 답합니다: {name} (search 도메인이 없어서 이름만 그대로 물었습니다)',
  ],
  ['the DNS server has the name but no A record', 'DNS 서버에 그 이름은 있지만 A 레코드가 없습니다'],
  ['the DNS server refused the query', 'DNS 서버가 질의를 거부했습니다'],
  [
    'DNS answers "{name}" with {want}, but the answer did not come from {server}: {host} asked {asked}, and no answer from {server2} reached {host2}. The goal asks for {host3}\'s resolver to use the central server {server3} (a DNS server on {host4} itself does not count)',
    'DNS가 "{name}"에 대해 {want} 주소로 응답하지만 그 응답은 {server}에서 온 것이 아닙니다: {host}는 {asked}에 물었고, {server2}의 응답은 {host2}에 오지 않았습니다. 목표는 {host3}의 리졸버가 중앙 서버 {server3}를 쓰는 것입니다 ({host4} 자체에서 돌린 DNS 서버는 인정되지 않습니다)',
  ],
  ['{server} answers "{name}" with {want} (as {canonical})', '{server}가 "{name}"에 대해 {want} 주소로 응답합니다 (정식 이름 {canonical})'],
  [
    'on {host}, "{name}" resolves to {want}, but through a DNS query, not from /etc/hosts: the goal asks for a line in /etc/hosts (and hosts: files before dns in /etc/nsswitch.conf)',
    '{host}에서 "{name}" 이름이 {want} 주소로 풀리지만 /etc/hosts가 아니라 DNS 질의로 풀렸습니다: 목표는 /etc/hosts의 한 줄입니다 (그리고 /etc/nsswitch.conf에서 hosts: files가 dns보다 앞)',
  ],
  ['DNS answers "{name}" with {got}, not {want}', 'DNS가 "{name}"에 대해 {want} 주소가 아니라 {got} 주소로 응답합니다'],
  ['DNS answers "{name}" with {want} (as {canonical})', 'DNS가 "{name}"에 대해 {want} 주소로 응답합니다 (정식 이름 {canonical})'],

  // ── Kubernetes labs ──
  ['there is no Deployment web in the default namespace', 'default 네임스페이스에 Deployment web이 없습니다'],
  ['web: 3/3 ready', 'web: 3/3 준비됨'],
  ['web has {ready}/{want} ready replicas (it needs replicas: 3)', 'web의 준비된 레플리카: {ready}/{want} (replicas: 3이 필요합니다)'],
  ['there is no Service web', '서비스 web이 없습니다'],
  [
    'Service web has ClusterIP {ip}; the ClusterIP cannot be changed: delete the Service and create it with clusterIP: 10.100.100.100',
    '서비스 web의 ClusterIP는 {ip}입니다. ClusterIP는 바꿀 수 없으니 서비스를 삭제하고 clusterIP: 10.100.100.100으로 다시 만드세요',
  ],
  ['Service web does not expose port 80', '서비스 web이 80번 포트를 노출하지 않습니다'],
  ['web: 10.100.100.100:80/TCP', '서비스 web: 10.100.100.100:80/TCP'],
  ['the client pod is not running', 'client 파드가 실행 중이 아닙니다'],
  [
    'no HTTP answer from 10.100.100.100 ({first*}): is the Service selecting ready pods, and did kube-proxy program the node?',
    '10.100.100.100에서 HTTP 응답이 없습니다 ({first}): 서비스가 준비된 파드를 선택하고 있나요? kube-proxy가 노드에 규칙을 설정했나요?',
  ],
  ['nothing came back', '아무것도 돌아오지 않음'],
  ['{ok}/30 requests answered, but always by the same pod ({pods~})', '요청 30개 중 {ok}개가 응답했지만 늘 같은 파드가 응답했습니다 ({pods})'],
  ['{ok}/30 answered, by {n} pods: {pods~}', '요청 30개 중 {ok}개 응답, 응답한 파드 {n}개: {pods}'],
  ["node01's nat table has no chain {chain} (kube-proxy creates it once the Service has endpoints)", 'node01의 nat 테이블에 {chain} 체인이 없습니다 (kube-proxy는 서비스에 엔드포인트가 생기면 이 체인을 만듭니다)'],
  ['{chain} has {n} statistic rules; with 3 endpoints kube-proxy writes 2', '{chain} 체인에 statistic 규칙이 {n}개 있습니다. 엔드포인트가 3개면 kube-proxy는 2개를 씁니다'],
  ['KUBE-SVC-{id}: {probs}', 'KUBE-SVC-{id} 체인의 statistic 확률: {probs}'],
  ['there is no namespace pod1 on node01 any more', 'node01에 pod1 네임스페이스가 더 이상 없습니다'],
  [
    'pod1 has no eth0 yet: the bridge plugin creates it (CNI_IFNAME=eth0) when you run it with CNI_COMMAND=ADD',
    'pod1에 아직 eth0이 없습니다: bridge 플러그인을 CNI_COMMAND=ADD로 실행하면 플러그인이 만들어 줍니다 (CNI_IFNAME=eth0)',
  ],
  [
    "pod1's eth0 has no address in 10.244.1.0/24 (its IPAM section should use host-local with subnet 10.244.1.0/24)",
    'pod1의 eth0에 10.244.1.0/24 대역의 주소가 없습니다 (IPAM 섹션은 subnet 10.244.1.0/24인 host-local을 써야 합니다)',
  ],
  ['eth0 in pod1 is down', 'pod1의 eth0이 down 상태입니다'],
  ['pod1 has {addr} on eth0', 'pod1의 eth0에 {addr} 주소가 있습니다'],
  ['pod1 has no default route (the IPAM section needs "routes": [{"dst": "0.0.0.0/0"}])', 'pod1에 기본 라우트가 없습니다 (IPAM 섹션에 "routes": [{"dst": "0.0.0.0/0"}]가 필요합니다)'],
  [
    "pod1's default gateway {gw} is not an address of a bridge on node01 (set \"isGateway\": true so the plugin gives the bridge the gateway address)",
    'pod1의 기본 게이트웨이 {gw} 주소는 node01에 있는 브리지의 주소가 아닙니다 ("isGateway": true로 설정하면 플러그인이 브리지에 게이트웨이 주소를 줍니다)',
  ],
  ['default via {gw}, the address of bridge {br}', '기본 라우트: via {gw} ({br} 브리지의 주소)'],
  ['no cluster in this world', '이 환경에는 클러스터가 없습니다'],
  ['pods web-a (node01) and web-b (node02) must exist', '파드 web-a(node01)와 web-b(node02)가 있어야 합니다'],
  [
    '{pod} on {node} has no IP yet ({status}): {node2} has no CNI network configuration. The goal asks for a pod network on every node that runs pods',
    '{node}의 {pod} 파드에 아직 IP가 없습니다 ({status}): {node2}에 CNI 네트워크 설정이 없습니다. 목표는 파드가 실행되는 모든 노드에 파드 네트워크를 요구합니다',
  ],
  ['web-a {ip} on node01, web-b {ip2} on node02', 'node01의 web-a: {ip}, node02의 web-b: {ip2}'],
  ['web-a has no sandbox on node01', 'node01에 web-a의 샌드박스가 없습니다'],

  // ── break-fix labs (labs/breakfix-checks.ts) ──
  [
    "{a} is an address of {label} itself now: the goal is to reach {owner}'s {a2} across the network, not a local copy of it",
    '{a} 주소는 이제 {label} 자신의 주소입니다: 목표는 로컬 사본이 아니라 네트워크 너머 {owner}의 {a2}에 닿는 것입니다',
  ],
  [
    '{label} gets a reply for {dst}, but not from {owner} ({where} answered): the goal is to reach {owner2} itself',
    '{label}에서 {dst}의 응답을 받지만 {owner}의 응답이 아닙니다 ({where}에서 응답): 목표는 {owner2} 자체에 닿는 것입니다',
  ],
  ['{label} gets a reply for {dst}, but not from {owner}: the goal is to reach {owner2} itself', '{label}에서 {dst}의 응답을 받지만 {owner}의 응답이 아닙니다: 목표는 {owner2} 자체에 닿는 것입니다'],
  [
    '{label} reaches {dst}, but the echo request was not forwarded by {via}: the goal is the path through {via2}',
    '{label}에서 {dst}에 닿지만 echo 요청이 {via}에서 전달되지 않았습니다: 목표는 {via2}를 거치는 경로입니다',
  ],
  ['{label} reaches {dst} (echo reply from {owner}, ttl {ttl})', '{label}에서 {dst}에 닿습니다 ({owner}의 echo reply, ttl {ttl})'],
  [
    '{what} is still blocked: a SYN from {label} to {dst}:{port} is dropped in {fw} ({drop~})',
    '{what} 트래픽은 여전히 막혀 있습니다: {label}에서 {dst}:{port}(으)로 가는 SYN은 {fw}에서 버려집니다 ({drop})',
  ],
  [
    "{what} is no longer blocked: a SYN from {label} to {dst}:{port} passes {fw}'s filter table — the goal keeps that rule; fix only the one that is wrong",
    '{what} 트래픽이 더 이상 막히지 않습니다: {label}에서 {dst}:{port}(으)로 가는 SYN이 {fw}의 filter 테이블을 통과합니다. 목표는 그 규칙을 유지하는 것이니 잘못된 규칙 하나만 고치세요',
  ],
  ['the {chain} policy in {fw} is still {policy}', '{fw}의 {chain} 정책은 여전히 {policy}입니다'],
  [
    "the {chain} policy in {fw} is {got}: the goal keeps the firewall's default ({policy}) and lets only the missing traffic through",
    '{fw}의 {chain} 정책이 {got}입니다: 목표는 방화벽의 기본값({policy})을 유지하고 빠진 트래픽만 통과시키는 것입니다',
  ],

  // ── Kubernetes labs (labs/k8s-checks.ts, labs/fix-service-selector) ──
  ['the pod {pod} is not running', '{pod} 파드가 실행 중이 아닙니다'],
  [
    'no page from {url} in {n} tries ({why~}): does the Service select the pods, on the port they listen on?',
    '{n}번 시도했지만 {url}에서 페이지가 오지 않았습니다 ({why}): Service가 파드를, 파드가 대기하는 포트로 선택하고 있나요?',
  ],
  ['{url} answered, but also from {who~}: only the ready pods with app={app} should answer', '{url}에서 응답이 왔지만 {who}에서도 왔습니다: app={app}인 준비된 파드만 응답해야 합니다'],
  [
    '{ok}/{n} requests answered, but never by {who~}: the Service should spread over every ready pod with app={app}',
    '요청 {ok}/{n}개가 응답을 받았지만 {who}에서는 한 번도 오지 않았습니다: Service는 app={app}인 준비된 파드 모두에 나눠 보내야 합니다',
  ],
  ['{ok}/{n} answered, by every ready pod: {who~}', '{ok}/{n}개 응답, 준비된 파드 모두가 응답함: {who}'],
  ['there is no Service web: clients use it by name and address', 'Service web이 없습니다: 클라이언트는 이름과 주소로 이 Service를 씁니다'],
  ['Service web now has ClusterIP {ip}: clients use 10.100.50.50, so the Service must keep it', 'Service web의 ClusterIP가 이제 {ip}입니다: 클라이언트가 10.100.50.50을 쓰므로 Service는 이 주소를 유지해야 합니다'],
  ['Service web keeps 10.100.50.50', 'Service web이 10.100.50.50을 유지합니다'],

  // ── networkpolicy-deny ──
  ['the pod {pod} is not running: the goal keeps every pod and blocks its traffic with NetworkPolicy', '{pod} 파드가 실행 중이 아닙니다: 목표는 모든 파드를 그대로 두고 그 트래픽을 NetworkPolicy로 막는 것입니다'],
  ['the Deployment api has {n} ready pod(s): the goal keeps its 2 pods serving', 'Deployment api의 준비된 파드가 {n}개입니다: 목표는 파드 2개가 계속 서비스하는 것입니다'],
  ['the pod {pod} has no network', '{pod} 파드에 네트워크가 없습니다'],
  ['{from} → {what~} ({addr}) is not blocked: the SYN reached it', '{from} → {what} ({addr})이 막히지 않았습니다: SYN이 도착했습니다'],
  ['{from} → {what~} is blocked, but not by a NetworkPolicy: {how~} ({where})', '{from} → {what}은 막혔지만 NetworkPolicy가 막은 것이 아닙니다: {how} ({where})'],
  ['the {chain} policy of the {table} table on {host} is DROP: the goal asks NetworkPolicy objects to do the blocking', '{host}의 {table} 테이블 {chain} 정책이 DROP입니다: 목표는 NetworkPolicy 객체가 차단하는 것입니다'],
  ["a hand-written {kind} rule in the {table} table's {chain} chain on {host}: the goal asks NetworkPolicy objects to do the blocking", '{host}의 {table} 테이블 {chain} 체인에 손으로 쓴 {kind} 규칙이 있습니다: 목표는 NetworkPolicy 객체가 차단하는 것입니다'],
  ['the Service api must keep 10.96.80.80:8080: the frontend calls the api through it', 'Service api는 10.96.80.80:8080을 유지해야 합니다: frontend가 이 주소로 api를 부릅니다'],
  ['shop/frontend gets no answer from the api pod {pod} ({addr}): the one allowed path is blocked', 'shop/frontend가 api 파드 {pod}({addr})에서 응답을 받지 못합니다: 허용해야 할 단 하나의 경로가 막혔습니다'],
  ['shop/frontend gets no answer from the Service api (10.96.80.80:8080): the one allowed path is blocked', 'shop/frontend가 Service api(10.96.80.80:8080)에서 응답을 받지 못합니다: 허용해야 할 단 하나의 경로가 막혔습니다'],
  ['shop/frontend reaches every api pod and the Service on 8080', 'shop/frontend가 8080번 포트로 모든 api 파드와 Service에 닿습니다'],
  ['worker cannot reach the api, and nobody reaches worker', 'worker는 api에 닿지 못하고, 아무도 worker에 닿지 못합니다'],
  ['port 80 of the api pods is closed to the frontend', 'api 파드의 80번 포트는 frontend에게 닫혀 있습니다'],
  ['the frontend of staging is kept out', 'staging의 frontend는 들어오지 못합니다'],
  ['no NetworkPolicy in shop selects every pod (an empty podSelector) for Ingress: the goal asks for a default deny that also covers pods added later', 'shop에 모든 파드를 Ingress로 선택하는(빈 podSelector) NetworkPolicy가 없습니다: 목표는 나중에 추가되는 파드까지 덮는 기본 거부입니다'],
  ['{name} selects every pod of shop for ingress; no hand-written drop rules', '{name}이 shop의 모든 파드를 ingress로 선택합니다; 손으로 쓴 차단 규칙은 없습니다'],
  ['the api pod {pod}', 'api 파드 {pod}'],
  ['the admin page of {pod}', '{pod}의 관리 페이지'],
  ['the Service api', 'Service api'],
  ['the worker pod', 'worker 파드'],

  // ── fix-pod-cidr ──
  ['pod {pod} does not exist: /root/pods.yaml on controlplane creates both (web-a on node01, web-b on node02)', '{pod} 파드가 없습니다: controlplane의 /root/pods.yaml이 두 파드를 만듭니다 (node01에 web-a, node02에 web-b)'],
  ['{pod} has no pod IP yet (kubectl describe pod says why)', '{pod} 파드에 아직 IP가 없습니다 (kubectl describe pod가 이유를 알려 줍니다)'],
  ["{pod} on {node} has {ip}, outside the node's podCIDR {cidr}", '{node}의 {pod} 파드 주소 {ip}는 노드의 podCIDR {cidr} 밖에 있습니다'],
  ['web-a and web-b both have {ip}: two nodes hand out the same pod subnet; {more*}', 'web-a와 web-b가 둘 다 {ip} 주소를 가집니다: 두 노드가 같은 파드 서브넷을 나눠 주고 있습니다; {more}'],
  ['web-a and web-b both have {ip}: two nodes hand out the same pod subnet', 'web-a와 web-b가 둘 다 {ip} 주소를 가집니다: 두 노드가 같은 파드 서브넷을 나눠 주고 있습니다'],
  ['web-a {ip} (node01, 10.244.1.0/24), web-b {ip2} (node02, 10.244.2.0/24)', 'web-a {ip} (node01, 10.244.1.0/24), web-b {ip2} (node02, 10.244.2.0/24)의 주소가 각자 노드 범위에 있습니다'],
  ["{a} and {b} have the same address {ip}: {a2}'s packets to it never leave its own namespace", '{a}와 {b}가 같은 주소 {ip}를 가집니다: {a2}에서 그 주소로 보낸 패킷은 자기 네임스페이스를 떠나지 않습니다'],
  ['{pod} has no sandbox on its node', '{pod} 파드의 샌드박스가 노드에 없습니다'],

  // ── nodeport-local ──
  ['there is no Service web yet: /root/web-svc.yaml describes it, but it was never applied', '아직 Service web이 없습니다: /root/web-svc.yaml에 적혀 있지만 적용된 적이 없습니다'],
  ['Service web has type {type}: a ClusterIP is reachable only inside the cluster; the goal asks for a NodePort', 'Service web의 타입이 {type}입니다: ClusterIP는 클러스터 안에서만 닿습니다. 목표는 NodePort입니다'],
  ['Service web has no node port {port}: the outside host uses port {port2} on the nodes', 'Service web에 노드 포트 {port}가 없습니다: 바깥 호스트는 노드의 {port2} 포트를 씁니다'],
  ['the pod web is not running', 'web 파드가 실행 중이 아닙니다'],
  [
    'curl http://{addr}/ on outside failed (exit {code}): does Service web select the pod, on the port nginx listens on?',
    'outside에서 curl http://{addr}/이 실패했습니다(종료 코드 {code}): Service web이 파드를, nginx가 대기하는 포트로 선택하고 있나요?',
  ],
  ['curl http://{addr}/ on outside failed (exit {code})', 'outside에서 curl http://{addr}/이 실패했습니다(종료 코드 {code})'],
  [
    "http://{addr}/ answered, but kube-proxy's rules did not send it to the pod: the goal asks for the Service's NodePort, not a hand-made forward",
    'http://{addr}/이 응답했지만 kube-proxy의 규칙이 파드로 보낸 것이 아닙니다: 목표는 손으로 만든 전달이 아니라 Service의 NodePort입니다',
  ],
  ["outside got nginx's page through node01:{port}, translated by kube-proxy to pod web ({ip})", 'outside가 node01:{port}를 거쳐 nginx 페이지를 받았습니다. kube-proxy가 web 파드({ip})로 변환했습니다'],
  ['/root/answer.txt does not exist on controlplane: write into it the address nginx logged for your request through node02', 'controlplane에 /root/answer.txt가 없습니다: node02를 거친 요청에 대해 nginx가 기록한 주소를 그 파일에 쓰세요'],
  ['{ip}: node02 masqueraded the request before forwarding it to node01', '{ip}: node02가 요청을 node01로 전달하기 전에 마스커레이드했습니다'],
  [
    "{ip} is the outside host's own address: with the default policy, what did nginx log for a request that came in through node02? (kubectl logs web)",
    '{ip}는 바깥 호스트 자신의 주소입니다: 기본 정책에서 node02를 거쳐 들어온 요청에 대해 nginx는 무엇을 기록했나요? (kubectl logs web)',
  ],
  [
    '/root/answer.txt says "{text}": fetch the page from outside through node02 with the Service\'s default policy and read the address in nginx\'s log (kubectl logs web)',
    '/root/answer.txt의 내용은 "{text}"입니다: Service의 기본 정책에서 outside가 node02를 거쳐 페이지를 가져오게 한 뒤 nginx 로그의 주소를 읽으세요 (kubectl logs web)',
  ],
  [
    "the pod web runs in the node's network namespace (hostNetwork): the goal keeps it a normal pod behind the Service",
    'web 파드가 노드의 네트워크 네임스페이스에서 실행됩니다(hostNetwork): 목표는 Service 뒤의 보통 파드로 두는 것입니다',
  ],
  [
    "Service web still has externalTrafficPolicy {policy}: the goal asks the Service itself to keep the client's address, whatever the nodes' own rules do",
    'Service web의 externalTrafficPolicy가 아직 {policy}입니다: 목표는 노드의 다른 규칙과 상관없이 Service 스스로 클라이언트 주소를 지키는 것입니다',
  ],
  ["nginx logged the request as coming from {from}: the pod should see the outside host's own address {ip}", 'nginx가 요청이 {from}에서 왔다고 기록했습니다: 파드는 바깥 호스트 자신의 주소 {ip}를 봐야 합니다'],
  ["nginx logged {ip}, the outside host's own address", 'nginx가 바깥 호스트 자신의 주소 {ip}를 기록했습니다'],
  [
    'node02 still forwards http://{addr}/ to the pod on node01: with the policy the goal asks for, a node without the pod keeps no NodePort traffic',
    'node02가 아직 http://{addr}/을 node01의 파드로 전달합니다: 목표의 정책에서는 파드가 없는 노드가 NodePort 트래픽을 받지 않습니다',
  ],
  [
    'http://{addr}/ fails, but not because kube-proxy drops it on node02 (the goal asks for the Service\'s policy, not a firewall rule of your own)',
    'http://{addr}/이 실패하지만 node02에서 kube-proxy가 버려서가 아닙니다 (목표는 직접 만든 방화벽 규칙이 아니라 Service의 정책입니다)',
  ],
  ['node02 drops NodePort traffic for web: it has no local endpoint', 'node02가 web의 NodePort 트래픽을 버립니다: 로컬 엔드포인트가 없습니다'],
  // ── ingress-hosts ──
  ['the ingress-nginx controller pod is not running (kubectl -n ingress-nginx get pods)', 'ingress-nginx 컨트롤러 파드가 실행 중이 아닙니다 (kubectl -n ingress-nginx get pods)'],
  [
    "{what} reached {pod} without passing through the ingress controller: the goal routes by host name in one Ingress, through the controller's NodePort {port}",
    '{what} 요청이 인그레스 컨트롤러를 거치지 않고 {pod}에 닿았습니다: 목표는 컨트롤러의 NodePort {port}를 거쳐 Ingress 하나가 호스트 이름으로 라우팅하는 것입니다',
  ],
  [
    "{what} (through {addr} from outside) never reached the ingress controller pod (curl status {code}): the controller's NodePort Service should carry it",
    '{what} 요청(바깥에서 {addr} 경유)이 인그레스 컨트롤러 파드에 닿지 않았습니다 (curl 상태 {code}): 컨트롤러의 NodePort Service가 이 요청을 날라야 합니다',
  ],
  [
    '{what} got HTTP {code} from the ingress controller itself, which sent it nowhere: no Ingress it serves routes {where} (is the Ingress of its class, nginx? does the path match?)',
    '{what} 요청에 인그레스 컨트롤러가 직접 HTTP {code} 응답을 주고 어디로도 보내지 않았습니다: 컨트롤러가 맡은 Ingress 중 {where} 요청을 라우팅하는 규칙이 없습니다 (Ingress의 클래스가 nginx인가요? 경로가 맞나요?)',
  ],
  ['{what} went to {pod}, not to a pod of {app}', '{what} 요청이 {app} 파드가 아닌 {pod} 파드로 갔습니다'],
  [
    "{what} got HTTP {code}: the controller could not get an answer from the pods of Service {svc} (does the Ingress name the Service's port?)",
    '{what} 요청이 HTTP {code} 응답을 받았습니다: 컨트롤러가 Service {svc}의 파드에서 답을 받지 못했습니다 (Ingress가 Service의 포트를 가리키나요?)',
  ],
  ['{host}: {list~} (through the controller)', '{host}: {list} (컨트롤러 경유)'],
  ['there is no Ingress sites in the namespace default: the goal routes both names with that one Ingress', 'default 네임스페이스에 Ingress sites가 없습니다: 목표는 이 Ingress 하나로 두 이름을 모두 라우팅하는 것입니다'],
  ['the ingress-nginx controller ignores the Ingress sites: its class is {cls}, and the controller serves the IngressClass nginx', 'ingress-nginx 컨트롤러가 Ingress sites를 무시합니다: 이 Ingress의 클래스는 {cls}이고, 컨트롤러는 IngressClass nginx를 맡습니다'],
  ['the Ingress sites has no rule for {hosts~}', 'Ingress sites에 {hosts} 규칙이 없습니다'],
  ['the nginx controller serves the Ingress sites for shop.example.com and blog.example.com', 'nginx 컨트롤러가 shop.example.com과 blog.example.com에 대해 Ingress sites를 맡고 있습니다'],
  [
    "http://www.example.org/ was sent on to {pod}: only the two site names should reach a site; other names get the controller's default backend",
    'http://www.example.org/ 요청이 {pod} 파드로 전달되었습니다: 두 사이트 이름만 사이트에 닿아야 하고, 다른 이름은 컨트롤러의 기본 백엔드가 받아야 합니다',
  ],
  ['http://www.example.org/ did not reach the ingress controller (curl status {code})', 'http://www.example.org/ 요청이 인그레스 컨트롤러에 닿지 않았습니다 (curl 상태 {code})'],
  ['http://www.example.org/ got HTTP {code} from the controller, not its default 404', 'http://www.example.org/ 요청이 컨트롤러의 기본 404가 아닌 HTTP {code} 응답을 받았습니다'],
  ["www.example.org gets the controller's 404", 'www.example.org 요청은 컨트롤러의 404를 받습니다'],
  // ── overlays (labs/overlay-checks.ts) ──
  [
    "{from}'s echo request crossed {router} as a plain packet ({outer~}, on {dev}): the goal asks for pod traffic to cross the router inside a VXLAN tunnel (UDP port 4789), the router knowing only the node networks",
    '{from}의 echo 요청이 {router}를 그대로의 패킷으로 지나갔습니다 ({outer}, {dev}에서): 목표는 파드 트래픽이 VXLAN 터널(UDP 포트 4789) 안에 싸여 라우터를 건너는 것이고, 라우터는 노드 네트워크만 압니다',
  ],
  [
    "no VXLAN packet carrying {from}'s echo request to {to} crossed {router} (it saw {outer~}): the goal asks for a VXLAN tunnel on UDP port 4789 between the nodes",
    '{from}에서 {to}로 가는 echo 요청을 실은 VXLAN 패킷이 {router}를 지나가지 않았습니다 (보인 것: {outer}): 목표는 노드 사이의 UDP 포트 4789 VXLAN 터널입니다',
  ],
  [
    "no VXLAN packet carrying {from}'s echo request to {to} crossed {router}: the goal asks for a VXLAN tunnel on UDP port 4789 between the nodes",
    '{from}에서 {to}로 가는 echo 요청을 실은 VXLAN 패킷이 {router}를 지나가지 않았습니다: 목표는 노드 사이의 UDP 포트 4789 VXLAN 터널입니다',
  ],
  [
    "{from}'s echo request crossed {router} inside VXLAN, but to UDP port {port} ({outer~}): the goal asks for the IANA VXLAN port 4789 (`dstport 4789`)",
    '{from}의 echo 요청이 VXLAN에 싸여 {router}를 건넜지만 목적지 UDP 포트가 {port}입니다 ({outer}): 목표는 IANA가 정한 VXLAN 포트 4789입니다 (`dstport 4789`)',
  ],
  [
    "inside the tunnel the echo request's source is {src}, not {from}'s own {own}: pod-to-pod traffic keeps the pods' addresses (no NAT)",
    '터널 안에서 echo 요청의 출발지는 {from} 자신의 주소 {own}가 아니라 {src}입니다: 파드 사이 트래픽은 파드 주소를 그대로 유지합니다 (NAT 없음)',
  ],
  ['{from} reaches {to}, and on {router} the request is {outer~} carrying {src} → {dst}', '{from}에서 {to}에 닿고, {router}에서 요청은 {src} → {dst} 패킷을 실은 {outer}입니다'],
  [
    '{router} has a route it did not have (to {dst}): the goal leaves the router as it is; the nodes must carry the pod traffic themselves',
    '{router}에 원래 없던 라우트가 생겼습니다 ({dst}행): 목표는 라우터를 그대로 두는 것이고, 파드 트래픽은 노드가 직접 실어 날라야 합니다',
  ],
  ["{router}'s {t} table is not as it was (iptables -t {t2} -S): the goal leaves the router as it is", '{router}의 {t} 테이블이 처음과 다릅니다 (iptables -t {t2} -S): 목표는 라우터를 그대로 두는 것입니다'],
  ["{router}'s addresses changed ({have~}): the goal leaves the router as it is", '{router}의 주소가 바뀌었습니다 ({have}): 목표는 라우터를 그대로 두는 것입니다'],
  ['{router} is as it was: connected routes only, no rules', '{router}는 처음 그대로입니다: 직접 연결된 라우트뿐이고 규칙이 없습니다'],
  ['{router} is as it was: connected routes only, its own rules', '{router}는 처음 그대로입니다: 직접 연결된 라우트와 원래 규칙뿐입니다'],

  ['{from} fetched {url} whole (the page ends with "{marker}")', '{from}에서 {url}을 온전히 받았습니다 (페이지가 "{marker}"로 끝남)'],
  [
    '{from} gets the small page {small}, but the large page {big} does not arrive whole: small packets cross the overlay, full-size ones are lost on the way',
    '{from}에서 작은 페이지 {small}는 받지만 큰 페이지 {big}는 온전히 도착하지 않습니다: 작은 패킷은 오버레이를 건너고 최대 크기 패킷은 도중에 사라집니다',
  ],
  [
    "{from}'s echo request to {to} reached {where}, which has no route to it: only the node that runs a pod knows its subnet; the goal is a VXLAN tunnel between the nodes that carries the pods' packets across {router}",
    '{from}에서 {to}로 보낸 echo 요청이 {where}에 닿았지만 그곳에는 그 주소로 가는 라우트가 없습니다: 파드 서브넷은 그 파드가 도는 노드만 압니다; 목표는 노드 사이의 VXLAN 터널이 파드 패킷을 싣고 {router}를 건너는 것입니다',
  ],
  ['{node} has no route to {ip}', '{node}에는 {ip}로 가는 라우트가 없습니다'],
  ['{node} sends traffic for {ip} out of {dev}, not a VXLAN device: the goal keeps the overlay', '{node}는 {ip}로 가는 트래픽을 VXLAN 장치가 아닌 {dev}로 내보냅니다: 목표는 오버레이를 유지하는 것입니다'],
  [
    "{node}'s {dev} has MTU {mtu}, but its underlay {under} carries {umtu}: with 50 bytes of VXLAN headers the tunnel can carry at most {room}",
    '{node}의 {dev} MTU는 {mtu}인데 언더레이 {under}가 싣는 크기는 {umtu}입니다: VXLAN 헤더 50바이트를 빼면 터널은 최대 {room}까지 실을 수 있습니다',
  ],
  [
    "{ns}'s {dev} has MTU {mtu}, larger than the tunnel's {tmtu}: the pod's own packets should fit the overlay (flannel gives pods the tunnel's MTU)",
    '{ns}의 {dev} MTU {mtu}는 터널의 {tmtu}보다 큽니다: 파드 자신의 패킷이 오버레이에 맞아야 합니다 (flannel은 파드에 터널의 MTU를 줍니다)',
  ],
  [
    "{node}'s {dev} has MTU {mtu} (underlay {umtu} − 50 = {room}), and the pods' interfaces are no larger",
    '{node}의 {dev} MTU는 {mtu}이고 (언더레이 {umtu} − 50 = {room}), 파드의 인터페이스는 그보다 크지 않습니다',
  ],

  // ── docker-network-types (labs/docker-types-checks.ts) ──
  ['container {name} is {status}, not running', '{name} 컨테이너는 실행 중이 아니라 {status} 상태입니다'],
  ["{name} uses the host's own network namespace: the goal is a container with no network at all, only its own lo", '{name}는 호스트 자신의 네트워크 네임스페이스를 씁니다: 목표는 자기 lo 말고는 네트워크가 전혀 없는 컨테이너입니다'],
  ["{name}'s network namespace has {devs~} besides lo: the goal is a container with no network but lo", '{name}의 네트워크 네임스페이스에 lo 말고도 {devs}가 있습니다: 목표는 lo 말고는 네트워크가 없는 컨테이너입니다'],
  ["{name}'s lo is down", '{name}의 lo가 down 상태입니다'],
  ['{name} has its own namespace with only lo (127.0.0.1)', '{name}는 lo(127.0.0.1)만 있는 자기 네임스페이스를 가집니다'],
  [
    "{name} has a network namespace of its own (it publishes {ports~} through DNAT): the goal is nginx on the host's own network, listening on the host's port {port} itself",
    '{name}는 자기 네트워크 네임스페이스를 가집니다 (DNAT로 {ports}를 공개함): 목표는 호스트 자신의 네트워크에서 호스트의 {port}번 포트를 직접 듣는 nginx입니다',
  ],
  [
    "{name} has a network namespace of its own: the goal is nginx on the host's own network, listening on the host's port {port} itself",
    '{name}는 자기 네트워크 네임스페이스를 가집니다: 목표는 호스트 자신의 네트워크에서 호스트의 {port}번 포트를 직접 듣는 nginx입니다',
  ],
  [
    "the host's nat table still has a DNAT rule for port {port} ({rule~}): the goal is {name} answering on the host's network with no DNAT rule",
    '호스트의 nat 테이블에 아직 {port}번 포트의 DNAT 규칙이 있습니다 ({rule}): 목표는 DNAT 규칙 없이 호스트 네트워크에서 {name}가 답하는 것입니다',
  ],
  ["{name} runs in the host's network namespace; {client} fetched {url} with no DNAT rule on the way", '{name}는 호스트의 네트워크 네임스페이스에서 돕니다; {client}는 도중에 DNAT 규칙 없이 {url}을 받았습니다'],
  [
    "{name} runs in {where~}, not in {with}'s: the goal is {name2} sharing {with2}'s network namespace, so that localhost is {with3}",
    '{name}는 {with}의 네임스페이스가 아니라 다른 곳({where})에서 돕니다: 목표는 {name2}가 {with2}의 네트워크 네임스페이스를 함께 써서 localhost가 {with3}가 되는 것입니다',
  ],
  ["http://localhost/ from {name}'s namespace did not finish", '{name}의 네임스페이스에서 http://localhost/ 요청이 끝나지 않았습니다'],
  ["http://localhost/ from {name}'s namespace did not answer with {with}'s nginx page ({err~})", '{name}의 네임스페이스에서 http://localhost/가 {with}의 nginx 페이지로 답하지 않았습니다 ({err})'],
  ["http://localhost/ from {name}'s namespace did not answer with {with}'s nginx page", '{name}의 네임스페이스에서 http://localhost/가 {with}의 nginx 페이지로 답하지 않았습니다'],
  ["{name} shares {with}'s network namespace; http://localhost/ there is {with2}'s nginx", "{name}는 {with}의 네트워크 네임스페이스를 함께 씁니다; 그 안의 http://localhost/는 {with2}의 nginx입니다"],

  // ── capstone-path (labs/capstone-checks.ts) ──
  ['pod {app} is not running with an address (kubectl get pod {app2} -o wide)', '{app} 파드가 주소를 가진 채 돌고 있지 않습니다 (kubectl get pod {app2} -o wide)'],
  ['there is no Service {app}: the goal is a NodePort Service {app2} in front of the pod', 'Service {app}가 없습니다: 목표는 파드 앞의 NodePort Service {app2}입니다'],
  ['Service {app} is of type {type}: no node listens for client on a node port; the goal is a NodePort Service', 'Service {app}의 유형은 {type}입니다: client를 위해 노드 포트를 듣는 노드가 없습니다; 목표는 NodePort Service입니다'],
  ['Service {app} is of type {type}: no node listens for client on a node port; the goal is a NodePort Service (answer once the request works)', 'Service {app}의 유형은 {type}입니다: client를 위해 노드 포트를 듣는 노드가 없습니다; 목표는 NodePort Service입니다 (요청이 동작한 뒤에 답하세요)'],
  ['Service {app} has no nodePort yet', 'Service {app}에 아직 nodePort가 없습니다'],
  ['Service {app} has no nodePort yet (answer once the request works)', 'Service {app}에 아직 nodePort가 없습니다 (요청이 동작한 뒤에 답하세요)'],
  ['pod {app} is not running with an address (kubectl get pod {app2} -o wide) (answer once the request works)', '{app} 파드가 주소를 가진 채 돌고 있지 않습니다 (kubectl get pod {app2} -o wide) (요청이 동작한 뒤에 답하세요)'],
  ['there is no Service {app}: the goal is a NodePort Service {app2} in front of the pod (answer once the request works)', 'Service {app}가 없습니다: 목표는 파드 앞의 NodePort Service {app2}입니다 (요청이 동작한 뒤에 답하세요)'],
  [
    'client got a page from {url}, but the request did not leave {node} through the VXLAN overlay towards pod {app} ({ip} on {node2}): the goal is the path through the NodePort and the overlay',
    'client는 {url}에서 페이지를 받았지만 요청이 VXLAN 오버레이를 지나 {app} 파드({node2}의 {ip}) 쪽으로 {node}를 떠나지 않았습니다: 목표는 NodePort와 오버레이를 지나는 경로입니다',
  ],
  ['client fetched {url}; {node} sent the request to {ip} through {dev}', 'client가 {url}을 받았습니다; {node}는 요청을 {dev}로 {ip}에 보냈습니다'],
  ['{msg*} (answer once the request works)', '{msg} (요청이 동작한 뒤에 답하세요)'],
  ['/root/answers.txt on controlplane is missing', 'controlplane에 /root/answers.txt가 없습니다'],
  ['/root/answers.txt has no answer yet for {keys~}', '/root/answers.txt에 아직 답이 없는 항목: {keys}'],
  ['{n} of 6 answers do not match the cluster: {why~}', '답 6개 가운데 {n}개가 클러스터와 맞지 않습니다: {why}'],
  ['all 6 answers match: NodePort {np} on {node}, DNAT in {sep} to {ip} on {pnode}, out through {dev} ({ip2})', '답 6개가 모두 맞습니다: {node}의 NodePort {np}, {sep}에서 {pnode}의 {ip}로 DNAT, {dev}로 나감 ({ip2})'],

  // ── the check runner and the terminal worker ──
  ['check failed to run: {err~}', '확인을 실행하지 못했습니다: {err}'],
  ['This terminal has no lab to check.', '이 터미널에는 확인할 실습이 없습니다.'],
  ['The checks could not run (internal error); your terminal is unaffected.', '확인을 실행하지 못했습니다(내부 오류). 터미널에는 영향이 없습니다.'],
];

interface Rule {
  re: RegExp;
  /** Per capture group: its name and whether it is translated again. */
  groups: { name: string; again: boolean }[];
  ko: string;
}

const PH = /\{(\w+)([*~]?)\}/g;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile([en, ko]: readonly [string, string]): Rule {
  const groups: Rule['groups'] = [];
  let src = '';
  let last = 0;
  for (const m of en.matchAll(PH)) {
    src += escapeRe(en.slice(last, m.index));
    src += m[2] === '' ? '([^;]+?)' : '(.+?)';
    groups.push({ name: m[1]!, again: m[2] === '*' });
    last = m.index! + m[0].length;
  }
  src += escapeRe(en.slice(last));
  return { re: new RegExp(`^${src}$`, 's'), groups, ko };
}

/** The literal part of a template (its length orders the rules: most specific first). */
const literal = (en: string): number => en.replace(PH, '').length;

const RULES: Rule[] = [...CHECK_MESSAGES].sort((a, b) => literal(b[0]) - literal(a[0])).map(compile);

/** `msg` in Korean, or undefined when no template matches it. */
function translate(msg: string, depth: number): string | undefined {
  if (depth > 6) return undefined;
  for (const r of RULES) {
    const m = r.re.exec(msg);
    if (!m) continue;
    const vals: Record<string, string> = {};
    r.groups.forEach((g, i) => {
      const v = m[i + 1]!;
      vals[g.name] = g.again ? (translate(v, depth + 1) ?? v) : v;
    });
    return r.ko.replace(PH, (x, name: string) => vals[name] ?? x);
  }
  if (msg.includes('; ')) {
    const parts = msg.split('; ');
    const out = parts.map((p) => translate(p, depth + 1));
    if (out.some((p) => p !== undefined)) return out.map((p, i) => p ?? parts[i]).join('; ');
  }
  return undefined;
}

/** Whether a Korean template matches `msg` (tests). */
export function hasKoreanMessage(msg: string): boolean {
  return translate(msg, 0) !== undefined;
}

/** A check's message (or a check error) in `lang`; English when no template matches. */
export function checkMessage(lang: Lang, msg: string): string {
  if (lang === 'en' || !msg) return msg;
  return translate(msg, 0) ?? msg;
}
