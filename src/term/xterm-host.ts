// The heavy half of <pl-terminal>, loaded on demand: xterm.js with the fit
// addon (DOM renderer + screen-reader mode, so the screen text is in the DOM)
// wired to a simulation worker.

import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { FromWorker, LabTexts, PathSnapshot, TermCheckResult, TermEntry, ToWorker, TopoSnapshot } from './protocol.ts';
import type { Msg } from '../i18n/checks.ts';

/** What the custom element needs from a mounted terminal. */
export interface TermHost {
  typeLines(lines: string[]): void;
  check(): Promise<{ results: TermCheckResult[]; error?: Msg }>;
  reset(seed: number): void;
  /** Clear the screen and boot the worker's session again from `init` (a stored session found after a fresh start). */
  restart(init: ToWorker & { type: 'init' }): void;
  /** Undo the last command (the worker replays the rest on a fresh world). */
  undo(): void;
  focus(): void;
  dispose(): void;
  /** Read a file of the terminal's host (editor pane). */
  readFile(path: string): Promise<{ data?: string; error?: string }>;
  /** Write it (typed as a command line, so it is part of the session). */
  writeFile(path: string, data: string): Promise<{ data?: string; error?: string }>;
  /** The lab's texts for a seed and language, from the worker (which has the lab loaded). */
  labTexts(seed: number, lang: 'en' | 'ko'): Promise<{ info?: LabTexts; error?: string }>;
}

/** Options of `mountTerminal`. */
export interface MountOptions {
  /** The simulation worker, already sent its `init` (it boots while xterm loads). */
  worker: Worker;
  /** Messages the worker sent before xterm was ready, in order. */
  early: FromWorker[];
  label: string;
  /** Id of the element describing the terminal (how to leave it). */
  describedBy?: string;
  onEntries(entries: TermEntry[]): void;
  onReady(): void;
  /** Live check results after a command (lab terminals). */
  onLive?(results: TermCheckResult[], entries: number): void;
  onTopology?(t: TopoSnapshot): void;
  onPath?(p: PathSnapshot | null): void;
}

const theme = {
  background: '#0f1720',
  foreground: '#e6edf3',
  cursor: '#7ee787',
  cursorAccent: '#0f1720',
  selectionBackground: '#264f78',
  black: '#0f1720',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#e6edf3',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

/** Mount xterm into `el` and connect it to its worker. */
export function mountTerminal(el: HTMLElement, opts: MountOptions): TermHost {
  const term = new Terminal({
    screenReaderMode: true,
    convertEol: false,
    cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    lineHeight: 1.15,
    scrollback: 2000,
    theme,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(el);
  term.textarea?.setAttribute('aria-label', opts.label);
  if (opts.describedBy) term.textarea?.setAttribute('aria-describedby', opts.describedBy);
  // Presenter mode: the terminal's text grows with the page's.
  const presenterSize = () => {
    const size = document.documentElement.hasAttribute('data-presenter') ? 22 : 14;
    if (term.options.fontSize !== size) {
      term.options.fontSize = size;
      try {
        fit.fit();
      } catch {
        /* hidden */
      }
    }
  };
  const mo = new MutationObserver(presenterSize);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-presenter'] });
  try {
    fit.fit();
  } catch {
    /* not laid out yet */
  }
  presenterSize();

  // Keyboard users leave the terminal with Esc then Tab (Tab alone completes).
  let escaped = false;
  term.attachCustomKeyEventHandler((ev) => {
    if (ev.type !== 'keydown') return true;
    if (ev.key === 'Tab' && escaped) {
      escaped = false;
      return false;
    }
    escaped = ev.key === 'Escape';
    return true;
  });

  const worker = opts.worker;
  const send = (m: ToWorker) => worker.postMessage(m);
  const waiting = new Map<number, (r: { results: TermCheckResult[]; error?: Msg }) => void>();
  let nextReq = 1;
  const files = new Map<number, (r: { data?: string; error?: string }) => void>();
  const fileReq = (m: ToWorker & { req: number }): Promise<{ data?: string; error?: string }> =>
    new Promise((resolve) => {
      files.set(m.req, resolve);
      send(m);
    });

  const texts = new Map<number, (r: { info?: LabTexts; error?: string }) => void>();

  const onMessage = (m: FromWorker) => {
    switch (m.type) {
      case 'output':
        term.write(m.data);
        break;
      case 'ready':
        opts.onReady();
        // The prompt is on screen: now the worker may fetch the everyday commands.
        send({ type: 'prefetch' });
        break;
      case 'entries':
        opts.onEntries(m.entries);
        break;
      case 'checked': {
        const cb = waiting.get(m.req);
        waiting.delete(m.req);
        cb?.({ results: m.results, error: m.error });
        break;
      }
      case 'live':
        opts.onLive?.(m.results, m.entries);
        break;
      case 'topology':
        opts.onTopology?.(m.topology);
        break;
      case 'path':
        opts.onPath?.(m.path);
        break;
      case 'file': {
        const cb = files.get(m.req);
        files.delete(m.req);
        cb?.({ data: m.data, error: m.error });
        break;
      }
      case 'labTexts': {
        const cb = texts.get(m.req);
        texts.delete(m.req);
        cb?.({ info: m.info, error: m.error });
        break;
      }
      case 'fault':
        break;
    }
  };
  worker.onmessage = (ev: MessageEvent<FromWorker>) => onMessage(ev.data);
  for (const m of opts.early.splice(0)) onMessage(m);
  worker.onerror = (ev) => {
    ev.preventDefault();
    term.write('\r\n\x1b[31mpacketlab: the simulator failed to load; reload the page to try again.\x1b[0m\r\n');
  };

  term.onData((data) => send({ type: 'input', data }));
  term.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
  const ro = new ResizeObserver(() => {
    try {
      fit.fit();
    } catch {
      /* hidden */
    }
  });
  ro.observe(el);

  send({ type: 'resize', cols: term.cols, rows: term.rows });

  return {
    typeLines(lines) {
      send({ type: 'type', lines });
    },
    check() {
      const req = nextReq++;
      return new Promise((resolve) => {
        waiting.set(req, resolve);
        send({ type: 'check', req });
      });
    },
    reset(seed) {
      term.reset();
      send({ type: 'reset', seed });
    },
    restart(init) {
      term.reset();
      send(init);
    },
    undo() {
      term.reset();
      send({ type: 'undo' });
    },
    focus() {
      // Never scroll the page to the terminal just to focus it (a Run tap on a phone).
      if (term.textarea) term.textarea.focus({ preventScroll: true });
      else term.focus();
    },
    readFile(path) {
      return fileReq({ type: 'readFile', req: nextReq++, path });
    },
    writeFile(path, data) {
      return fileReq({ type: 'writeFile', req: nextReq++, path, data });
    },
    labTexts(seed, lang) {
      const req = nextReq++;
      return new Promise((resolve) => {
        texts.set(req, resolve);
        send({ type: 'labTexts', req, seed, lang });
      });
    },
    dispose() {
      ro.disconnect();
      mo.disconnect();
      worker.terminate();
      term.dispose();
    },
  };
}
