// The interface in two languages. English pages live at their usual paths
// (/, /lessons/<slug>/, /instructor/); Korean ones under /ko/ with the same
// rest of the path, so every page's counterpart is one prefix away.
// Pure data and string functions: used by .astro components at build time
// and by client scripts (which read <html lang>).

/** A language the site is written in. */
export type Lang = 'en' | 'ko';

/** Every language, the default first. */
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Language names, each in its own language (what the switch shows). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

const en = {
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
  'term.help': 'Click the terminal and type. Tab completes; Esc then Tab leaves the terminal.',
  'term.loading': '(terminal loading)',
  'term.labLabel': 'Terminal for the lab “{title}”',
  'snippet.run': 'Run',
  'snippet.one': 'Type in the terminal: {cmd}',
  'snippet.many': 'Type these {n} commands in the terminal',
  'lab.eyebrow': 'Lab',
  'lab.solved': 'Solved',
  'lab.goal': 'Goal',
  'lab.check': 'Check',
  'lab.hint': 'Show hint 1 of {n}',
  'lab.reset': 'Reset lab',
  'lab.checks': 'Checks',
  'lab.notChecked': 'Not checked yet.',
  'lab.hints': 'Hints',
  'lab.reveal': 'Reveal the solution',
  'lab.solutionNote': 'The reference solution. Each Run button types that command into the lab terminal.',
  'lab.typeAll': 'Type the whole solution',
  'lab.typeOne': 'Type in the lab terminal: {cmd}',
  'lab.yourValues': 'Your own values (seed {seed}): two learners get different names and addresses.',
  'lab.submit': 'Hand in',
  'lab.name': 'Your name',
  'lab.download': 'Download hand-in file',
  'lab.downloaded': 'Saved {file}. Hand this file to your instructor.',
  'lab.needName': 'Type your name first, so your instructor knows whose file it is.',
  'lab.seed': 'Your seed',
  'lab.checking': 'Checking…',
  'lab.cannotRun': 'The checks could not run: {err}',
  'lab.passed': 'Passed',
  'lab.notYet': 'Not yet',
  'lab.allPass': 'All {n} checks pass. Lab solved!',
  'lab.somePass': '{passed} of {n} checks pass.',
  'lab.livePass': 'Live: {passed} of {n} checks pass (updated after each command; Check explains the rest).',
  'lab.lastCheck': 'Last check: ',
  'lab.live': 'Live: ',
  'lab.noMoreHints': 'No more hints',
  'lab.hintN': 'Show hint {i} of {n}',
  'lab.confirmReset': 'Confirm reset',
  'lab.resetArmed': 'Press “Confirm reset” to throw away this lab’s terminal and start again.',
  'lab.resetDone': 'The lab was reset to its starting state.',
  'term.actions': 'Terminal actions',
  'term.undo': 'Undo last command',
  'term.reset': 'Reset',
  'term.progress': 'Export or import your progress',
  'term.views': 'Topology and packet path',
  'term.practiceLabel': 'Practice terminal',
  'term.labTerminal': 'Lab terminal ({lab})',
  'term.titleLab': 'lab {lab}',
  'term.undoing': 'Undoing the last command (replaying the others)…',
  'term.resetArmed': 'Press “Confirm reset” to throw away this terminal’s commands and start again.',
  'term.resetDone': 'The terminal was reset to its starting state.',
  'term.failed': 'The terminal could not be loaded. Reload the page to try again.',
  'editor.label': 'Editor: {path}',
  'editor.actions': '{name} actions',
  'editor.load': 'Load from host',
  'editor.save': 'Save to host',
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
  'instr.cli': 'The same grading from a shell: npm run --silent grade -- FILES_OR_DIRECTORIES > grades.csv',
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
  'diagram.veth.title': 'red and blue joined by a veth pair',
  'diagram.veth.desc':
    'Inside the host, namespace red holds interface veth-red with 192.168.15.1 and namespace blue holds veth-blue with 192.168.15.2. The two interfaces are the two ends of one virtual cable.',
  'diagram.veth.host': 'host (default namespace)',
  'diagram.veth.pair': 'veth pair',
  'diagram.veth.caption': 'A veth pair is a virtual cable: a frame sent into one end comes out of the other.',
  'diagram.bridge.title': 'A Linux bridge connecting four namespaces and the host',
  'diagram.bridge.desc':
    'Namespaces red, blue, orange and gray each hold one end of a veth pair (veth-red and so on, addresses 192.168.15.1 to .4). The other ends (veth-red-br and so on) are ports of the bridge v-net-0 in the host, which itself has the address 192.168.15.5/24.',
  'diagram.bridge.bridge': 'bridge {bridge} (a virtual switch) · host address {addr}',
  'diagram.bridge.host': 'host (default namespace): the bridge is also the host’s own interface on {net}',
  'diagram.bridge.caption': 'Each namespace gets one veth pair: one end inside the namespace, the other end attached to the bridge.',
} as const;

/** A key of the interface dictionary. */
export type UiKey = keyof typeof en;

const ko: Record<UiKey, string> = {
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
  'term.help': '터미널을 클릭하고 입력하세요. Tab으로 자동 완성, Esc 다음 Tab으로 터미널에서 빠져나옵니다.',
  'term.loading': '(터미널 불러오는 중)',
  'term.labLabel': '실습 “{title}”의 터미널',
  'snippet.run': '실행',
  'snippet.one': '터미널에 입력: {cmd}',
  'snippet.many': '명령어 {n}개를 터미널에 입력',
  'lab.eyebrow': '실습',
  'lab.solved': '완료',
  'lab.goal': '목표',
  'lab.check': '확인',
  'lab.hint': '힌트 보기 (1/{n})',
  'lab.reset': '실습 초기화',
  'lab.checks': '확인 항목',
  'lab.notChecked': '아직 확인하지 않았습니다.',
  'lab.hints': '힌트',
  'lab.reveal': '정답 보기',
  'lab.solutionNote': '모범 답안입니다. 각 실행 버튼은 그 명령어를 실습 터미널에 입력합니다.',
  'lab.typeAll': '정답 전체 입력',
  'lab.typeOne': '실습 터미널에 입력: {cmd}',
  'lab.yourValues': '나만의 값 (시드 {seed}): 학습자마다 이름과 주소가 다릅니다.',
  'lab.submit': '제출',
  'lab.name': '이름',
  'lab.download': '제출 파일 내려받기',
  'lab.downloaded': '{file} 파일을 저장했습니다. 이 파일을 강사에게 제출하세요.',
  'lab.needName': '누구의 파일인지 알 수 있도록 먼저 이름을 입력하세요.',
  'lab.seed': '내 시드',
  'lab.checking': '확인 중…',
  'lab.cannotRun': '확인을 실행하지 못했습니다: {err}',
  'lab.passed': '통과',
  'lab.notYet': '아직',
  'lab.allPass': '확인 항목 {n}개를 모두 통과했습니다. 실습 완료!',
  'lab.somePass': '확인 항목 {n}개 중 {passed}개 통과.',
  'lab.livePass': '실시간: 확인 항목 {n}개 중 {passed}개 통과 (명령어마다 갱신됩니다. 나머지는 확인 버튼이 설명해 줍니다).',
  'lab.lastCheck': '마지막 확인: ',
  'lab.live': '실시간: ',
  'lab.noMoreHints': '힌트를 모두 봤습니다',
  'lab.hintN': '힌트 보기 ({i}/{n})',
  'lab.confirmReset': '초기화 확인',
  'lab.resetArmed': '“초기화 확인”을 누르면 이 실습의 터미널을 버리고 처음부터 다시 시작합니다.',
  'lab.resetDone': '실습을 처음 상태로 초기화했습니다.',
  'term.actions': '터미널 동작',
  'term.undo': '마지막 명령어 되돌리기',
  'term.reset': '초기화',
  'term.progress': '진행 상황 내보내기/가져오기',
  'term.views': '토폴로지와 패킷 경로',
  'term.practiceLabel': '연습용 터미널',
  'term.labTerminal': '실습 터미널 ({lab})',
  'term.titleLab': '실습 {lab}',
  'term.undoing': '마지막 명령어를 되돌리는 중입니다(나머지 명령어를 다시 실행합니다)…',
  'term.resetArmed': '“초기화 확인”을 누르면 이 터미널의 명령어를 버리고 처음부터 다시 시작합니다.',
  'term.resetDone': '터미널을 처음 상태로 초기화했습니다.',
  'term.failed': '터미널을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  'editor.label': '편집기: {path}',
  'editor.actions': '{name} 동작',
  'editor.load': '호스트에서 불러오기',
  'editor.save': '호스트에 저장',
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
  'instr.cli': '셸에서 같은 채점을 하려면: npm run --silent grade -- 파일_또는_디렉터리 > grades.csv',
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
  'search.examples': 'veth|MASQUERADE|브릿지',
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
  'diagram.veth.title': 'veth 쌍으로 연결된 red와 blue',
  'diagram.veth.desc':
    '호스트 안에서 네임스페이스 red는 192.168.15.1이 할당된 인터페이스 veth-red를, 네임스페이스 blue는 192.168.15.2가 할당된 veth-blue를 가집니다. 두 인터페이스는 가상 케이블 하나의 양 끝입니다.',
  'diagram.veth.host': '호스트 (기본 네임스페이스)',
  'diagram.veth.pair': 'veth 쌍',
  'diagram.veth.caption': 'veth 쌍은 가상 케이블입니다. 한쪽 끝으로 보낸 프레임은 다른 쪽 끝으로 나옵니다.',
  'diagram.bridge.title': '네임스페이스 네 개와 호스트를 연결하는 리눅스 브릿지',
  'diagram.bridge.desc':
    '네임스페이스 red, blue, orange, gray는 각각 veth 쌍의 한쪽 끝(veth-red 등, 주소 192.168.15.1~.4)을 가집니다. 다른 쪽 끝(veth-red-br 등)은 호스트에 있는 브릿지 v-net-0의 포트이며, 브릿지 자신은 주소 192.168.15.5/24를 가집니다.',
  'diagram.bridge.bridge': '브릿지 {bridge} (가상 스위치) · 호스트 주소 {addr}',
  'diagram.bridge.host': '호스트 (기본 네임스페이스): 브릿지는 {net}에 있는 호스트 자신의 인터페이스이기도 합니다',
  'diagram.bridge.caption': '네임스페이스마다 veth 쌍을 하나씩 줍니다. 한쪽 끝은 네임스페이스 안에, 다른 쪽 끝은 브릿지에 연결합니다.',
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
