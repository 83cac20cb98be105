/// <reference types="vite/client" />
// The heavy half of <pl-editor>, loaded on demand: Monaco's core
// (editor.api, no language services) with the YAML and JavaScript
// tokenizers (JSON files are highlighted as JavaScript) and its editor
// worker, all bundled by Vite from the monaco-editor package — no CDN.
// Kubernetes schema help would need monaco-yaml and its YAML language
// server worker; the pane only highlights.

import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

(self as unknown as { MonacoEnvironment: { getWorker(): Worker } }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** What <pl-editor> needs from a mounted editor. */
export interface EditorHost {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  dispose(): void;
}

/** Mount Monaco in `el` with `text`, highlighted as `language` (yaml, json, shell, plaintext). */
export function mountEditor(el: HTMLElement, text: string, language: string, label: string): EditorHost {
  const ed = monaco.editor.create(el, {
    value: text,
    language: language === 'json' ? 'javascript' : language,
    theme: 'vs-dark',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    ariaLabel: label,
    accessibilitySupport: 'auto',
  });
  return {
    getValue: () => ed.getValue(),
    setValue: (t) => ed.setValue(t),
    focus: () => ed.focus(),
    dispose: () => ed.dispose(),
  };
}
