// What a Korean page would show of a check's message that is not Korean:
// the dictionary's texts are checked by id (src/i18n/checks.test.ts); here a
// rendered message is walked with its parameters, so English that reaches
// the page through a parameter (a sentence passed as a plain string instead
// of a message) is found. Values a check quotes from the system (an errno
// text, a rule, a tool's output) stay as the system wrote them; a traced
// step is quoted by its step id, which must have a Korean text.

import { CHECK_TEXTS, type Msg, type MsgParam } from './checks.ts';
import { hasKoreanStep } from './path.ts';

/** Parameters that quote the system's own words (kept in English on every page). */
const QUOTED = new Set(['err', 'what', 'drop', 'rule', 'how', 'pkt', 'outer', 'status', 'steps', 'nat', 'who', 'pods', 'list', 'have', 'devs', 'probs', 'text', 'cmd', 'marker']);

/** English prose: four words in a row made of lower-case letters only. */
const PROSE = /\b[a-z]{2,}(?: [a-z]{2,}){3,}\b/;

const PH = /\{(\w+)(?:\|[^}]+)?\}/g;

/** Problems of `msg` on a Korean page: unknown ids, parameters missing or left over, English prose in a value that is not a quote. */
export function koreanProblems(msg: Msg, path = ''): string[] {
  if ('join' in msg) return msg.join.flatMap((x, i) => koreanProblems(x, `${path}[${i}]`));
  const t = (CHECK_TEXTS as Record<string, { en: string; ko: string }>)[msg.id];
  if (!t) return [`${path}${msg.id}: unknown message id`];
  const out: string[] = [];
  const params: Record<string, MsgParam> = { ...(msg.params ?? {}) };
  for (const text of [t.en, t.ko]) {
    for (const m of text.matchAll(PH)) if (!(m[1]! in params)) out.push(`${path}${msg.id}: parameter ${m[1]} is not supplied`);
  }
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === 'object') {
      if (!('step' in v)) out.push(...koreanProblems(v, `${path}${msg.id}.${name} → `));
      else if (!hasKoreanStep({ what: '', ...v.step })) out.push(`${path}${msg.id}.${name}: traced step ${v.step.id} has no Korean text`);
    } else if (typeof v === 'string' && !QUOTED.has(name) && PROSE.test(v)) out.push(`${path}${msg.id}: parameter ${name} is English prose: "${v}"`);
  }
  return out;
}
