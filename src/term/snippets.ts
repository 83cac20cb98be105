// Snippet buttons (`button[data-run]`, a JSON list of command lines) type
// their commands into a terminal: the lab's own terminal inside a lab,
// otherwise the page's main terminal.


import type { PlTerminal } from './terminal-element.ts';

function targetFor(btn: Element): PlTerminal | null {
  const named = btn.getAttribute('data-term');
  if (named) return document.getElementById(named) as PlTerminal | null;
  return btn.closest('pl-lab')?.querySelector<PlTerminal>('pl-terminal') ?? document.querySelector<PlTerminal>('pl-terminal[data-main]') ?? document.querySelector<PlTerminal>('pl-terminal');
}

document.addEventListener('click', (ev) => {
  const btn = (ev.target as Element | null)?.closest?.('button[data-run]');
  if (!btn) return;
  let lines: string[];
  try {
    lines = JSON.parse(btn.getAttribute('data-run') ?? '[]') as string[];
  } catch {
    return;
  }
  const term = targetFor(btn);
  if (!term || !lines.length) return;
  // The practice drawer (phones) opens in place: the page never jumps.
  const drawer = term.closest('[data-practice]');
  const fixed = drawer && getComputedStyle(drawer).position === 'fixed';
  const r = term.getBoundingClientRect();
  if (!fixed && (r.bottom < 0 || r.top > innerHeight)) {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    term.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }
  void term.typeLines(lines);
});
