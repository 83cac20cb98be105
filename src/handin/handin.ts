// Hand in a lab: the lab panel's form writes a checkpoint file
// (packetlab-checkpoint/1) with the learner's name, their seed and the
// commands they typed, in order, plus what the browser saw (entry times, the
// last check results). The grader ignores those extras and replays.
// Parametric labs are re-rendered here with the learner's own values.

import { CHECKPOINT_FORMAT } from '../labs/checkpoint-format.ts';
import { learnerClass, learnerName, learnerSeed, setLearnerClass, setLearnerName } from '../term/learner.ts';
import type { Lang } from '../i18n/ui.ts';
import { t } from '../i18n/ui-page.ts';

interface TermLike extends HTMLElement {
  stored?: () => Promise<{ entries: Entry[]; results?: unknown[] }>;
}

type Entry = { line: string; at: number } | { intr: true; at: number } | { keys: string[]; at: number };
/** The latest entries each lab terminal reported since the page loaded (`pl-entries`). */
const live = new WeakMap<Element, Entry[]>();
document.addEventListener('pl-entries', (ev) => {
  const panel = (ev.target as Element | null)?.closest?.('pl-lab');
  const detail = (ev as CustomEvent).detail;
  if (panel && Array.isArray(detail)) live.set(panel, detail as Entry[]);
});
document.addEventListener('pl-reset', (ev) => {
  const panel = (ev.target as Element | null)?.closest?.('pl-lab');
  if (panel) live.set(panel, []);
});

function langOf(el: Element): Lang {
  return el.closest('[data-lang]')?.getAttribute('data-lang') === 'ko' ? 'ko' : 'en';
}

/** The file name of a checkpoint: lab and learner, filesystem-safe. */
export function checkpointFileName(lab: string, learner: string): string {
  const who = learner.normalize('NFKC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'learner';
  return `${lab}-${who}.checkpoint.json`;
}

async function handIn(form: HTMLFormElement): Promise<void> {
  const panel = form.closest('pl-lab');
  const lab = panel?.getAttribute('lab');
  const status = form.querySelector<HTMLElement>('[data-handin-status]');
  const nameInput = form.querySelector<HTMLInputElement>('[data-handin-name]');
  if (!panel || !lab || !nameInput) return;
  const lang = langOf(form);
  const learner = nameInput.value.trim();
  if (!learner) {
    if (status) status.textContent = t(lang, 'lab.needName');
    nameInput.focus();
    return;
  }
  if (learner !== learnerName()) setLearnerName(learner);
  const klass = learnerClass();
  const term = panel.querySelector<TermLike>('pl-terminal');
  const rec = term?.stored ? await term.stored() : { entries: [], results: [] };
  const entries = live.get(panel) ?? rec.entries;
  const commands = entries.flatMap((e) => ('line' in e && e.line.trim() ? [e.line] : []));
  const checkpoint = {
    format: CHECKPOINT_FORMAT,
    lab,
    learner,
    seed: learnerSeed(),
    ...(klass ? { class: klass } : {}),
    commands,
    entries,
    results: rec.results ?? [],
    savedAt: new Date().toISOString(),
    page: location.pathname,
  };
  const file = checkpointFileName(lab, learner);
  const url = URL.createObjectURL(new Blob([JSON.stringify(checkpoint, null, 2) + '\n'], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  if (status) status.textContent = t(lang, 'lab.downloaded', { file });
}

/** The part of <pl-terminal> personalise needs (the lab's texts come from its worker). */
interface TextsTerm extends HTMLElement {
  labTexts?: (lang: Lang) => Promise<{ goal: string; hints: string[]; solution: string[]; tasks: { id: string; title: string }[] } | undefined>;
}

/**
 * Replace a parametric lab's texts with the learner's own values, computed
 * by the lab terminal's worker once that terminal starts (the lab near the
 * viewport, or used).
 */
async function personalise(panel: HTMLElement): Promise<void> {
  const id = panel.getAttribute('lab');
  if (!id) return;
  const lang = langOf(panel);
  const seed = learnerSeed();
  await customElements.whenDefined('pl-terminal');
  const term = panel.querySelector<TextsTerm>('pl-terminal');
  if (!term?.labTexts) return;
  const [info, { renderInline }] = await Promise.all([term.labTexts(lang), import('./inline.ts')]);
  if (!info || seed !== learnerSeed()) return;
  const goal = panel.querySelector('[data-part="goal-text"]');
  if (goal) {
    goal.replaceChildren(
      ...info.goal
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p) => {
          const el = document.createElement('p');
          el.append(...renderInline(p.replace(/\s*\n\s*/g, ' ').trim()));
          return el;
        }),
    );
  }
  const seedNote = panel.querySelector('[data-part="seed"]');
  if (seedNote) seedNote.textContent = t(lang, 'lab.yourValues', { seed });
  panel.querySelectorAll<HTMLElement>('[data-part="hints"] li').forEach((li, i) => {
    if (info.hints[i] !== undefined) li.replaceChildren(...renderInline(info.hints[i]!));
  });
  panel.setAttribute('data-task-titles', JSON.stringify(Object.fromEntries(info.tasks.map((task) => [task.id, task.title]))));
  for (const task of info.tasks) {
    const strong = panel.querySelector(`[data-part="results"] li.todo[data-check="${CSS.escape(task.id)}"] strong`);
    if (strong) strong.textContent = task.title;
  }
  const sol = panel.querySelector('[data-part="solution"]');
  if (sol) {
    sol.replaceChildren(
      ...info.solution.map((cmd) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = cmd;
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.className = 'run small';
        btn.dataset.run = JSON.stringify([cmd]);
        btn.setAttribute('aria-label', t(lang, 'lab.typeOne', { cmd }));
        btn.textContent = t(lang, 'snippet.run');
        li.append(code, ' ', btn);
        return li;
      }),
    );
  }
  const all = panel.querySelector<HTMLElement>('[data-part="solution-all"]');
  if (all) all.dataset.run = JSON.stringify(info.solution);
  panel.setAttribute('data-seed', String(seed));
}

/** Class mode: the code (and the name) the learner typed decide their seed from now on. */
function joinClass(form: HTMLFormElement): void {
  const name = form.querySelector<HTMLInputElement>('[data-handin-name]');
  const code = form.querySelector<HTMLInputElement>('[data-handin-class]');
  const status = form.querySelector<HTMLElement>('[data-handin-status]');
  if (!name || !code) return;
  const lang = langOf(form);
  if (code.value.trim() && !name.value.trim()) {
    if (status) status.textContent = t(lang, 'lab.classNeedName');
    name.focus();
    return;
  }
  setLearnerName(name.value.trim());
  setLearnerClass(code.value);
  for (const out of document.querySelectorAll('[data-handin-seed]')) out.textContent = String(learnerSeed());
  for (const other of document.querySelectorAll<HTMLInputElement>('[data-handin-class]')) if (other !== code) other.value = code.value.trim();
  if (status && code.value.trim()) status.textContent = t(lang, 'lab.classSet', { code: code.value.trim() });
  for (const panel of document.querySelectorAll<HTMLElement>('pl-lab[data-parametric]')) void personalise(panel);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-handin]')) {
  const name = form.querySelector<HTMLInputElement>('[data-handin-name]');
  if (name && !name.value) name.value = learnerName();
  const code = form.querySelector<HTMLInputElement>('[data-handin-class]');
  if (code) {
    code.value = learnerClass();
    code.addEventListener('change', () => joinClass(form));
  }
  name?.addEventListener('change', () => {
    if (learnerClass()) joinClass(form);
  });
  const out = form.querySelector('[data-handin-seed]');
  if (out) out.textContent = String(learnerSeed());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void handIn(form);
  });
}
for (const panel of document.querySelectorAll<HTMLElement>('pl-lab[data-parametric]')) void personalise(panel);
