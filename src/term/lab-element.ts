// <pl-lab>: the lab panel around a lab's <pl-terminal>. Check runs the lab's
// checks (on a replayed copy of the session) and lists each result; hints
// open one at a time; Reset starts the lab world again. The last results
// are stored with the terminal's entries so progress survives a reload.
// Tasks also tick off live: after every command the terminal's worker re-runs
// the same checks on a copy and the results arrive as `pl-live`.


import type { PlTerminal } from './terminal-element.ts';
import type { TermCheckResult } from './protocol.ts';

class PlLab extends HTMLElement {
  private armedReset: ReturnType<typeof setTimeout> | null = null;
  /** The task list as built (shown again after Reset). */
  private initialTasks: Node[] = [];

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
    this.addEventListener('pl-live', (ev) => {
      const { results } = (ev as CustomEvent<{ results: TermCheckResult[] }>).detail;
      this.showResults(results, undefined, false, true);
      void this.term?.saveProgress({ passed: results.filter((r) => r.passed).map((r) => r.id), results });
    });
    this.initialTasks = [...(this.el('results')?.childNodes ?? [])].map((n) => n.cloneNode(true));
    void customElements.whenDefined('pl-terminal').then(async () => {
      const stored = await this.term?.stored();
      if (stored?.results?.length && !this.hasAttribute('data-live')) this.showResults(stored.results, undefined, true);
    });
  }

  private async check(btn: HTMLButtonElement): Promise<void> {
    const term = this.term;
    if (!term) return;
    btn.disabled = true;
    this.setStatus('Checking…', 'busy');
    try {
      const { results, error } = await term.check();
      this.showResults(results, error, false);
      void term.saveProgress({ passed: results.filter((r) => r.passed).map((r) => r.id), results });
    } catch (e) {
      this.setStatus(`The checks could not run: ${e instanceof Error ? e.message : String(e)}`, 'fail');
    } finally {
      btn.disabled = false;
    }
  }

  private setStatus(text: string, kind: 'busy' | 'pass' | 'fail' | 'info'): void {
    const st = this.el('status');
    if (!st) return;
    st.textContent = text;
    st.dataset.kind = kind;
  }

  private showResults(results: TermCheckResult[], error: string | undefined, restored: boolean, live = false): void {
    const list = this.el('results');
    if (!list) return;
    if (live) this.setAttribute('data-live', '');
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
      title.textContent = `${r.passed ? 'Passed' : 'Not yet'}: ${r.title}`;
      const msg = document.createElement('span');
      msg.className = 'msg';
      msg.textContent = r.message;
      li.append(mark, title, msg);
      list.append(li);
    }
    const passed = results.filter((r) => r.passed).length;
    const all = results.length > 0 && passed === results.length;
    this.toggleAttribute('data-solved', all);
    if (error) this.setStatus(error, 'fail');
    else if (all) this.setStatus(`${restored ? 'Last check: ' : live ? 'Live: ' : ''}All ${results.length} checks pass. Lab solved!`, 'pass');
    else if (live) this.setStatus(`Live: ${passed} of ${results.length} checks pass (updated after each command; Check explains the rest).`, 'info');
    else this.setStatus(`${restored ? 'Last check: ' : ''}${passed} of ${results.length} checks pass.`, restored ? 'info' : 'fail');
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
      btn.textContent = 'No more hints';
    } else btn.textContent = `Show hint ${shown + 1} of ${total}`;
  }

  private reset(btn: HTMLButtonElement): void {
    if (!this.armedReset) {
      btn.textContent = 'Confirm reset';
      btn.dataset.armed = '';
      this.setStatus('Press “Confirm reset” to throw away this lab’s terminal and start again.', 'info');
      this.armedReset = setTimeout(() => this.disarm(btn), 5000);
      return;
    }
    this.disarm(btn);
    this.el('results')?.replaceChildren(...this.initialTasks.map((n) => n.cloneNode(true)));
    this.removeAttribute('data-solved');
    this.removeAttribute('data-live');
    void this.term?.reset();
    this.setStatus('The lab was reset to its starting state.', 'info');
  }

  private disarm(btn: HTMLButtonElement): void {
    if (this.armedReset) clearTimeout(this.armedReset);
    this.armedReset = null;
    btn.textContent = 'Reset lab';
    delete btn.dataset.armed;
  }
}

if (!customElements.get('pl-lab')) customElements.define('pl-lab', PlLab);
