// Lab texts in Korean: title, goal, hints and check titles per lab id, as
// functions of the lab's per-learner values (parametric labs). Commands,
// names and addresses stay as they are. A lab without an entry keeps its
// English text.

import type { LabInfo, Params } from '../labs/types.ts';
import type { Lang } from './ui.ts';

/** A lab's learner-facing text in one language. */
interface LabText {
  title: string;
  goal: (p: Params) => string;
  hints?: (p: Params) => string[];
  /** Check titles by check id. */
  tasks: (p: Params) => Record<string, string>;
}


const KO: Record<string, LabText> = {
  'routing-two-subnets': {
    title: '두 서브넷 사이의 라우팅',
    goal: () =>
      '네임스페이스 `left`(10.1.1.10/24)와 `right`(10.2.2.10/24)는 서로 다른 네트워크에 있고, 네임스페이스 `router`(eth0에 10.1.1.1, eth1에 10.2.2.1)가 둘을 잇고 있습니다. 모든 링크는 up 상태지만 아직 두 네트워크 사이에는 아무것도 라우팅되지 않습니다. left가 10.2.2.10에, right가 10.1.1.10에 닿게 만드세요.',
    hints: () => [
      "증상부터 보세요. left에서 10.2.2.10으로 ping하고(`ip netns exec left ping -c 1 10.2.2.10`) 오류를 읽어 보세요. left는 10.2.2.0/24로 가는 길을 알고 있나요(`ip -n left route`)?",
      "호스트는 자기 네트워크에 있는 게이트웨이를 거쳐 다른 네트워크에 닿습니다. 라우터의 주소 중 어느 것이 left의 네트워크에, 어느 것이 right의 네트워크에 있나요? 라우트는 한 방향이므로 양 끝 호스트 모두 하나씩 필요합니다.",
      "두 라우트가 있어도 라우터는 자기에게 온 것이 아닌 패킷을 버립니다. 인터페이스 사이의 패킷 전달은 네임스페이스마다 있는 커널 설정이며 기본값은 꺼짐입니다.",
      "`ip -n left route add default via 10.1.1.1`, `ip -n right route add default via 10.2.2.1`, 그다음 `ip netns exec router sysctl -w net.ipv4.ip_forward=1`.",
    ],
    tasks: () => ({ 'left-to-right': 'left가 10.2.2.10(right)에 닿음, router가 라우팅', 'right-to-left': 'right가 10.1.1.10(left)에 닿음, router가 라우팅' }),
  },
  'routing-two-subnets-random': {
    title: '두 서브넷 사이의 라우팅 (나만의 값)',
    goal: (p) =>
      `네임스페이스 \`left\`(${p.left}/24)와 \`right\`(${p.right}/24)를 \`router\`(eth0에 ${p.leftGw}, eth1에 ${p.rightGw})가 잇고 있습니다. ` +
      `모든 링크는 up 상태지만 아직 두 네트워크 사이에는 아무것도 라우팅되지 않습니다. left가 ${p.right}에, right가 ${p.left}에 닿게 만드세요.`,
    hints: (p) => [
      `증상부터 보세요. left에서 ${p.right}로 ping하고 오류를 읽어 보세요. left는 right의 네트워크로 가는 길을 알고 있나요(\`ip -n left route\`)?`,
      `양 끝 호스트는 각자 자기 네트워크에 있는 라우터 주소를 거쳐 다른 네트워크로 가는 라우트가 필요합니다. 라우트는 한 방향이므로 양쪽 모두 필요합니다.`,
      `라우터는 자기 네임스페이스에서 패킷 전달을 켜기 전까지 자기에게 온 것이 아닌 패킷을 버립니다.`,
      `\`ip -n left route add default via ${p.leftGw}\`, \`ip -n right route add default via ${p.rightGw}\`, 그다음 \`ip netns exec router sysctl -w net.ipv4.ip_forward=1\`.`,
    ],
    tasks: (p) => ({ 'left-to-right': `left가 ${p.right}(right)에 닿음, router가 라우팅`, 'right-to-left': `right가 ${p.left}(left)에 닿음, router가 라우팅` }),
  },
  'namespaces-veth': {
    title: 'veth 쌍으로 두 네임스페이스 연결하기',
    goal: () =>
      '빈 호스트에서 시작해 네트워크 네임스페이스 `red`와 `blue`를 만들고, veth 쌍으로 잇고, red에 192.168.15.1/24, blue에 192.168.15.2/24를 할당해 서로 통신하게 만드세요.',
    hints: () => [
      "먼저 방 두 개가 필요합니다. 네임스페이스는 이름으로 만들고, `ip netns`가 있는 것들을 보여 줍니다.",
      "둘 사이의 케이블은 함께 만들어지는 인터페이스 두 개, veth 쌍입니다. 두 끝 모두 호스트에서 시작하므로 각각 자기 네임스페이스로 옮겨야 합니다.",
      "인터페이스는 프리픽스가 있는 주소를 갖고 켜져야 무엇이든 나릅니다. 둘 다 인터페이스가 지금 있는 네임스페이스 안에서 설정합니다(`ip -n NAME …`).",
      "명령어로는: `ip netns add red`, `ip netns add blue`, `ip link add veth-red type veth peer name veth-blue`, `ip link set veth-red netns red`, `ip link set veth-blue netns blue`, `ip -n red addr add 192.168.15.1/24 dev veth-red`, `ip -n blue addr add 192.168.15.2/24 dev veth-blue`, `ip -n red link set veth-red up`, `ip -n blue link set veth-blue up`.",
    ],
    tasks: () => ({
      namespaces: '네임스페이스 red와 blue가 있음 (서로 다른 네임스페이스 두 개)',
      addresses: 'red에 192.168.15.1/24, blue에 192.168.15.2/24가 veth 쌍 하나의 양 끝(up 상태)에 있음',
      'red-to-blue': 'red가 veth 쌍을 거쳐 blue의 192.168.15.2에 닿음 (ICMP echo)',
      'blue-to-red': 'blue가 veth 쌍을 거쳐 red의 192.168.15.1에 닿음 (ICMP echo)',
    }),
  },
  'namespaces-bridge': {
    title: '네임스페이스 네 개를 잇는 가상 스위치',
    goal: () =>
      '빈 호스트에서 시작해 네임스페이스 `red`, `blue`, `orange`, `gray`를 만들어 192.168.15.1–4/24를 할당하고, 각각을 호스트의 리눅스 브리지 `v-net-0`에 연결한 뒤, 호스트 자신에게도 `v-net-0`에 192.168.15.5/24를 할당하세요. 모든 네임스페이스가 서로 통신하고, 호스트도 각 네임스페이스에 닿아야 합니다.',
    hints: () => [
      "네임스페이스들의 스위치는 브리지입니다. 호스트의 인터페이스이므로 다른 인터페이스처럼 만들어지고 켜져 있어야 합니다.",
      "네임스페이스마다 veth 쌍을 하나씩 줍니다. 한쪽 끝은 네임스페이스로 옮기고, 다른 쪽 끝은 호스트에 남아 브리지의 포트가 됩니다(브리지가 그 `master`입니다).",
      "모든 끝을 확인하세요. 각 네임스페이스 안에는 프리픽스가 있는 주소가, 모든 쌍의 양쪽은 `up`이어야 합니다. 꺼진 브리지 포트는 아무것도 전달하지 않습니다(`bridge link`가 포트와 상태를 보여 줍니다).",
      "호스트는 브리지 자신의 주소로 참여합니다. 네임스페이스 NAME마다 `ip link add veth-NAME type veth peer name veth-NAME-br`, `ip link set veth-NAME netns NAME`, `ip link set veth-NAME-br master v-net-0`, 주소, 양 끝의 `up`. 그다음 `ip addr add 192.168.15.5/24 dev v-net-0`.",
    ],
    tasks: () => ({
      namespaces: '네임스페이스 red, blue, orange, gray가 각자의 주소와 함께 있음',
      bridge: '호스트의 브리지 v-net-0에 192.168.15.5/24가 있음',
      mesh: '모든 네임스페이스가 다른 모든 네임스페이스에 닿음',
      host: '호스트가 각 네임스페이스에 닿음',
      'ns-to-host': 'gray가 호스트(192.168.15.5)에 닿음',
    }),
  },
  'namespaces-veth-random': {
    title: 'veth 쌍으로 두 네임스페이스 연결하기 (나만의 값)',
    goal: (p) =>
      `빈 호스트에서 시작해 네트워크 네임스페이스 \`${p.a}\`와 \`${p.b}\`를 만들고, veth 쌍으로 잇고, ` +
      `${p.a}에 ${p.ipA}/24, ${p.b}에 ${p.ipB}/24를 할당해 서로 통신하게 만드세요.`,
    hints: (p) => [
      `먼저 방 두 개: ${p.a}와 ${p.b}를 이름으로 만드세요. \`ip netns\`가 목록을 보여 줍니다.`,
      `veth 쌍 하나가 둘을 잇습니다. 두 끝은 호스트에서 시작하고, 각각 자기 네임스페이스로 옮겨 갑니다.`,
      `각 네임스페이스 안에서 자기 끝에 /24 프리픽스가 있는 주소를 주고 켜세요.`,
      `\`ip netns add ${p.a}\`, \`ip netns add ${p.b}\`, \`ip link add veth-${p.a} type veth peer name veth-${p.b}\`, \`ip link set veth-${p.a} netns ${p.a}\`, \`ip link set veth-${p.b} netns ${p.b}\`, \`ip -n ${p.a} addr add ${p.ipA}/24 dev veth-${p.a}\`, \`ip -n ${p.b} addr add ${p.ipB}/24 dev veth-${p.b}\`, 그리고 양쪽에 \`ip -n NAME link set veth-NAME up\`.`,
    ],
    tasks: (p) => ({
      namespaces: `네임스페이스 ${p.a}와 ${p.b}가 있음 (서로 다른 네임스페이스 두 개)`,
      addresses: `${p.a}에 ${p.ipA}/24, ${p.b}에 ${p.ipB}/24가 veth 쌍 하나의 양 끝(up 상태)에 있음`,
      'a-to-b': `${p.a}가 veth 쌍을 거쳐 ${p.b}의 ${p.ipB}에 닿음`,
      'b-to-a': `${p.b}가 veth 쌍을 거쳐 ${p.a}의 ${p.ipA}에 닿음`,
    }),
  },
  'namespaces-nat': {
    title: '네임스페이스에서 인터넷으로',
    goal: () =>
      '네임스페이스 `red`(192.168.15.1/24)는 호스트의 브리지 `v-net-0`에 연결되어 있습니다(거기서 호스트는 192.168.15.5). 호스트의 외부 인터페이스 `eth0`은 203.0.113.5/24이고, 그 네트워크의 203.0.113.10에서 웹 서버가 돌고 있습니다. 이 서버는 192.168.15.0/24에 대해 아무것도 모릅니다. `ip netns exec red ping -c 1 203.0.113.10`과 `ip netns exec red curl http://203.0.113.10/`이 동작하게 만드세요.',
    hints: () => [
      "먼저 red에서 해 보고 답을 읽으세요. red는 192.168.15.0/24 밖으로 나가는 길을 알고 있나요(`ip netns exec red ip route`)?",
      "red가 패킷을 호스트에 넘기면, 호스트가 한 인터페이스에서 다른 인터페이스로 패킷을 넘기는 데 동의해야 합니다. 기본값이 꺼짐인 커널 설정입니다.",
      "red가 ping하는 동안 `tcpdump -n -i eth0`으로 `eth0`을 지켜보세요. 요청은 어떤 출발지 주소로 나가나요? 203.0.113.10에는 그 네트워크로 가는 라우트가 없으므로, 호스트가 나가는 길에 출발지를 바꿔야 합니다.",
      "명령어로는: `ip netns exec red ip route add default via 192.168.15.5`, `sysctl -w net.ipv4.ip_forward=1`, `iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE`.",
    ],
    tasks: () => ({
      ping: 'red가 ping으로 203.0.113.10에 닿음',
      http: 'red에서 http://203.0.113.10/이 응답함',
      snat: '호스트가 192.168.15.0/24를 변환함 (nat POSTROUTING의 MASQUERADE 또는 SNAT)',
    }),
  },
  'port-forward': {
    title: 'DNAT로 포트 포워딩하기',
    goal: () =>
      '네임스페이스 `blue`(브리지 `v-net-0`의 192.168.15.2/24)는 80번 포트에서 웹 서버를 실행합니다. 호스트 `client`(203.0.113.20)는 호스트의 외부 네트워크에 있고, 거기서 호스트는 203.0.113.5입니다. `client`에서 `http://203.0.113.5:8080/`을 요청하면 blue의 페이지가 돌아오게 만드세요.',
    hints: () => [
      "client는 203.0.113.0/24만 압니다. 호스트에는 닿지만 blue에는 닿지 못합니다. 호스트가 자기 포트로 온 연결을 blue의 80번 포트로 가는 연결로 바꿔야 합니다.",
      "도착하는 패킷의 목적지를 바꾸는 것은 목적지 NAT입니다. 라우팅 결정 전에 일어나야 호스트가 그 패킷을 blue로 라우팅합니다.",
      "`tcpdump`로 SYN을 따라가 보세요. blue에 닿은 뒤 blue는 203.0.113.20에 응답할 수 있나요? 그리고 호스트는 인터페이스 사이에서 패킷을 넘기기는 하나요?",
      "호스트 자신에서 `curl`로 시험하면 규칙을 거치지 않습니다. 호스트가 보내는 패킷은 PREROUTING이 아니라 nat OUTPUT을 지납니다. 확인 버튼은 client에서 페이지를 가져오고, 규칙의 카운터(`iptables -t nat -L PREROUTING -n -v`)가 client의 요청이 무엇을 했는지 보여 줍니다.",
      "명령어로는: `iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80`, `sysctl -w net.ipv4.ip_forward=1`, `ip netns exec blue ip route add default via 192.168.15.5`.",
    ],
    tasks: () => ({ http: 'client에서 http://203.0.113.5:8080/이 blue의 페이지를 돌려줌 (blue의 서버가 보내고 호스트가 DNAT로 변환)' }),
  },
  'docker-port-publish': {
    title: '컨테이너 포트 공개하기',
    goal: () =>
      '이 호스트(192.168.1.10)에서는 Docker가 돌고, 호스트 `client`(192.168.1.20)가 같은 네트워크에 있습니다. 로컬 이미지 `nginx`로 실행한 컨테이너가 `http://192.168.1.10:8080/`에 nginx 환영 페이지로 응답하게 만드세요.',
    hints: () => [
      "기본 브리지의 컨테이너는 사설 주소(172.17.0.x)를 가지므로 client는 닿을 수 없습니다. client가 닿는 것은 호스트의 192.168.1.10뿐입니다.",
      "Docker는 컨테이너를 만들 때 컨테이너의 포트를 호스트의 포트로 공개할 수 있습니다. 호스트의 8080번 포트가 nginx의 80번 포트로 이어져야 합니다. 어느 `docker run` 옵션이 그 일을 할까요(`docker run --help`)?",
      "실행한 뒤 dockerd가 커널에 한 일을 읽어 보세요. nat 테이블 `DOCKER` 체인의 DNAT 규칙(`iptables -t nat -S DOCKER`)과 docker-proxy 프로세스(`ps -e`)입니다.",
      "`docker run -d --name web -p 8080:80 nginx`, 그다음 `docker port web`.",
    ],
    tasks: () => ({
      published: '호스트의 8080번 포트가 nginx 컨테이너의 80번 포트로 이어짐',
      'client-fetches': 'client가 http://192.168.1.10:8080/에서 nginx 환영 페이지를 받음',
    }),
  },
  'docker-netns': {
    title: '컨테이너의 네임스페이스에 들어가기',
    goal: () =>
      '`web`이라는 컨테이너가 실행 중입니다. Docker는 네임스페이스를 /var/run/netns에 등록하지 않으므로 `ip netns`에 나타나지 않습니다. `ip netns`가 `web`을 보여 주고, `ip netns exec web ip addr`이 컨테이너의 주소를 보여 주도록 만드세요.',
    hints: () => [
      "네임스페이스는 무언가가 붙잡고 있는 동안 살아 있습니다. 여기서는 컨테이너의 주 프로세스입니다. 그 pid는 무엇인가요(`docker inspect`, `.State.Pid` 필드)?",
      "모든 프로세스는 자기 네트워크 네임스페이스를 파일로 보여 줍니다: /proc/PID/ns/net.",
      "`ip netns`는 /var/run/netns의 파일만 나열합니다. 프로세스의 네임스페이스 파일이 그곳에 `web`이라는 이름으로 보이게 하세요(심볼릭 링크나 바인드 마운트).",
      "`mkdir -p /var/run/netns`, 그다음 `ln -sf /proc/$(docker inspect -f '{{.State.Pid}}' web)/ns/net /var/run/netns/web`, 그리고 `ip netns exec web ip addr`.",
    ],
    tasks: () => ({ 'netns-web': '`ip netns`에 컨테이너의 네임스페이스 web이 나타남' }),
  },
  'docker-user-network': {
    title: '이름으로 서로를 찾는 컨테이너',
    goal: () => '두 컨테이너 `app`과 `db`를 하나의 사용자 정의 네트워크에 연결해 실행하고, `app`이 이름으로 `db`에 닿게 만드세요.',
    hints: () => [
      "기본 브리지에서 컨테이너들은 서로를 주소로만 압니다. 거기에는 이름 서비스가 없습니다.",
      "컨테이너 사이의 이름 해석은 직접 만든 네트워크와 함께 옵니다(Docker의 내장 DNS 서버). `docker network --help`가 네트워크로 할 수 있는 일을 보여 줍니다.",
      "두 컨테이너 모두 그 네트워크에 연결되어야 합니다. 시작할 때 연결하거나 나중에 연결할 수 있습니다(`docker network connect`).",
      "`docker network create appnet`, `docker run -d --name db --network appnet busybox sleep 3600`, `docker run -d --name app --network appnet busybox sleep 3600`, 그다음 `docker exec app ping -c 1 db`.",
    ],
    tasks: () => ({ 'app-reaches-db': 'app이 사용자 정의 네트워크에서 이름으로 db에 닿음' }),
  },
  'cni-bridge': {
    title: 'CNI bridge 플러그인 직접 실행하기',
    goal: () =>
      'node01의 /opt/cni/bin에는 CNI 플러그인 `bridge`, `host-local`, `loopback`이 있고, 네트워크가 없는 네트워크 네임스페이스 `pod1`이 있습니다. 컨테이너 런타임이 하는 일을 직접 해 보세요. 동료가 네트워크 설정 /etc/cni/net.d/10-mynet.conf(bridge 플러그인, host-local IPAM)를 쓰기 시작했지만 끝내지 못했습니다. 10.244.1.0/24 대역에서 주소를 나눠 주도록 완성하고, 컨테이너 `pod1`에 대해 CNI_COMMAND=ADD로 플러그인을 실행하세요. pod1은 `eth0`에 10.244.1.0/24 대역의 주소와 브리지를 거치는 기본 라우트를 가져야 하고, node01에서 pod1에 닿아야 합니다.',
    hints: () => [
      "플러그인은 평범한 프로그램입니다. 매개변수는 환경 변수(CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_PATH)이고 설정은 표준 입력의 JSON입니다. /etc/cni/net.d에 있는 동료의 파일을 그대로 써 보고 오류 객체를 읽어 보세요.",
      "bridge 플러그인은 주소를 `ipam.type`에 적힌 IPAM 플러그인에 맡깁니다. host-local은 어느 대역에서 나눠 줄지(`subnet`) 알아야 합니다.",
      "주소만으로는 부족합니다. 목표는 브리지를 거치는 기본 라우트를 요구합니다. 브리지에 게이트웨이 주소가 있어야 하고(`isGateway`), IPAM이 0.0.0.0/0 라우트를 돌려줘야 합니다(`routes`).",
      "/etc/cni/net.d/10-mynet.conf에 `{\"cniVersion\":\"1.0.0\",\"name\":\"mynet\",\"type\":\"bridge\",\"bridge\":\"cni0\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.244.1.0/24\",\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}`를 쓰고, `CNI_COMMAND=ADD CNI_CONTAINERID=pod1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /opt/cni/bin/bridge < /etc/cni/net.d/10-mynet.conf`를 실행하세요(앞선 시도가 pod1에 `eth0`을 남겼다면 먼저 같은 줄을 `CNI_COMMAND=DEL`로 실행하세요).",
    ],
    tasks: () => ({
      address: 'pod1의 eth0에 10.244.1.0/24 대역의 주소가 있음',
      'default-route': 'pod1의 기본 라우트가 브리지를 거침',
      reach: 'node01에서 pod1에 닿음',
    }),
  },
  'pod-to-pod': {
    title: '노드를 넘는 파드 간 통신',
    goal: () =>
      '노드 세 개(controlplane, node01, node02)로 된 클러스터에서 파드 `web-a`는 node01에, `web-b`는 node02에 배치되었지만 네트워크 플러그인이 설치되지 않아 둘 다 ContainerCreating 상태에 머물러 있습니다. 동료가 노드 하나에서 시험해 본 flannel 매니페스트를 /root/kube-flannel.yml에 남겨 두었습니다. 클러스터에 파드 네트워크를 설치해 두 파드가 모두 실행되고 node01의 web-a가 node02의 web-b에 파드 IP로 닿게 만드세요.',
    hints: () => [
      '증상부터 보세요. `kubectl get pods -o wide`는 파드와 그 상태를 보여 주고, `kubectl describe pod`는 파드가 시작되지 않는 이유를 알려 줍니다.',
      '파드 네트워크 플러그인은 DaemonSet으로 실행됩니다. 노드마다 에이전트가 하나씩 있고, 각 에이전트가 자기 노드의 CNI 설정을 씁니다. 매니페스트를 적용한 뒤 어느 노드에 에이전트가 생겼나요(`kubectl get pods -n kube-flannel -o wide`)?',
      'DaemonSet은 파드 템플릿이 받아들이는 노드에만 파드를 둡니다. 매니페스트의 템플릿을 읽고 노드의 레이블(`kubectl get nodes --show-labels`)과 비교해 보세요.',
      '매니페스트에서 `nodeSelector`(와 그 아래 레이블 줄)를 지우고 다시 적용하세요: `sed -i \'/nodeSelector/,+1d\' /root/kube-flannel.yml`, 그다음 `kubectl apply -f /root/kube-flannel.yml`.',
    ],
    tasks: () => ({
      'pods-running': 'web-a와 web-b가 Running 상태이고 각 노드 서브넷의 파드 IP를 가짐',
      'pod-to-pod': 'node01의 web-a가 파드 IP로 node02의 web-b에 닿음',
    }),
  },
  'kube-proxy-clusterip': {
    title: 'ClusterIP 서비스와 kube-proxy가 쓰는 규칙',
    goal: () =>
      '노드 세 개짜리 클러스터에서 Deployment `web`(nginx, 준비된 레플리카 3개)과 주소 10.100.100.100, 포트 80의 ClusterIP 타입 Service `web`을 실행하세요. /root/web.yaml은 동료가 쓴 초안입니다. 적용하기 전에 읽어 보세요. 이미 실행 중인 파드 `client`에서 10.100.100.100으로 HTTP 요청이 응답해야 하고, 요청 30번 동안 둘 이상의 파드가 응답해야 합니다. 그다음 kube-proxy가 쓴 규칙을 읽어 보세요: 노드에서 `iptables -t nat -S | grep KUBE-SVC`를 실행하면 `statistic` 규칙 두 개가 있는 서비스 체인이 보입니다.',
    hints: () => [
      '/root/web.yaml의 초안을 목표와 한 줄씩 비교하세요. 레플리카는 몇 개이고, 서비스의 주소는 무엇인가요?',
      '서비스는 spec에서 주소를 요청하지 않으면 서비스 대역에서 무작위 주소를 받습니다. 한 번 만들어진 서비스의 ClusterIP는 그 자리에서 바꿀 수 없습니다.',
      '적용한 뒤 `kubectl get deploy,svc,endpoints web`은 레플리카, ClusterIP, 엔드포인트를 보여 주고, `kubectl exec client -- curl -s http://10.100.100.100/`은 파드에서 시험합니다.',
      '초안을 고쳐 적용하세요: `sed -i \'s/replicas: 1/replicas: 3/; s/type: ClusterIP/type: ClusterIP\\n  clusterIP: 10.100.100.100/\' /root/web.yaml`, 그다음 `kubectl apply -f /root/web.yaml`(잘못된 주소로 이미 만든 서비스가 있으면 먼저 `kubectl delete svc web`).',
    ],
    tasks: () => ({
      deployment: 'Deployment web의 준비된 레플리카가 3개',
      service: '서비스 web의 ClusterIP가 10.100.100.100이고 포트가 80',
      http: '파드에서 10.100.100.100으로 보낸 HTTP가 응답하고, 요청 30번 동안 둘 이상의 엔드포인트가 응답함',
      rules: 'nat 테이블에 statistic 규칙 두 개가 있는 web의 KUBE-SVC 체인이 있음',
    }),
  },
  'dns-hosts': {
    title: '/etc/hosts에 서버 이름 등록하기',
    goal: () =>
      '내 머신(192.168.1.5)과 192.168.1.11의 데이터베이스 서버가 같은 네트워크에 있습니다. `ping 192.168.1.11`은 되지만 아무도 숫자를 외우고 싶어 하지 않습니다. 내 머신에서 이름 `db`가 192.168.1.11로 변환되어 `ping -c 1 db`가 응답을 받게 만드세요.',
    hints: () => [
      "먼저 해 보세요: `ping -c 1 db`. \"Temporary failure in name resolution\"은 리졸버가 db 항목을 찾지 못했고 DNS 서버에도 닿지 못했다는 뜻입니다.",
      "모든 프로그램은 시스템 리졸버에 묻고, 리졸버는 `/etc/nsswitch.conf`(`hosts: files dns`)를 읽습니다. 먼저 이 머신의 파일을, 그다음 DNS를 봅니다. 어느 파일일까요?",
      "그 파일의 한 줄은 주소 다음에 이름들이 옵니다. 나머지를 지우지 않고 한 줄을 더하세요(덧붙이기는 `>>`, `>` 하나는 파일 전체를 바꿉니다). ping이 쓰는 리졸버인 `getent hosts db`로 확인하세요.",
      "`echo \"192.168.1.11 db\" >> /etc/hosts`, 그다음 `ping -c 1 db`.",
    ],
    tasks: () => ({ 'db-resolves': 'host에서 db가 /etc/hosts로 192.168.1.11로 변환됨', 'ping-db': 'ping -c 1 db가 응답을 받음' }),
  },
  'dns-server': {
    title: '중앙 DNS 서버 사용하기',
    goal: () =>
      '모든 머신의 /etc/hosts를 고치는 대신, 회사는 192.168.1.100에서 DNS 서버를 운영합니다(CoreDNS, `mycompany.com`의 권한 있는 서버: `web.mycompany.com`은 192.168.1.10). 내 머신의 `/etc/resolv.conf`는 비어 있습니다. 리졸버를 설정해 짧은 이름 `web`이 DNS를 통해 192.168.1.10으로 변환되고 `ping -c 1 web`이 응답을 받게 만드세요.',
    hints: () => [
      "먼저 서버에 직접 물어보세요: `dig @192.168.1.100 web.mycompany.com +short`. 서버는 동작합니다. 여러분의 머신이 그 서버를 모를 뿐입니다.",
      "시스템 리졸버는 /etc의 파일 하나에서 DNS 서버가 어디 있는지 알아냅니다. 거기에 서버가 없으면 아무도 대기하지 않는 127.0.0.1에 묻습니다.",
      "이제 전체 이름은 해석되지만 `web`만 쓰면 그냥 \"web\"으로 묻습니다. 같은 파일에 짧은 이름 뒤에 붙여 볼 도메인을 적을 수 있습니다.",
      "`printf \"nameserver 192.168.1.100\\nsearch mycompany.com\\n\" > /etc/resolv.conf`, 그다음 `nslookup web`과 `ping -c 1 web`.",
    ],
    tasks: () => ({
      'dns-answers-web': '중앙 DNS 서버 192.168.1.100이 web에 대해 응답함 (resolv.conf: nameserver와 search)',
      'web-resolves': 'host에서 web이 192.168.1.10으로 변환됨',
      'ping-web': 'ping -c 1 web이 응답을 받음',
    }),
  },
  'fix-return-route': {
    title: '고쳐 보세요: 서버에서 응답이 없음',
    goal: () =>
      '장애 접수: "`desk`(172.16.1.10)에서 `ping 172.16.2.20`(서버 `srv`)을 하면 응답이 없습니다. 둘 다 라우터 `rtr`에는 ping이 됩니다." ' +
      'rtr는 이미 두 네트워크 사이에서 패킷을 전달하고 있으며 그대로 두어야 합니다. 무엇이 고장 났는지 찾아 고쳐서 desk와 srv가 rtr를 거쳐 양방향으로 서로 닿게 만드세요.',
    hints: () => [
      '증상에서 출발해 패킷을 따라가 보세요: desk에서 srv로 ping을 보내는 동안 srv의 네임스페이스 안에서 `tcpdump`로 무엇이 도착하는지 보세요. echo 요청이 도착하나요?',
      '요청은 도착하는데 응답이 나가지 않는다면 문제는 돌아오는 길에 있습니다. srv의 네임스페이스 안에서 `ip route get`으로 desk에 어떻게 보낼지 물어보세요.',
      '요청이 가는 길에 라우트가 필요했듯이 응답에도 돌아오는 라우트가 필요합니다. srv의 라우팅 테이블을 desk의 것과 비교해 보세요. srv의 라우트 하나는 여기에 없는 네트워크를 가리킵니다.',
      '`ip -n srv route add 172.16.1.0/24 via 172.16.2.1` (172.16.2.1을 거치는 기본 라우트도 됩니다. 잘못된 라우트는 지워도 됩니다).',
    ],
    tasks: () => ({ 'desk-to-srv': 'desk가 rtr를 거쳐 srv(172.16.2.20)에 닿음', 'srv-to-desk': 'srv가 rtr를 거쳐 desk(172.16.1.10)에 닿음' }),
  },
  'fix-masquerade': {
    title: '고쳐 보세요: 네임스페이스가 인터넷에 닿지 못함',
    goal: () =>
      '장애 접수: "네임스페이스 `red`(192.168.15.1, 호스트의 브리지 `v-net-0` 뒤)의 앱이 http://203.0.113.10/ 상태 페이지를 열지 못합니다. 예전 호스트에서는 됐습니다." ' +
      'red에는 이미 호스트(192.168.15.5)를 거치는 기본 라우트가 있고 호스트는 패킷을 전달합니다. 웹 서버 203.0.113.10은 호스트의 바깥 네트워크에 있고(호스트는 `eth0`에서 203.0.113.5) 192.168.15.0/24에 대해서는 모르며, 바꿀 수 없습니다. ' +
      '호스트를 고쳐서 red가 페이지를 열고, red의 트래픽이 호스트 자신의 주소로 나가게 만드세요.',
    hints: () => [
      '요청을 따라가 보세요: red에서 `curl`을 실행하면서 동시에 `tcpdump -n -i eth0`으로 호스트의 바깥 인터페이스를 보세요. 패킷은 어떤 출발지 주소로 나가나요?',
      '203.0.113.10은 자기 네트워크만 알기 때문에 사설 주소로는 응답을 보낼 곳이 없습니다. 호스트에서 무언가가 나가는 패킷의 출발지를 바꿔야 합니다. nat 테이블을 보세요 (`iptables -t nat -S`).',
      '이 일을 하려던 규칙이 이미 있습니다. red의 네트워크와 꼼꼼히 비교하고, red가 다시 시도하는 동안 그 규칙의 카운터를 보세요 (`iptables -t nat -L POSTROUTING -n -v`).',
      '`iptables -t nat -R POSTROUTING 1 -s 192.168.15.0/24 -o eth0 -j MASQUERADE` (잘못된 규칙 교체). 올바른 규칙을 덧붙여도 됩니다.',
    ],
    tasks: () => ({ http: 'red가 http://203.0.113.10/을 엶', snat: '호스트가 192.168.15.0/24를 변환함 (nat POSTROUTING의 MASQUERADE 또는 SNAT)' }),
  },
  'fix-forward-drop': {
    title: '고쳐 보세요: 트래픽이 한 방향으로만 흐름',
    goal: () =>
      '장애 접수: "red 팀(네임스페이스 `red`, 10.0.1.2)은 blue 팀(`blue`, 10.0.2.2)에 닿지만 blue는 red에 닿지 못합니다. ping도, http://10.0.1.2/의 red 위키도 안 됩니다." ' +
      '호스트가 둘 사이를 라우팅하며 전달하는 트래픽을 거릅니다. 방화벽의 나머지는 맞습니다: FORWARD 정책은 DROP으로 두고, 두 팀 사이의 telnet(TCP 23번 포트)은 계속 막아야 합니다. ' +
      '다른 규칙을 비우지 말고 잘못된 한 가지만 고쳐서 트래픽이 양방향으로 흐르게 만드세요.',
    hints: () => [
      '두 방향을 모두 시험해 비교해 보세요: red에서 blue로 ping, 그다음 blue에서 red로. 그리고 blue에서 `curl`로 위키를 열어 보세요.',
      '호스트가 한 인터페이스에서 다른 인터페이스로 라우팅하는 패킷은 filter 테이블의 FORWARD 체인을 지납니다. 규칙 번호와 카운터와 함께 나열하고 (`iptables -L FORWARD -n -v --line-numbers`) blue가 red로 ping하는 동안 어느 카운터가 늘어나는지 보세요.',
      '체인의 정책이 DROP이므로 잘못된 규칙을 지우는 것만으로는 부족합니다. blue에서 red로 가는 트래픽을 받아들이는 규칙이 필요합니다. 다른 규칙들은 제 몫을 하니 그대로 두세요.',
      '잘못된 4번 규칙을 ACCEPT로 바꾸세요: `iptables -R FORWARD 4 -s 10.0.2.0/24 -d 10.0.1.0/24 -j ACCEPT`',
    ],
    tasks: () => ({
      'red-to-blue': 'red가 호스트를 거쳐 blue(10.0.2.2)에 닿음',
      'blue-to-red': 'blue가 호스트를 거쳐 red(10.0.1.2)에 닿음',
      'blue-wiki': "blue가 red의 위키(http://10.0.1.2/)를 엶",
      'telnet-blocked': 'blue에서 red로 가는 telnet(TCP 23)은 여전히 버려짐',
      'policy-drop': 'FORWARD 정책은 여전히 DROP',
    }),
  },
  'fix-service-selector': {
    title: '고쳐 보세요: Service가 응답하지 않음',
    goal: () =>
      '장애 접수: "파드 `client`에서 `curl http://10.100.50.50/`(Service `web`)이 실패합니다. Deployment `web`은 실행 중이고 그 파드들이 사이트를 제공합니다." ' +
      'Service는 /root/web-svc.yaml로 만들었습니다. 클라이언트가 이 주소를 쓰므로 Service `web`은 ClusterIP 10.100.50.50을 유지해야 합니다. ' +
      'ClusterIP가 응답하고, 요청이 Deployment의 준비된 파드 모두에 나뉘어 가도록 고치세요.',
    hints: () => [
      'Service가 트래픽을 어디로 보내는지 물어보세요: `kubectl get endpoints web` 또는 `kubectl describe service web`. 목록이 비어 있다면 무슨 뜻일까요?',
      'Service는 레이블로 파드를 고릅니다. Service의 셀렉터와 파드에 실제로 붙은 레이블(`kubectl get pods --show-labels`)을 비교해 보세요.',
      '엔드포인트가 생겨도 curl이 실패할 수 있습니다: 엔드포인트에 적힌 포트와 파드에서 nginx가 대기하는 포트(`kubectl get deployment web -o yaml`의 containerPort)를 비교해 보세요.',
      '/root/web-svc.yaml을 고치고(셀렉터 `app: web`, targetPort `80`) `kubectl apply -f /root/web-svc.yaml`을 실행하세요.',
    ],
    tasks: () => ({ 'cluster-ip': 'Service web이 ClusterIP 10.100.50.50을 유지함', 'every-pod': 'client에서 http://10.100.50.50/이 Deployment web의 준비된 파드 모두에서 응답함' }),
  },
  'nodeport-local': {
    title: '클러스터 밖에서 NodePort로, 그리고 클라이언트 주소',
    goal: () =>
      '파드 `web`(nginx, node01에서 실행)이 클러스터에 속하지 않은 호스트 `outside`(192.168.56.200)에서 노드들의 30080 포트로 닿아야 합니다. ' +
      'controlplane의 /root/web-svc.yaml은 이 파드의 Service `web` 초안입니다. 파드를 30080 포트의 NodePort Service로 노출한 다음, 파드가 없는 노드인 node02를 거쳐 `outside`에서 페이지를 가져오세요. ' +
      '그 요청에 대해 nginx는 어떤 주소를 기록하나요? 그 주소를 controlplane의 /root/answer.txt에 쓰세요. ' +
      '그다음 nginx가 클라이언트 자신의 주소를 보도록 Service를 바꾸세요. `ssh outside`로 바깥 호스트의 셸을 열 수 있습니다.',
    hints: () => [
      '클러스터 밖에서 오는 트래픽을 받으려면 초안에 무엇이 빠졌을까요? 이 레슨의 NodePort 절이 서비스 타입을 알려 줍니다. 노드의 포트는 `ports:` 아래 각 항목의 필드입니다.',
      '`outside`에서 node02의 30080 포트로 curl을 보낸 뒤 controlplane에서 파드의 로그를 읽으세요(`kubectl logs web`). 그 주소는 누구의 것이고, 왜 node02가 그 주소를 넣었을까요?',
      '외부 트래픽을 받은 노드가 다른 노드의 파드로 보내도 되는지(그래서 마스커레이드해야 하는지)는 Service의 한 필드가 정합니다. 어떤 설정이 클라이언트 주소를 지키고, 그러면 node02에서는 무슨 일이 일어날까요?',
      '/root/web-svc.yaml의 `spec:` 아래에 `externalTrafficPolicy: Local`을 넣고 `kubectl apply -f /root/web-svc.yaml`을 실행한 뒤, outside에서 node01(192.168.56.11)로 curl을 보내세요.',
    ],
    tasks: () => ({
      nodeport: '바깥에서 node01의 30080 포트가 Service web의 NodePort를 거쳐 응답함',
      answer: '/root/answer.txt에 node02를 거친 요청에 대해 nginx가 기록한 주소가 있음',
      'client-ip': '파드 web의 nginx가 바깥 호스트 자신의 주소를 기록함',
      'local-only': 'web 파드가 없는 node02는 NodePort 트래픽을 버림',
    }),
  },
  'networkpolicy-deny': {
    title: 'NetworkPolicy: 기본은 거부, 경로 하나만 허용',
    goal: () =>
      '네임스페이스 `shop`에는 `api` Deployment(TCP 8080의 HTTP와 80번 포트의 관리 페이지), `frontend` 파드, `worker` 파드가 있고, 네임스페이스 `staging`에는 따로 `frontend`가 있습니다. ' +
      '이 클러스터는 kube-router로 NetworkPolicy를 적용합니다. `shop`이 들어오는 트래픽을 기본적으로 모두 거부하게 한 다음, 경로 하나만 허용하세요: `shop`에서 `role=frontend` 레이블이 붙은 파드가 TCP 8080으로 `api` 파드에 닿는 경로입니다(직접, 그리고 Service `api` 10.96.80.80:8080을 거쳐서). ' +
      '`shop`으로 들어오는 나머지는 모두 막혀 있어야 합니다: `shop`의 다른 파드, 다른 네임스페이스의 파드(같은 레이블이어도), 다른 포트. /root/netpol.yaml은 동료가 처음 써 본 것인데 아직 맞지 않습니다.',
    hints: () => [
      '바꾸기 전에 먼저 찔러 보세요: `kubectl exec -n shop frontend -- curl -s -m 2 http://10.96.80.80:8080/`, 같은 것을 `worker`에서, 그리고 `staging`의 frontend에서. 정책이 하나도 없을 때는 무엇이 허용될까요?',
      '/root/netpol.yaml을 읽으며 물어보세요: 각 정책은 어떤 파드를 고르나요(spec.podSelector)? 어느 방향을 제한하나요(policyTypes)? 기본 거부는 네임스페이스의 모든 파드를 골라야 합니다.',
      '`from` 항목 하나 안에 namespaceSelector와 podSelector가 함께 있으면 둘 다 맞아야 하고, 빈 namespaceSelector는 모든 네임스페이스에 맞습니다. namespaceSelector 없이 podSelector만 쓰면 "이 정책의 네임스페이스 안"이라는 뜻입니다.',
      '포트도 확인하세요: api는 8080에서 서비스합니다. `kubectl apply -f /root/netpol.yaml` 다음에 `kubectl describe networkpolicy -n shop`이 각 정책이 이제 무엇을 허용하는지 보여 줍니다. 세 클라이언트 모두에서 다시 찔러 보세요.',
    ],
    tasks: () => ({
      'frontend-allowed': 'shop/frontend에서 모든 api 파드와 Service api가 TCP 8080으로 응답함',
      'same-namespace-blocked': 'shop의 다른 파드는 막힘: worker → api:8080, frontend → worker:8080 (기본 거부가 모든 파드를 덮음)',
      'other-port-blocked': 'shop/frontend는 다른 포트(80번 관리 페이지)로 api 파드에 닿지 못함',
      'other-namespace-blocked': 'staging/frontend(역시 role=frontend)는 api에 닿지 못함',
      'by-networkpolicy': 'NetworkPolicy가 차단함: ingress 기본 거부가 shop의 모든 파드를 고르고, 손으로 쓴 방화벽 규칙은 없음',
    }),
  },
  'fix-pod-cidr': {
    title: '고쳐 보세요: 파드 둘, 주소 하나',
    goal: () =>
      '장애 접수: "node01의 web-a가 node02의 web-b와 통신하지 못합니다. 둘 다 Running입니다." ' +
      '이 클러스터에는 네트워크 애드온이 없습니다. 워커마다 /etc/cni/net.d에 손으로 쓴 CNI 설정(bridge와 host-local)이 있고, 다른 노드의 파드 서브넷으로 가는 라우트와 패킷 전달이 켜져 있습니다. ' +
      '모든 파드가 자기 노드의 파드 범위(노드의 podCIDR)에서 고유한 주소를 받고, web-a와 web-b가 노드를 건너 서로 닿도록 파드 네트워크를 고치세요. `ssh node01`, `ssh node02`로 노드에 로그인할 수 있습니다.',
    hints: () => [
      '쿠버네티스가 말하는 것부터 보세요: `kubectl get pods -o wide`. IP 열을 자세히 보세요.',
      "노드마다 자기 파드 범위가 주어지지만(`kubectl get node node02 -o jsonpath='{.spec.podCIDR}'`), 주소는 노드의 CNI 플러그인이 자기 설정에서 나눠 줍니다. node01과 node02의 /etc/cni/net.d 파일을 비교해 보세요(`ssh node02`).",
      '설정을 바꿔도 이미 주소를 받은 파드는 그 주소를 유지합니다: 파드를 다시 만드세요(`kubectl delete pod` 후 /root/pods.yaml을 다시 apply). 그 뒤 bridge 플러그인이 cni0에 대해 불평하면 그 노드의 cni0에 아직 남아 있는 주소를 보세요.',
      'node02에서: /etc/cni/net.d/10-bridge.conf의 서브넷을 10.244.2.0/24로 고치고 옛 브리지를 지우세요(`ip link delete cni0`). 그다음 controlplane에서 `kubectl delete pod web-b`와 `kubectl apply -f /root/pods.yaml`.',
    ],
    tasks: () => ({
      'own-ranges': 'web-a와 web-b가 각자 노드의 파드 범위에서 고유한 주소를 가짐',
      'a-to-b': 'web-a가 노드를 건너 web-b에 닿음',
      'b-to-a': 'web-b가 노드를 건너 web-a에 닿음',
    }),
  },
  'ingress-hosts': {
    title: 'Ingress 하나, 사이트 둘',
    goal: () =>
      '이 클러스터에는 웹 사이트 두 개가 있습니다: Service `shop` 뒤의 Deployment `shop`, Service `blog` 뒤의 `blog`입니다. ' +
      'ingress-nginx 컨트롤러가 설치되어 있습니다(네임스페이스 `ingress-nginx`). 컨트롤러의 Service `ingress-nginx-controller`는 모든 노드의 30080 포트를 여는 NodePort Service입니다. ' +
      '손님은 클러스터 바깥에서 옵니다. 호스트 `outside`(192.168.56.200)처럼요: `curl -H "Host: shop.example.com" http://192.168.56.11:30080/`은 shop 파드에, `blog.example.com`은 blog 파드에 닿아야 하고, 각 이름 아래 모든 경로가 그래야 합니다. 그 밖의 호스트 이름은 컨트롤러의 기본 404 페이지를 받아야 합니다. ' +
      'Ingress `sites`는 /root/sites-ingress.yaml로 적용했지만 아직 동작하지 않습니다. Ingress `sites` 하나가 두 이름을 모두 라우팅하게 만드세요. Service, 컨트롤러, 호스트 `outside`는 그대로 두세요.',
    hints: () => [
      '손님처럼 해 보세요: `ssh outside`로 들어가 목표의 curl을 Host 헤더마다 실행해 보세요. 누가 답하나요? 사이트 중 하나인가요, 404를 주는 컨트롤러인가요?',
      'Ingress는 혼자서는 아무 일도 하지 않습니다. 컨트롤러가 가져가야 합니다. `kubectl get ingress sites`와 `kubectl get ingressclass`를 비교해 보세요. `sites`는 어떤 클래스를 요청하나요?',
      '컨트롤러가 Ingress를 맡은 뒤에는 경로를 확인하세요: `kubectl describe ingress sites`가 규칙마다 뒤에 있는 엔드포인트를 보여 줍니다. 두 규칙은 어떤 경로 유형을 쓰고, `Exact`는 무엇을 허용하나요?',
      '한 사이트가 503이나 502를 돌려준다면 규칙이 가리키는 포트와 그 Service의 포트(`kubectl get svc`)를 비교해 보세요.',
      '/root/sites-ingress.yaml을 고치세요: `spec:` 아래에 `ingressClassName: nginx`를 넣고, shop 경로를 `pathType: Prefix`로, blog 백엔드를 `number: 8080`으로 바꾼 뒤 `kubectl apply -f /root/sites-ingress.yaml`을 실행하세요.',
    ],
    tasks: () => ({
      'one-ingress': 'nginx 컨트롤러가 맡은 Ingress sites가 두 호스트를 모두 가리킴',
      shop: '바깥에서 shop.example.com(모든 경로)이 컨트롤러를 거쳐 shop 파드에 닿음',
      blog: '바깥에서 blog.example.com(모든 경로)이 컨트롤러를 거쳐 blog 파드에 닿음',
      'other-host': '다른 호스트 이름은 컨트롤러의 기본 404를 받음',
    }),
  },
  'vxlan-overlay': {
    title: '두 노드 사이의 VXLAN 터널',
    goal: () =>
      '두 노드 `node1`(192.168.10.11)과 `node2`(192.168.20.12)는 서로 다른 서브넷에 있고, 그 사이에는 라우터 `rtr`가 있습니다. rtr는 두 노드 네트워크 사이를 전달할 뿐 파드에 대해서는 아무것도 모릅니다. ' +
      'node1에서는 파드 `pod-a`(10.244.1.10)가, node2에서는 파드 `pod-b`(10.244.2.10)가 돌고, 각 노드는 자기 파드로 가는 라우팅을 이미 하고 있습니다. ' +
      'pod-a와 pod-b가 자기 주소 그대로 서로 닿게 만드세요. 파드 트래픽은 노드 사이의 UDP 포트 4789 VXLAN 터널에 싸여 rtr를 건너야 합니다. rtr는 그대로 두세요: 라우트, 규칙, 주소를 더하지 않습니다. ' +
      '상자 하나하나가 네트워크 네임스페이스입니다(`ip -n node1 …`, `ip netns exec node1 …`).',
    hints: () => [
      '먼저 왜 안 되는지 보세요: `ip netns exec pod-a ping -c 1 10.244.2.10`, 그리고 node1이 그 패킷을 어디로 보낼지 물어보세요(`ip -n node1 route get 10.244.2.10`). 10.244.2.0/24로 가는 길은 누가 알 수 있을까요?',
      '라우터는 파드 서브넷을 배우면 안 되므로, 그 패킷들은 두 노드 사이의 트래픽처럼 보이면서 라우터를 건너야 합니다. 노드마다 둔 VXLAN 장치는 프레임 전체를 UDP에 싸서 한 노드 주소에서 다른 노드 주소로 보냅니다.',
      '노드마다 같은 VNI를 쓰는 vxlan 장치가 필요합니다: remote는 상대 노드, local은 자기 노드 주소, dstport는 4789. 장치를 up 하세요. 그다음 노드가 상대 파드 서브넷을 터널로 라우팅할 방법이 필요합니다: 두 터널 장치에 작은 공용 서브넷의 주소를 하나씩 주고, 상대 파드 서브넷으로 가는 라우트를 터널 건너편 주소로 향하게 합니다.',
      'node1에서: `ip -n node1 link add vxlan0 type vxlan id 100 remote 192.168.20.12 local 192.168.10.11 dev eth0 dstport 4789`, `ip -n node1 addr add 172.31.0.1/24 dev vxlan0`, `ip -n node1 link set vxlan0 up`, `ip -n node1 route add 10.244.2.0/24 via 172.31.0.2`. node2에서는 거울처럼 반대로 합니다(172.31.0.2, 10.244.1.0/24로 가는 라우트는 172.31.0.1 경유).',
    ],
    tasks: () => ({
      'a-to-b': 'pod-a가 rtr를 건너는 UDP 4789 VXLAN 터널로 pod-b(10.244.2.10)에 닿음',
      'b-to-a': 'pod-b가 터널로 pod-a(10.244.1.10)에 닿음',
      router: 'rtr는 처음 그대로 (라우트, 규칙, 주소를 더하지 않음)',
    }),
  },
  'fix-overlay-mtu': {
    title: '고쳐 보세요: 작은 페이지는 열리고 큰 페이지는 멈춤',
    goal: () =>
      '장애 접수: "worker1의 파드 `client`에서 `curl http://10.244.2.30/`(worker2의 파드 `web`)은 되는데 `curl http://10.244.2.30/big.html`은 멈춥니다. 반대 방향도 마찬가지입니다." ' +
      '파드 트래픽은 `worker1`(192.168.30.11)과 `worker2`(192.168.40.12) 사이의 VXLAN 터널에 싸여 방화벽 `gw`를 건넙니다. gw는 네트워크 팀 소관입니다: IP 조각을 버리고, 지금 모습 그대로 남아야 합니다. ' +
      '양방향으로 큰 전송이 되도록 오버레이를 고치세요. 파드 경로의 모든 장치(터널 장치, 파드의 인터페이스)가 그에 맞는 크기여야 합니다. 조각내지 않음(DF) 비트를 끄는 것은 해결이 아닙니다. 상자 하나하나가 네트워크 네임스페이스입니다.',
    hints: () => [
      '패킷 크기를 비교해 보세요: `ip netns exec client ping -c 1 -s 1000 10.244.2.30` 다음에 더 큰 것. 어느 크기에서 멈추고, 그동안 `ip netns exec gw iptables -L FORWARD -v -n`은 무엇을 세나요?',
      '큰 ping이 도는 동안 언더레이를 지켜보세요: gw 인터페이스 하나에서 `tcpdump`. 큰 안쪽 패킷 하나에 대해 worker1에서 무엇이 나가나요? VXLAN이 프레임마다 더하는 바이트를 세어 보세요.',
      '1500바이트 언더레이 위의 터널은 최대 1500 − 50바이트의 안쪽 패킷만 실을 수 있습니다. 두 워커의 vxlan0 MTU(`ip -n worker1 link show vxlan0`)와 파드의 eth0, 파드로 가는 노드 쪽 veth를 보세요.',
      '두 워커에서 `ip -n worker1 link set vxlan0 mtu 1450`(worker2도), 그다음 파드에도 같은 MTU를: `ip -n client link set eth0 mtu 1450`, `ip -n web link set eth0 mtu 1450` (노드 쪽 끝 `veth-client`/`veth-web`도).',
    ],
    tasks: () => ({
      'client-gets-big': 'client가 web에서 큰 페이지(http://10.244.2.30/big.html)를 온전히 받음',
      'web-gets-big': 'web이 client에서 큰 페이지(http://10.244.1.20/big.html)를 온전히 받음',
      'mtu-worker1': 'worker1: 터널이 VXLAN의 50바이트를 위한 자리를 남기고, client의 인터페이스가 터널에 맞음',
      'mtu-worker2': 'worker2: 터널이 VXLAN의 50바이트를 위한 자리를 남기고, web의 인터페이스가 터널에 맞음',
      tunnel: '파드들이 여전히 gw를 건너는 VXLAN 터널로 서로 닿음',
      gw: 'gw는 처음 그대로 (조각 규칙 포함)',
    }),
  },
  'docker-network-types': {
    title: 'none, host, container: 네트워크',
    goal: () =>
      '이 호스트(192.168.1.10)는 Docker를 돌리고, 호스트 `client`(192.168.1.20)가 같은 네트워크에 있습니다. 컨테이너 `app`(nginx)이 돌고 있습니다. ' +
      '컨테이너 셋을 준비하세요. `iso`는 자기 `lo` 말고는 네트워크가 전혀 없는 busybox 컨테이너, `hostweb`은 호스트 자신의 네트워크에서 돌기 때문에 호스트의 80번 포트로 client에게 답하는 nginx(DNAT 규칙 없이), ' +
      '`sidecar`는 app의 네트워크 네임스페이스를 함께 써서 그 안에서 `http://localhost/`가 app의 nginx가 되는 busybox 컨테이너입니다. ' +
      '누군가 `iso`와 `hostweb`을 이미 띄웠지만, 여기서 바라는 방식은 아닙니다.',
    hints: () => [
      '있는 것부터 보세요: `docker ps`, `docker network ls`, 그리고 컨테이너마다 네트워크가 어디서 오는지: `docker inspect -f \'{{.HostConfig.NetworkMode}}\' iso`. 목록의 네트워크 가운데 인터페이스가 전혀 없는 것은 어느 것인가요?',
      '컨테이너의 네트워크는 만들 때 정해집니다. 바꾸려면 컨테이너를 지우고(`docker rm -f`) `--network`를 주어 다시 실행하세요. 전후로 `docker exec iso ip addr`가 보여 주는 것을 비교해 보세요.',
      'hostweb은 호스트의 80번 포트를 누가 가졌는지 생각해 보세요. 공개한 포트는 `iptables -t nat -S DOCKER`의 DNAT 규칙이고, host 네트워크는 컨테이너에게 호스트 자신의 인터페이스와 포트를 줍니다. sidecar에는 `--network`가 `container:이름`도 받는다는 점을 쓰세요.',
      '`docker rm -f iso hostweb` 다음에 `docker run -d --name iso --network none busybox sleep 3600`, `docker run -d --name hostweb --network host nginx`, `docker run -d --name sidecar --network container:app busybox sleep 3600`. `docker exec sidecar wget -qO- http://localhost/`로 확인하세요.',
    ],
    tasks: () => ({
      iso: 'iso가 자기 lo 말고는 네트워크 없이 돎',
      hostweb: 'hostweb의 nginx가 호스트 자신의 네트워크에서 http://192.168.1.10/으로 client에게 답함 (DNAT 규칙 없음)',
      sidecar: 'sidecar가 app의 네트워크 네임스페이스를 함께 씀: 그 안의 http://localhost/는 app의 nginx',
    }),
  },
  'capstone-path': {
    title: '종합 실습: 요청 하나를 파드까지 따라가기',
    goal: (p) =>
      `클러스터는 vxlan 백엔드를 쓰는 flannel을 돌립니다. 파드 \`${p.app}\`(nginx)이 ClusterIP Service \`${p.app}\` 뒤에서 돌고 있습니다. ` +
      `클러스터 바깥의 \`client\`(192.168.56.100)에서 http://192.168.56.10:NODEPORT/(controlplane의 주소)로 NodePort Service \`${p.app}\`를 거쳐 사이트에 닿게 만드세요. ` +
      '그다음 그 요청 하나를 홉마다 따라가며 controlplane의 /root/answers.txt를 채우세요: NodePort, 목적지를 바꿔 쓰는 규칙이 있는 노드, 그 일을 하는 KUBE-SEP 체인, 파드 주소, 파드의 노드, 요청이 파드 쪽으로 나가는 장치. ' +
      '확인은 client에서 요청을 보내고 답을 클러스터가 실제로 하는 일과 비교합니다.',
    hints: (p) => [
      `NodePort는 Service를 만들 때 정하는 Service 유형입니다: \`kubectl get svc ${p.app}\`를 보고, \`kubectl expose\`의 \`--type\`(또는 \`type: NodePort\`인 매니페스트)을 살펴보세요. 그러면 kube-proxy가 모든 노드에 그 포트의 규칙을 더합니다.`,
      '요청은 어디서 처음 kube-proxy의 규칙을 만날까요? 요청은 controlplane에 도착합니다. controlplane의 nat 테이블을 위에서부터 읽으세요: `iptables -t nat -S PREROUTING`, 그다음 점프를 따라가며(KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXT-…, KUBE-SVC-…) DNAT 규칙이 있는 체인까지.',
      `DNAT 뒤에 패킷은 파드 주소로 라우팅됩니다: controlplane에 방법을 물어보고(파드 IP로 \`ip route get\`) \`kubectl get pod ${p.app} -o wide\`와 비교하세요. 그 장치는 무엇이고 어떤 종류인가요(\`ip -d link show\`)?`,
      `\`kubectl delete svc ${p.app}\`와 \`kubectl expose pod ${p.app} --type=NodePort --port=80\`, 그다음 \`kubectl get svc ${p.app}\`, \`iptables -t nat -S | grep -e KUBE-SEP -e ${p.app}\`, \`kubectl get pod ${p.app} -o wide\`, \`ip route get POD_IP\`로 알아낸 답을 편집기나 \`sed -i\`로 적으세요.`,
    ],
    tasks: (p) => ({
      path: `client가 Service ${p.app}의 controlplane NodePort를 거쳐, 오버레이를 지나 파드에서 페이지를 받음`,
      answers: '/root/answers.txt의 답이 요청이 실제로 지나는 경로와 맞음',
    }),
  },
  'fix-dns-search': {
    title: '고쳐 보세요: 짧은 이름이 변환되지 않음',
    goal: () =>
      '장애 접수: "이 머신에서 `ping web`을 하면 이름을 변환할 수 없다고 나옵니다. 동료들은 짧은 이름을 씁니다." ' +
      '회사 DNS 서버는 192.168.1.100이고(회사 영역의 권한 있는 서버) 잘 동작합니다. ' +
      '이 머신의 리졸버 설정을 고쳐서 짧은 이름 `web`이 시스템 리졸버를 통해 DNS로 변환되고 `ping -c 1 web`이 응답을 받게 만드세요. (/etc/hosts 항목은 이 장애 접수가 바라는 해결이 아닙니다.)',
    hints: () => [
      '범위를 좁혀 보세요: 전체 이름은 되나요? `getent hosts web`과, 서버에 직접 전체 이름을 묻는 `dig @192.168.1.100 web.mycompany.com +short`를 비교해 보세요.',
      '짧은 이름에는 /etc/resolv.conf의 `search` 줄에 있는 도메인이 하나씩 붙어서 시도됩니다. 그 파일을 읽고, `dig +search web`으로 리졸버가 실제로 어떤 이름을 묻는지 보세요.',
      '리졸버가 붙이는 도메인과 서버가 응답하는 영역(`dig @192.168.1.100 mycompany.com SOA`)을 비교해 보세요.',
      'search 줄을 고치세요: `sed -i "s/^search .*/search mycompany.com/" /etc/resolv.conf`, 그다음 `ping -c 1 web`.',
    ],
    tasks: () => ({
      'dns-answers-web': 'DNS가 짧은 이름 web에 응답함 (search 도메인이 맞음)',
      'web-resolves': 'host에서 web이 192.168.1.10으로 변환됨',
      'ping-web': 'ping -c 1 web이 응답을 받음',
    }),
  },
};

/** `info` with its texts in `lang` where a translation exists (ids, commands and solution unchanged). */
export function localizeLab(info: LabInfo, lang: Lang): LabInfo {
  if (lang === 'en') return info;
  const k = KO[info.id];
  if (!k) return info;
  const p = info.params;
  const tasks = k.tasks(p);
  return {
    ...info,
    title: k.title,
    goal: k.goal(p),
    hints: k.hints ? k.hints(p) : info.hints,
    tasks: info.tasks.map((task) => ({ id: task.id, title: tasks[task.id] ?? task.title })),
  };
}
