// <pl-terminal>: the light, eagerly loaded half of the terminal. It renders a
// static placeholder, then loads xterm.js and the simulation worker when the
// terminal comes near the viewport or is used (click, focus, a snippet).
//
// Attributes: `lab` (lab id; bare host when absent), `store` (persistence
// key), `label` (accessible name). Events: `pl-ready`, `pl-entries`.

import type { FromWorker, StoredTerm, TermCheckResult, TermEntry, ToWorker } from './protocol.ts';
import type { TermHost } from './xterm-host.ts';
import { clearTerm, loadTerm, saveTerm } from './store.ts';

/** Seed of every world built for the site (deterministic replays). */
export const SEED = 1;

let hostModule: Promise<typeof import('./xterm-host.ts')> | null = null;
function loadHostModule() {
  return (hostModule ??= import('./xterm-host.ts'));
}

/** A terminal on a simulated Linux host. */
export class PlTerminal extends HTMLElement {
  private host: Promise<TermHost> | null = null;
  private io: IntersectionObserver | null = null;
  private readyResolve!: () => void;
  /** Resolves once the session is booted and the prompt is shown. */
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));

  get lab(): string | undefined {
    return this.getAttribute('lab') || undefined;
  }
  get storeKey(): string {
    return this.getAttribute('store') || (this.lab ? `lab:${this.lab}` : `play:${location.pathname}`);
  }

  connectedCallback(): void {
    const screen = this.screen();
    const wake = () => void this.load();
    screen.addEventListener('pointerdown', wake, { once: true });
    screen.addEventListener('focusin', wake, { once: true });
    this.io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) wake();
      },
      { rootMargin: '300px 0px' },
    );
    this.io.observe(this);
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
    this.setAttribute('data-state', 'loading');
    // Start the worker at once so the session boots while xterm.js loads.
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'packetlab-sim' });
    const early: FromWorker[] = [];
    worker.onmessage = (ev: MessageEvent<FromWorker>) => early.push(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      early.push({ type: 'output', data: '\r\n\x1b[31mpacketlab: the simulator failed to load; reload the page to try again.\x1b[0m\r\n' });
    };
    const screen = this.screen();
    // A first guess of the size (14px monospace is about 8.4px wide); xterm fits it exactly later.
    const cols = Math.max(20, Math.floor((screen.clientWidth - 20) / 8.4));
    const rows = Number(getComputedStyle(screen).getPropertyValue('--rows')) || 16;
    const init: ToWorker = { type: 'init', lab: this.lab, seed: SEED, entries: loadTerm(this.storeKey).entries, cols, rows };
    worker.postMessage(init);
    this.host = loadHostModule().then(({ mountTerminal }) => {
      screen.replaceChildren();
      return mountTerminal(screen, {
        worker,
        early,
        label: this.getAttribute('label') || 'Terminal',
        onEntries: (entries: TermEntry[]) => {
          saveTerm(this.storeKey, { entries });
          this.dispatchEvent(new CustomEvent('pl-entries', { detail: entries, bubbles: true }));
        },
        onReady: () => {
          this.setAttribute('data-state', 'ready');
          this.readyResolve();
          this.dispatchEvent(new CustomEvent('pl-ready', { bubbles: true }));
        },
      });
    });
    this.host.catch(() => {
      worker.terminate();
      this.setAttribute('data-state', 'error');
      this.screen().textContent = 'The terminal could not be loaded. Reload the page to try again.';
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
  async check(): Promise<{ results: TermCheckResult[]; error?: string }> {
    const h = await this.load();
    await this.ready;
    return h.check();
  }

  /** Start again from the lab's initial world, forgetting the stored state. */
  async reset(): Promise<void> {
    clearTerm(this.storeKey);
    const h = await this.load();
    h.reset(SEED);
  }

  /** This terminal's stored record (entries and lab progress). */
  stored(): StoredTerm {
    return loadTerm(this.storeKey);
  }

  /** Store lab progress with this terminal's entries. */
  saveProgress(patch: Pick<StoredTerm, 'passed' | 'results'>): void {
    saveTerm(this.storeKey, patch);
  }

  focusTerminal(): void {
    void this.load().then((h) => h.focus());
  }
}

if (!customElements.get('pl-terminal')) customElements.define('pl-terminal', PlTerminal);

// Warm the module cache once the page is idle so later terminals open at once.
const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
idle(() => void loadHostModule());
