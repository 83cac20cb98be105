// The lesson's practice terminal (<aside data-practice>): beside the text on
// wide screens, a drawer at the foot of the screen on phones (its toggle
// opens and closes it; a Run button opens it instead of scrolling the page).
// While a lab is on screen the practice terminal steps aside, so only one
// terminal (the lab's) shows at a time.

const aside = document.querySelector<HTMLElement>('[data-practice]');

/** Whether the practice terminal is a drawer (phones): its toggle is shown. */
export function practiceIsDrawer(): boolean {
  const btn = aside?.querySelector<HTMLElement>('[data-practice-toggle]');
  return !!btn && getComputedStyle(btn).display !== 'none';
}

/** Open or close the drawer (phones). */
export function setPracticeOpen(open: boolean): void {
  if (!aside) return;
  aside.toggleAttribute('data-open', open);
  aside.querySelector('[data-practice-toggle]')?.setAttribute('aria-expanded', String(open));
}

if (aside) {
  aside.querySelector('[data-practice-toggle]')?.addEventListener('click', () => setPracticeOpen(!aside.hasAttribute('data-open')));
  // A Run button that types into the practice terminal: it shows, wherever the reader is.
  document.addEventListener(
    'click',
    (ev) => {
      const btn = (ev.target as Element | null)?.closest?.('button[data-run]');
      if (!btn || btn.closest('pl-lab') || btn.getAttribute('data-term')) return;
      aside.removeAttribute('data-lab-on-screen');
      aside.querySelector<HTMLElement>('[data-practice-away]')!.hidden = true;
      if (practiceIsDrawer()) setPracticeOpen(true);
    },
    true,
  );
  const labs = [...document.querySelectorAll('pl-lab')];
  if (labs.length && 'IntersectionObserver' in window) {
    const showing = new Set<Element>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) showing.add(e.target);
          else showing.delete(e.target);
        }
        const away = showing.size > 0;
        if (away === aside.hasAttribute('data-lab-on-screen')) return;
        // Keep the practice terminal while it has the focus (typing in it).
        if (away && aside.contains(document.activeElement) && !practiceIsDrawer()) return;
        aside.toggleAttribute('data-lab-on-screen', away);
        const note = aside.querySelector<HTMLElement>('[data-practice-away]');
        if (note) note.hidden = !away;
        if (away && practiceIsDrawer()) setPracticeOpen(false);
      },
      // A lab counts as on screen once its terminal area is well in view.
      { rootMargin: '-30% 0px -30% 0px' },
    );
    for (const l of labs) io.observe(l);
  }
}
