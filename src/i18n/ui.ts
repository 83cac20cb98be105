// The interface in two languages. English pages live at their usual paths
// (/, /lessons/<slug>/, /instructor/); Korean ones under /ko/ with the same
// rest of the path, so every page's counterpart is one prefix away.
// Pure data and string functions: used by .astro components at build time
// and by client scripts (which read <html lang>). What the scripts of a
// lesson page show is in ./ui-page.ts (spread in here), so those scripts
// carry only their own strings.

import { PAGE_EN, PAGE_KO } from './ui-page.ts';

/** A language the site is written in. */
export type Lang = 'en' | 'ko';

/** Every language, the default first. */
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Language names, each in its own language (what the switch shows). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

const en = {
  ...PAGE_EN,
  'site.description': 'Learn Linux, container and Kubernetes networking by typing real commands into a simulated Linux kernel in your browser.',
  'site.skip': 'Skip to content',
  'site.nav': 'Site',
  'site.course': 'Course',
  'site.instructor': 'Instructor',
  'site.footer': 'Every command runs on a simulated Linux kernel inside your browser. Nothing is sent anywhere.',
  'lang.switch': 'Language',
  'lang.switchTo': 'Read this page in English',
  'presenter.toggle': 'Presenter mode',
  'presenter.last': 'Last commands',
  'home.title': 'Networking for containers and Kubernetes, one command at a time',
  'home.lede':
    'Every lesson has a terminal on a simulated Linux host that runs entirely in your browser. Type the real commands (ip, ping, iptables, and later docker and kubectl), break things, and watch what the kernel does. Labs check your work.',
  'home.course': 'The course',
  'home.soon': 'Coming soon',
  'lesson.eyebrow': 'Lesson {n}',
  'lesson.practice': 'Practice terminal',
  'lesson.practiceNote': 'A bare host of your own. The Run buttons in the lesson type into it.',
  'lesson.soonText': 'This lesson is not written yet. Start with the lessons that are ready on the',
  'lesson.soonLink': 'course page',
  'lesson.pager': 'Lessons',
  'instr.title': 'Grade checkpoints',
  'instr.lede':
    'Drop the checkpoint files your learners handed in. Each one is replayed on a fresh simulated world in your browser and every check runs again; what a file claims about its results is ignored. Nothing leaves this page.',
  'instr.drop': 'Drop checkpoint files here',
  'instr.or': 'or',
  'instr.pick': 'Choose files…',
  'instr.clear': 'Clear',
  'instr.csv': 'Download CSV',
  'instr.status.idle': 'No files graded yet.',
  'instr.status.busy': 'Grading {done} of {total}…',
  'instr.status.done': '{total} files graded: {passed} passed, {failed} not passed, {errors} with errors.',
  'instr.results': 'Results per learner',
  'instr.col.file': 'File',
  'instr.col.learner': 'Learner',
  'instr.col.lab': 'Lab',
  'instr.col.result': 'Result',
  'instr.col.checks': 'Checks',
  'instr.col.error': 'Error',
  'instr.passed': 'passed',
  'instr.failed': 'not passed',
  'instr.error': 'error',
  'instr.byCheck': 'Results per check',
  'instr.col.check': 'Check',
  'instr.col.passedBy': 'Passed by',
  'instr.cli': 'The same grading from a shell: npm run --silent grade -- [--lab LAB_ID] [--class CODE] FILES_OR_DIRECTORIES > grades.csv',
  'instr.options': 'What to grade',
  'instr.lab': 'Assigned lab',
  'instr.anyLab': 'Any lab',
  'instr.class': 'Class code (optional)',
  'instr.classHelp': 'With a class code, each learner’s values come from the code and their name: a file made under another name is reported, not graded.',
  'instr.newCode': 'New class code',
  'ref.title': 'Command reference',
  'ref.eyebrow': 'Reference',
  'ref.description': 'Every command the simulated Linux host supports, with its options and subcommands.',
  'ref.lede':
    'The {n} commands the simulated host runs, with the options and subcommands each one supports. Generated from the simulator’s own command definitions (what {help} prints in a terminal), so it lists exactly what works.',
  'ref.english': '',
  'ref.lookingFor': 'Looking for a lesson instead?',
  'ref.searchLink': 'Search the course',
  'ref.index': 'Commands',
  'ref.group': 'Commands starting with {letter}',
  'ref.options': 'Options of {cmd}',
  'ref.col.option': 'Option',
  'ref.col.arg': 'Argument',
  'ref.col.desc': 'What it does',
  'ref.subcommands': 'Subcommands:',
  'ref.cni.title': 'CNI plugins',
  'ref.cni.body': 'Debian\'s containernetworking-plugins (1.1.1) are installed in /usr/lib/cni on every host, and cluster nodes also have them in /opt/cni/bin. They run under the CNI protocol (CNI_COMMAND and the other CNI_* variables, the network configuration on stdin). Simulated, with their ADD, DEL, CHECK and VERSION:',
  'ref.cni.not': 'Installed but not simulated (VERSION answers; ADD, DEL and CHECK refuse with a CNI error object saying “not simulated” and exit status 1):',
  'ref.notSim.title': 'Not simulated',
  'ref.notSim.lede': 'The simulated kernel does not model these options, sub-options and settings. A command given one of them refuses it: it prints "TOOL: ITEM: not simulated" and exits with status 1, instead of accepting it and behaving as if it had not been typed.',
  'ref.notSim.col.tool': 'Command',
  'ref.notSim.col.item': 'Option or setting',
  'ref.notSim.col.why': 'Why / instead',
  'ref.notSim.tag': 'not simulated',
  'progress.title': 'Your progress',
  'progress.description': 'Export your packetlab progress to a file, or import it in another browser.',
  'progress.lede':
    'Your terminals (every command you typed) and lab results are saved in this browser only. To continue in another browser or on another computer, export them to a file here and import that file there.',
  'progress.saved': 'Saved in this browser',
  'progress.loading': 'Loading…',
  'progress.export': 'Export',
  'progress.exportButton': 'Export progress to a file',
  'progress.import': 'Import',
  'progress.file': 'Progress file ({file})',
  'progress.importButton': 'Import progress',
  'progress.none': 'Nothing saved in this browser yet: type some commands in a lesson’s terminal.',
  'progress.lab': 'Lab {lab}',
  'progress.practice': 'Practice terminal on {page}',
  'progress.commands.one': '{what}: {n} command',
  'progress.commands.many': '{what}: {n} commands',
  'progress.checks': ', {passed} of {n} checks passed',
  'progress.listFailed': 'Your saved progress could not be listed: {err}',
  'progress.exported.one': 'Exported {n} terminal to {file}.',
  'progress.exported.many': 'Exported {n} terminals to {file}.',
  'progress.exportFailed': 'The export failed: {err}',
  'progress.chooseFile': 'Choose a progress file first.',
  'progress.imported.one': 'Imported {n} terminal. Open a lesson to continue where you left off.',
  'progress.imported.many': 'Imported {n} terminals. Open a lesson to continue where you left off.',
  'search.title': 'Search',
  'search.heading': 'Search the course',
  'search.description': 'Search the packetlab lessons and the command reference.',
  'search.lede': 'Find the lesson that covers a command or an idea (try {a}, {b} or {c}).',
  'search.examples': 'veth|MASQUERADE|bridge',
  'search.noscript': 'Search needs JavaScript. The {course} lists every lesson, and the {reference} every command.',
  'search.missing': 'The search index is missing (it is built by {cmd}). The {course} lists every lesson.',
  'search.courseLink': 'course page',
  'search.referenceLink': 'command reference',
  'diagram.two.title': 'Two networks joined by a router',
  'diagram.two.desc':
    'Hosts A (192.168.1.10) and B (192.168.1.11) connect to a switch for network 192.168.1.0/24. Hosts C (192.168.2.10) and D (192.168.2.11) connect to a switch for 192.168.2.0/24. A router has one interface on each network: 192.168.1.1 and 192.168.2.1.',
  'diagram.two.switch': 'switch',
  'diagram.two.router': 'router',
  'diagram.two.caption': 'A switch joins hosts of one network; a router has a foot in each network and passes packets between them.',
  'diagram.veth.title': 'green and yellow joined by a veth pair',
  'diagram.veth.desc':
    'Inside the host, namespace green holds interface veth-green with 10.0.5.1 and namespace yellow holds veth-yellow with 10.0.5.2. The two interfaces are the two ends of one virtual cable.',
  'diagram.veth.host': 'host (default namespace)',
  'diagram.veth.pair': 'veth pair',
  'diagram.veth.caption': 'A veth pair is a virtual cable: a frame sent into one end comes out of the other.',
  'diagram.bridge.title': 'A Linux bridge connecting four namespaces and the host',
  'diagram.bridge.desc':
    'Namespaces green, yellow, purple and white each hold one end of a veth pair (veth-green and so on, addresses 10.0.5.1 to .4). The other ends (veth-green-br and so on) are ports of the bridge br-demo in the host, which itself has the address 10.0.5.5/24.',
  'diagram.bridge.bridge': 'bridge {bridge} (a virtual switch) · host address {addr}',
  'diagram.bridge.host': 'host (default namespace): the bridge is also the host’s own interface on {net}',
  'diagram.bridge.caption': 'Each namespace gets one veth pair: one end inside the namespace, the other end attached to the bridge.',
  'view.topology': 'Topology',
  'view.topologyEmpty': 'The diagram of this terminal’s namespaces, interfaces and links appears once the terminal starts.',
  'view.path': 'Packet path',
  'topo.hostNs': '{host} (host namespace)',
  'topo.ns': '{name} (namespace)',
  'topo.up': 'up ({state})',
  'topo.down': 'down',
  'topo.noAddr': 'no IPv4 address',
  'topo.veth': 'veth pair with {peer} in {ns}',
  'topo.vethDown': 'veth pair with {peer} in {ns} (link down)',
  'topo.port': 'port of bridge {bridge}',
  'topo.switch': 'switch for {port}',
  'topo.cable': 'cable {label} to {peer} in {ns}',
  'topo.svgBridge': '{name} ⇄ switch',
  'topo.svgDown': '{name} (down)',
  'topo.namespaces.one': '{n} network namespace',
  'topo.namespaces.many': '{n} network namespaces',
  'topo.ifaces.one': '{n} interface',
  'topo.ifaces.many': '{n} interfaces',
  'topo.links.one': '{n} link',
  'topo.links.many': '{n} links',
  'topo.summary': '{namespaces}, {ifaces}, {links}',
  'topo.svgLabel': 'Topology diagram: {summary}. The list below describes it in text.',
  'topo.region': 'Topology diagram: {summary}',
  'topo.asText': 'Topology as text ({summary})',
  'path.checkProbe': 'Last check probe: {cmd}',
  'path.traced': 'Last traced command: {cmd}',
  'path.dropped': 'Dropped in {where}: ',
  'path.noDrop.one': 'No drop recorded: {n} step along the way.',
  'path.noDrop.many': 'No drop recorded: {n} steps along the way.',
  'path.hops.one': 'Packet path: {n} step, grouped by namespace',
  'path.hops.many': 'Packet path: {n} steps, grouped by namespace',
  'path.nothing': 'Nothing was recorded for this packet (it never left the program).',
  'path.empty': 'Run ping, curl or nc (or press Check in a lab) to see the path of its packet here.',
  'stage.routing': 'routing',
  'stage.neigh': 'neighbour',
  'stage.arp': 'ARP',
  'stage.bridge': 'bridge',
  'stage.netfilter': 'netfilter',
  'stage.nat': 'NAT',
  'stage.conntrack': 'conntrack',
  'stage.xmit': 'sent',
  'stage.rcv': 'received',
  'stage.icmp': 'ICMP',
  'stage.tcp': 'TCP',
  'stage.udp': 'UDP',
  'stage.drop': 'dropped',
  'site.reference': 'Reference',
  'site.search': 'Search',
  'lesson.practiceAway': 'The lab on screen has its own terminal; this practice terminal is back when you scroll past the lab.',
  'lesson.practiceOpen': 'Practice terminal',
  'search.label': 'Search the lessons and the command reference',
  'home.labs': '{passed} of {n} labs solved',
  'home.labsNone': 'No lab solved yet ({n} labs)',
  'home.visited': 'Practised',
  'stage.ipvs': 'IPVS',
  'topo.pod': 'pod {pod} ({ns})',
  'topo.container': 'container {name}',
  'topo.hostBox': 'host {host}',
  'path.step': 'Step {i} of {n}',
  'path.prev': 'Previous step',
  'path.next': 'Next step',
  'path.play': 'Play',
  'path.pause': 'Pause',
  'path.on': 'Packet path on the topology: {cmd}',
  'path.showOn': 'Step through it on the topology',
  'stage.fragment': 'fragmented',
  'stage.defrag': 'reassembled',
  'lesson.practiceNoteWorld': 'A world of your own, as the first lab starts (a cluster, for this lesson). The Run buttons in the lesson type into it.',
} as const;

/** A key of the interface dictionary. */
export type UiKey = keyof typeof en;

const ko: Record<UiKey, string> = {
  ...PAGE_KO,
  'site.description': '브라우저 안의 가상 리눅스 커널에 실제 명령어를 입력하며 리눅스, 컨테이너, 쿠버네티스 네트워킹을 배웁니다.',
  'site.skip': '본문으로 건너뛰기',
  'site.nav': '사이트',
  'site.course': '강의 목록',
  'site.instructor': '강사용',
  'site.footer': '모든 명령어는 브라우저 안의 가상 리눅스 커널에서 실행됩니다. 어떤 데이터도 외부로 전송되지 않습니다.',
  'lang.switch': '언어',
  'lang.switchTo': '이 페이지를 한국어로 보기',
  'presenter.toggle': '발표자 모드',
  'presenter.last': '최근 명령어',
  'home.title': '명령어 하나씩 배우는 컨테이너와 쿠버네티스 네트워킹',
  'home.lede':
    '모든 강의에는 브라우저 안에서만 동작하는 가상 리눅스 호스트의 터미널이 있습니다. 실제 명령어(ip, ping, iptables, 나중에는 docker와 kubectl)를 입력하고, 일부러 망가뜨려 보고, 커널이 무엇을 하는지 지켜보세요. 실습(랩)이 여러분의 결과를 확인해 줍니다.',
  'home.course': '강의',
  'home.soon': '준비 중',
  'lesson.eyebrow': '{n}강',
  'lesson.practice': '연습용 터미널',
  'lesson.practiceNote': '나만의 빈 호스트입니다. 본문의 실행 버튼을 누르면 이 터미널에 입력됩니다.',
  'lesson.soonText': '아직 작성되지 않은 강의입니다. 준비된 강의부터 시작하세요:',
  'lesson.soonLink': '강의 목록',
  'lesson.pager': '강의',
  'instr.title': '체크포인트 채점',
  'instr.lede':
    '학습자들이 제출한 체크포인트 파일을 끌어다 놓으세요. 각 파일은 브라우저 안의 새 가상 환경에서 다시 실행되고 모든 확인 항목을 다시 검사합니다. 파일이 스스로 주장하는 결과는 무시합니다. 어떤 데이터도 이 페이지 밖으로 나가지 않습니다.',
  'instr.drop': '체크포인트 파일을 여기에 끌어다 놓으세요',
  'instr.or': '또는',
  'instr.pick': '파일 선택…',
  'instr.clear': '지우기',
  'instr.csv': 'CSV 내려받기',
  'instr.status.idle': '아직 채점한 파일이 없습니다.',
  'instr.status.busy': '채점 중… ({done}/{total})',
  'instr.status.done': '파일 {total}개 채점 완료: 통과 {passed}, 미통과 {failed}, 오류 {errors}.',
  'instr.results': '학습자별 결과',
  'instr.col.file': '파일',
  'instr.col.learner': '학습자',
  'instr.col.lab': '실습',
  'instr.col.result': '결과',
  'instr.col.checks': '확인 항목',
  'instr.col.error': '오류',
  'instr.passed': '통과',
  'instr.failed': '미통과',
  'instr.error': '오류',
  'instr.byCheck': '확인 항목별 결과',
  'instr.col.check': '확인 항목',
  'instr.col.passedBy': '통과한 학습자',
  'instr.cli': '셸에서 같은 채점을 하려면: npm run --silent grade -- [--lab 실습_ID] [--class 코드] 파일_또는_디렉터리 > grades.csv',
  'instr.options': '채점 대상',
  'instr.lab': '과제 실습',
  'instr.anyLab': '모든 실습',
  'instr.class': '수업 코드 (선택)',
  'instr.classHelp': '수업 코드를 쓰면 학습자마다 값이 코드와 이름에서 정해집니다: 다른 이름으로 만든 파일은 채점하지 않고 오류로 표시합니다.',
  'instr.newCode': '새 수업 코드',
  'ref.title': '명령어 레퍼런스',
  'ref.eyebrow': '레퍼런스',
  'ref.description': '가상 리눅스 호스트가 지원하는 모든 명령어와 그 옵션, 하위 명령어.',
  'ref.lede':
    '가상 호스트가 실행하는 명령어 {n}개와 각 명령어가 지원하는 옵션, 하위 명령어입니다. 시뮬레이터 자체의 명령어 정의(터미널에서 {help}가 출력하는 내용)로 만들어지므로, 실제로 동작하는 것만 정확히 담겨 있습니다.',
  'ref.english': '명령어 설명은 터미널의 help와 같이 영어로 되어 있습니다.',
  'ref.lookingFor': '강의를 찾고 있나요?',
  'ref.searchLink': '강의 검색',
  'ref.index': '명령어',
  'ref.group': '첫 글자가 {letter}인 명령어',
  'ref.options': '{cmd} 옵션',
  'ref.col.option': '옵션',
  'ref.col.arg': '인자',
  'ref.col.desc': '설명',
  'ref.subcommands': '하위 명령어:',
  'ref.cni.title': 'CNI 플러그인',
  'ref.cni.body': '데비안의 containernetworking-plugins(1.1.1)가 모든 호스트의 /usr/lib/cni에 설치되어 있고, 클러스터 노드에는 /opt/cni/bin에도 있습니다. CNI 프로토콜(CNI_COMMAND 등 CNI_* 변수, 표준 입력의 네트워크 설정)로 실행합니다. ADD, DEL, CHECK, VERSION까지 시뮬레이션되는 플러그인:',
  'ref.cni.not': '설치되어 있지만 시뮬레이션되지 않는 플러그인(VERSION은 응답하고, ADD, DEL, CHECK는 “not simulated” CNI 오류 객체와 종료 코드 1로 거부):',
  'ref.notSim.title': '시뮬레이션하지 않는 항목',
  'ref.notSim.lede': '시뮬레이션 커널은 아래 옵션, 하위 옵션, 설정을 모델링하지 않습니다. 명령은 이런 항목을 받으면 입력하지 않은 것처럼 동작하는 대신 "TOOL: ITEM: not simulated"를 출력하고 종료 상태 1로 거부합니다.',
  'ref.notSim.col.tool': '명령어',
  'ref.notSim.col.item': '옵션 또는 설정',
  'ref.notSim.col.why': '이유 / 대안',
  'ref.notSim.tag': '시뮬레이션 안 함',
  'progress.title': '내 진행 상황',
  'progress.description': 'packetlab 진행 상황을 파일로 내보내거나 다른 브라우저에서 가져옵니다.',
  'progress.lede':
    '터미널(입력한 모든 명령어)과 실습 결과는 이 브라우저에만 저장됩니다. 다른 브라우저나 다른 컴퓨터에서 이어서 하려면 여기서 파일로 내보낸 뒤 그곳에서 그 파일을 가져오세요.',
  'progress.saved': '이 브라우저에 저장된 내용',
  'progress.loading': '불러오는 중…',
  'progress.export': '내보내기',
  'progress.exportButton': '진행 상황을 파일로 내보내기',
  'progress.import': '가져오기',
  'progress.file': '진행 상황 파일 ({file})',
  'progress.importButton': '진행 상황 가져오기',
  'progress.none': '이 브라우저에 저장된 것이 아직 없습니다. 강의의 터미널에 명령어를 입력해 보세요.',
  'progress.lab': '실습 {lab}',
  'progress.practice': '{page}의 연습용 터미널',
  'progress.commands.one': '{what}: 명령어 {n}개',
  'progress.commands.many': '{what}: 명령어 {n}개',
  'progress.checks': ', 확인 항목 {n}개 중 {passed}개 통과',
  'progress.listFailed': '저장된 진행 상황을 불러오지 못했습니다: {err}',
  'progress.exported.one': '터미널 {n}개를 {file} 파일로 내보냈습니다.',
  'progress.exported.many': '터미널 {n}개를 {file} 파일로 내보냈습니다.',
  'progress.exportFailed': '내보내지 못했습니다: {err}',
  'progress.chooseFile': '먼저 진행 상황 파일을 선택하세요.',
  'progress.imported.one': '터미널 {n}개를 가져왔습니다. 강의를 열면 하던 곳부터 이어서 할 수 있습니다.',
  'progress.imported.many': '터미널 {n}개를 가져왔습니다. 강의를 열면 하던 곳부터 이어서 할 수 있습니다.',
  'search.title': '검색',
  'search.heading': '강의 검색',
  'search.description': 'packetlab 강의와 명령어 레퍼런스를 검색합니다.',
  'search.lede': '명령어나 개념을 다루는 강의를 찾아보세요(예: {a}, {b}, {c}).',
  'search.examples': 'veth|MASQUERADE|브리지',
  'search.noscript': '검색에는 JavaScript가 필요합니다. {course}에서 모든 강의를, {reference}에서 모든 명령어를 볼 수 있습니다.',
  'search.missing': '검색 색인이 없습니다(색인은 {cmd}로 만듭니다). {course}에서 모든 강의를 볼 수 있습니다.',
  'search.courseLink': '강의 목록',
  'search.referenceLink': '명령어 레퍼런스',
  'diagram.two.title': '라우터로 연결된 두 네트워크',
  'diagram.two.desc':
    '호스트 A(192.168.1.10)와 B(192.168.1.11)는 네트워크 192.168.1.0/24의 스위치에 연결되어 있습니다. 호스트 C(192.168.2.10)와 D(192.168.2.11)는 192.168.2.0/24의 스위치에 연결되어 있습니다. 라우터는 두 네트워크에 인터페이스를 하나씩 가집니다: 192.168.1.1과 192.168.2.1.',
  'diagram.two.switch': '스위치',
  'diagram.two.router': '라우터',
  'diagram.two.caption': '스위치는 같은 네트워크의 호스트들을 연결하고, 라우터는 두 네트워크에 한 발씩 걸친 채 둘 사이로 패킷을 전달합니다.',
  'diagram.veth.title': 'veth 쌍으로 연결된 green과 yellow',
  'diagram.veth.desc':
    '호스트 안에서 네임스페이스 green은 10.0.5.1이 할당된 인터페이스 veth-green을, 네임스페이스 yellow는 10.0.5.2가 할당된 veth-yellow를 가집니다. 두 인터페이스는 가상 케이블 하나의 양 끝입니다.',
  'diagram.veth.host': '호스트 (기본 네임스페이스)',
  'diagram.veth.pair': 'veth 쌍',
  'diagram.veth.caption': 'veth 쌍은 가상 케이블입니다. 한쪽 끝으로 보낸 프레임은 다른 쪽 끝으로 나옵니다.',
  'diagram.bridge.title': '네임스페이스 네 개와 호스트를 연결하는 리눅스 브리지',
  'diagram.bridge.desc':
    '네임스페이스 green, yellow, purple, white는 각각 veth 쌍의 한쪽 끝(veth-green 등, 주소 10.0.5.1~.4)을 가집니다. 다른 쪽 끝(veth-green-br 등)은 호스트에 있는 브리지 br-demo의 포트이며, 브리지 자신은 주소 10.0.5.5/24를 가집니다.',
  'diagram.bridge.bridge': '브리지 {bridge} (가상 스위치) · 호스트 주소 {addr}',
  'diagram.bridge.host': '호스트 (기본 네임스페이스): 브리지는 {net}에 있는 호스트 자신의 인터페이스이기도 합니다',
  'diagram.bridge.caption': '네임스페이스마다 veth 쌍을 하나씩 줍니다. 한쪽 끝은 네임스페이스 안에, 다른 쪽 끝은 브리지에 연결합니다.',
  'view.topology': '토폴로지',
  'view.topologyEmpty': '터미널이 시작되면 이 터미널의 네임스페이스, 인터페이스, 링크를 그린 다이어그램이 여기에 나타납니다.',
  'view.path': '패킷 경로',
  'topo.hostNs': '{host} (호스트 네임스페이스)',
  'topo.ns': '{name} (네임스페이스)',
  'topo.up': '켜짐 ({state})',
  'topo.down': '꺼짐',
  'topo.noAddr': 'IPv4 주소 없음',
  'topo.veth': 'veth 쌍 (반대쪽 끝: {ns}의 {peer})',
  'topo.vethDown': 'veth 쌍 (반대쪽 끝: {ns}의 {peer}, 링크 꺼짐)',
  'topo.port': '브리지 {bridge}의 포트',
  'topo.switch': '스위치 (포트: {port})',
  'topo.cable': '케이블 {label} (반대쪽 끝: {ns}의 {peer})',
  'topo.svgBridge': '{name} ⇄ 스위치',
  'topo.svgDown': '{name} (꺼짐)',
  'topo.namespaces.one': '네트워크 네임스페이스 {n}개',
  'topo.namespaces.many': '네트워크 네임스페이스 {n}개',
  'topo.ifaces.one': '인터페이스 {n}개',
  'topo.ifaces.many': '인터페이스 {n}개',
  'topo.links.one': '링크 {n}개',
  'topo.links.many': '링크 {n}개',
  'topo.summary': '{namespaces}, {ifaces}, {links}',
  'topo.svgLabel': '토폴로지 다이어그램: {summary}. 아래 목록이 같은 내용을 글로 설명합니다.',
  'topo.region': '토폴로지 다이어그램: {summary}',
  'topo.asText': '토폴로지를 글로 보기 ({summary})',
  'path.checkProbe': '마지막 확인에서 보낸 패킷: {cmd}',
  'path.traced': '마지막으로 추적한 명령어: {cmd}',
  'path.dropped': '{where}에서 버려짐: ',
  'path.noDrop.one': '버려진 기록 없음: 단계 {n}개를 거쳤습니다.',
  'path.noDrop.many': '버려진 기록 없음: 단계 {n}개를 거쳤습니다.',
  'path.hops.one': '패킷 경로: 단계 {n}개, 네임스페이스별로 묶음',
  'path.hops.many': '패킷 경로: 단계 {n}개, 네임스페이스별로 묶음',
  'path.nothing': '이 패킷은 기록된 것이 없습니다(프로그램 밖으로 나가지 않았습니다).',
  'path.empty': 'ping, curl, nc를 실행하면(또는 실습에서 확인을 누르면) 그 패킷이 지나간 경로가 여기에 나타납니다.',
  'stage.routing': '라우팅',
  'stage.neigh': '이웃',
  'stage.arp': 'ARP',
  'stage.bridge': '브리지',
  'stage.netfilter': 'netfilter',
  'stage.nat': 'NAT',
  'stage.conntrack': 'conntrack',
  'stage.xmit': '송신',
  'stage.rcv': '수신',
  'stage.icmp': 'ICMP',
  'stage.tcp': 'TCP',
  'stage.udp': 'UDP',
  'stage.drop': '버려짐',
  'site.reference': '레퍼런스',
  'site.search': '검색',
  'lesson.practiceAway': '화면의 실습에는 자체 터미널이 있습니다. 실습을 지나 스크롤하면 연습용 터미널이 다시 나타납니다.',
  'lesson.practiceOpen': '연습용 터미널',
  'search.label': '강의와 명령어 레퍼런스 검색',
  'home.labs': '실습 {n}개 중 {passed}개 완료',
  'home.labsNone': '아직 완료한 실습 없음 (실습 {n}개)',
  'home.visited': '연습함',
  'stage.ipvs': 'IPVS',
  'topo.pod': '파드 {pod} ({ns})',
  'topo.container': '컨테이너 {name}',
  'topo.hostBox': '호스트 {host}',
  'path.step': '{n}단계 중 {i}단계',
  'path.prev': '이전 단계',
  'path.next': '다음 단계',
  'path.play': '재생',
  'path.pause': '일시 정지',
  'path.on': '토폴로지 위의 패킷 경로: {cmd}',
  'path.showOn': '토폴로지에서 한 단계씩 보기',
  'stage.fragment': '조각냄',
  'stage.defrag': '재조립',
  'lesson.practiceNoteWorld': '첫 실습의 시작 상태와 같은 나만의 환경입니다 (이 강의에서는 클러스터). 본문의 실행 버튼을 누르면 이 터미널에 입력됩니다.',
};

const DICT: Record<Lang, Record<UiKey, string>> = { en, ko };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return DICT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The language a site path is in (`/ko/...` is Korean). */
export function langOfPath(pathname: string): Lang {
  return pathname === '/ko' || pathname.startsWith('/ko/') ? 'ko' : 'en';
}

/** The same page in `lang`: `/lessons/dns/` ⇄ `/ko/lessons/dns/`. */
export function pathIn(lang: Lang, pathname: string): string {
  const bare = langOfPath(pathname) === 'ko' ? pathname.slice(3) || '/' : pathname;
  const rest = bare.startsWith('/') ? bare : `/${bare}`;
  return lang === 'en' ? rest : `/ko${rest}`;
}

/** Pages written in both languages (any other page links to the other language's home). */
const BOTH = [/^\/$/, /^\/lessons\/[a-z0-9-]+\/?$/, /^\/(instructor|reference|progress|search)\/?$/];

/** Whether the page at `pathname` exists in every language. */
export function bilingual(pathname: string): boolean {
  const bare = pathIn('en', pathname);
  return BOTH.some((re) => re.test(bare));
}

/** Where the language switch sends a reader of `pathname` who picks `lang`: the counterpart, else that language's home. */
export function switchHref(lang: Lang, pathname: string): string {
  return bilingual(pathname) ? pathIn(lang, pathname) : pathIn(lang, '/');
}

/** A lesson's URL in `lang`. */
export function lessonHref(lang: Lang, slug: string): string {
  return pathIn(lang, `/lessons/${slug}/`);
}

/** Piece of a dictionary string split at its placeholders: text, or the name of a `{name}` slot. */
export type Part = { text: string } | { slot: string };

/**
 * A dictionary string cut at its `{name}` placeholders, for strings whose slots
 * hold markup (a link, <code>, <kbd>) rather than text: `'Try {cmd} now'` →
 * text 'Try ', slot 'cmd', text ' now'. Empty text pieces are dropped.
 */
export function parts(s: string): Part[] {
  return s
    .split(/(\{\w+\})/)
    .filter((p) => p !== '')
    .map((p) => (/^\{\w+\}$/.test(p) ? { slot: p.slice(1, -1) } : { text: p }));
}
