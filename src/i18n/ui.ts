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

/** Pages written in both languages (others, e.g. /reference/, are English only so far). */
const BOTH = [/^\/$/, /^\/lessons\/[a-z0-9-]+\/?$/, /^\/instructor\/?$/];

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
