// Check messages as data: a check returns a message id and its parameters
// (`m('probe.badAddress', { a: '10.0.0.300' })`), never a sentence. The page
// renders it in its language from CHECK_TEXTS (./check-texts.ts);
// `lab check`, `lab verify` and the instructor's grading print the English
// rendering. A parameter may itself be a message (a reason inside a
// sentence), rendered in the same language, or a traced step of a probe's
// path (`stepParam(drop)`: its step id and parameters, rendered by the
// caller's step renderer, English by default); `join` lists messages as one
// (`; ` between them). The constructors and types are in ./msg.ts (no
// dictionary), for code that builds messages without rendering them.

import { CHECK_TEXTS } from './check-texts.ts';
import { traceEnglish } from '../kernel/trace-texts.ts';
import type { Msg, StepRenderer } from './msg.ts';

/** A language a message renders in (the site's languages, src/i18n/ui.ts). */
export type MsgLang = 'en' | 'ko';

export { CHECK_TEXTS };

export { join, m, stepParam, type Msg, type MsgId, type MsgParam, type StepParam, type StepRenderer } from './msg.ts';

// ── Korean particles after a parameter ──────────────────────────────────────

/** [after a final consonant, after a vowel] for each particle. */
const PARTICLES: Record<string, readonly [string, string]> = {
  은: ['은', '는'],
  는: ['은', '는'],
  이: ['이', '가'],
  가: ['이', '가'],
  을: ['을', '를'],
  를: ['을', '를'],
  과: ['과', '와'],
  와: ['과', '와'],
  으로: ['으로', '로'],
  로: ['으로', '로'],
};

/** Digits as read in Korean (영 일 이 삼 사 오 육 칠 팔 구): the final consonant, if any. */
const DIGIT_FINAL = ['ㅇ', 'ㄹ', '', 'ㅁ', '', '', 'ㄱ', 'ㄹ', 'ㄹ', ''];

/**
 * The final consonant of a value as read aloud ('' when it ends in a vowel):
 * the last Hangul syllable, digit or Latin letter (names read as English
 * words: l → ㄹ; m, n, ng, b, p → a consonant as in 웹, 숍; others a vowel
 * as in 레드, 파드).
 */
export function finalSound(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    const code = c.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const jong = (code - 0xac00) % 28;
      return jong === 0 ? '' : jong === 8 ? 'ㄹ' : 'ㅇ';
    }
    if (c >= '0' && c <= '9') return DIGIT_FINAL[Number(c)]!;
    if (/[a-z]/i.test(c)) {
      const l = c.toLowerCase();
      // A letter on its own (web-b, node-a) is read by its name: 엘, 엠, 엔, 알 end in a consonant.
      if (!/[a-z]/i.test(s[i - 1] ?? '')) return l === 'l' || l === 'r' ? 'ㄹ' : l === 'm' || l === 'n' ? 'ㅇ' : '';
      if (l === 'l') return 'ㄹ';
      if (l === 'm' || l === 'n' || l === 'b' || l === 'p' || (l === 'g' && s[i - 1]?.toLowerCase() === 'n')) return 'ㅇ';
      return '';
    }
  }
  return '';
}

/** `value` followed by the form of `particle` that fits its last sound. */
export function withParticle(value: string, particle: string): string {
  const forms = PARTICLES[particle];
  if (!forms) return value + particle;
  const f = finalSound(value);
  if (forms[0] === '으로') return value + (f === '' || f === 'ㄹ' ? '로' : '으로');
  return value + (f ? forms[0] : forms[1]);
}

// ── rendering ───────────────────────────────────────────────────────────────

const PH = /\{(\w+)(?:\|([^}]+))?\}/g;

/** A message in `lang`; traced steps in it rendered by `step` (English unless told). */
export function renderMsg(lang: MsgLang, msg: Msg, step: StepRenderer = traceEnglish): string {
  if ('join' in msg) return msg.join.map((x) => renderMsg(lang, x, step)).join('; ');
  const t = CHECK_TEXTS[msg.id] as { en: string; ko: string } | undefined;
  if (!t) return msg.id;
  const params = msg.params ?? {};
  return (lang === 'en' ? t.en : t.ko).replace(PH, (x, name: string, particle: string | undefined) => {
    const v = params[name];
    if (v === undefined) return x;
    const s = typeof v !== 'object' ? String(v) : 'step' in v ? step(v.step) : renderMsg(lang, v, step);
    return particle ? withParticle(s, particle) : s;
  });
}

/** A message in English (what the CLIs and the grading files show). */
export const english = (msg: Msg): string => renderMsg('en', msg);

/** Whether `x` has the shape of a message (data restored from storage may not). */
export function isMsg(x: unknown): x is Msg {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  if (Array.isArray(o.join)) return o.join.every(isMsg);
  return typeof o.id === 'string' && Object.hasOwn(CHECK_TEXTS, o.id) && (o.params === undefined || (typeof o.params === 'object' && o.params !== null));
}

