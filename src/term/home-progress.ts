// The course page's progress per lesson: how many of each lesson's labs the
// learner solved (every check passed at the last Check or live check), read
// from the terminals saved in this browser (IndexedDB, src/term/store.ts).

import { exportProgress, type TermRecord } from './store.ts';
import { t, type Lang } from '../i18n/ui.ts';

const lang: Lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';

/** Whether a saved lab terminal's last check passed every check. */
export function solved(rec: TermRecord | undefined): boolean {
  return !!rec?.results?.length && rec.results.every((r) => r.passed);
}

async function show(): Promise<void> {
  const lines = [...document.querySelectorAll<HTMLElement>('[data-lesson-labs]')];
  if (!lines.length) return;
  let terms: TermRecord[];
  try {
    terms = (await exportProgress()).terms;
  } catch {
    return;
  }
  const byKey = new Map(terms.map((r) => [r.key, r]));
  for (const line of lines) {
    let ids: string[];
    try {
      ids = JSON.parse(line.dataset.lessonLabs ?? '[]') as string[];
    } catch {
      continue;
    }
    const n = ids.length;
    const passed = ids.filter((id) => solved(byKey.get(`lab:${id}`))).length;
    const text = line.querySelector('[data-part="text"]');
    if (text) text.textContent = passed ? t(lang, 'home.labs', { passed, n }) : t(lang, 'home.labsNone', { n });
    line.dataset.passed = String(passed);
    const bar = line.querySelector<HTMLElement>('[data-part="bar"]');
    if (bar) bar.style.width = `${Math.round((passed / n) * 100)}%`;
    line.closest('.lesson-card')?.toggleAttribute('data-done', passed === n);
  }
}

void show();
