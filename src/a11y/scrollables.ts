// Keyboard access to scrolled code: a <pre> (or table wrapper) whose content
// is wider than the column gets tabindex=0, so keyboard users can focus it and
// scroll with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`).
// Blocks that fit stay out of the tab order.

const SELECTOR = 'main pre, main .table-scroll, main .lesson-body table, main table.ref-options, main table.grades';

function update(): void {
  for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
    if (el.closest('pl-terminal')) continue;
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
      el.dataset.scrollFocus = '';
    } else if (!scrolls && el.dataset.scrollFocus !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollFocus;
    }
  }
}

let queued = false;
function later(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    update();
  });
}

update();
addEventListener('resize', later);
new ResizeObserver(later).observe(document.body);
