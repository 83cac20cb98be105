// Check messages on the page: a check result carries its message as an id
// with parameters (src/labs/messages.ts), rendered here in the page's
// language, traced steps it quotes included (src/i18n/path.ts); a result
// stored before ids existed shows its English text.

import type { Lang } from './ui.ts';
import { isMsg, renderMsg as renderWith, type Msg } from '../labs/messages.ts';
import { traceEnglish } from '../kernel/trace-texts.ts';
import { koreanStep } from './path.ts';

export { CHECK_TEXTS, english, finalSound, isMsg, join, m, stepParam, withParticle } from '../labs/messages.ts';
export type { Msg, MsgId, MsgParam } from '../labs/messages.ts';

/** A message in `lang`, the traced steps it quotes in the same language. */
export function renderMsg(lang: Lang, msg: Msg): string {
  return renderWith(lang, msg, lang === 'en' ? traceEnglish : koreanStep);
}

/** A check result's message in `lang`: from its id when it has one, else its English text as stored. */
export function checkMessage(lang: Lang, r: { message: string; msg?: unknown }): string {
  return isMsg(r.msg) ? renderMsg(lang, r.msg) : r.message;
}
