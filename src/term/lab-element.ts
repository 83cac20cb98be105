// <pl-lab>: the lab panel around a lab's <pl-terminal>. Check runs the lab's
// checks (on a replayed copy of the session) and lists each result; hints
// open one at a time; Reset starts the lab world again. The last results
// are stored with the terminal's entries so progress survives a reload.
// Tasks also tick off live: after every command the terminal's worker re-runs
// the same checks on a copy and the results arrive as `pl-live`.
//
// The check texts (every message in both languages, src/i18n/checks.ts) load
// when a result is first shown, not with the page.

import type { PlTerminal } from './terminal-element.ts';
import type { TermCheckResult } from './protocol.ts';
import type { Lang } from '../i18n/ui.ts';
import { t, type PageKey } from '../i18n/ui-page.ts';
import type { Msg } from '../i18n/checks.ts';

type CheckTexts = typeof import('../i18n/checks.ts');
let checkTexts: Promise<CheckTexts> | null = null;
/** The check texts (loaded once, when a result is first shown). */
function loadCheckTexts(): Promise<CheckTexts> {
  return (checkTexts ??= import('../i18n/checks.ts'));
}

class PlLab extends HTMLElement {
  private armedReset: ReturnType<typeof setTimeout> | null = null;
  /** The task list as built (shown again after Reset). */
  private initialTasks: Node[] = [];
  /** Check titles as the page shows them (its language; a parametric lab's own values once personalised). */
  private titles = new Map<string, string>();
  /** The results on show, to render again when the titles change. */
  private shown: { results: TermCheckResult[]; error: Msg | undefined; restored: boolean; live: boolean } | null = null;
  /** Entries in the terminal now, and when Check last ran (a live result for that state never replaces Check's verdict). */
  private entries = 0;
  private checkedAt: number | null = null;
  private checking = false;

  static get observedAttributes(): string[] {
    return ['data-task-titles'];
  }

  attributeChangedCallback(): void {
    this.readTitles();
    if (this.shown) this.showResults(this.shown.results, this.shown.error, this.shown.restored, this.shown.live);
  }

  private get uiLang(): Lang {
    return this.dataset.lang === 'ko' ? 'ko' : 'en';
  }
  private tr(key: PageKey, vars?: Record<string, string | number>): string {
    return t(this.uiLang, key, vars);
  }
  /** Titles from the task list as built, then from `data-task-titles` (set when a parametric lab is personalised). */
  private readTitles(): void {
    for (const li of this.querySelectorAll<HTMLElement>('[data-part="results"] li.todo[data-check]')) {
      const s = li.querySelector('strong')?.textContent;
      if (s && li.dataset.check) this.titles.set(li.dataset.check, s);
    }
    try {
      for (const [id, title] of Object.entries(JSON.parse(this.dataset.taskTitles ?? '{}') as Record<string, string>)) this.titles.set(id, title);
    } catch {
      /* not JSON: keep the titles we have */
    }
  }

  private get term(): PlTerminal | null {
    return this.querySelector('pl-terminal');
  }
  private el<T extends HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-part="${name}"]`);
  }

  connectedCallback(): void {
    this.addEventListener('click', (ev) => {
      const btn = (ev.target as Element).closest<HTMLButtonElement>('button[data-act]');
      if (!btn || !this.contains(btn)) return;
      const act = btn.dataset.act;
      if (act === 'check') void this.check(btn);
      else if (act === 'hint') this.nextHint(btn);
      else if (act === 'reset') this.reset(btn);
      else if (act === 'undo') void this.term?.undo();
    });
    this.addEventListener('pl-entries', (ev) => {
      this.entries = (ev as CustomEvent<unknown[]>).detail.length;
    });
    this.addEventListener('pl-live', (ev) => {
      const { results, entries } = (ev as CustomEvent<{ results: TermCheckResult[]; entries: number }>).detail;
      // Check's verdict stands until a new command changes the state it judged.
      if (this.checking || (this.checkedAt !== null && entries <= this.checkedAt)) return;
      this.checkedAt = null;
      this.showResults(results, undefined, false, true);
      void this.term?.saveProgress({ passed: results.filter((r) => r.passed).map((r) => r.id), results });
    });
    // Results come once the lab's terminal runs: have the check texts by then.
    this.addEventListener('pl-ready', () => void loadCheckTexts().catch(() => undefined), { once: true });
    this.initialTasks = [...(this.el('results')?.childNodes ?? [])].map((n) => n.cloneNode(true));
    this.readTitles();
    void customElements.whenDefined('pl-terminal').then(async () => {
      const stored = await this.term?.stored();
      if (stored?.entries) this.entries = Math.max(this.entries, stored.entries.length);
      if (stored?.results?.length && !this.hasAttribute('data-live')) this.showResults(stored.results, undefined, true);
    });
  }

  private async check(btn: HTMLButtonElement): Promise<void> {
    const term = this.term;
    if (!term) return;
    btn.disabled = true;
    this.checking = true;
    this.setStatus(this.tr('lab.checking'), 'busy');
    try {
      const { results, error } = await term.check();
      this.checkedAt = this.entries;
      this.showResults(results, error, false);
      void term.saveProgress({ passed: results.filter((r) => r.passed).map((r) => r.id), results });
    } catch (e) {
      this.setStatus(this.tr('lab.cannotRun', { err: e instanceof Error ? e.message : String(e) }), 'fail');
    } finally {
      this.checking = false;
      btn.disabled = false;
    }
  }

  private setStatus(text: string, kind: 'busy' | 'pass' | 'fail' | 'info'): void {
    const st = this.el('status');
    if (!st) return;
    st.textContent = text;
    st.dataset.kind = kind;
  }

  /** Results shown last (a newer call wins while the check texts load). */
  private showSeq = 0;

  /** Show results with their messages in the page's language (once the check texts are loaded). */
  private showResults(results: TermCheckResult[], error: Msg | undefined, restored: boolean, live = false): void {
    const seq = ++this.showSeq;
    if (live) this.setAttribute('data-live', '');
    this.shown = { results, error, restored, live };
    void loadCheckTexts().then(
      (texts) => {
        if (seq === this.showSeq) this.render(texts, results, error, restored, live);
      },
      (e: unknown) => {
        if (seq === this.showSeq) this.setStatus(this.tr('lab.cannotRun', { err: e instanceof Error ? e.message : String(e) }), 'fail');
      },
    );
  }

  private render({ checkMessage, renderMsg }: CheckTexts, results: TermCheckResult[], error: Msg | undefined, restored: boolean, live: boolean): void {
    const list = this.el('results');
    if (!list) return;
    const ko = this.uiLang !== 'en';
    list.replaceChildren();
    for (const r of results) {
      const li = document.createElement('li');
      li.className = r.passed ? 'pass' : 'fail';
      li.dataset.check = r.id;
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = r.passed ? '✓' : '✗';
      mark.setAttribute('aria-hidden', 'true');
      const title = document.createElement('strong');
      title.textContent = `${this.tr(r.passed ? 'lab.passed' : 'lab.notYet')}: ${(ko && this.titles.get(r.id)) || r.title}`;
      const msg = document.createElement('span');
      msg.className = 'msg';
      msg.textContent = checkMessage(this.uiLang, r);
      li.append(mark, title, msg);
      list.append(li);
    }
    const passed = results.filter((r) => r.passed).length;
    const all = results.length > 0 && passed === results.length;
    this.toggleAttribute('data-solved', all);
    const n = results.length;
    if (error) this.setStatus(renderMsg(this.uiLang, error), 'fail');
    else if (all) this.setStatus(`${restored ? this.tr('lab.lastCheck') : live ? this.tr('lab.live') : ''}${this.tr('lab.allPass', { n })}`, 'pass');
    else if (live) this.setStatus(this.tr('lab.livePass', { passed, n }), 'info');
    else this.setStatus(`${restored ? this.tr('lab.lastCheck') : ''}${this.tr('lab.somePass', { passed, n })}`, restored ? 'info' : 'fail');
  }

  private nextHint(btn: HTMLButtonElement): void {
    const hidden = [...this.querySelectorAll<HTMLElement>('[data-part="hints"] li[hidden]')];
    const next = hidden[0];
    if (!next) return;
    next.hidden = false;
    next.setAttribute('tabindex', '-1');
    next.focus();
    const total = this.querySelectorAll('[data-part="hints"] li').length;
    const shown = total - hidden.length + 1;
    if (shown >= total) {
      btn.disabled = true;
      btn.textContent = this.tr('lab.noMoreHints');
    } else btn.textContent = this.tr('lab.hintN', { i: shown + 1, n: total });
  }

  private reset(btn: HTMLButtonElement): void {
    if (!this.armedReset) {
      btn.textContent = this.tr('lab.confirmReset');
      btn.dataset.armed = '';
      this.setStatus(this.tr('lab.resetArmed'), 'info');
      this.armedReset = setTimeout(() => this.disarm(btn), 5000);
      return;
    }
    this.disarm(btn);
    this.el('results')?.replaceChildren(...this.initialTasks.map((n) => n.cloneNode(true)));
    this.removeAttribute('data-solved');
    this.removeAttribute('data-live');
    this.shown = null;
    this.showSeq++;
    this.checkedAt = null;
    void this.term?.reset();
    this.setStatus(this.tr('lab.resetDone'), 'info');
  }

  private disarm(btn: HTMLButtonElement): void {
    if (this.armedReset) clearTimeout(this.armedReset);
    this.armedReset = null;
    btn.textContent = this.tr('lab.reset');
    delete btn.dataset.armed;
  }
}

if (!customElements.get('pl-lab')) customElements.define('pl-lab', PlLab);
