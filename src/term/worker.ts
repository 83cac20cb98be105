/// <reference lib="webworker" />
// The simulation behind one terminal: a Session over a lab (or bare) world.
// Keystrokes come in, terminal bytes go out; checks run on a replayed copy so
// they never disturb the learner's live world. Nothing here throws to the
// page: a fault prints one short line and the session carries on.

import type { FromWorker, ToWorker, TermEntry } from './protocol.ts';
import { newSession, runChecks } from './backend.ts';
import type { Session } from '../session/session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let session: Session | null = null;
let lab: string | undefined;
let seed = 1;
let cols = 80;
let rows = 24;
let posted = -1;
/** Keystrokes that arrive while a session boots. */
let pending: string[] = [];
/** init/reset run one at a time, in order. */
let chain: Promise<void> = Promise.resolve();
/** Snippet lines being typed; a reset starts a new generation and abandons them. */
let typing: Promise<void> = Promise.resolve();
let gen = 0;

function post(msg: FromWorker): void {
  scope.postMessage(msg);
}

function fault(where: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`packetlab worker (${where}):`, err);
  post({ type: 'output', data: `\r\n\x1b[31mpacketlab: internal error in ${where}: ${message.split('\n')[0]}\x1b[0m\r\n` });
  post({ type: 'fault', message });
}

/** Post the entries when they changed (a line was entered, or Ctrl-C). */
function noteEntries(): void {
  if (!session) return;
  let entries: TermEntry[];
  try {
    entries = session.entries();
  } catch (e) {
    return fault('entries', e);
  }
  if (entries.length !== posted) {
    posted = entries.length;
    post({ type: 'entries', entries: structuredClone(entries) });
  }
}

async function boot(entries: TermEntry[]): Promise<void> {
  const old = session;
  session = null;
  try {
    old?.dispose();
  } catch (e) {
    fault('dispose', e);
  }
  let s: Session;
  try {
    s = newSession(lab, seed, entries, true, cols);
  } catch (e) {
    return fault('start', e);
  }
  s.onOutput((data) => {
    if (session === s || session === null) post({ type: 'output', data });
  });
  try {
    await s.start();
  } catch (e) {
    // A bad stored history must not brick the terminal: start clean.
    fault('replay', e);
    if (entries.length) return boot([]);
  }
  session = s;
  posted = s.entries().length;
  s.resize(cols, rows);
  post({ type: 'ready' });
  const keys = pending.join('');
  pending = [];
  if (keys) feed(keys);
}

function feed(data: string): void {
  if (!session) {
    pending.push(data);
    return;
  }
  try {
    session.input(data);
  } catch (e) {
    fault('input', e);
  }
  setTimeout(noteEntries, 0);
}

async function typeLines(lines: string[], g: number): Promise<void> {
  await chain;
  for (const line of lines) {
    if (g !== gen || !session) return;
    await session.idle();
    if (g !== gen) return;
    feed(line + '\r');
    await new Promise((r) => setTimeout(r, 0));
  }
  await session?.idle();
  noteEntries();
}

/** `p`, or give up waiting after a few seconds of wall time. */
function settle(p: Promise<unknown>, ms = 15000): Promise<unknown> {
  return Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);
}

async function check(req: number): Promise<void> {
  if (!lab) {
    post({ type: 'checked', req, results: [], error: 'This terminal has no lab to check.' });
    return;
  }
  // Let typed lines finish, but never wait forever (a ping without -c).
  await settle(typing.then(() => session?.idle()));
  const entries = session ? session.entries() : [];
  const copy = newSession(lab, seed, structuredClone(entries), false);
  try {
    await copy.start();
    await settle(copy.idle());
    const results = await runChecks(lab, copy.world, seed);
    post({ type: 'checked', req, results });
  } finally {
    copy.dispose();
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'init':
      gen++;
      typing = Promise.resolve();
      lab = msg.lab;
      seed = msg.seed;
      cols = msg.cols;
      rows = msg.rows;
      chain = chain.then(() => boot(msg.entries)).catch((e) => fault('start', e));
      break;
    case 'input':
      feed(msg.data);
      break;
    case 'resize':
      cols = msg.cols;
      rows = msg.rows;
      try {
        session?.resize(cols, rows);
      } catch (e) {
        fault('resize', e);
      }
      break;
    case 'type':
      typing = typing.then(() => typeLines(msg.lines, gen)).catch((e) => fault('type', e));
      break;
    case 'check':
      check(msg.req).catch((e) => {
        fault('check', e);
        post({ type: 'checked', req: msg.req, results: [], error: 'The checks could not run (internal error); your terminal is unaffected.' });
      });
      break;
    case 'reset':
      seed = msg.seed;
      pending = [];
      gen++;
      typing = Promise.resolve();
      chain = chain.then(() => boot([])).then(noteEntries).catch((e) => fault('reset', e));
      break;
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  try {
    handle(ev.data);
  } catch (e) {
    fault('message', e);
  }
};
scope.addEventListener('error', (ev) => {
  ev.preventDefault();
  fault('worker', ev.error ?? ev.message);
});
scope.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  fault('worker', ev.reason);
});
