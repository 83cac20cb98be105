// Presenter mode for live classes: large type and high contrast on the whole
// page, and the last commands typed into any terminal shown large so the
// back row can read them. On/off lives in localStorage (`packetlab-presenter`)
// and as `data-presenter` on <html>, which Base.astro sets before paint.

/** localStorage key of the presenter-mode switch. */
export const PRESENTER_KEY = 'packetlab-presenter';
/** How many recent commands the presenter strip shows. */
const SHOWN = 3;

function stored(): boolean {
  try {
    return localStorage.getItem(PRESENTER_KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.toggleAttribute('data-presenter', on);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-presenter-toggle]')) b.setAttribute('aria-pressed', String(on));
  for (const a of document.querySelectorAll<HTMLElement>('[data-presenter-last]')) a.hidden = !on || !a.querySelector('li');
}

function set(on: boolean): void {
  try {
    if (on) localStorage.setItem(PRESENTER_KEY, '1');
    else localStorage.removeItem(PRESENTER_KEY);
  } catch {
    /* private mode: the switch still works for this page */
  }
  apply(on);
}

/** Show the last few command lines of a terminal's entries. */
function showLast(entries: unknown): void {
  if (!Array.isArray(entries)) return;
  const lines = entries
    .filter((e): e is { line: string } => !!e && typeof (e as { line?: unknown }).line === 'string')
    .map((e) => e.line)
    .filter((l) => l.trim())
    .slice(-SHOWN);
  for (const a of document.querySelectorAll<HTMLElement>('[data-presenter-last]')) {
    const ol = a.querySelector('ol');
    if (!ol) continue;
    ol.replaceChildren(
      ...lines.map((l) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = l;
        li.append(code);
        return li;
      }),
    );
  }
  apply(document.documentElement.hasAttribute('data-presenter'));
}

document.addEventListener('click', (ev) => {
  const btn = (ev.target as Element | null)?.closest?.('[data-presenter-toggle]');
  if (btn) set(!document.documentElement.hasAttribute('data-presenter'));
});
document.addEventListener('pl-entries', (ev) => showLast((ev as CustomEvent).detail));
apply(stored());
