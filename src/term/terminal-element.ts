// <pl-terminal>: the light, eagerly loaded half of the terminal. It renders a
// static placeholder, then loads xterm.js and the simulation worker when the
// terminal comes near the viewport or is used (click, focus, a snippet).
//
// Attributes: `lab` (lab id; bare host when absent), `store` (persistence
// key), `label` (accessible name). Events: `pl-ready`, `pl-entries`,
// `pl-live` (lab checks re-run after a command), `pl-topology`, `pl-path`.
// The topology and packet-path views (views.ts) load with the terminal.

import type { FromWorker, LabTexts, PathSnapshot, TermCheckResult, TermEntry, ToWorker, TopoSnapshot } from './protocol.ts';
import type { TermHost } from './xterm-host.ts';
import { clearTerm, loadTerm, saveTerm, storedIndex, type TermRecord } from './store.ts';
import { learnerSeed } from './learner.ts';
import { t, type PageKey } from '../i18n/ui-page.ts';
import type { Msg } from '../i18n/checks.ts';

/** The page's interface text (its <html lang>). */
const tr = (key: PageKey): string => t(document.documentElement.lang === 'ko' ? 'ko' : 'en', key);

/** Seed of every world built for the site (deterministic replays). */
export const SEED = 1;

let hostModule: Promise<typeof import('./xterm-host.ts')> | null = null;
function loadHostModule() {
  return (hostModule ??= import('./xterm-host.ts'));
}
let viewsModule: Promise<unknown> | null = null;
function loadViews() {
  return (viewsModule ??= import('./views.ts'));
}

let helpIds = 0;

/** Terminal input for a key pressed before xterm.js has loaded (typed ahead), or undefined to let the browser have it. */
export function keyData(ev: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | undefined {
  if (ev.metaKey) return undefined;
  if (ev.ctrlKey) {
    if (ev.altKey || ev.key.length !== 1) return undefined;
    const c = ev.key.toLowerCase().charCodeAt(0);
    return c >= 97 && c <= 122 ? String.fromCharCode(c - 96) : undefined;
  }
  const named: Record<string, string> = {
    Enter: '\r',
    Backspace: '\x7f',
    Tab: '\t',
    ArrowUp: '\x1b[A',
    ArrowDown: '\x1b[B',
    ArrowRight: '\x1b[C',
    ArrowLeft: '\x1b[D',
    Home: '\x1b[H',
    End: '\x1b[F',
    Delete: '\x1b[3~',
  };
  if (Object.hasOwn(named, ev.key)) return named[ev.key];
  if (ev.key.length === 1 && !ev.altKey) return ev.key;
  return undefined;
}

/** A terminal on a simulated Linux host. */
/** Where the <head> script of scripts/early-worker.mjs leaves the worker it started (its EARLY_WORKER_PROP). */
export const EARLY_WORKER_PROP = '__plEarlyWorker';
type EarlyWorker = Worker & { plFailed?: number };

/** The worker the page's <head> started for its main terminal, handed out once. */
function takeEarlyWorker(): EarlyWorker | undefined {
  const w = window as unknown as Record<string, EarlyWorker | undefined>;
  const worker = w[EARLY_WORKER_PROP];
  w[EARLY_WORKER_PROP] = undefined;
  return worker;
}

export class PlTerminal extends HTMLElement {
  private host: Promise<TermHost> | null = null;
  /** The simulation worker (from the first load on): keys typed before xterm.js is up go straight to it. */
  private worker: Worker | null = null;
  private mounted = false;
  /** Run once the session is (re)booted and shows its prompt (after Undo). */
  private afterReady: (() => void)[] = [];
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private io: IntersectionObserver | null = null;
  private readyResolve!: () => void;
  /** Resolves once the session is booted and the prompt is shown. */
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  /** The latest topology and packet path from the worker (for views that attach late). */
  topology: TopoSnapshot | null = null;
  path: PathSnapshot | null = null;
  private armedReset: ReturnType<typeof setTimeout> | null = null;
  private startedResolve!: () => void;
  /** Resolves when the terminal starts loading (near the viewport, used, or asked to). */
  readonly started = new Promise<void>((r) => (this.startedResolve = r));
  /** The stored record as found when the page loaded (read once; problems reported once). */
  private loaded: Promise<{ rec: TermRecord; problem?: string }> | null = null;
  /** Whether the stored record is known not to hold a session other than this one's (entries may be written). */
  private storedEntries = false;
  /** The newest entries of a terminal started before its record was read, written once the record shows nothing to replay. */
  private heldEntries: TermEntry[] | null = null;
  private loadStored() {
    return (this.loaded ??= loadTerm(this.storeKey, this.seed));
  }

  get lab(): string | undefined {
    return this.getAttribute('lab') || undefined;
  }
  /** The world's seed: the learner's own for lab terminals marked `data-learner-seed` (parametric labs pick their values from it), else SEED. */
  get seed(): number {
    return this.hasAttribute('data-learner-seed') ? learnerSeed() : SEED;
  }
  get storeKey(): string {
    return this.getAttribute('store') || (this.lab ? `lab:${this.lab}` : `play:${location.pathname}`);
  }

  connectedCallback(): void {
    const screen = this.screen();
    const wake = () => void this.load();
    // The way out of the terminal (Esc, then Tab) is part of its description.
    const help = this.querySelector<HTMLElement>('[data-part="term-help"]');
    if (help) {
      help.id ||= `pl-term-help-${++helpIds}`;
      screen.setAttribute('aria-describedby', help.id);
    }
    // Until xterm.js is up, the placeholder takes the focus and the keys:
    // they go to the worker, which holds them until the shell reads them.
    let escaped = false;
    screen.addEventListener('keydown', (ev) => {
      if (this.mounted || ev.target !== screen) return;
      if (ev.key === 'Tab' && escaped) {
        escaped = false;
        return;
      }
      escaped = ev.key === 'Escape';
      const data = keyData(ev);
      if (data === undefined) return;
      ev.preventDefault();
      void this.load();
      this.worker?.postMessage({ type: 'input', data } satisfies ToWorker);
    });
    screen.addEventListener('pointerdown', wake, { once: true });
    screen.addEventListener('focusin', wake, { once: true });
    this.io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) wake();
      },
      { rootMargin: '300px 0px' },
    );
    this.io.observe(this);
    this.addEventListener('click', (ev) => {
      const btn = (ev.target as Element).closest<HTMLButtonElement>('button[data-term-act]');
      if (!btn || btn.closest('pl-terminal') !== this) return;
      if (btn.dataset.termAct === 'undo') void this.undo();
      else if (btn.dataset.termAct === 'reset') this.armReset(btn);
      else if (btn.dataset.termAct === 'full') this.toggleFull(btn);
    });
    // The page's main terminal is at the top: start it at once.
    if (this.hasAttribute('data-main')) wake();
  }

  disconnectedCallback(): void {
    this.io?.disconnect();
    void this.host?.then((h) => h.dispose());
    this.host = null;
  }

  private screen(): HTMLElement {
    return this.querySelector<HTMLElement>('.term-screen') ?? this;
  }

  /** Load xterm and the worker (once). */
  load(): Promise<TermHost> {
    if (this.host) return this.host;
    this.io?.disconnect();
    this.startedResolve();
    performance.mark('pl:load');
    this.setAttribute('data-state', 'loading');
    // Start the worker at once so the session boots while xterm.js loads.
    // The page's main terminal adopts the worker its <head> started (scripts/early-worker.mjs).
    const adopted = this.hasAttribute('data-main') ? takeEarlyWorker() : undefined;
    const worker = adopted ?? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'packetlab-sim' });
    this.worker = worker;
    const early: FromWorker[] = [];
    const failed: FromWorker = { type: 'output', data: '\r\n\x1b[31mpacketlab: the simulator failed to load; reload the page to try again.\x1b[0m\r\n' };
    worker.onmessage = (ev: MessageEvent<FromWorker>) => early.push(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      early.push(failed);
    };
    if ((adopted as EarlyWorker | undefined)?.plFailed) early.push(failed);
    const screen = this.screen();
    // A first guess of the size (14px monospace is about 8.4px wide); xterm fits it exactly later.
    const cols = Math.max(20, Math.floor((screen.clientWidth - 20) / 8.4));
    const rows = Number(getComputedStyle(screen).getPropertyValue('--rows')) || 16;
    const initWith = (entries: TermEntry[]): ToWorker & { type: 'init' } => ({ type: 'init', lab: this.lab, seed: this.seed, entries, cols, rows, checks: !this.hasAttribute('data-no-checks') });
    // A terminal the store's index says has no entries starts at once, before
    // IndexedDB answers (src/term/store.ts storedIndex); its entries are kept
    // back from the store until the record confirms there was nothing to replay.
    const fresh = storedIndex()?.has(this.storeKey) === false;
    if (fresh) worker.postMessage(initWith([]));
    else this.storedEntries = true;
    void this.loadStored().then(({ rec, problem }) => {
      performance.mark('pl:stored');
      if (problem) this.notice(problem);
      if (!fresh) {
        worker.postMessage(initWith(rec.entries));
        return;
      }
      if (rec.entries.length === 0) {
        this.storedEntries = true;
        if (this.heldEntries) void saveTerm(this.storeKey, { entries: this.heldEntries, seed: this.seed });
        this.heldEntries = null;
        return;
      }
      // The index was stale (another tab, a failed write): replay the stored session after all.
      this.heldEntries = null;
      void this.ready.then(async () => {
        this.storedEntries = true;
        (await this.load()).restart(initWith(rec.entries));
      });
    });
    this.host = loadHostModule().then(({ mountTerminal }) => {
      performance.mark('pl:xterm');
      const hadFocus = screen.contains(document.activeElement);
      screen.replaceChildren();
      const mountedHost = mountTerminal(screen, {
        worker,
        early,
        label: this.getAttribute('label') || 'Terminal',
        describedBy: screen.getAttribute('aria-describedby') ?? undefined,
        onEntries: (entries: TermEntry[]) => {
          if (this.storedEntries) void saveTerm(this.storeKey, { entries, seed: this.seed });
          else this.heldEntries = entries;
          this.dispatchEvent(new CustomEvent('pl-entries', { detail: entries, bubbles: true }));
        },
        onLive: (results: TermCheckResult[], entries: number) => {
          this.dispatchEvent(new CustomEvent('pl-live', { detail: { results, entries }, bubbles: true }));
        },
        onTopology: (t: TopoSnapshot) => {
          this.topology = t;
          void loadViews();
          this.dispatchEvent(new CustomEvent('pl-topology', { detail: t }));
        },
        onPath: (p: PathSnapshot | null) => {
          this.path = p;
          void loadViews();
          this.dispatchEvent(new CustomEvent('pl-path', { detail: p }));
        },
        onReady: () => {
          this.setAttribute('data-state', 'ready');
          this.readyResolve();
          for (const f of this.afterReady.splice(0)) f();
          this.dispatchEvent(new CustomEvent('pl-ready', { bubbles: true }));
        },
      });
      // xterm's own text area takes the keys (and the Tab stop) from here on.
      this.mounted = true;
      screen.removeAttribute('tabindex');
      if (hadFocus) mountedHost.focus();
      return mountedHost;
    });
    this.host.catch(() => {
      worker.terminate();
      this.setAttribute('data-state', 'error');
      this.screen().textContent = tr('term.failed');
    });
    return this.host;
  }

  /** Type command lines into the terminal, one after another. */
  async typeLines(lines: string[]): Promise<void> {
    const h = await this.load();
    h.typeLines(lines);
    h.focus();
  }

  /** Run the lab's checks on a replayed copy of this terminal's session. */
  async check(): Promise<{ results: TermCheckResult[]; error?: Msg }> {
    const h = await this.load();
    await this.ready;
    return h.check();
  }

  /** Start again from the lab's initial world, forgetting the stored state. */
  async reset(): Promise<void> {
    await clearTerm(this.storeKey);
    const h = await this.load();
    h.reset(this.seed);
    this.dispatchEvent(new CustomEvent('pl-reset', { bubbles: true }));
  }

  /** Undo the last command: the rest of the session is replayed on a fresh world. */
  async undo(): Promise<void> {
    const h = await this.load();
    await this.ready;
    this.afterReady.push(() => this.status(tr('term.undone'), 5000));
    h.undo();
    this.status(tr('term.undoing'));
  }

  /** Full screen on and off (long output gets the window's width). */
  private toggleFull(btn: HTMLButtonElement): void {
    const on = !this.hasAttribute('data-full');
    this.toggleAttribute('data-full', on);
    btn.setAttribute('aria-pressed', String(on));
    btn.textContent = tr(on ? 'term.fullExit' : 'term.full');
    if (on) this.focusTerminal();
    else btn.focus();
  }

  /** Read a file of this terminal's host (the editor pane). */
  async readFile(path: string): Promise<{ data?: string; error?: string }> {
    const h = await this.load();
    await this.ready;
    return h.readFile(path);
  }

  /** Write a file of this terminal's host: typed as a `printf … > PATH` command line. */
  async writeFile(path: string, data: string): Promise<{ data?: string; error?: string }> {
    const h = await this.load();
    await this.ready;
    return h.writeFile(path, data);
  }

  /**
   * The lab's texts for the learner's seed in `lang`, computed by the worker
   * (which loads the lab anyway), once the terminal has started of its own
   * accord: the page never loads a lab's code just to fill in text.
   */
  async labTexts(lang: 'en' | 'ko'): Promise<LabTexts | undefined> {
    await this.started;
    const h = await this.load();
    const r = await h.labTexts(this.seed, lang);
    return r.info;
  }

  /** This terminal's stored record (entries and lab progress). */
  async stored(): Promise<TermRecord> {
    return (await this.loadStored()).rec;
  }

  /** Store lab progress with this terminal's entries. */
  saveProgress(patch: Pick<TermRecord, 'passed' | 'results'>): Promise<void> {
    return saveTerm(this.storeKey, patch);
  }

  /** The toolbar's Reset asks for a second press within 5 s. */
  private armReset(btn: HTMLButtonElement): void {
    if (!this.armedReset) {
      btn.textContent = tr('lab.confirmReset');
      btn.dataset.armed = '';
      this.status(tr('term.resetArmed'));
      this.armedReset = setTimeout(() => this.disarmReset(btn), 5000);
      return;
    }
    this.disarmReset(btn);
    void this.reset();
    this.status(tr('term.resetDone'), 5000);
  }

  private disarmReset(btn: HTMLButtonElement): void {
    if (this.armedReset) clearTimeout(this.armedReset);
    this.armedReset = null;
    btn.textContent = tr('term.reset');
    delete btn.dataset.armed;
  }

  /** A short polite message under the terminal (toolbar actions); cleared after `clearMs` when given. */
  private status(text: string, clearMs?: number): void {
    const st = this.querySelector<HTMLElement>('[data-part="term-status"]');
    if (!st) return;
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    st.textContent = text;
    if (clearMs) {
      this.statusTimer = setTimeout(() => {
        this.statusTimer = null;
        if (st.textContent === text) st.textContent = '';
      }, clearMs);
    }
  }

  /** A visible notice above the terminal (storage that could not be read). */
  private notice(text: string): void {
    let n = this.querySelector<HTMLElement>('.term-notice');
    if (!n) {
      n = document.createElement('p');
      n.className = 'term-notice';
      n.setAttribute('role', 'alert');
      this.prepend(n);
    }
    n.textContent = text;
  }

  focusTerminal(): void {
    void this.load().then((h) => h.focus());
  }
}

if (!customElements.get('pl-terminal')) customElements.define('pl-terminal', PlTerminal);

// Warm the module cache once the page is idle so later terminals open at once.
const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
idle(() => void loadHostModule());
