// Vite plugin: Monaco's modules import their CSS (`import './x.css'`). Left
// to Vite, that CSS becomes a stylesheet Astro links from every lesson page
// (the editor is one of the lesson layout's components), though only pages
// with an <Editor> ever load Monaco. This turns each of Monaco's CSS imports
// into a module that adds a <style> when the Monaco chunk runs, so the CSS
// travels inside that lazily loaded chunk (the codicon font stays a file).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0monaco-css:';

export default function monacoCss() {
  return {
    name: 'packetlab-monaco-css',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !importer.replace(/\\/g, '/').includes('/node_modules/monaco-editor/')) return null;
      return `${PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -3);
      let css = readFileSync(file, 'utf8');
      const imports = [];
      css = css.replace(/url\((['"]?)(\.[^'")]+)\1\)/g, (_m, _q, rel) => {
        const name = `u${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${resolve(dirname(file), rel)}?url`)};`);
        return `url(" + JSON.stringify(${name}) + ")`;
      });
      const text = JSON.stringify(css).replace(/url\(" \+ JSON\.stringify\((u\d+)\) \+ "\)/g, 'url(" + JSON.stringify($1) + ")');
      return `${imports.join('\n')}\nif (typeof document !== 'undefined') { const s = document.createElement('style'); s.dataset.monaco = ''; s.textContent = ${text}; document.head.append(s); }\nexport default '';\n`;
    },
  };
}
