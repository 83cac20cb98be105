// Strings of the teaching components (Predict, SelfCheck, Recap), in both
// languages. Kept apart from ui.ts so the lesson components can grow without
// touching the shared interface table; the diagrams' strings, used only when
// a page is built, are in ./diagrams.ts (the page's script loads this file).

import type { Lang } from './ui.ts';

const en = {
  'predict.eyebrow': 'Predict, then run',
  'predict.yours': 'Your prediction',
  'predict.commit': 'Commit my prediction',
  'predict.intro': 'Choose (or write) your answer and commit to it; the Run button unlocks after that.',
  'predict.locked': 'Your prediction: {answer}. Now run it and compare.',
  'predict.empty': 'Choose or write an answer first.',
  'predict.right': 'Your prediction was right.',
  'predict.wrong': 'Not what happens. The answer: {answer}.',
  'predict.runLocked': 'Commit a prediction first',
  'check.title': 'Self-check',
  'check.intro': 'A few questions on this lesson, graded here. Your answers are saved with your progress in this browser.',
  'check.submit': 'Check my answers',
  'check.retry': 'Try again',
  'check.score': '{right} of {n} right.',
  'check.all': 'All {n} right. Well done!',
  'check.unanswered': 'Answer every question first ({missing} left).',
  'check.right': 'Right.',
  'check.wrong': 'Not quite. The answer: {answer}.',
  'check.saved': 'Your last answers are shown (saved in this browser).',
  'check.progress': 'Self-check of the lesson “{lesson}”',
  'recap.title': 'Recap',
} as const;

export type LearnKey = keyof typeof en;

const ko: Record<LearnKey, string> = {
  'predict.eyebrow': '예측한 뒤 실행',
  'predict.yours': '내 예측',
  'predict.commit': '예측 확정',
  'predict.intro': '답을 고르거나 적은 뒤 확정하세요. 그러면 실행 버튼이 열립니다.',
  'predict.locked': '내 예측: {answer}. 이제 실행해서 비교해 보세요.',
  'predict.empty': '먼저 답을 고르거나 적으세요.',
  'predict.right': '예측이 맞았습니다.',
  'predict.wrong': '실제로는 다릅니다. 답: {answer}.',
  'predict.runLocked': '먼저 예측을 확정하세요',
  'check.title': '스스로 점검',
  'check.intro': '이 강의에 관한 몇 가지 질문입니다. 이 페이지에서 채점되고, 답은 이 브라우저의 진행 상황과 함께 저장됩니다.',
  'check.submit': '답 확인',
  'check.retry': '다시 풀기',
  'check.score': '{n}문제 중 {right}문제 맞음.',
  'check.all': '{n}문제 모두 맞았습니다. 잘했습니다!',
  'check.unanswered': '모든 질문에 먼저 답하세요 ({missing}개 남음).',
  'check.right': '맞습니다.',
  'check.wrong': '아닙니다. 답: {answer}.',
  'check.saved': '마지막으로 고른 답을 보여 줍니다 (이 브라우저에 저장됨).',
  'check.progress': '“{lesson}” 강의의 스스로 점검',
  'recap.title': '핵심 되짚기',
};

const DICT: Record<Lang, Record<LearnKey, string>> = { en, ko };

/** A teaching-component string in `lang`, with `{name}` placeholders filled. */
export function lt(lang: Lang, key: LearnKey, vars: Record<string, string | number> = {}): string {
  return DICT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

/** The progress-store key of a lesson's self-check (shared by both languages). */
export function selfCheckKey(slug: string): string {
  return `check:${slug}`;
}

/** Accepted free-text answers compare without case, outer spaces or repeated spaces. */
export function normalizeAnswer(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
