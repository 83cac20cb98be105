/// <reference lib="webworker" />
// The simulation behind one terminal: a Session over a lab (or bare) world.
// Keystrokes come in, terminal bytes go out; checks run on a replayed copy so
// they never disturb the learner's live world. Nothing here throws to the
// page: a fault prints one short line and the session carries on.
//
// After every command the lab's checks re-run on a copy (debounced, in the
// background: the copy replays between the live session's events) and the
// result goes out as `live` — the same computation Check does. The topology
// and the last traced packet path are polled from the live world and sent
// when they change. Undo replays every entry but the last command line.

import type { FromWorker, PathSnapshot, TermCheckResult, ToWorker, TermEntry } from './protocol.ts';
import { labTexts, newSession, prefetch, prepareLab, runChecks, terminalHost } from './backend.ts';
import { shellWriteLine } from './file-edit.ts';
import type { Session } from '../session/session.ts';
import { lastPathOf, topologyOf } from './snapshot.ts';
import { m } from '../labs/msg.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Milestones of the boot, read by `npm run bench -- prompt:` (bench/prompt.bench.ts).
performance.mark('pl:worker-eval');

let session: Session | null = null;
let lab: string | undefined;
/** Live checks after each command (off for a practice terminal on a lab's world). */
let liveChecks = true;
let seed = 1;
let cols = 80;
let rows = 24;
/** The page sent the terminal's real size (xterm fitted); it wins over init's first guess. */
let sized = false;
/** The session's log version last posted (keys join the last entry, so the count alone is not enough). */
let posted = -1;
/** Entries changed while an editor held the terminal: check once it lets go. */
let liveDeferred = false;
/** Keystrokes that arrive while a session boots. */
let pending: string[] = [];
/** init/reset run one at a time, in order. */
let chain: Promise<void> = Promise.resolve();
/** Snippet lines being typed; a reset starts a new generation and abandons them. */
let typing: Promise<void> = Promise.resolve();
let gen = 0;
/** Live checks: a pending debounce timer, a run in progress, and whether another run is wanted. */
let liveTimer: ReturnType<typeof setTimeout> | null = null;
let liveRunning = false;
let liveAgain = false;
/** Debounce before a live check (wall ms): a burst of typed lines checks once. */
const LIVE_DEBOUNCE_MS = 250;
/** How often the topology and packet path are compared with what was sent (wall ms). */
const VIEW_POLL_MS = 200;
let sentTopo = '';
let sentPath = '';

function post(msg: FromWorker): void {
  scope.postMessage(msg);
}

function fault(where: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`packetlab worker (${where}):`, err);
  post({ type: 'output', data: `\r\n\x1b[31mpacketlab: internal error in ${where}: ${message.split('\n')[0]}\x1b[0m\r\n` });
  post({ type: 'fault', message });
}

/** Post the entries when they changed (a line was entered, Ctrl-C, or keys an editor read). */
function noteEntries(): void {
  if (!session) return;
  let entries: TermEntry[];
  let raw: boolean;
  try {
    raw = session.rawMode;
    if (session.version === posted) {
      // Keys typed in an editor check once the editor has exited (not on every key).
      if (liveDeferred && !raw) {
        liveDeferred = false;
        scheduleLive();
      }
      return;
    }
    entries = session.entries();
  } catch (e) {
    return fault('entries', e);
  }
  posted = session.version;
  post({ type: 'entries', entries: structuredClone(entries) });
  if (raw) liveDeferred = true;
  else {
    liveDeferred = false;
    scheduleLive();
  }
}

/** Post the topology and the packet path when they differ from what the page has. */
function pollViews(): void {
  const s = session;
  if (!s) return;
  try {
    const topology = topologyOf(s.world);
    const key = JSON.stringify(topology);
    if (key !== sentTopo) {
      sentTopo = key;
      post({ type: 'topology', topology });
    }
    const path = lastPathOf(s.world) ?? null;
    const pkey = path ? `${path.at}|${path.command}|${path.steps.length}` : '';
    if (pkey !== sentPath) {
      sentPath = pkey;
      post({ type: 'path', path });
    }
  } catch (e) {
    fault('views', e);
  }
}
setInterval(pollViews, VIEW_POLL_MS);
// A line typed ahead while a command runs becomes an entry only when the
// shell reads it, long after the keystroke: look for new entries on the same
// beat, so such a line is stored (and checked) without waiting for a key.
setInterval(noteEntries, VIEW_POLL_MS);

/** Run the lab's checks on a fresh copy: same seed, these entries replayed. */
async function checkCopy(entries: TermEntry[]): Promise<{ results: TermCheckResult[]; path?: PathSnapshot }> {
  await prepareLab(lab);
  const copy = newSession(lab, seed, structuredClone(entries), false);
  try {
    await copy.start();
    await settle(copy.idle());
    const before = lastPathOf(copy.world);
    const results = await runChecks(lab!, copy.world, seed);
    const after = lastPathOf(copy.world, 'check');
    // Only a probe the checks sent counts (not a ping replayed from the history).
    const path = after && (!before || after.at !== before.at || after.command !== before.command) ? after : undefined;
    return { results, path };
  } finally {
    copy.dispose();
  }
}

/** Re-run the checks soon (after a command); coalesces bursts and never overlaps runs. */
function scheduleLive(): void {
  if (!lab || !liveChecks) return;
  if (liveTimer) clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    liveTimer = null;
    void runLive();
  }, LIVE_DEBOUNCE_MS);
}

async function runLive(): Promise<void> {
  if (liveRunning) {
    liveAgain = true;
    return;
  }
  liveRunning = true;
  try {
    const g = gen;
    // Check the state the command left: wait (briefly) for it to finish.
    await settle(session?.idle() ?? Promise.resolve(), 3000);
    if (g !== gen || !session || !lab) return;
    const entries = session.entries();
    const { results } = await checkCopy(entries);
    if (g === gen) post({ type: 'live', entries: entries.length, results });
  } catch (e) {
    console.error('packetlab worker (live check):', e);
  } finally {
    liveRunning = false;
    if (liveAgain) {
      liveAgain = false;
      scheduleLive();
    }
  }
}

/** Entries without the last command line (and the Ctrl-Cs that followed it). */
export function withoutLastCommand(entries: TermEntry[]): TermEntry[] {
  for (let i = entries.length - 1; i >= 0; i--) if ('line' in entries[i]!) return entries.slice(0, i);
  return [];
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
  performance.mark('pl:boot');
  try {
    await prepareLab(lab);
    s = newSession(lab, seed, entries, true, cols);
    performance.mark('pl:session');
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
  performance.mark('pl:started');
  session = s;
  posted = s.version;
  liveDeferred = false;
  s.resize(cols, rows);
  post({ type: 'ready' });
  pollViews();
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
    post({ type: 'checked', req, results: [], error: m('runner.noLab') });
    return;
  }
  // Let typed lines finish, but never wait forever (a ping without -c).
  await settle(typing.then(() => session?.idle()));
  const entries = session ? session.entries() : [];
  const { results, path } = await checkCopy(entries);
  post({ type: 'checked', req, results });
  if (path) post({ type: 'path', path });
}

/** Answer readFile/writeFile with the file as the terminal's host has it now. */
async function fileReply(req: number, path: string): Promise<void> {
  await chain;
  try {
    if (!session) throw new Error('the terminal is not running');
    post({ type: 'file', req, path, data: session.world.host(terminalHost(lab, seed)).vfs.readFile(path) });
  } catch (e) {
    post({ type: 'file', req, path, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Answer labTexts: the lab's goal, hints, solution and task titles for a seed and language. */
async function textsReply(req: number, seed: number, lang: 'en' | 'ko'): Promise<void> {
  try {
    if (!lab) throw new Error('this terminal has no lab');
    const info = await labTexts(lab, seed, lang);
    if (!info) throw new Error(`unknown lab ${lab}`);
    post({ type: 'labTexts', req, info: { goal: info.goal, hints: info.hints, solution: info.solution, tasks: info.tasks } });
  } catch (e) {
    post({ type: 'labTexts', req, error: e instanceof Error ? e.message : String(e) });
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'init':
      gen++;
      typing = Promise.resolve();
      lab = msg.lab;
      liveChecks = msg.checks !== false;
      seed = msg.seed;
      if (!sized) {
        cols = msg.cols;
        rows = msg.rows;
      }
      chain = chain.then(() => boot(msg.entries)).catch((e) => fault('start', e));
      break;
    case 'input':
      feed(msg.data);
      break;
    case 'resize':
      sized = true;
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
        post({ type: 'checked', req: msg.req, results: [], error: m('runner.internalError') });
      });
      break;
    case 'reset':
      seed = msg.seed;
      pending = [];
      gen++;
      typing = Promise.resolve();
      chain = chain.then(() => boot([])).then(noteEntries).catch((e) => fault('reset', e));
      break;
    case 'readFile':
      void fileReply(msg.req, msg.path);
      break;
    case 'writeFile': {
      const line = shellWriteLine(msg.path, msg.data);
      typing = typing.then(() => typeLines([line], gen)).catch((e) => fault('type', e));
      void typing.then(() => fileReply(msg.req, msg.path));
      break;
    }
    case 'labTexts':
      void textsReply(msg.req, msg.seed, msg.lang);
      break;
    case 'prefetch':
      prefetch();
      break;
    case 'undo': {
      pending = [];
      gen++;
      typing = Promise.resolve();
      chain = chain
        .then(async () => {
          const keep = withoutLastCommand(session ? session.entries() : []);
          await boot(keep);
          posted = -1;
          noteEntries();
        })
        .catch((e) => fault('undo', e));
      break;
    }
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
