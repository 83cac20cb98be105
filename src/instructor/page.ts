// The instructor page: files dropped on the drop zone (or picked with the
// file input) go to the grading worker; each graded file becomes a row of
// the per-learner table and counts in the per-check table; Download CSV
// gives the same CSV as `npm run --silent grade -- FILES`.

import { CSV_HEADER } from '../labs/checkpoint-format.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';
import type { GradeRow } from '../labs/checkpoint.ts';
import { t, type Lang } from '../i18n/ui.ts';

interface Graded {
  id: number;
  name: string;
  row: GradeRow;
  csv: string;
}

const root = document.querySelector<HTMLElement>('[data-instructor]');
if (root) init(root);

function init(root: HTMLElement): void {
  const lang: Lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const drop = q<HTMLElement>('[data-drop]');
  const input = q<HTMLInputElement>('[data-files]');
  const status = q<HTMLElement>('[data-status]');
  const body = q<HTMLTableSectionElement>('[data-rows]');
  const checksBody = q<HTMLTableSectionElement>('[data-checks]');
  const csvBtn = q<HTMLButtonElement>('[data-csv]');
  const clearBtn = q<HTMLButtonElement>('[data-clear]');

  let worker: Worker | null = null;
  let nextId = 1;
  let total = 0;
  const done: Graded[] = [];

  const getWorker = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./grade-worker.ts', import.meta.url), { type: 'module', name: 'packetlab-grader' });
    worker.onmessage = (ev: MessageEvent<GradeReply>) => {
      done.push({ id: ev.data.id, name: ev.data.name, row: ev.data.row, csv: ev.data.csv });
      done.sort((a, b) => a.id - b.id);
      render();
    };
    return worker;
  };

  async function add(files: File[]): Promise<void> {
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const f of files) {
      const text = await f.text();
      const msg: GradeRequest = { type: 'grade', id: nextId++, name: f.name, text };
      total++;
      getWorker().postMessage(msg);
    }
    render();
  }

  function render(): void {
    body.replaceChildren(...done.map(rowOf));
    checksBody.replaceChildren(...perCheck());
    const passed = done.filter((g) => g.row.passed).length;
    const errors = done.filter((g) => g.row.error).length;
    root.dataset.graded = String(done.length);
    if (done.length < total) status.textContent = t(lang, 'instr.status.busy', { done: done.length, total });
    else if (total === 0) status.textContent = t(lang, 'instr.status.idle');
    else status.textContent = t(lang, 'instr.status.done', { total, passed, failed: total - passed - errors, errors });
    csvBtn.disabled = done.length === 0 || done.length < total;
    clearBtn.disabled = total === 0;
  }

  function cell(tag: 'td' | 'th', text: string, cls?: string): HTMLTableCellElement {
    const c = document.createElement(tag);
    c.textContent = text;
    if (cls) c.className = cls;
    if (tag === 'th') c.scope = 'row';
    return c;
  }

  function rowOf(g: Graded): HTMLTableRowElement {
    const tr = document.createElement('tr');
    const r = g.row;
    const kind = r.error ? 'error' : r.passed ? 'pass' : 'fail';
    tr.className = kind;
    tr.dataset.file = g.name;
    const result = kind === 'pass' ? `✓ ${t(lang, 'instr.passed')}` : kind === 'fail' ? `✗ ${t(lang, 'instr.failed')}` : `! ${t(lang, 'instr.error')}`;
    const checks = document.createElement('td');
    if (r.checks.length) {
      const ul = document.createElement('ul');
      ul.className = 'check-list';
      for (const c of r.checks) {
        const li = document.createElement('li');
        li.className = c.passed ? 'pass' : 'fail';
        li.textContent = `${c.passed ? '✓' : '✗'} ${c.title}`;
        if (!c.passed && c.message) li.title = c.message;
        ul.append(li);
      }
      checks.append(`${r.checksPassed}/${r.checksTotal}`, ul);
    } else checks.textContent = `${r.checksPassed}/${r.checksTotal}`;
    tr.append(cell('th', r.learner || '—'), cell('td', r.lab || '—'), cell('td', result, 'result'), checks, cell('td', r.error), cell('td', g.name, 'file'));
    return tr;
  }

  function perCheck(): HTMLTableRowElement[] {
    const by = new Map<string, { lab: string; title: string; passed: string[]; total: number }>();
    for (const g of done) {
      for (const c of g.row.checks) {
        const key = `${g.row.lab}\u0000${c.id}`;
        const e = by.get(key) ?? { lab: g.row.lab, title: c.title, passed: [], total: 0 };
        e.total++;
        if (c.passed) e.passed.push(g.row.learner);
        by.set(key, e);
      }
    }
    return [...by.values()].map((e) => {
      const tr = document.createElement('tr');
      tr.append(cell('td', e.lab), cell('th', e.title), cell('td', `${e.passed.length}/${e.total}`), cell('td', e.passed.join(', ')));
      return tr;
    });
  }

  function downloadCsv(): void {
    const csv = CSV_HEADER + '\n' + done.map((g) => g.csv + '\n').join('');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'grades.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  input.addEventListener('change', () => {
    void add([...(input.files ?? [])]);
    input.value = '';
  });
  drop.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    drop.dataset.over = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset.over);
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    delete drop.dataset.over;
    void add([...(ev.dataTransfer?.files ?? [])]);
  });
  csvBtn.addEventListener('click', downloadCsv);
  clearBtn.addEventListener('click', () => {
    done.length = 0;
    total = 0;
    worker?.terminate();
    worker = null;
    render();
    input.focus();
  });
  render();
}
