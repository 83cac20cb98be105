// nano/vi/vim typed in a terminal (src/userland/sys/editors.ts) open the file
// in a dialog over the page: an editor pane (<pl-editor>, Monaco with search)
// bound to that terminal. Load reads the file from the terminal's host, Save
// writes it back as a recorded `printf … > FILE` line, Close (or Esc)
// returns to the terminal.

import { t, type Lang } from '../../i18n/ui.ts';

const lang: Lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';

function languageOf(path: string): string {
  return /\.ya?ml$/.test(path) ? 'yaml' : /\.(json|conf|conflist)$/.test(path) ? 'json' : /\.sh$/.test(path) ? 'shell' : 'plaintext';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K | 'pl-editor', attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag) as HTMLElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

let dialogs = 0;

document.addEventListener('pl-edit', (ev) => {
  const term = ev.target as HTMLElement & { focusTerminal(): void };
  const path = (ev as CustomEvent<{ path: string }>).detail.path;
  void (async () => {
    await import('./editor-element.ts');
    term.querySelector('dialog.edit-dialog')?.remove();
    const id = `edit-dialog-${++dialogs}`;
    const name = t(lang, 'editor.label', { path });
    const ta = el('textarea', { 'aria-label': name, spellcheck: 'false', rows: '20' });
    const close = el('button', { type: 'button', class: 'btn small', 'data-edit-close': '' }, t(lang, 'editor.close'));
    const editor = el<'div'>(
      'pl-editor',
      { path, language: languageOf(path), label: name, 'data-state': 'idle' },
      el(
        'div',
        { class: 'editor-frame' },
        el(
          'div',
          { class: 'editor-bar' },
          el('span', { class: 'editor-title' }, path),
          el(
            'span',
            { class: 'editor-actions', role: 'toolbar', 'aria-label': t(lang, 'editor.actions', { name }) },
            el('button', { type: 'button', class: 'btn small', 'data-editor-act': 'load' }, t(lang, 'editor.load')),
            el('button', { type: 'button', class: 'btn small', 'data-editor-act': 'save' }, t(lang, 'editor.save')),
            close,
          ),
        ),
        el('div', { class: 'editor-box', style: '--rows: 20' }, ta),
      ),
      el('p', { class: 'editor-status', 'data-part': 'editor-status', role: 'status', 'aria-live': 'polite' }),
    ) as unknown as HTMLElement & { boundTerminal: unknown; load(): Promise<void>; mount(): Promise<void> };
    editor.boundTerminal = term;
    const dialog = el('dialog', { class: 'edit-dialog', 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h`, class: 'edit-dialog-title' }, t(lang, 'editor.dialog', { path })), editor);
    term.append(dialog);
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      term.focusTerminal();
    });
    dialog.showModal();
    await editor.load();
    await editor.mount();
    (editor.querySelector<HTMLElement>('.monaco-editor textarea') ?? ta).focus();
  })();
});
