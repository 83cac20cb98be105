// Lab text ("markdown-ish plain text") as DOM nodes: `code` spans and
// **bold**, everything else plain text — the browser twin of Inline.astro.

/** Nodes for `text`; never parses HTML. */
export function renderInline(text: string): Node[] {
  return text
    .split(/(`[^`]+`|\*\*[^*]+\*\*)/g)
    .filter((p) => p !== '')
    .map((p) => {
      if (p.startsWith('`') && p.endsWith('`') && p.length > 1) {
        const c = document.createElement('code');
        c.textContent = p.slice(1, -1);
        return c;
      }
      if (p.startsWith('**') && p.endsWith('**') && p.length > 4) {
        const b = document.createElement('strong');
        b.textContent = p.slice(2, -2);
        return b;
      }
      return document.createTextNode(p);
    });
}
