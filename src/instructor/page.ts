// The instructor page: files dropped on the drop zone (or picked with the
// file input) are graded, each in its own Web Worker with a time limit (a
// hostile file costs only its own row); each graded file becomes a row of
// the per-learner table and counts in the per-check table; Download CSV
// gives the same CSV as `npm run --silent grade -- [--lab L] [--class C] FILES`.

import { CSV_HEADER, MAX_CHECKPOINT_BYTES, csvRow, errorRow, type GradeOptions, type GradeRow } from '../labs/checkpoint-format.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';
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

  const labSel = q<HTMLSelectElement>('[data-lab]');
  const classInput = q<HTMLInputElement>('[data-class]');
  const newCode = q<HTMLButtonElement>('[data-new-code]');

  /** Time one file may take to grade: the CLI's default --time-limit, or the root's data-time-limit (ms). */
  const timeLimitMs = (): number => (Number(root.dataset.timeLimit) > 0 ? Number(root.dataset.timeLimit) : 60_000);
  /** Workers grading at once. */
  const LANES = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));

  let nextId = 1;
  let total = 0;
  let generation = 0;
  const done: Graded[] = [];
  const queue: { id: number; name: string; file?: File; row?: GradeRow; opts: GradeOptions }[] = [];
  const running = new Set<Worker>();

  const finish = (id: number, name: string, row: GradeRow): void => {
    done.push({ id, name, row, csv: csvRow(row) });
    done.sort((a, b) => a.id - b.id);
    render();
  };

  /** Grade one file in a new worker; resolves when it replied, failed or ran out of time. */
  async function gradeOne(job: (typeof queue)[number], gen: number): Promise<void> {
    if (job.row) return finish(job.id, job.name, job.row);
    let text: string;
    try {
      text = await job.file!.text();
    } catch {
      if (gen === generation) finish(job.id, job.name, errorRow(job.name, `cannot read ${job.name}`));
      return;
    }
    const w = new Worker(new URL('./grade-worker.ts', import.meta.url), { type: 'module', name: 'packetlab-grader' });
    running.add(w);
    const limit = timeLimitMs();
    const row = await new Promise<GradeRow>((resolve) => {
      const timer = setTimeout(() => resolve(errorRow(job.name, `time limit exceeded: grading took longer than ${limit / 1000} s (not graded)`, text)), limit);
      w.onmessage = (ev: MessageEvent<GradeReply>) => {
        clearTimeout(timer);
        resolve(ev.data.row);
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        clearTimeout(timer);
        resolve(errorRow(job.name, `grader failed: ${ev.message || 'the worker stopped'} (not graded)`, text));
      };
      const msg: GradeRequest = { type: 'grade', id: job.id, name: job.name, text, opts: job.opts };
      w.postMessage(msg);
    });
    w.terminate();
    running.delete(w);
    if (gen === generation) finish(job.id, job.name, row);
  }

  let active = 0;
  function pump(): void {
    const gen = generation;
    while (active < LANES && queue.length) {
      const job = queue.shift()!;
      active++;
      void gradeOne(job, gen).finally(() => {
        if (gen !== generation) return;
        active--;
        pump();
      });
    }
  }

  function options(): GradeOptions {
    const o: GradeOptions = {};
    if (labSel.value) o.lab = labSel.value;
    if (classInput.value.trim()) o.classCode = classInput.value.trim();
    return o;
  }

  async function add(files: File[]): Promise<void> {
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const opts = options();
    for (const f of files) {
      const id = nextId++;
      total++;
      if (f.size > MAX_CHECKPOINT_BYTES) queue.push({ id, name: f.name, opts, row: errorRow(f.name, `file too large (more than ${MAX_CHECKPOINT_BYTES >> 20} MB; not graded)`) });
      else queue.push({ id, name: f.name, file: f, opts });
    }
    pump();
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
  newCode.addEventListener('click', () => {
    const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const r = new Uint32Array(6);
    crypto.getRandomValues(r);
    classInput.value = `PL-${[...r].map((x) => abc[x % abc.length]).join('')}`;
    classInput.focus();
  });
  clearBtn.addEventListener('click', () => {
    generation++;
    done.length = 0;
    queue.length = 0;
    total = 0;
    active = 0;
    for (const w of running) w.terminate();
    running.clear();
    render();
    input.focus();
  });
  render();
}
