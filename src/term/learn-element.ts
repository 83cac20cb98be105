// <pl-predict> and <pl-selfcheck>: the lesson's "Predict, then run" questions
// and end-of-lesson self-check (src/components/learn/). A prediction unlocks
// the Run button of the snippet inside it; running reveals the verdict. The
// self-check grades in the page and keeps the answers in the progress store
// (record `check:<slug>`: `results` holds one entry per question, its
// `message` the chosen choice's index), so they survive a reload and travel
// with an exported progress file.

import { loadTerm, saveTerm } from './store.ts';
import { lt, normalizeAnswer, selfCheckKey, type LearnKey } from '../i18n/learn.ts';
import type { Lang } from '../i18n/ui.ts';

const lang: Lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
const msg = (key: LearnKey, vars?: Record<string, string | number>) => lt(lang, key, vars);

class PlPredict extends HTMLElement {
  private committed = false;
  private prediction = '';
  private right = false;

  connectedCallback(): void {
    for (const b of this.runButtons()) {
      b.disabled = true;
      b.dataset.lockedTitle = b.title;
      b.title = msg('predict.runLocked');
      b.addEventListener('click', () => this.reveal());
    }
    this.querySelector<HTMLFormElement>('form[data-part="form"]')?.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.commit();
    });
  }

  private runButtons(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('[data-part="run"] button[data-run]')];
  }

  private commit(): void {
    if (this.committed) return;
    const status = this.querySelector<HTMLElement>('[data-part="status"]')!;
    const answer = JSON.parse(this.dataset.answer ?? 'null') as number | string[];
    const picked = this.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    const text = this.querySelector<HTMLInputElement>('input[type="text"]');
    if (Array.isArray(answer)) {
      const v = text?.value ?? '';
      if (!v.trim()) {
        status.textContent = msg('predict.empty');
        text?.focus();
        return;
      }
      this.prediction = v.trim();
      this.right = answer.some((a) => normalizeAnswer(a) === normalizeAnswer(v));
    } else {
      if (!picked) {
        status.textContent = msg('predict.empty');
        this.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
        return;
      }
      this.prediction = picked.closest('label')?.textContent?.trim() ?? picked.value;
      this.right = Number(picked.value) === answer;
    }
    this.committed = true;
    this.dataset.committed = '';
    for (const i of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('form input, form button')) i.disabled = true;
    for (const b of this.runButtons()) {
      b.disabled = false;
      b.title = b.dataset.lockedTitle ?? '';
    }
    status.textContent = msg('predict.locked', { answer: this.prediction });
    this.runButtons()[0]?.focus();
  }

  private reveal(): void {
    if (!this.committed) return;
    const why = this.querySelector<HTMLElement>('[data-part="why"]');
    const verdict = this.querySelector<HTMLElement>('[data-part="verdict"]');
    if (!why || !verdict) return;
    verdict.textContent = this.right ? msg('predict.right') : msg('predict.wrong', { answer: this.dataset.shown ?? '' });
    this.dataset.verdict = this.right ? 'right' : 'wrong';
    why.hidden = false;
  }
}

class PlSelfCheck extends HTMLElement {
  private key = '';
  private answers: number[] = [];

  connectedCallback(): void {
    this.key = selfCheckKey(this.dataset.slug ?? 'lesson');
    this.answers = JSON.parse(this.dataset.answers ?? '[]') as number[];
    this.querySelector<HTMLFormElement>('form[data-part="form"]')?.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.grade(true);
    });
    this.querySelector('[data-act="retry"]')?.addEventListener('click', () => this.retry());
    void this.restore();
  }

  private items(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('li[data-q]')];
  }

  private status(text: string, kind: 'ok' | 'fail' | 'info'): void {
    const st = this.querySelector<HTMLElement>('[data-part="status"]');
    if (!st) return;
    st.textContent = text;
    st.dataset.kind = kind;
  }

  private async restore(): Promise<void> {
    const { rec } = await loadTerm(this.key);
    const res = rec.results ?? [];
    if (!res.length) return;
    for (const [i, li] of this.items().entries()) {
      const r = res.find((x) => x.id === `q${i + 1}`);
      const input = r && li.querySelector<HTMLInputElement>(`input[type="radio"][value="${CSS.escape(r.message)}"]`);
      if (input) input.checked = true;
    }
    if (this.items().every((li) => li.querySelector('input:checked'))) {
      await this.grade(false);
      const st = this.querySelector<HTMLElement>('[data-part="status"]');
      if (st) st.textContent = `${st.textContent ?? ''} ${msg('check.saved')}`;
    }
  }

  private async grade(save: boolean): Promise<void> {
    const items = this.items();
    const missing = items.filter((li) => !li.querySelector('input:checked')).length;
    if (missing) {
      this.status(msg('check.unanswered', { missing }), 'fail');
      items.find((li) => !li.querySelector('input:checked'))?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    const results = items.map((li, i) => {
      const chosen = li.querySelector<HTMLInputElement>('input:checked')!.value;
      const passed = Number(chosen) === this.answers[i];
      const fb = li.querySelector<HTMLElement>('[data-part="feedback"]')!;
      const verdict = li.querySelector<HTMLElement>('[data-part="verdict"]')!;
      const answer = li.querySelector<HTMLTemplateElement>('template[data-part="answer"]')?.content.textContent?.trim() ?? '';
      verdict.textContent = passed ? msg('check.right') : msg('check.wrong', { answer });
      fb.hidden = false;
      li.dataset.result = passed ? 'right' : 'wrong';
      for (const inp of li.querySelectorAll<HTMLInputElement>('input')) inp.disabled = true;
      const title = li.querySelector('legend')?.textContent?.trim() ?? `q${i + 1}`;
      return { id: `q${i + 1}`, title, passed, message: chosen };
    });
    const right = results.filter((r) => r.passed).length;
    this.status(right === results.length ? msg('check.all', { n: results.length }) : msg('check.score', { right, n: results.length }), right === results.length ? 'ok' : 'info');
    this.dataset.graded = '';
    const retry = this.querySelector<HTMLButtonElement>('[data-act="retry"]');
    if (retry) retry.hidden = false;
    if (!save) return;
    // data-saved says the answers are in the progress store (a page left before
    // that would lose them); grading again clears it until the new save is done.
    delete this.dataset.saved;
    await saveTerm(this.key, { results, passed: results.filter((r) => r.passed).map((r) => r.id) });
    this.dataset.saved = '';
  }

  private retry(): void {
    for (const li of this.items()) {
      delete li.dataset.result;
      for (const inp of li.querySelectorAll<HTMLInputElement>('input')) {
        inp.disabled = false;
        inp.checked = false;
      }
      const fb = li.querySelector<HTMLElement>('[data-part="feedback"]');
      if (fb) fb.hidden = true;
    }
    delete this.dataset.graded;
    this.querySelector<HTMLButtonElement>('[data-act="retry"]')!.hidden = true;
    this.status('', 'info');
    this.items()[0]?.querySelector<HTMLInputElement>('input')?.focus();
  }
}

if (!customElements.get('pl-predict')) customElements.define('pl-predict', PlPredict);
if (!customElements.get('pl-selfcheck')) customElements.define('pl-selfcheck', PlSelfCheck);
