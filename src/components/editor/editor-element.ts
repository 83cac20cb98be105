// <pl-editor>: an editor pane for one file of a terminal's simulated host,
// a plain <textarea> (nano and vi run inside the terminal itself). Load
// reads the file through the terminal's worker; Save writes it as a
// `printf … > PATH` command line typed into that terminal, so the change is
// part of the session (reload, undo, checks, grading).
//
// Attributes: `path`, `language`, `lab` (the lab whose terminal it edits;
// else the page's main terminal), `label`. The initial text (used while the
// file does not exist) is the textarea's content.

import type { Lang } from '../../i18n/ui.ts';
import { t as tr } from '../../i18n/ui-page.ts';

interface FileTerminal extends HTMLElement {
  readFile(path: string): Promise<{ data?: string; error?: string }>;
  writeFile(path: string, data: string): Promise<{ data?: string; error?: string }>;
}

/** An editor pane bound to a file of a terminal's host. */
export class PlEditor extends HTMLElement {
  get path(): string {
    return this.getAttribute('path') ?? '';
  }

  private textarea(): HTMLTextAreaElement {
    return this.querySelector('textarea')!;
  }

  /** The terminal whose host holds the file. */
  terminal(): FileTerminal | null {
    const lab = this.getAttribute('lab');
    const sel = lab ? `pl-terminal[lab="${CSS.escape(lab)}"]` : 'pl-terminal[data-main]';
    return document.querySelector<FileTerminal>(sel) ?? document.querySelector<FileTerminal>('pl-terminal');
  }

  connectedCallback(): void {
    this.setAttribute('data-state', 'ready');
    this.addEventListener('click', (ev) => {
      const act = (ev.target as Element).closest<HTMLButtonElement>('button[data-editor-act]')?.dataset.editorAct;
      if (act === 'load') void this.load();
      else if (act === 'save') void this.save();
    });
  }

  private value(): string {
    return this.textarea().value;
  }

  private setValue(text: string): void {
    this.textarea().value = text;
  }

  private get pageLang(): Lang {
    return this.closest('[lang]')?.getAttribute('lang') === 'ko' ? 'ko' : 'en';
  }

  private status(text: string): void {
    const st = this.querySelector<HTMLElement>('[data-part="editor-status"]');
    if (st) st.textContent = text;
  }

  /** Read the file from the terminal's host into the editor. */
  async load(): Promise<void> {
    const t = this.terminal();
    const path = this.path;
    if (!t) return this.status(tr(this.pageLang, 'editor.noTermRead'));
    this.status(tr(this.pageLang, 'editor.reading', { path }));
    const r = await t.readFile(path);
    if (r.data === undefined) return this.status(tr(this.pageLang, 'editor.unreadable', { path, error: r.error ?? 'cannot be read' }));
    this.setValue(r.data);
    this.status(tr(this.pageLang, 'editor.loaded', { path }));
  }

  /** Write the editor's text to the file (a command line in the terminal). */
  async save(): Promise<void> {
    const t = this.terminal();
    const path = this.path;
    if (!t) return this.status(tr(this.pageLang, 'editor.noTermWrite'));
    this.status(tr(this.pageLang, 'editor.saving', { path }));
    const r = await t.writeFile(path, this.value());
    this.status(r.data !== undefined ? tr(this.pageLang, 'editor.saved', { path, n: r.data.length }) : tr(this.pageLang, 'editor.saveFailed', { path, error: r.error ?? 'unknown error' }));
  }
}

if (!customElements.get('pl-editor')) customElements.define('pl-editor', PlEditor);
