// Check messages by id, in English and Korean. A check returns
// `m(id, params)` (src/labs/messages.ts); the page renders it in its language
// and the CLIs in English. `{x}` is a parameter (a name, an address, a rule,
// or a nested message); `{x|는}` in Korean is the parameter followed by the
// particle that fits its last sound (은/는, 이/가, 을/를, 과/와, 으로/로).
// The English texts are the contract of `lab check`/`lab verify` and the
// instructor's grading: change them only with the tests that match on them.

export const CHECK_TEXTS = {
  // ── probe ──
  'probe.namespaceDoesNotExist': { en: 'namespace {ns} does not exist', ko: '{ns} 네임스페이스가 없습니다' },
  'probe.badAddress': { en: 'bad address {a}', ko: '잘못된 주소: {a}' },
  'probe.reachesEchoReplyTtl': { en: '{label} reaches {dst} (echo reply, ttl {ttl})', ko: '{label}에서 {dst}에 닿습니다 (echo reply, ttl {ttl})' },
  'probe.namespaceExists': { en: 'namespace {ns} exists', ko: '{ns} 네임스페이스가 있습니다' },
  'probe.noNamespaceAdd': { en: 'there is no namespace {spec} (ip netns add {name})', ko: '{spec} 네임스페이스가 없습니다 (ip netns add {name})' },
  'probe.noAddressOn': { en: '{label} has no address {cidr} on {dev}', ko: '{label}의 {dev}에 {cidr} 주소가 없습니다' },
  'probe.noAddress': { en: '{label} has no address {cidr}', ko: '{label}에 {cidr} 주소가 없습니다' },
  'probe.down': { en: '{label} has {cidr} on {dev}, but {dev} is down ({cmd})', ko: '{label}의 {dev}에 {cidr} 주소가 있지만 {dev} 링크가 down 상태입니다 ({cmd})' },
  'probe.hasAddr': { en: '{label} has {cidr} on {dev}', ko: '{label}의 {dev}에 {cidr} 주소가 있습니다' },
  'probe.cannotSendConnectNo': {
    en: '{from} cannot send to {dst}: connect: {err} — {from} has no usable route to {dst} (check its addresses, that the link is up, and its routes)',
    ko: '{from}에서 {dst}에 보낼 수 없습니다: connect: {err}. {from}에는 {dst}에 닿는 쓸 수 있는 라우트가 없습니다 (주소, 링크가 up 상태인지, 라우팅 테이블을 확인하세요)',
  },
  'probe.gotIcmpError': { en: '{from} got an ICMP error from {src}: {kind}', ko: '{from}에 {src}에서 보낸 ICMP 오류가 왔습니다: {kind}' },
  'probe.networkUnreachable': { en: 'network unreachable', ko: '네트워크에 닿을 수 없음 (network unreachable)' },
  'probe.hostUnreachable': { en: 'host unreachable', ko: '호스트에 닿을 수 없음 (host unreachable)' },
  'probe.portUnreachable': { en: 'port unreachable', ko: '포트에 닿을 수 없음 (port unreachable)' },
  'probe.adminProhibited': { en: 'administratively prohibited (a firewall REJECT)', ko: '관리상 금지됨 (방화벽의 REJECT)' },
  'probe.ttlExceeded': { en: 'TTL exceeded (a routing loop?)', ko: 'TTL 초과 (라우팅 루프?)' },
  'probe.icmpType': { en: 'type {type} code {code}', ko: '유형 {type} 코드 {code}' },
  'probe.noReplyNoWayBack': {
    en: 'the echo request reached {where} but no reply came back to {from}: the reply has no way back (a missing route or gateway on the return path?)',
    ko: 'echo 요청은 {where}에 도착했지만 {from}에 응답이 돌아오지 않았습니다: 응답이 돌아올 길이 없습니다 (돌아오는 경로에 라우트나 게이트웨이가 빠졌나요?)',
  },
  'probe.noReplyDropped': { en: 'the echo request reached {where} but no reply came back to {from}: {what}', ko: 'echo 요청은 {where}에 도착했지만 {from}에 응답이 돌아오지 않았습니다: {what}' },
  'probe.echoRequestWasDropped': { en: 'the echo request from {from} to {dst} was dropped in {where}: {what}', ko: '{from}에서 {dst}에 보낸 echo 요청이 {where}에서 버려졌습니다: {what}' },
  'probe.echoRequestNeverLeft': { en: 'the echo request never left {from}', ko: 'echo 요청이 {from}에서 나가지 못했습니다' },
  'probe.echoRequestLeftNothing': { en: 'the echo request left {from} but nothing answered for {dst} within 3 s', ko: 'echo 요청은 {from}에서 나갔지만 3초 안에 {dst}에서 아무 응답도 없었습니다' },
  // ── path ──
  'path.oneNamespaceTwoNames': {
    en: '{a} and {b} are one namespace under two names (both are nsfs inode {ino}): the goal asks for two separate namespaces (ip netns add {name})',
    ko: '{a|와} {b|는} 이름만 둘인 하나의 네임스페이스입니다 (둘 다 nsfs inode {ino}): 목표는 서로 다른 네임스페이스 두 개입니다 (ip netns add {name})',
  },
  'path.separateNamespaces': { en: '{names} are separate namespaces (nsfs inodes {inos})', ko: '{names}: 서로 다른 네임스페이스입니다 (nsfs inode {inos})' },
  'path.whichNotVethGoal': {
    en: '{label} has {cidr} on {dev}, which is not a veth: the goal asks for the address on the end of a veth pair whose other end is in {peer}',
    ko: '{label}의 {cidr} 주소는 veth가 아닌 {dev}에 있습니다: 목표는 다른 쪽 끝이 {peer}에 있는 veth 쌍의 한쪽 끝에 주소를 두는 것입니다',
  },
  'path.vethOtherEndNot': {
    en: '{label} has {cidr} on veth {dev}, but its other end is not in {peer}: the goal asks for one veth pair joining {a} and {b}',
    ko: '{label}의 veth {dev}에 {cidr} 주소가 있지만 그 다른 쪽 끝이 {peer}에 있지 않습니다: 목표는 {a|와} {b|를} 잇는 veth 쌍 하나입니다',
  },
  'path.whoseVethPeer': { en: '{label} has {cidr} on {dev}, whose veth peer {pdev} is in {peer}', ko: '{label}의 {dev}에 {cidr} 주소가 있고, 그 veth 짝 {pdev|는} {peer}에 있습니다' },
  'path.replyFromOwnAddress': {
    en: '{from} gets a reply from {dst}, but {dst} is one of {from}\'s own addresses: the echo request never left {from}. The goal asks for {dst} to be {at}\'s address, reached over the network',
    ko: '{from}에서 {dst}의 응답을 받지만 {dst|는} {from} 자신의 주소입니다: echo 요청이 {from} 밖으로 나가지 않았습니다. 목표는 {dst|가} {at}의 주소이고 네트워크를 거쳐 닿는 것입니다',
  },
  'path.replyFromElsewhere': {
    en: '{from} gets a reply from {dst}, but {where} answered it, not {at}: the goal asks for {dst} to be {at}\'s address',
    ko: '{from}에서 {dst}의 응답을 받지만 응답한 곳은 {at|가} 아니라 {where}입니다: 목표는 {dst|가} {at}의 주소인 것입니다',
  },
  'path.reachesDidNotForward': {
    en: '{from} reaches {dst}, but {via} did not forward the echo request: the goal asks for {via} to route between the networks',
    ko: '{from}에서 {dst}에 닿지만 {via|가} echo 요청을 전달(forward)하지 않았습니다: 목표는 {via|가} 두 네트워크 사이를 라우팅하는 것입니다',
  },
  'path.reachesNotOverVeth': {
    en: '{from} reaches {dst} in {at}, but not over a veth pair joining them: the goal asks for one veth pair between {a} and {b}',
    ko: '{from}에서 {at}의 {dst}에 닿지만 둘을 잇는 veth 쌍을 거치지 않았습니다: 목표는 {a|와} {b} 사이의 veth 쌍 하나입니다',
  },
  'path.reachesEchoRequestDid': {
    en: '{from} reaches {dst} in {at}, but the echo request did not cross bridge {br}: the goal asks for the namespaces to be joined by the bridge',
    ko: '{from}에서 {at}의 {dst}에 닿지만 echo 요청이 브리지 {br|를} 거치지 않았습니다: 목표는 네임스페이스들을 브리지로 잇는 것입니다',
  },
  'path.reachesEchoReplyTtl': { en: '{from} reaches {dst} in {at} (echo reply, ttl {ttl})', ko: '{from}에서 {at}의 {dst}에 닿습니다 (echo reply, ttl {ttl})' },
  'path.gotPageNotServer': {
    en: '{label} got a page from {url}, but not from {srv}\'s server at {at}: the connection was answered by {who}. The goal asks for the page to be served by {srv}\'s server',
    ko: '{label}에서 {url} 페이지를 받았지만 {at}에 있는 {srv}의 서버가 보낸 것이 아닙니다: 연결에 응답한 곳은 {who}입니다. 목표는 {srv}의 서버가 페이지를 보내는 것입니다',
  },
  'path.anotherHost': { en: 'another host', ko: '다른 호스트' },
  'path.gotPageServerSaw': {
    en: '{label} got {srv}\'s page from {url}, but {srv}\'s server saw the connection come from {src}, not from {label}: something relayed it (a proxy) instead of {host} translating its destination. The goal asks for a DNAT rule on {host}',
    ko: '{label}에서 {url|로} {srv}의 페이지를 받았지만 {srv}의 서버에는 연결이 {label|가} 아니라 {src}에서 온 것으로 보였습니다: {host|가} 목적지를 변환한 것이 아니라 무언가(프록시)가 중계했습니다. 목표는 {host}의 DNAT 규칙입니다',
  },
  'path.gotPageConnectionDid': {
    en: '{label} got {srv}\'s page from {url}, but the connection did not go through {host} addressed to {host}: the goal asks for {host} to translate its own address and port to {at} (DNAT)',
    ko: '{label}에서 {url|로} {srv}의 페이지를 받았지만 연결이 {host} 주소로 {host|를} 거치지 않았습니다: 목표는 {host|가} 자기 주소와 포트를 {at|로} 변환하는 것(DNAT)입니다',
  },
  'path.resolvesFileEtcHosts': {
    en: '{from} resolves {to} to {ip} from a file (its /etc/hosts), not through the embedded DNS of network {net}: the goal asks for {from} to find {to} by name on the network they share',
    ko: '{from|는} {to|를} 네트워크 {net}의 내장 DNS가 아니라 파일(/etc/hosts)에서 {ip|로} 찾습니다: 목표는 {from|가} 함께 쓰는 네트워크에서 이름으로 {to|를} 찾는 것입니다',
  },
  'path.podEthNoIpam': {
    en: 'pod1 has {ip} on eth0, but no IPAM plugin leased it (host-local keeps each lease in /var/lib/cni/networks/NETWORK/): the goal asks for the bridge plugin, run with CNI_COMMAND=ADD, to configure pod1',
    ko: 'pod1의 eth0에 {ip} 주소가 있지만 어떤 IPAM 플러그인도 이 주소를 임대하지 않았습니다 (host-local은 임대마다 /var/lib/cni/networks/NETWORK/에 기록합니다): 목표는 CNI_COMMAND=ADD로 실행한 bridge 플러그인이 pod1을 설정하는 것입니다',
  },
  // ── http ──
  'http.badUrl': { en: 'bad URL {url}', ko: '잘못된 URL: {url}' },
  'http.serverAnsweredSomethingThat': { en: '{url} from {label}: the server answered something that is not HTTP', ko: '{label}에서 요청한 {url}: 서버가 HTTP가 아닌 응답을 보냈습니다' },
  'http.answeredNotPage': { en: '{url} from {label} answered "{status}", not a page', ko: '{label}에서 요청한 {url}의 응답이 페이지가 아니라 "{status}"입니다' },
  'http.answeredNotExpectedPage': {
    en: '{url} from {label} answered {status}, but not with the expected page (it does not contain "{expect}")',
    ko: '{label}에서 요청한 {url|이} 응답({status})은 했지만 기대한 페이지가 아닙니다 ("{expect}" 문자열이 없습니다)',
  },
  'http.fetchedContains': { en: '{label} fetched {url}: {status} (the page contains "{expect}")', ko: '{label}에서 {url} 페이지를 받았습니다: {status} (페이지에 "{expect}" 문자열이 있습니다)' },
  'http.fetched': { en: '{label} fetched {url}: {status}', ko: '{label}에서 {url} 페이지를 받았습니다: {status}' },
  'http.cannotConnectNoRoute': {
    en: '{label} cannot connect to {addr}: {err} — {label} has no route there (a default route via its gateway?)',
    ko: '{label}에서 {addr}에 연결할 수 없습니다: {err}. {label}에는 그쪽으로 가는 라우트가 없습니다 (게이트웨이를 거치는 기본 라우트가 있나요?)',
  },
  'http.failed': { en: '{url} from {label} failed: {reason}', ko: '{label}에서 요청한 {url} 실패: {reason}' },
  'http.synWasDropped': { en: 'the SYN was dropped in {where}: {what}', ko: 'SYN이 {where}에서 버려졌습니다: {what}' },
  'http.natOnTheWay': { en: '{head} (NAT on the way: {nat})', ko: '{head} (거쳐 간 NAT: {nat})' },
  'http.translatedSourceNotOwn': {
    en: '{head} ({host} translated the source to {a}, which is not one of its addresses: replies go to {a} and never come back to {host} to be translated back)',
    ko: '{head} ({host}에서 출발지 주소를 자기 주소가 아닌 {a} 주소로 바꿨습니다: 응답은 {a} 주소로 가서, 다시 변환되도록 {host}에 돌아오지 못합니다)',
  },
  'http.noRouteUntranslated': {
    en: '{head} — {host} has no route to {net}: the request arrived with the private source {src} because nothing translated it on the way out (a MASQUERADE or SNAT rule for {net} in the nat POSTROUTING chain of the host in between)',
    ko: '{head}. {host}에는 {net} 대역으로 가는 라우트가 없습니다: 나가는 길에 아무것도 주소를 변환하지 않아서 요청이 사설 출발지 주소 {src} 그대로 도착했습니다 (중간 호스트의 nat POSTROUTING 체인에 {net} 대역을 위한 MASQUERADE 또는 SNAT 규칙이 필요합니다)',
  },
  'http.onTheWay': { en: '{head} (on the way: {steps})', ko: '{head} (거쳐 간 곳: {steps})' },
  'path.stepAt': { en: '{where}: {what}', ko: '{where}: {what}' },
  'http.connectionWasRefusedRst': { en: 'the connection was refused (RST)', ko: '연결이 거부되었습니다 (RST)' },
  'http.rstNoDnat': {
    en: '{dst} answered the SYN with a RST: nothing listens on {dst}:{port}. The SYN arrived at {who} on {dev} still addressed to {dst}:{port}: no DNAT rule in the nat table\'s PREROUTING chain rewrote it, and nothing listens on port {port} there.',
    ko: '{dst}에서 SYN에 RST로 응답했습니다: {dst}:{port}에서 대기 중인 프로그램이 없습니다. SYN은 목적지가 여전히 {dst}:{port}인 채로 {who}의 {dev}에 도착했습니다: nat 테이블 PREROUTING 체인의 어떤 DNAT 규칙도 목적지를 바꾸지 않았고, 거기서 {port}번 포트에 대기 중인 프로그램도 없습니다.',
  },
  'http.rstNothingListens': { en: '{dst} answered the SYN with a RST: nothing listens on {dst}:{port}.', ko: '{dst}에서 SYN에 RST로 응답했습니다: {dst}:{port}에서 대기 중인 프로그램이 없습니다.' },
  'http.synTranslatedRst': {
    en: 'the SYN was translated to {addr} ({who}), which answered with a RST: nothing listens on port {port} there.',
    ko: 'SYN의 목적지가 {addr} ({who}) 주소로 변환되었고, 그쪽에서 RST로 응답했습니다: 거기서 {port}번 포트에 대기 중인 프로그램이 없습니다.',
  },
  'http.unknownHost': { en: 'unknown host', ko: '알 수 없는 호스트' },
  'http.synNeverLeft': { en: 'the SYN never left {label}', ko: 'SYN이 {label}에서 나가지 못했습니다' },
  'http.synNoRouteBackPrivate': {
    en: 'the SYN reached {owner} ({addr}) from {src}, but no SYN-ACK came back: {owner} has no route to {src} ({err}): the SYN still carries the private source {src} — nothing translated it on the way out (a MASQUERADE or SNAT rule in nat POSTROUTING of the host in between)',
    ko: 'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 돌아오지 않았습니다: {owner}에는 {src}에 닿는 라우트가 없습니다 ({err}). SYN의 출발지는 여전히 사설 주소 {src}입니다. 나가는 길에 아무것도 주소를 변환하지 않았습니다 (중간 호스트의 nat POSTROUTING에 MASQUERADE 또는 SNAT 규칙이 필요합니다)',
  },
  'http.synNoRouteBack': {
    en: 'the SYN reached {owner} ({addr}) from {src}, but no SYN-ACK came back: {owner} has no route to {src} ({err}) (a default route via {gw}\'s gateway?)',
    ko: 'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 돌아오지 않았습니다: {owner}에는 {src}에 닿는 라우트가 없습니다 ({err}) ({gw}의 게이트웨이를 거치는 기본 라우트가 있나요?)',
  },
  'http.synReachedSynAck': {
    en: 'the SYN reached {owner} ({addr}) from {src}, but its SYN-ACK never left: nobody answers ARP for {src} on its network?',
    ko: 'SYN은 {src}에서 {owner}({addr})에 도착했지만 SYN-ACK가 나가지 못했습니다: 그 네트워크에서 {src}의 ARP 요청에 응답하는 곳이 없나요?',
  },
  'http.synLastArriving': { en: 'the SYN was last seen arriving at {where} on {dev} ({pkt}) and got no answer', ko: 'SYN은 {where}의 {dev}에 도착한 것이 마지막 모습이고 ({pkt}) 응답을 받지 못했습니다' },
  'http.synLastLeaving': { en: 'the SYN was last seen leaving {where} on {dev} ({pkt}) and got no answer', ko: 'SYN은 {where}의 {dev}에서 나간 것이 마지막 모습이고 ({pkt}) 응답을 받지 못했습니다' },
  'http.synAckCameBack': { en: 'the SYN-ACK came back to {where} on {dev} ({pkt}) and was dropped in {where2}: {what}', ko: 'SYN-ACK는 {where}의 {dev}에 돌아왔지만 ({pkt}) {where2}에서 버려졌습니다: {what}' },
  'http.synAckLastArriving': {
    en: 'the SYN-ACK was last seen arriving at {where} on {dev} ({pkt}) and never reached {label} translated back',
    ko: 'SYN-ACK는 {where}의 {dev}에 도착한 것이 마지막 모습이고 ({pkt}) 주소가 되돌려 변환된 채로 {label}에 닿지 못했습니다',
  },
  'http.synAckLastLeaving': {
    en: 'the SYN-ACK was last seen leaving {where} on {dev} ({pkt}) and never reached {label} translated back',
    ko: 'SYN-ACK는 {where}의 {dev}에서 나간 것이 마지막 모습이고 ({pkt}) 주소가 되돌려 변환된 채로 {label}에 닿지 못했습니다',
  },
  'http.synAckLastSeen': { en: 'the SYN-ACK was last seen at {where} on {dev} ({pkt}) and never reached {label}', ko: 'SYN-ACK는 {where}의 {dev}에서 마지막으로 보였고 ({pkt}) {label}에 닿지 못했습니다' },
  'http.natTablePostroutingChain': {
    en: 'the nat table\'s POSTROUTING chain on {host} has no MASQUERADE or SNAT rule for {cidr} (iptables -t nat -A POSTROUTING -s {cidr} -j MASQUERADE)',
    ko: '{host}의 nat 테이블 POSTROUTING 체인에 {cidr} 대역을 위한 MASQUERADE 또는 SNAT 규칙이 없습니다 (iptables -t nat -A POSTROUTING -s {cidr} -j MASQUERADE)',
  },
  'http.ruleNatPostroutingNo': {
    en: 'a {kind} rule for {cidr} is in nat POSTROUTING, but no packet from {label} reached {dst} to show it at work: {reason}',
    ko: 'nat POSTROUTING에 {cidr} 대역을 위한 {kind} 규칙이 있지만, 규칙이 동작하는지 보여 줄 {label}의 패킷이 {dst}에 닿지 않았습니다: {reason}',
  },
  'http.ruleNatPostroutingEcho': {
    en: 'a {kind} rule is in nat POSTROUTING, but {label}\'s echo request reached {dst} with its own source {src}: the rule did not match it (check its -s / -o)',
    ko: 'nat POSTROUTING에 {kind} 규칙이 있지만, {label}의 echo 요청이 자기 출발지 주소 {src} 그대로 {dst}에 도착했습니다: 규칙이 이 패킷과 맞지 않았습니다 (-s / -o를 확인하세요)',
  },
  'http.natPostroutingTranslatesEcho': {
    en: 'nat POSTROUTING {kind} translates {cidr}: {label}\'s echo request reached {dst} from {src}',
    ko: 'nat POSTROUTING의 {kind} 규칙이 {cidr} 대역을 변환합니다: {dst}에 도착한 {label}의 echo 요청의 출발지 주소는 {src}입니다',
  },
  'http.noBridgeVNet': { en: 'there is no bridge v-net-0 on the host (ip link add v-net-0 type bridge)', ko: '호스트에 브리지 v-net-0이 없습니다 (ip link add v-net-0 type bridge)' },
  // ── docker ──
  'docker.dockerdNotRunningThis': { en: 'dockerd is not running on this host', ko: '이 호스트에서 dockerd가 실행 중이 아닙니다' },
  'docker.noContainerNamedDocker': { en: 'there is no container named {name} (docker ps -a)', ko: '이름이 {name}인 컨테이너가 없습니다 (docker ps -a)' },
  'docker.containerNotRunningDocker': { en: 'container {name} is {status}, not running (docker start {name})', ko: '{name} 컨테이너가 실행 중이 아니라 {status} 상태입니다 (docker start {name})' },
  'docker.noRunningContainerPublishes': {
    en: 'no running {image} container publishes host port {hp} to its port {cp} (docker run -d -p {hp}:{cp} {image})',
    ko: '실행 중인 {image} 컨테이너 중 호스트의 {hp}번 포트를 컨테이너의 {cp}번 포트로 공개하는 것이 없습니다 (docker run -d -p {hp}:{cp} {image})',
  },
  'docker.natTableNoDnat': { en: 'the nat table has no DNAT rule for port {port}', ko: 'nat 테이블에 {port}번 포트의 DNAT 규칙이 없습니다' },
  'docker.receivesTcpHostNat': { en: '{name} ({ip}) receives {port}/tcp of the host: nat DOCKER ... {rule}', ko: '{name} 컨테이너({ip})가 호스트의 {port}/tcp를 받습니다: nat DOCKER ... {rule}' },
  'docker.ipNetnsDoesNot': {
    en: 'ip netns does not list {name}: make /var/run/netns/{name} point at /proc/{pid}/ns/net',
    ko: 'ip netns 목록에 {name} 항목이 없습니다: /var/run/netns/{name|가} /proc/{pid}/ns/net을 가리키게 만드세요',
  },
  'docker.varRunNetnsNot': {
    en: '/var/run/netns/{name} is not container {name}\'s namespace (its process is pid {pid})',
    ko: '/var/run/netns/{name} 파일은 {name} 컨테이너의 네임스페이스가 아닙니다 (컨테이너 프로세스는 pid {pid})',
  },
  'docker.ipNetnsListsIp': { en: 'ip netns lists {name}; ip netns exec {name} ip addr shows {ip}', ko: 'ip netns 목록에 {name} 항목이 있고, ip netns exec {name} ip addr에 {ip} 주소가 보입니다' },
  'docker.defaultBridgeNoDns': {
    en: '{from} asked {ns} (the nameserver of its resolv.conf) for {to} over UDP and got {answer}: {from} is only on the default bridge, which has no embedded DNS (docker network create NET; docker network connect NET {from})',
    ko: '{from} 컨테이너가 {ns}(resolv.conf의 nameserver)에 UDP로 {to} 이름을 물었고 {answer}: {from} 컨테이너는 내장 DNS가 없는 기본 브리지에만 연결되어 있습니다 (docker network create NET; docker network connect NET {from})',
  },
  'docker.nxdomain': { en: 'NXDOMAIN', ko: 'NXDOMAIN 응답을 받았습니다' },
  'docker.noAnswer': { en: 'no answer', ko: '응답을 받지 못했습니다' },
  'docker.askedOverUdpGot': {
    en: '{from} asked {ns} for {to} over UDP and got no answer: the query never reached the embedded DNS (look at the DOCKER_OUTPUT rules in the namespace of the container: nsenter -t $(docker inspect -f \'{{.State.Pid}}\' {from}) -n iptables -t nat -S)',
    ko: '{from} 컨테이너가 {ns}에 UDP로 {to} 이름을 물었지만 응답을 받지 못했습니다: 질의가 내장 DNS에 닿지 못했습니다 (컨테이너 네임스페이스의 DOCKER_OUTPUT 규칙을 보세요: nsenter -t $(docker inspect -f \'{{.State.Pid}}\' {from}) -n iptables -t nat -S)',
  },
  'docker.embeddedDnsDoesNot': {
    en: 'the embedded DNS does not know {to} ({why}): {from} and {to} share no user-defined network (docker network connect {net} {to})',
    ko: '내장 DNS가 {to} 이름을 모릅니다 ({why}): {from} 컨테이너와 {to} 컨테이너가 함께 연결된 사용자 정의 네트워크가 없습니다 (docker network connect {net} {to})',
  },
  'docker.embeddedDnsDoesNot2': { en: 'the embedded DNS does not know {to} ({why})', ko: '내장 DNS가 {to} 이름을 모릅니다 ({why})' },
  'docker.noAnswerForwarded': { en: 'no answer: it forwarded the query to the host\'s nameservers', ko: '응답 없음: 내장 DNS가 질의를 호스트의 네임서버로 넘겼습니다' },
  'docker.resolvesNotThroughUser': { en: '{from} resolves {to} to {ip}, but not through a user-defined network they share', ko: '{from}에서 {to} 이름이 {ip} 주소로 변환되지만, 함께 연결된 사용자 정의 네트워크를 통한 것이 아닙니다' },
  'docker.resolvedOverDnsEcho': { en: '{from} resolved {to} to {ip} over DNS, but the echo request was lost: {reason}', ko: '{from}에서 DNS로 {to} 이름을 {ip} 주소로 변환했지만 echo 요청이 사라졌습니다: {reason}' },
  'docker.resolvesNetworkUdpQuery': {
    en: '{from} resolves {to} to {ip} on network {net} (UDP query to 127.0.0.11) and reaches it',
    ko: '{from}에서 {net} 네트워크를 통해 {to} 이름이 {ip} 주소로 변환되고(127.0.0.11로 보낸 UDP 질의) 그 주소에 닿습니다',
  },
  'docker.curlDidNotFinish': { en: 'curl {url} from {from} did not finish', ko: '{from}에서 실행한 curl {url} 명령이 끝나지 않았습니다' },
  'docker.curlFailed': { en: 'curl {url} from {from} failed: {err}', ko: '{from}에서 실행한 curl {url} 명령이 실패했습니다: {err}' },
  'docker.exitStatus': { en: 'exit status {code}', ko: '종료 상태 {code}' },
  'docker.answeredNot': { en: '{url} answered from {from}, but not with {what}', ko: '{from}에서 요청한 {url}에 응답은 왔지만 {what|가} 아닙니다' },
  'docker.fetchedOverTcpGot': { en: '{from} fetched {url} over TCP and got {what}', ko: '{from}에서 TCP로 {url}에 요청해 {what|를} 받았습니다' },
  'docker.nginxWelcomePage': { en: 'the nginx welcome page', ko: 'nginx 환영 페이지' },
  // ── dns ──
  'dns.lookingUpFails': { en: 'on {host}, looking up "{name}" fails: {err} — {hint}', ko: '{host}에서 "{name}" 이름 조회가 실패합니다: {err}. {hint}' },
  'dns.hint.hostsLine': { en: 'add a line "192.168.1.11 db" to /etc/hosts', ko: '/etc/hosts에 "192.168.1.11 db" 줄을 추가하세요' },
  'dns.hint.resolvConf': { en: 'point /etc/resolv.conf at 192.168.1.100 and add "search mycompany.com"', ko: '/etc/resolv.conf가 192.168.1.100을 가리키게 하고 "search mycompany.com"을 추가하세요' },
  'dns.hint.searchLine': { en: 'the search line of /etc/resolv.conf decides which full names are asked', ko: '/etc/resolv.conf의 search 줄이 어떤 전체 이름을 물을지 정합니다' },
  'dns.resolvesNotFirstMatching': {
    en: 'on {host}, "{name}" resolves to {addr}, not {want} — the first matching /etc/hosts line wins, and /etc/hosts is read before DNS',
    ko: '{host}에서 "{name}" 이름이 {want} 주소가 아니라 {addr} 주소로 변환됩니다. /etc/hosts에서는 처음 일치하는 줄이 이기고, /etc/hosts는 DNS보다 먼저 읽힙니다',
  },
  'dns.resolves': { en: 'on {host}, "{name}" resolves to {want}', ko: '{host}에서 "{name}" 이름이 {want} 주소로 변환됩니다' },
  'dns.pingFails': { en: 'ping: {name}: {err}', ko: '이름을 주소로 바꾸지 못했습니다. ping: {name}: {err}' },
  'dns.noAddress': { en: 'no address', ko: '주소 없음' },
  'dns.pingGetsEchoReply': { en: 'ping {name} ({addr}) gets an echo reply', ko: 'ping {name} ({addr})에 echo reply가 옵니다' },
  'dns.resolvesButLost': { en: '"{name}" resolves to {addr}, but {reason}', ko: '"{name}" 이름은 {addr} 주소로 변환되지만, {reason}' },
  'dns.dnsLookupDidNot': { en: 'the DNS lookup did not finish', ko: 'DNS 조회가 끝나지 않았습니다' },
  'dns.dnsQueryFails': { en: 'a DNS query for "{name}" from {host} fails: {why}', ko: '{host}에서 보낸 "{name}" DNS 질의가 실패합니다: {why}' },
  'dns.noUsableAnswerNoSearch': {
    en: 'no usable answer from {servers} (the server is unreachable, or refused because it only answers for its own zones — there is no search line, so only the bare name "{name}" was asked)',
    ko: '{servers}에서 쓸 만한 응답이 없습니다 (서버에 닿지 못했거나, 자기 영역(zone)에만 응답하는 서버가 거부했습니다. search 줄이 없어서 이름 "{name}"만 그대로 물었습니다)',
  },
  'dns.noUsableAnswer': {
    en: 'no usable answer from {servers} (the server is unreachable, or refused because it only answers for its own zones)',
    ko: '{servers}에서 쓸 만한 응답이 없습니다 (서버에 닿지 못했거나, 자기 영역(zone)에만 응답하는 서버가 거부했습니다)',
  },
  'dns.noNameserverLine': { en: 'no nameserver line (so 127.0.0.1, where nothing listens)', ko: 'nameserver 줄이 없는 설정(그래서 아무것도 대기하지 않는 127.0.0.1)' },
  'dns.nxdomainSearch': {
    en: 'the DNS server says no such name (NXDOMAIN) for every name tried: {name} with search {search}',
    ko: 'DNS 서버가 시도한 모든 이름에 대해 그런 이름이 없다고(NXDOMAIN) 답합니다: {name}, search {search}',
  },
  'dns.nxdomainNoSearch': {
    en: 'the DNS server says no such name (NXDOMAIN) for every name tried: {name} (no search domain, so only the bare name was asked)',
    ko: 'DNS 서버가 시도한 모든 이름에 대해 그런 이름이 없다고(NXDOMAIN) 답합니다: {name} (search 도메인이 없어서 이름만 그대로 물었습니다)',
  },
  'dns.noARecord': { en: 'the DNS server has the name but no A record', ko: 'DNS 서버에 그 이름은 있지만 A 레코드가 없습니다' },
  'dns.refused': { en: 'the DNS server refused the query', ko: 'DNS 서버가 질의를 거부했습니다' },
  'dns.answerNotFromServer': {
    en: 'DNS answers "{name}" with {want}, but the answer did not come from {server}: {host} asked {asked}, and no answer from {server} reached {host}. The goal asks for {host}\'s resolver to use the central server {server} (a DNS server on {host} itself does not count)',
    ko: 'DNS가 "{name}"에 대해 {want} 주소로 응답하지만 그 응답은 {server}에서 온 것이 아닙니다: {host|는} {asked}에 물었고, {server}의 응답은 {host}에 오지 않았습니다. 목표는 {host}의 리졸버가 중앙 서버 {server|를} 쓰는 것입니다 ({host} 자체에서 돌린 DNS 서버는 인정되지 않습니다)',
  },
  'dns.nobody': { en: 'nobody over the network', ko: '네트워크의 아무 서버도 아닌 곳' },
  'dns.serverAnswers': { en: '{server} answers "{name}" with {want} (as {canonical})', ko: '{server|가} "{name}"에 대해 {want} 주소로 응답합니다 (정식 이름 {canonical})' },
  'dns.resolvesThroughDnsQuery': {
    en: 'on {host}, "{name}" resolves to {want}, but through a DNS query, not from /etc/hosts: the goal asks for a line in /etc/hosts (and hosts: files before dns in /etc/nsswitch.conf)',
    ko: '{host}에서 "{name}" 이름이 {want} 주소로 풀리지만 /etc/hosts가 아니라 DNS 질의로 풀렸습니다: 목표는 /etc/hosts의 한 줄입니다 (그리고 /etc/nsswitch.conf에서 hosts: files가 dns보다 앞)',
  },
  'dns.dnsAnswersNot': { en: 'DNS answers "{name}" with {got}, not {want}', ko: 'DNS가 "{name}"에 대해 {want} 주소가 아니라 {got} 주소로 응답합니다' },
  'dns.dnsAnswers': { en: 'DNS answers "{name}" with {want} (as {canonical})', ko: 'DNS가 "{name}"에 대해 {want} 주소로 응답합니다 (정식 이름 {canonical})' },
  // ── k8s ──
  'k8s.noDeploymentWebDefault': { en: 'there is no Deployment web in the default namespace', ko: 'default 네임스페이스에 Deployment web이 없습니다' },
  'k8s.webReady': { en: 'web: 3/3 ready', ko: 'web: 3/3 준비됨' },
  'k8s.webReadyReplicasNeeds': { en: 'web has {ready}/{want} ready replicas (it needs replicas: 3)', ko: 'web의 준비된 레플리카: {ready}/{want} (replicas: 3이 필요합니다)' },
  'k8s.noServiceWeb': { en: 'there is no Service web', ko: '서비스 web이 없습니다' },
  'k8s.serviceWebClusteripClusterip': {
    en: 'Service web has ClusterIP {ip}; the ClusterIP cannot be changed: delete the Service and create it with clusterIP: 10.100.100.100',
    ko: '서비스 web의 ClusterIP는 {ip}입니다. ClusterIP는 바꿀 수 없으니 서비스를 삭제하고 clusterIP: 10.100.100.100으로 다시 만드세요',
  },
  'k8s.serviceWebDoesNot': { en: 'Service web does not expose port 80', ko: '서비스 web이 80번 포트를 노출하지 않습니다' },
  'k8s.webTcp': { en: 'web: 10.100.100.100:80/TCP', ko: '서비스 web: 10.100.100.100:80/TCP' },
  'k8s.clientPodNotRunning': { en: 'the client pod is not running', ko: 'client 파드가 실행 중이 아닙니다' },
  'k8s.noHttpAnswer': {
    en: 'no HTTP answer from 10.100.100.100 ({first}): is the Service selecting ready pods, and did kube-proxy program the node?',
    ko: '10.100.100.100에서 HTTP 응답이 없습니다 ({first}): 서비스가 준비된 파드를 선택하고 있나요? kube-proxy가 노드에 규칙을 설정했나요?',
  },
  'k8s.curlExited': { en: 'curl exited with {code}', ko: 'curl 종료 코드 {code}' },
  'k8s.nothingCameBack': { en: 'nothing came back', ko: '아무것도 돌아오지 않음' },
  'k8s.alwaysSamePod': { en: '{ok}/30 requests answered, but always by the same pod ({pods})', ko: '요청 30개 중 {ok}개가 응답했지만 늘 같은 파드가 응답했습니다 ({pods})' },
  'k8s.answeredByPods': { en: '{ok}/30 answered, by {n} pods: {pods}', ko: '요청 30개 중 {ok}개 응답, 응답한 파드 {n}개: {pods}' },
  'k8s.nodeNatTableNo': {
    en: 'node01\'s nat table has no chain {chain} (kube-proxy creates it once the Service has endpoints)',
    ko: 'node01의 nat 테이블에 {chain} 체인이 없습니다 (kube-proxy는 서비스에 엔드포인트가 생기면 이 체인을 만듭니다)',
  },
  'k8s.statisticRulesEndpointsKube': { en: '{chain} has {n} statistic rules; with 3 endpoints kube-proxy writes 2', ko: '{chain} 체인에 statistic 규칙이 {n}개 있습니다. 엔드포인트가 3개면 kube-proxy는 2개를 씁니다' },
  'k8s.statisticProbabilities': { en: '{chain}: {probs}', ko: '{chain} 체인의 statistic 확률: {probs}' },
  'k8s.noNamespacePodNode': { en: 'there is no namespace pod1 on node01 any more', ko: 'node01에 pod1 네임스페이스가 더 이상 없습니다' },
  'k8s.podNoEthBridge': {
    en: 'pod1 has no eth0 yet: the bridge plugin creates it (CNI_IFNAME=eth0) when you run it with CNI_COMMAND=ADD',
    ko: 'pod1에 아직 eth0이 없습니다: bridge 플러그인을 CNI_COMMAND=ADD로 실행하면 플러그인이 만들어 줍니다 (CNI_IFNAME=eth0)',
  },
  'k8s.podEthNoAddress': {
    en: 'pod1\'s eth0 has no address in 10.244.1.0/24 (its IPAM section should use host-local with subnet 10.244.1.0/24)',
    ko: 'pod1의 eth0에 10.244.1.0/24 대역의 주소가 없습니다 (IPAM 섹션은 subnet 10.244.1.0/24인 host-local을 써야 합니다)',
  },
  'k8s.ethPodDown': { en: 'eth0 in pod1 is down', ko: 'pod1의 eth0이 down 상태입니다' },
  'k8s.podEth': { en: 'pod1 has {addr} on eth0', ko: 'pod1의 eth0에 {addr} 주소가 있습니다' },
  'k8s.podNoDefaultRoute': { en: 'pod1 has no default route (the IPAM section needs "routes": [{"dst": "0.0.0.0/0"}])', ko: 'pod1에 기본 라우트가 없습니다 (IPAM 섹션에 "routes": [{"dst": "0.0.0.0/0"}]가 필요합니다)' },
  'k8s.podDefaultGatewayNot': {
    en: 'pod1\'s default gateway {gw} is not an address of a bridge on node01 (set "isGateway": true so the plugin gives the bridge the gateway address)',
    ko: 'pod1의 기본 게이트웨이 {gw} 주소는 node01에 있는 브리지의 주소가 아닙니다 ("isGateway": true로 설정하면 플러그인이 브리지에 게이트웨이 주소를 줍니다)',
  },
  'k8s.defaultViaAddressBridge': { en: 'default via {gw}, the address of bridge {br}', ko: '기본 라우트: via {gw} ({br} 브리지의 주소)' },
  'k8s.noClusterThisWorld': { en: 'no cluster in this world', ko: '이 환경에는 클러스터가 없습니다' },
  'k8s.podsWebNodeWeb': { en: 'pods web-a (node01) and web-b (node02) must exist', ko: '파드 web-a(node01)와 web-b(node02)가 있어야 합니다' },
  'k8s.noIpNoCni': {
    en: '{pod} on {node} has no IP yet ({status}): {node} has no CNI network configuration. The goal asks for a pod network on every node that runs pods',
    ko: '{node}의 {pod} 파드에 아직 IP가 없습니다 ({status}): {node}에 CNI 네트워크 설정이 없습니다. 목표는 파드가 실행되는 모든 노드에 파드 네트워크를 요구합니다',
  },
  'k8s.webNodeWebB': { en: 'web-a {ip} on node01, web-b {ip2} on node02', ko: 'node01의 web-a: {ip}, node02의 web-b: {ip2}' },
  'k8s.webNoSandboxNode': { en: 'web-a has no sandbox on node01', ko: 'node01에 web-a의 샌드박스가 없습니다' },
  // ── breakfix ──
  'breakfix.addressItselfNowGoal': {
    en: '{a} is an address of {label} itself now: the goal is to reach {owner}\'s {a} across the network, not a local copy of it',
    ko: '{a} 주소는 이제 {label} 자신의 주소입니다: 목표는 로컬 사본이 아니라 네트워크 너머 {owner}의 {a}에 닿는 것입니다',
  },
  'breakfix.replyNotFromOwnerAnswered': {
    en: '{label} gets a reply for {dst}, but not from {owner} ({where} answered): the goal is to reach {owner} itself',
    ko: '{label}에서 {dst}의 응답을 받지만 {owner}의 응답이 아닙니다 ({where}에서 응답): 목표는 {owner} 자체에 닿는 것입니다',
  },
  'breakfix.replyNotFromOwner': {
    en: '{label} gets a reply for {dst}, but not from {owner}: the goal is to reach {owner} itself',
    ko: '{label}에서 {dst}의 응답을 받지만 {owner}의 응답이 아닙니다: 목표는 {owner} 자체에 닿는 것입니다',
  },
  'breakfix.reachesEchoRequestWas': {
    en: '{label} reaches {dst}, but the echo request was not forwarded by {via}: the goal is the path through {via}',
    ko: '{label}에서 {dst}에 닿지만 echo 요청이 {via}에서 전달되지 않았습니다: 목표는 {via|를} 거치는 경로입니다',
  },
  'breakfix.reachesEchoReplyTtl': { en: '{label} reaches {dst} (echo reply from {owner}, ttl {ttl})', ko: '{label}에서 {dst}에 닿습니다 ({owner}의 echo reply, ttl {ttl})' },
  'breakfix.stillBlockedSynDropped': {
    en: '{what} is still blocked: a SYN from {label} to {dst}:{port} is dropped in {fw} ({drop})',
    ko: '{what} 트래픽은 여전히 막혀 있습니다: {label}에서 {dst}:{port|로} 가는 SYN은 {fw}에서 버려집니다 ({drop})',
  },
  'breakfix.noLongerBlockedSyn': {
    en: '{what} is no longer blocked: a SYN from {label} to {dst}:{port} passes {fw}\'s filter table — the goal keeps that rule; fix only the one that is wrong',
    ko: '{what} 트래픽이 더 이상 막히지 않습니다: {label}에서 {dst}:{port|로} 가는 SYN이 {fw}의 filter 테이블을 통과합니다. 목표는 그 규칙을 유지하는 것이니 잘못된 규칙 하나만 고치세요',
  },
  'breakfix.policyStill': { en: 'the {chain} policy in {fw} is still {policy}', ko: '{fw}의 {chain} 정책은 여전히 {policy}입니다' },
  'breakfix.policyGoalKeepsFirewall': {
    en: 'the {chain} policy in {fw} is {got}: the goal keeps the firewall\'s default ({policy}) and lets only the missing traffic through',
    ko: '{fw}의 {chain} 정책이 {got}입니다: 목표는 방화벽의 기본값({policy})을 유지하고 빠진 트래픽만 통과시키는 것입니다',
  },
  // ── svc ──
  'svc.podNotRunning': { en: 'the pod {pod} is not running', ko: '{pod} 파드가 실행 중이 아닙니다' },
  'svc.noPageInTries': {
    en: 'no page from {url} in {n} tries ({why}): does the Service select the pods, on the port they listen on?',
    ko: '{n}번 시도했지만 {url}에서 페이지가 오지 않았습니다 ({why}): Service가 파드를, 파드가 대기하는 포트로 선택하고 있나요?',
  },
  'svc.answeredAlsoOnlyReady': { en: '{url} answered, but also from {who}: only the ready pods with app={app} should answer', ko: '{url}에서 응답이 왔지만 {who}에서도 왔습니다: app={app}인 준비된 파드만 응답해야 합니다' },
  'svc.requestsAnsweredNeverService': {
    en: '{ok}/{n} requests answered, but never by {who}: the Service should spread over every ready pod with app={app}',
    ko: '요청 {ok}/{n}개가 응답을 받았지만 {who}에서는 한 번도 오지 않았습니다: Service는 app={app}인 준비된 파드 모두에 나눠 보내야 합니다',
  },
  'svc.answeredByEveryPod': { en: '{ok}/{n} answered, by every ready pod: {who}', ko: '{ok}/{n}개 응답, 준비된 파드 모두가 응답함: {who}' },
  'svc.noServiceWebClients': { en: 'there is no Service web: clients use it by name and address', ko: 'Service web이 없습니다: 클라이언트는 이름과 주소로 이 Service를 씁니다' },
  'svc.serviceWebNowClusterip': {
    en: 'Service web now has ClusterIP {ip}: clients use 10.100.50.50, so the Service must keep it',
    ko: 'Service web의 ClusterIP가 이제 {ip}입니다: 클라이언트가 10.100.50.50을 쓰므로 Service는 이 주소를 유지해야 합니다',
  },
  'svc.serviceWebKeeps': { en: 'Service web keeps 10.100.50.50', ko: 'Service web이 10.100.50.50을 유지합니다' },
  // ── netpol ──
  'netpol.podNotRunning': {
    en: 'the pod {pod} is not running: the goal keeps every pod and blocks its traffic with NetworkPolicy',
    ko: '{pod} 파드가 실행 중이 아닙니다: 목표는 모든 파드를 그대로 두고 그 트래픽을 NetworkPolicy로 막는 것입니다',
  },
  'netpol.apiReadyPods': { en: 'the Deployment api has {n} ready pod(s): the goal keeps its 2 pods serving', ko: 'Deployment api의 준비된 파드가 {n}개입니다: 목표는 파드 2개가 계속 서비스하는 것입니다' },
  'netpol.podNoNetwork': { en: 'the pod {pod} has no network', ko: '{pod} 파드에 네트워크가 없습니다' },
  'netpol.notBlocked': { en: '{from} → {what} ({addr}) is not blocked: the SYN reached it', ko: '{from} → {what} ({addr})이 막히지 않았습니다: SYN이 도착했습니다' },
  'netpol.blockedNotByPolicy': { en: '{from} → {what} is blocked, but not by a NetworkPolicy: {how} ({where})', ko: '{from} → {what|은} 막혔지만 NetworkPolicy가 막은 것이 아닙니다: {how} ({where})' },
  'netpol.policyTableDropGoal': {
    en: 'the {chain} policy of the {table} table on {host} is DROP: the goal asks NetworkPolicy objects to do the blocking',
    ko: '{host}의 {table} 테이블 {chain} 정책이 DROP입니다: 목표는 NetworkPolicy 객체가 차단하는 것입니다',
  },
  'netpol.handWrittenRuleTable': {
    en: 'a hand-written {kind} rule in the {table} table\'s {chain} chain on {host}: the goal asks NetworkPolicy objects to do the blocking',
    ko: '{host}의 {table} 테이블 {chain} 체인에 손으로 쓴 {kind} 규칙이 있습니다: 목표는 NetworkPolicy 객체가 차단하는 것입니다',
  },
  'netpol.serviceApiMustKeep': { en: 'the Service api must keep 10.96.80.80:8080: the frontend calls the api through it', ko: 'Service api는 10.96.80.80:8080을 유지해야 합니다: frontend가 이 주소로 api를 부릅니다' },
  'netpol.noAnswerFromApiPod': {
    en: 'shop/frontend gets no answer from the api pod {pod} ({addr}): the one allowed path is blocked',
    ko: 'shop/frontend가 api 파드 {pod}({addr})에서 응답을 받지 못합니다: 허용해야 할 단 하나의 경로가 막혔습니다',
  },
  'netpol.noAnswerFromService': {
    en: 'shop/frontend gets no answer from the Service api (10.96.80.80:8080): the one allowed path is blocked',
    ko: 'shop/frontend가 Service api(10.96.80.80:8080)에서 응답을 받지 못합니다: 허용해야 할 단 하나의 경로가 막혔습니다',
  },
  'netpol.frontendReachesApi': { en: 'shop/frontend reaches every api pod and the Service on 8080', ko: 'shop/frontend가 8080번 포트로 모든 api 파드와 Service에 닿습니다' },
  'netpol.workerIsolated': { en: 'worker cannot reach the api, and nobody reaches worker', ko: 'worker는 api에 닿지 못하고, 아무도 worker에 닿지 못합니다' },
  'netpol.port80Closed': { en: 'port 80 of the api pods is closed to the frontend', ko: 'api 파드의 80번 포트는 frontend에게 닫혀 있습니다' },
  'netpol.stagingKeptOut': { en: 'the frontend of staging is kept out', ko: 'staging의 frontend는 들어오지 못합니다' },
  'netpol.noDefaultDeny': {
    en: 'no NetworkPolicy in shop selects every pod (an empty podSelector) for Ingress: the goal asks for a default deny that also covers pods added later',
    ko: 'shop에 모든 파드를 Ingress로 선택하는(빈 podSelector) NetworkPolicy가 없습니다: 목표는 나중에 추가되는 파드까지 덮는 기본 거부입니다',
  },
  'netpol.defaultDenyOk': { en: '{name} selects every pod of shop for ingress; no hand-written drop rules', ko: '{name|이} shop의 모든 파드를 ingress로 선택합니다; 손으로 쓴 차단 규칙은 없습니다' },
  'netpol.apiPod': { en: 'the api pod {pod}', ko: 'api 파드 {pod}' },
  'netpol.adminPage': { en: 'the admin page of {pod}', ko: '{pod}의 관리 페이지' },
  'netpol.serviceApi': { en: 'the Service api', ko: 'api 서비스' },
  'netpol.workerPod': { en: 'the worker pod', ko: 'worker 파드' },
  // ── podcidr ──
  'podcidr.podDoesNotExist': {
    en: 'pod {pod} does not exist: /root/pods.yaml on controlplane creates both (web-a on node01, web-b on node02)',
    ko: '{pod} 파드가 없습니다: controlplane의 /root/pods.yaml이 두 파드를 만듭니다 (node01에 web-a, node02에 web-b)',
  },
  'podcidr.noPodIp': { en: '{pod} has no pod IP yet (kubectl describe pod says why)', ko: '{pod} 파드에 아직 IP가 없습니다 (kubectl describe pod가 이유를 알려 줍니다)' },
  'podcidr.outsideNodePodcidr': { en: '{pod} on {node} has {ip}, outside the node\'s podCIDR {cidr}', ko: '{node}의 {pod} 파드 주소 {ip|는} 노드의 podCIDR {cidr} 밖에 있습니다' },
  'podcidr.samePodIpMore': { en: 'web-a and web-b both have {ip}: two nodes hand out the same pod subnet; {more}', ko: 'web-a와 web-b가 둘 다 {ip} 주소를 가집니다: 두 노드가 같은 파드 서브넷을 나눠 주고 있습니다; {more}' },
  'podcidr.samePodIp': { en: 'web-a and web-b both have {ip}: two nodes hand out the same pod subnet', ko: 'web-a와 web-b가 둘 다 {ip} 주소를 가집니다: 두 노드가 같은 파드 서브넷을 나눠 주고 있습니다' },
  'podcidr.webNodeWebB': {
    en: 'web-a {ip} (node01, 10.244.1.0/24), web-b {ip2} (node02, 10.244.2.0/24)',
    ko: 'web-a {ip} (node01, 10.244.1.0/24), web-b {ip2} (node02, 10.244.2.0/24)의 주소가 각자 노드 범위에 있습니다',
  },
  'podcidr.haveSameAddressPackets': {
    en: '{a} and {b} have the same address {ip}: {a}\'s packets to it never leave its own namespace',
    ko: '{a|와} {b|가} 같은 주소 {ip|를} 가집니다: {a}에서 그 주소로 보낸 패킷은 자기 네임스페이스를 떠나지 않습니다',
  },
  'podcidr.noSandboxNode': { en: '{pod} has no sandbox on its node', ko: '{pod} 파드의 샌드박스가 노드에 없습니다' },
  // ── nodeport ──
  'nodeport.noServiceWebRoot': { en: 'there is no Service web yet: /root/web-svc.yaml describes it, but it was never applied', ko: '아직 Service web이 없습니다: /root/web-svc.yaml에 적혀 있지만 적용된 적이 없습니다' },
  'nodeport.serviceWebTypeClusterip': {
    en: 'Service web has type {type}: a ClusterIP is reachable only inside the cluster; the goal asks for a NodePort',
    ko: 'Service web의 타입이 {type}입니다: ClusterIP는 클러스터 안에서만 닿습니다. 목표는 NodePort입니다',
  },
  'nodeport.serviceWebNoNode': { en: 'Service web has no node port {port}: the outside host uses port {port} on the nodes', ko: 'Service web에 노드 포트 {port|가} 없습니다: 바깥 호스트는 노드의 {port} 포트를 씁니다' },
  'nodeport.podWebNotRunning': { en: 'the pod web is not running', ko: 'web 파드가 실행 중이 아닙니다' },
  'nodeport.curlFailedSelect': {
    en: 'curl http://{addr}/ on outside failed (exit {code}): does Service web select the pod, on the port nginx listens on?',
    ko: 'outside에서 curl http://{addr}/이 실패했습니다(종료 코드 {code}): Service web이 파드를, nginx가 대기하는 포트로 선택하고 있나요?',
  },
  'nodeport.curlFailed': { en: 'curl http://{addr}/ on outside failed (exit {code})', ko: 'outside에서 curl http://{addr}/이 실패했습니다(종료 코드 {code})' },
  'nodeport.notByKubeProxy': {
    en: 'http://{addr}/ answered, but kube-proxy\'s rules did not send it to the pod: the goal asks for the Service\'s NodePort, not a hand-made forward',
    ko: 'http://{addr}/이 응답했지만 kube-proxy의 규칙이 파드로 보낸 것이 아닙니다: 목표는 손으로 만든 전달이 아니라 Service의 NodePort입니다',
  },
  'nodeport.outsideGotNginxPage': {
    en: 'outside got nginx\'s page through node01:{port}, translated by kube-proxy to pod web ({ip})',
    ko: 'outside가 node01:{port|를} 거쳐 nginx 페이지를 받았습니다. kube-proxy가 web 파드({ip})로 변환했습니다',
  },
  'nodeport.rootAnswerTxtDoes': {
    en: '/root/answer.txt does not exist on controlplane: write into it the address nginx logged for your request through node02',
    ko: 'controlplane에 /root/answer.txt가 없습니다: node02를 거친 요청에 대해 nginx가 기록한 주소를 그 파일에 쓰세요',
  },
  'nodeport.nodeMasqueradedRequestBefore': { en: '{ip}: node02 masqueraded the request before forwarding it to node01', ko: '{ip}: node02가 요청을 node01로 전달하기 전에 마스커레이드했습니다' },
  'nodeport.outsideHostOwnAddress': {
    en: '{ip} is the outside host\'s own address: with the default policy, what did nginx log for a request that came in through node02? (kubectl logs web)',
    ko: '{ip|는} 바깥 호스트 자신의 주소입니다: 기본 정책에서 node02를 거쳐 들어온 요청에 대해 nginx는 무엇을 기록했나요? (kubectl logs web)',
  },
  'nodeport.rootAnswerTxtSays': {
    en: '/root/answer.txt says "{text}": fetch the page from outside through node02 with the Service\'s default policy and read the address in nginx\'s log (kubectl logs web)',
    ko: '/root/answer.txt의 내용은 "{text}"입니다: Service의 기본 정책에서 outside가 node02를 거쳐 페이지를 가져오게 한 뒤 nginx 로그의 주소를 읽으세요 (kubectl logs web)',
  },
  'nodeport.podWebRunsNode': {
    en: 'the pod web runs in the node\'s network namespace (hostNetwork): the goal keeps it a normal pod behind the Service',
    ko: 'web 파드가 노드의 네트워크 네임스페이스에서 실행됩니다(hostNetwork): 목표는 Service 뒤의 보통 파드로 두는 것입니다',
  },
  'nodeport.stillPolicy': {
    en: 'Service web still has externalTrafficPolicy {policy}: the goal asks the Service itself to keep the client\'s address, whatever the nodes\' own rules do',
    ko: 'Service web의 externalTrafficPolicy가 아직 {policy}입니다: 목표는 노드의 다른 규칙과 상관없이 Service 스스로 클라이언트 주소를 지키는 것입니다',
  },
  'nodeport.loggedFrom': {
    en: 'nginx logged the request as coming from {from}: the pod should see the outside host\'s own address {ip}',
    ko: 'nginx가 요청이 {from}에서 왔다고 기록했습니다: 파드는 바깥 호스트 자신의 주소 {ip|를} 봐야 합니다',
  },
  'nodeport.nowhere': { en: 'nowhere', ko: '알 수 없는 곳' },
  'nodeport.nginxLoggedOutsideHost': { en: 'nginx logged {ip}, the outside host\'s own address', ko: 'nginx가 바깥 호스트 자신의 주소 {ip|를} 기록했습니다' },
  'nodeport.node02StillForwards': {
    en: 'node02 still forwards http://{addr}/ to the pod on node01: with the policy the goal asks for, a node without the pod keeps no NodePort traffic',
    ko: 'node02가 아직 http://{addr}/을 node01의 파드로 전달합니다: 목표의 정책에서는 파드가 없는 노드가 NodePort 트래픽을 받지 않습니다',
  },
  'nodeport.failsNotByKubeProxy': {
    en: 'http://{addr}/ fails, but not because kube-proxy drops it on node02 (the goal asks for the Service\'s policy, not a firewall rule of your own)',
    ko: 'http://{addr}/이 실패하지만 node02에서 kube-proxy가 버려서가 아닙니다 (목표는 직접 만든 방화벽 규칙이 아니라 Service의 정책입니다)',
  },
  'nodeport.nodeDropsNodeportTraffic': { en: 'node02 drops NodePort traffic for web: it has no local endpoint', ko: 'node02가 web의 NodePort 트래픽을 버립니다: 로컬 엔드포인트가 없습니다' },
  // ── ingress ──
  'ingress.ingressNginxControllerPod': {
    en: 'the ingress-nginx controller pod is not running (kubectl -n ingress-nginx get pods)',
    ko: 'ingress-nginx 컨트롤러 파드가 실행 중이 아닙니다 (kubectl -n ingress-nginx get pods)',
  },
  'ingress.reachedWithoutPassingThrough': {
    en: '{what} reached {pod} without passing through the ingress controller: the goal routes by host name in one Ingress, through the controller\'s NodePort {port}',
    ko: '{what} 요청이 인그레스 컨트롤러를 거치지 않고 {pod}에 닿았습니다: 목표는 컨트롤러의 NodePort {port|를} 거쳐 Ingress 하나가 호스트 이름으로 라우팅하는 것입니다',
  },
  'ingress.neverReachedController': {
    en: '{what} (through {addr} from outside) never reached the ingress controller pod (curl status {code}): the controller\'s NodePort Service should carry it',
    ko: '{what} 요청(바깥에서 {addr} 경유)이 인그레스 컨트롤러 파드에 닿지 않았습니다 (curl 상태 {code}): 컨트롤러의 NodePort Service가 이 요청을 날라야 합니다',
  },
  'ingress.gotHttpIngressController': {
    en: '{what} got HTTP {code} from the ingress controller itself, which sent it nowhere: no Ingress it serves routes {where} (is the Ingress of its class, nginx? does the path match?)',
    ko: '{what} 요청에 인그레스 컨트롤러가 직접 HTTP {code} 응답을 주고 어디로도 보내지 않았습니다: 컨트롤러가 맡은 Ingress 중 {where} 요청을 라우팅하는 규칙이 없습니다 (Ingress의 클래스가 nginx인가요? 경로가 맞나요?)',
  },
  'ingress.wentNotPod': { en: '{what} went to {pod}, not to a pod of {app}', ko: '{what} 요청이 {app} 파드가 아닌 {pod} 파드로 갔습니다' },
  'ingress.gotHttpControllerCould': {
    en: '{what} got HTTP {code}: the controller could not get an answer from the pods of Service {svc} (does the Ingress name the Service\'s port?)',
    ko: '{what} 요청이 HTTP {code} 응답을 받았습니다: 컨트롤러가 Service {svc}의 파드에서 답을 받지 못했습니다 (Ingress가 Service의 포트를 가리키나요?)',
  },
  'ingress.throughController': { en: '{host}: {list} (through the controller)', ko: '{host}: {list} (컨트롤러 경유)' },
  'ingress.noIngressSitesNamespace': {
    en: 'there is no Ingress sites in the namespace default: the goal routes both names with that one Ingress',
    ko: 'default 네임스페이스에 Ingress sites가 없습니다: 목표는 이 Ingress 하나로 두 이름을 모두 라우팅하는 것입니다',
  },
  'ingress.controllerIgnoresIngress': {
    en: 'the ingress-nginx controller ignores the Ingress sites: its class is {cls}, and the controller serves the IngressClass nginx',
    ko: 'ingress-nginx 컨트롤러가 Ingress sites를 무시합니다: 이 Ingress의 클래스는 {cls}이고, 컨트롤러는 IngressClass nginx를 맡습니다',
  },
  'ingress.noRuleFor': { en: 'the Ingress sites has no rule for {hosts}', ko: 'Ingress sites에 {hosts} 규칙이 없습니다' },
  'ingress.nginxControllerServesIngress': {
    en: 'the nginx controller serves the Ingress sites for shop.example.com and blog.example.com',
    ko: 'nginx 컨트롤러가 shop.example.com과 blog.example.com에 대해 Ingress sites를 맡고 있습니다',
  },
  'ingress.httpWwwExampleOrg': {
    en: 'http://www.example.org/ was sent on to {pod}: only the two site names should reach a site; other names get the controller\'s default backend',
    ko: 'http://www.example.org/ 요청이 {pod} 파드로 전달되었습니다: 두 사이트 이름만 사이트에 닿아야 하고, 다른 이름은 컨트롤러의 기본 백엔드가 받아야 합니다',
  },
  'ingress.httpWwwExampleOrg2': { en: 'http://www.example.org/ did not reach the ingress controller (curl status {code})', ko: 'http://www.example.org/ 요청이 인그레스 컨트롤러에 닿지 않았습니다 (curl 상태 {code})' },
  'ingress.httpWwwExampleOrg3': { en: 'http://www.example.org/ got HTTP {code} from the controller, not its default 404', ko: 'http://www.example.org/ 요청이 컨트롤러의 기본 404가 아닌 HTTP {code} 응답을 받았습니다' },
  'ingress.wwwExampleOrgGets': { en: 'www.example.org gets the controller\'s 404', ko: 'www.example.org 요청은 컨트롤러의 404를 받습니다' },
  // ── overlay ──
  'overlay.echoRequestCrossedPlain': {
    en: '{from}\'s echo request crossed {router} as a plain packet ({outer}, on {dev}): the goal asks for pod traffic to cross the router inside a VXLAN tunnel (UDP port 4789), the router knowing only the node networks',
    ko: '{from}의 echo 요청이 {router|를} 그대로의 패킷으로 지나갔습니다 ({outer}, {dev}에서): 목표는 파드 트래픽이 VXLAN 터널(UDP 포트 4789) 안에 싸여 라우터를 건너는 것이고, 라우터는 노드 네트워크만 압니다',
  },
  'overlay.noVxlanSaw': {
    en: 'no VXLAN packet carrying {from}\'s echo request to {to} crossed {router} (it saw {outer}): the goal asks for a VXLAN tunnel on UDP port 4789 between the nodes',
    ko: '{from}에서 {to|로} 가는 echo 요청을 실은 VXLAN 패킷이 {router|를} 지나가지 않았습니다 (보인 것: {outer}): 목표는 노드 사이의 UDP 포트 4789 VXLAN 터널입니다',
  },
  'overlay.noVxlan': {
    en: 'no VXLAN packet carrying {from}\'s echo request to {to} crossed {router}: the goal asks for a VXLAN tunnel on UDP port 4789 between the nodes',
    ko: '{from}에서 {to|로} 가는 echo 요청을 실은 VXLAN 패킷이 {router|를} 지나가지 않았습니다: 목표는 노드 사이의 UDP 포트 4789 VXLAN 터널입니다',
  },
  'overlay.echoRequestCrossedInside': {
    en: '{from}\'s echo request crossed {router} inside VXLAN, but to UDP port {port} ({outer}): the goal asks for the IANA VXLAN port 4789 (`dstport 4789`)',
    ko: '{from}의 echo 요청이 VXLAN에 싸여 {router|를} 건넜지만 목적지 UDP 포트가 {port}입니다 ({outer}): 목표는 IANA가 정한 VXLAN 포트 4789입니다 (`dstport 4789`)',
  },
  'overlay.insideTunnelEchoRequest': {
    en: 'inside the tunnel the echo request\'s source is {src}, not {from}\'s own {own}: pod-to-pod traffic keeps the pods\' addresses (no NAT)',
    ko: '터널 안에서 echo 요청의 출발지는 {from} 자신의 주소 {own|가} 아니라 {src}입니다: 파드 사이 트래픽은 파드 주소를 그대로 유지합니다 (NAT 없음)',
  },
  'overlay.reachesRequestCarrying': {
    en: '{from} reaches {to}, and on {router} the request is {outer} carrying {src} → {dst}',
    ko: '{from}에서 {to}에 닿고, {router}에서 요청은 {src} → {dst} 패킷을 실은 {outer}입니다',
  },
  'overlay.routerNewRoute': {
    en: '{router} has a route it did not have (to {dst}): the goal leaves the router as it is; the nodes must carry the pod traffic themselves',
    ko: '{router}에 원래 없던 라우트가 생겼습니다 ({dst}행): 목표는 라우터를 그대로 두는 것이고, 파드 트래픽은 노드가 직접 실어 날라야 합니다',
  },
  'overlay.tableNotWasIptables': {
    en: '{router}\'s {t} table is not as it was (iptables -t {t} -S): the goal leaves the router as it is',
    ko: '{router}의 {t} 테이블이 처음과 다릅니다 (iptables -t {t} -S): 목표는 라우터를 그대로 두는 것입니다',
  },
  'overlay.routerAddressesChanged': { en: '{router}\'s addresses changed ({have}): the goal leaves the router as it is', ko: '{router}의 주소가 바뀌었습니다 ({have}): 목표는 라우터를 그대로 두는 것입니다' },
  'overlay.routerUntouched': { en: '{router} is as it was: connected routes only, no rules', ko: '{router|는} 처음 그대로입니다: 직접 연결된 라우트뿐이고 규칙이 없습니다' },
  'overlay.routerUntouchedOwnRules': { en: '{router} is as it was: connected routes only, its own rules', ko: '{router|는} 처음 그대로입니다: 직접 연결된 라우트와 원래 규칙뿐입니다' },
  'overlay.fetchedWhole': { en: '{from} fetched {url} whole (the page ends with "{marker}")', ko: '{from}에서 {url|을} 온전히 받았습니다 (페이지가 "{marker}"로 끝남)' },
  'overlay.largePageLost': {
    en: '{from} gets the small page {small}, but the large page {big} does not arrive whole: small packets cross the overlay, full-size ones are lost on the way',
    ko: '{from}에서 작은 페이지 {small|는} 받지만 큰 페이지 {big|는} 온전히 도착하지 않습니다: 작은 패킷은 오버레이를 건너고 최대 크기 패킷은 도중에 사라집니다',
  },
  'overlay.reachedNodeWithoutRoute': {
    en: '{from}\'s echo request to {to} reached {where}, which has no route to it: only the node that runs a pod knows its subnet; the goal is a VXLAN tunnel between the nodes that carries the pods\' packets across {router}',
    ko: '{from}에서 {to|로} 보낸 echo 요청이 {where}에 닿았지만 그곳에는 그 주소로 가는 라우트가 없습니다: 파드 서브넷은 그 파드가 도는 노드만 압니다; 목표는 노드 사이의 VXLAN 터널이 파드 패킷을 싣고 {router|를} 건너는 것입니다',
  },
  'overlay.noRoute': { en: '{node} has no route to {ip}', ko: '{node}에는 {ip|로} 가는 라우트가 없습니다' },
  'overlay.sendsTrafficOutNot': {
    en: '{node} sends traffic for {ip} out of {dev}, not a VXLAN device: the goal keeps the overlay',
    ko: '{node|는} {ip|로} 가는 트래픽을 VXLAN 장치가 아닌 {dev|로} 내보냅니다: 목표는 오버레이를 유지하는 것입니다',
  },
  'overlay.tunnelMtuTooLarge': {
    en: '{node}\'s {dev} has MTU {mtu}, but its underlay {under} carries {umtu}: with 50 bytes of VXLAN headers the tunnel can carry at most {room}',
    ko: '{node}의 {dev} MTU는 {mtu}인데 언더레이 {under|가} 싣는 크기는 {umtu}입니다: VXLAN 헤더 50바이트를 빼면 터널은 최대 {room}까지 실을 수 있습니다',
  },
  'overlay.mtuLargerThanTunnel': {
    en: '{ns}\'s {dev} has MTU {mtu}, larger than the tunnel\'s {tmtu}: the pod\'s own packets should fit the overlay (flannel gives pods the tunnel\'s MTU)',
    ko: '{ns}의 {dev} MTU {mtu|는} 터널의 {tmtu}보다 큽니다: 파드 자신의 패킷이 오버레이에 맞아야 합니다 (flannel은 파드에 터널의 MTU를 줍니다)',
  },
  'overlay.mtuUnderlayPodsInterfaces': {
    en: '{node}\'s {dev} has MTU {mtu} (underlay {umtu} − 50 = {room}), and the pods\' interfaces are no larger',
    ko: '{node}의 {dev} MTU는 {mtu}이고 (언더레이 {umtu} − 50 = {room}), 파드의 인터페이스는 그보다 크지 않습니다',
  },
  // ── dtypes ──
  'dtypes.containerNotRunning': { en: 'container {name} is {status}, not running', ko: '{name} 컨테이너는 실행 중이 아니라 {status} 상태입니다' },
  'dtypes.usesHostOwnNetwork': {
    en: '{name} uses the host\'s own network namespace: the goal is a container with no network at all, only its own lo',
    ko: '{name|는} 호스트 자신의 네트워크 네임스페이스를 씁니다: 목표는 자기 lo 말고는 네트워크가 전혀 없는 컨테이너입니다',
  },
  'dtypes.devicesBesidesLo': {
    en: '{name}\'s network namespace has {devs} besides lo: the goal is a container with no network but lo',
    ko: '{name}의 네트워크 네임스페이스에 lo 말고도 {devs|가} 있습니다: 목표는 lo 말고는 네트워크가 없는 컨테이너입니다',
  },
  'dtypes.loDown': { en: '{name}\'s lo is down', ko: '{name}의 lo가 down 상태입니다' },
  'dtypes.ownNamespaceOnlyLo': { en: '{name} has its own namespace with only lo (127.0.0.1)', ko: '{name|는} lo(127.0.0.1)만 있는 자기 네임스페이스를 가집니다' },
  'dtypes.ownNamespacePublishes': {
    en: '{name} has a network namespace of its own (it publishes {ports} through DNAT): the goal is nginx on the host\'s own network, listening on the host\'s port {port} itself',
    ko: '{name|는} 자기 네트워크 네임스페이스를 가집니다 (DNAT로 {ports|를} 공개함): 목표는 호스트 자신의 네트워크에서 호스트의 {port}번 포트를 직접 듣는 nginx입니다',
  },
  'dtypes.ownNamespace': {
    en: '{name} has a network namespace of its own: the goal is nginx on the host\'s own network, listening on the host\'s port {port} itself',
    ko: '{name|는} 자기 네트워크 네임스페이스를 가집니다: 목표는 호스트 자신의 네트워크에서 호스트의 {port}번 포트를 직접 듣는 nginx입니다',
  },
  'dtypes.hostNatTableStill': {
    en: 'the host\'s nat table still has a DNAT rule for port {port} ({rule}): the goal is {name} answering on the host\'s network with no DNAT rule',
    ko: '호스트의 nat 테이블에 아직 {port}번 포트의 DNAT 규칙이 있습니다 ({rule}): 목표는 DNAT 규칙 없이 호스트 네트워크에서 {name|가} 답하는 것입니다',
  },
  'dtypes.runsHostNetworkNamespace': {
    en: '{name} runs in the host\'s network namespace; {client} fetched {url} with no DNAT rule on the way',
    ko: '{name|는} 호스트의 네트워크 네임스페이스에서 돕니다; {client|는} 도중에 DNAT 규칙 없이 {url|을} 받았습니다',
  },
  'dtypes.runsNotGoalSharing': {
    en: '{name} runs in {where}, not in {with}\'s: the goal is {name} sharing {with}\'s network namespace, so that localhost is {with}',
    ko: '{name|는} {with}의 네임스페이스가 아니라 다른 곳({where})에서 돕니다: 목표는 {name|가} {with}의 네트워크 네임스페이스를 함께 써서 localhost가 {with|가} 되는 것입니다',
  },
  'dtypes.hostNamespace': { en: 'the host\'s namespace', ko: '호스트의 네임스페이스' },
  'dtypes.namespaceOfItsOwn': { en: 'a namespace of its own ({devs})', ko: '자기 네임스페이스({devs})' },
  'dtypes.onlyLo': { en: 'only lo', ko: 'lo만 있음' },
  'dtypes.httpLocalhostNamespaceDid': { en: 'http://localhost/ from {name}\'s namespace did not finish', ko: '{name}의 네임스페이스에서 http://localhost/ 요청이 끝나지 않았습니다' },
  'dtypes.localhostNotNginxErr': {
    en: 'http://localhost/ from {name}\'s namespace did not answer with {with}\'s nginx page ({err})',
    ko: '{name}의 네임스페이스에서 http://localhost/가 {with}의 nginx 페이지로 답하지 않았습니다 ({err})',
  },
  'dtypes.localhostNotNginx': { en: 'http://localhost/ from {name}\'s namespace did not answer with {with}\'s nginx page', ko: '{name}의 네임스페이스에서 http://localhost/가 {with}의 nginx 페이지로 답하지 않았습니다' },
  'dtypes.sharesNetworkNamespaceHttp': {
    en: '{name} shares {with}\'s network namespace; http://localhost/ there is {with}\'s nginx',
    ko: '{name|는} {with}의 네트워크 네임스페이스를 함께 씁니다; 그 안의 http://localhost/는 {with}의 nginx입니다',
  },
  // ── capstone ──
  'capstone.podNotRunning': { en: 'pod {app} is not running with an address (kubectl get pod {app} -o wide)', ko: '{app} 파드가 주소를 가진 채 돌고 있지 않습니다 (kubectl get pod {app} -o wide)' },
  'capstone.noService': { en: 'there is no Service {app}: the goal is a NodePort Service {app} in front of the pod', ko: 'Service {app|가} 없습니다: 목표는 파드 앞의 NodePort Service {app}입니다' },
  'capstone.serviceNotNodePort': {
    en: 'Service {app} is of type {type}: no node listens for client on a node port; the goal is a NodePort Service',
    ko: 'Service {app}의 유형은 {type}입니다: client를 위해 노드 포트를 듣는 노드가 없습니다; 목표는 NodePort Service입니다',
  },
  'capstone.noNodePort': { en: 'Service {app} has no nodePort yet', ko: 'Service {app}에 아직 nodePort가 없습니다' },
  'capstone.notThroughOverlay': {
    en: 'client got a page from {url}, but the request did not leave {node} through the VXLAN overlay towards pod {app} ({ip} on {podNode}): the goal is the path through the NodePort and the overlay',
    ko: 'client는 {url}에서 페이지를 받았지만 요청이 VXLAN 오버레이를 지나 {app} 파드({podNode}의 {ip}) 쪽으로 {node|를} 떠나지 않았습니다: 목표는 NodePort와 오버레이를 지나는 경로입니다',
  },
  'capstone.fetchedThroughOverlay': { en: 'client fetched {url}; {node} sent the request to {ip} through {dev}', ko: 'client가 {url|을} 받았습니다; {node|는} 요청을 {dev|로} {ip}에 보냈습니다' },
  'capstone.podPage': { en: 'the page of pod {app}', ko: '{app} 파드의 페이지' },
  'capstone.answerOnceRequestWorks': { en: '{msg} (answer once the request works)', ko: '{msg} (요청이 동작한 뒤에 답하세요)' },
  'capstone.rootAnswersTxtControlplane': { en: '/root/answers.txt on controlplane is missing', ko: 'controlplane에 /root/answers.txt가 없습니다' },
  'capstone.noAnswerYet': { en: '/root/answers.txt has no answer yet for {keys}', ko: '/root/answers.txt에 아직 답이 없는 항목: {keys}' },
  'capstone.answersWrong': { en: '{n} of 6 answers do not match the cluster: {why}', ko: '답 6개 가운데 {n}개가 클러스터와 맞지 않습니다: {why}' },
  'capstone.wrongAnswer': { en: '{key}={got} is {why}', ko: '{key}={got}: {why}' },
  'capstone.why.nodePort': { en: 'not the nodePort of the Service', ko: 'Service의 nodePort가 아닙니다' },
  'capstone.why.dnatNode': { en: 'not the node whose nat table rewrites the request (where does the request arrive first?)', ko: 'nat 테이블이 요청을 바꾸는 노드가 아닙니다 (요청은 어디에 먼저 도착하나요?)' },
  'capstone.why.sepChain': { en: 'not the chain with the DNAT rule in that node\'s nat table', ko: '그 노드의 nat 테이블에서 DNAT 규칙이 있는 체인이 아닙니다' },
  'capstone.why.podIp': { en: 'not the pod\'s address', ko: '파드의 주소가 아닙니다' },
  'capstone.why.podNode': { en: 'not the node that runs the pod', ko: '파드가 도는 노드가 아닙니다' },
  'capstone.why.tunnelDevice': { en: 'not the device the rewritten request leaves by', ko: '바뀐 요청이 나가는 장치가 아닙니다' },
  'capstone.allAnswersMatchNodeport': {
    en: 'all 6 answers match: NodePort {np} on {node}, DNAT in {sep} to {ip} on {pnode}, out through {dev} ({ip2})',
    ko: '답 6개가 모두 맞습니다: {node}의 NodePort {np}, {sep}에서 {pnode}의 {ip|로} DNAT, {dev|로} 나감 ({ip2})',
  },
  // ── runner ──
  'runner.checkFailedRun': { en: 'check failed to run: {err}', ko: '확인을 실행하지 못했습니다: {err}' },
  'runner.noLab': { en: 'This terminal has no lab to check.', ko: '이 터미널에는 확인할 실습이 없습니다.' },
  'runner.internalError': { en: 'The checks could not run (internal error); your terminal is unaffected.', ko: '확인을 실행하지 못했습니다(내부 오류). 터미널에는 영향이 없습니다.' },
} as const satisfies Record<string, { en: string; ko: string }>;
