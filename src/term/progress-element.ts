// <pl-progress>: the learner's saved terminals (IndexedDB), exported to a
// JSON file and imported in another browser. Import replaces the terminals
// it contains and keeps the others.

import { exportProgress, importProgress } from './store.ts';

function describeKey(key: string): string {
  if (key.startsWith('lab:')) return `Lab ${key.slice(4)}`;
  if (key.startsWith('play:')) return `Practice terminal on ${key.slice(5)}`;
  return key;
}

class PlProgress extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('[data-act="export"]')?.addEventListener('click', () => void this.export());
    this.querySelector<HTMLFormElement>('form[data-part="import"]')?.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.import();
    });
    void this.list();
  }

  private status(text: string, kind: 'ok' | 'fail' | 'info'): void {
    const st = this.querySelector<HTMLElement>('[data-part="status"]');
    if (!st) return;
    st.textContent = text;
    st.dataset.kind = kind;
  }

  private async list(): Promise<void> {
    const ul = this.querySelector<HTMLElement>('[data-part="list"]');
    if (!ul) return;
    try {
      const p = await exportProgress();
      ul.replaceChildren();
      if (!p.terms.length) {
        const li = document.createElement('li');
        li.textContent = 'Nothing saved in this browser yet: type some commands in a lesson’s terminal.';
        ul.append(li);
        return;
      }
      for (const t of p.terms) {
        const li = document.createElement('li');
        li.dataset.key = t.key;
        const cmds = t.entries.filter((e) => 'line' in e).length;
        const passed = t.results?.length ? `, ${t.passed.length} of ${t.results.length} checks passed` : '';
        li.textContent = `${describeKey(t.key)}: ${cmds} command${cmds === 1 ? '' : 's'}${passed}`;
        ul.append(li);
      }
    } catch (e) {
      this.status(`Your saved progress could not be listed: ${e instanceof Error ? e.message : String(e)}`, 'fail');
    }
  }

  private async export(): Promise<void> {
    try {
      const p = await exportProgress();
      const blob = new Blob([JSON.stringify(p, null, 1) + '\n'], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `packetlab-progress-${p.exported.slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status(`Exported ${p.terms.length} terminal${p.terms.length === 1 ? '' : 's'} to ${a.download}.`, 'ok');
    } catch (e) {
      this.status(`The export failed: ${e instanceof Error ? e.message : String(e)}`, 'fail');
    }
  }

  private async import(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (!file) {
      this.status('Choose a progress file first.', 'fail');
      input?.focus();
      return;
    }
    try {
      const n = await importProgress(await file.text());
      this.status(`Imported ${n} terminal${n === 1 ? '' : 's'}. Open a lesson to continue where you left off.`, 'ok');
      await this.list();
    } catch (e) {
      this.status(e instanceof Error ? e.message : String(e), 'fail');
    }
  }
}

if (!customElements.get('pl-progress')) customElements.define('pl-progress', PlProgress);
