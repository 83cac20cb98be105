// Check messages on the page: a check result carries its message as an id
// with parameters (src/labs/messages.ts), rendered here in the page's
// language; a result stored before ids existed shows its English text.

import type { Lang } from './ui.ts';
import { isMsg, renderMsg } from '../labs/messages.ts';

export { CHECK_TEXTS, english, finalSound, isMsg, join, m, renderMsg, withParticle } from '../labs/messages.ts';
export type { Msg, MsgId, MsgParam } from '../labs/messages.ts';

/** A check result's message in `lang`: from its id when it has one, else its English text as stored. */
export function checkMessage(lang: Lang, r: { message: string; msg?: unknown }): string {
  return isMsg(r.msg) ? renderMsg(lang, r.msg) : r.message;
}
