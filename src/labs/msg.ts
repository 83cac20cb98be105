// A check message as data (see ./messages.ts): its id, its parameters and the
// constructors `m` and `join`, without the dictionary. Code that only builds
// messages (the terminal worker before a lab loads) imports this file, so the
// texts (./check-texts.ts, both languages) load only where a message is
// rendered.

import type { CHECK_TEXTS } from './check-texts.ts';
import type { TraceMsg, TraceParam } from '../kernel/trace-texts.ts';

/** A message id of the dictionary. */
export type MsgId = keyof typeof CHECK_TEXTS;

/** A parameter: a value shown as it is, a nested message, or a traced step. */
export type MsgParam = string | number | Msg | StepParam;

/** A traced step quoted in a message (a drop, a NAT on the way): rendered in the message's language. */
export interface StepParam {
  readonly step: TraceMsg;
}

/** A traced step (src/kernel/packet.ts TraceStep) as a message parameter. */
export function stepParam(s: { id: TraceMsg['id']; params?: Readonly<Record<string, TraceParam>> }): StepParam {
  return { step: s.params ? { id: s.id, params: s.params } : { id: s.id } };
}

/** How a message renders a traced step (the Korean one lives in src/i18n/path.ts). */
export type StepRenderer = (s: TraceMsg) => string;

/** A check's message: an id with parameters, or several messages in one. */
export type Msg = { readonly id: MsgId; readonly params?: Readonly<Record<string, MsgParam>> } | { readonly join: readonly Msg[] };

/** The parameter names of a template (`{name}` and `{name|particle}`; braces around other text, as in `{{.State.Pid}}` or JSON, are text). */
type Name<N extends string> = N extends `${infer B}|${string}` ? Name<B> : N extends `${string}${' ' | '"' | '{' | '.' | ':'}${string}` ? never : N;
type Names<S extends string> = S extends `${string}{${infer N}}${infer R}` ? Name<N> | Names<R> : never;
type ParamsOf<I extends MsgId> = Names<(typeof CHECK_TEXTS)[I]['en']>;

/** A message with its parameters (the compiler checks their names against the English text). */
export function m<I extends MsgId>(id: I, ...params: [ParamsOf<I>] extends [never] ? [] : [Record<ParamsOf<I>, MsgParam>]): Msg {
  return params.length ? { id, params: params[0] } : { id };
}

/** Several messages shown as one (`; ` between them). */
export function join(msgs: readonly Msg[]): Msg {
  return msgs.length === 1 ? msgs[0]! : { join: msgs };
}
