// <pl-progress>: the learner's saved terminals (IndexedDB), exported to a
// JSON file and imported in another browser. Import replaces the terminals
// it contains and keeps the others. Messages in the page's language (<html lang>).

import { exportProgress, importProgress } from './store.ts';
import { t, type Lang, type UiKey } from '../i18n/ui.ts';
import { lt } from '../i18n/learn.ts';

const lang: Lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
const msg = (key: UiKey, vars?: Record<string, string | number>) => t(lang, key, vars);

function describeKey(key: string): string {
  if (key.startsWith('lab:')) return msg('progress.lab', { lab: key.slice(4) });
  if (key.startsWith('check:')) return lt(lang, 'check.progress', { lesson: key.slice(6) });
  if (key.startsWith('play:')) return msg('progress.practice', { page: key.slice(5) });
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
        li.textContent = msg('progress.none');
        ul.append(li);
        return;
      }
      for (const t of p.terms) {
        const li = document.createElement('li');
        li.dataset.key = t.key;
        const cmds = t.entries.filter((e) => 'line' in e).length;
        const passed = t.results?.length ? msg('progress.checks', { passed: t.passed.length, n: t.results.length }) : '';
        li.textContent = t.key.startsWith('check:')
          ? `${describeKey(t.key)}: ${lt(lang, 'check.score', { right: t.passed.length, n: t.results?.length ?? 0 })}`
          : msg(cmds === 1 ? 'progress.commands.one' : 'progress.commands.many', { what: describeKey(t.key), n: cmds }) + passed;
        ul.append(li);
      }
    } catch (e) {
      this.status(msg('progress.listFailed', { err: e instanceof Error ? e.message : String(e) }), 'fail');
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
      this.status(msg(p.terms.length === 1 ? 'progress.exported.one' : 'progress.exported.many', { n: p.terms.length, file: a.download }), 'ok');
    } catch (e) {
      this.status(msg('progress.exportFailed', { err: e instanceof Error ? e.message : String(e) }), 'fail');
    }
  }

  private async import(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (!file) {
      this.status(msg('progress.chooseFile'), 'fail');
      input?.focus();
      return;
    }
    try {
      const n = await importProgress(await file.text());
      this.status(msg(n === 1 ? 'progress.imported.one' : 'progress.imported.many', { n }), 'ok');
      await this.list();
    } catch (e) {
      this.status(e instanceof Error ? e.message : String(e), 'fail');
    }
  }
}

if (!customElements.get('pl-progress')) customElements.define('pl-progress', PlProgress);
