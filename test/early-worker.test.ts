// scripts/early-worker.mjs: the <head> script that starts the main
// terminal's worker while the page is parsed, and the xterm.js preload.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs build script without declarations
import { EARLY_WORKER_PROP, withEarlyWorker } from '../scripts/early-worker.mjs';

const TERMINAL = '/_astro/Terminal.astro_astro_type_script_index_0_lang.AbC123.js';
const chunk =
  'function c(){return s??=r(()=>import(`./xterm-host.C6dagPbN.js`),__vite__mapDeps([0,1]))}' +
  'let t=new Worker(new URL(`/_astro/worker-26m85dvw.js`,``+import.meta.url),{type:`module`,name:`packetlab-sim`});';
const page = (terminal: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/Base.css"><script type="module" src="${TERMINAL}"></script></head><body>${terminal}</body></html>`;
const read = (p: string) => {
  if (p === TERMINAL) return chunk;
  throw new Error(`ENOENT ${p}`);
};

describe('early worker start', () => {
  it('a page with a main terminal starts the Terminal chunk’s worker in <head> and preloads xterm.js', () => {
    const out: string = withEarlyWorker(page('<pl-terminal data-main data-state="idle"></pl-terminal>'), read);
    const head = out.slice(0, out.indexOf('</head>'));
    expect(head).toContain('<meta charset="utf-8"><script>(function(){try{var w=new Worker("/_astro/worker-26m85dvw.js",{"type":"module","name":"packetlab-sim"});');
    expect(head).toContain(`window.${EARLY_WORKER_PROP}=w`);
    expect(head).toContain('<link rel="modulepreload" href="/_astro/xterm-host.C6dagPbN.js">');
    // Before the stylesheets, so the worker starts before anything waits on them; and once only.
    expect(head.indexOf('new Worker')).toBeLessThan(head.indexOf('rel="stylesheet"'));
    expect(withEarlyWorker(out, read)).toBe(out);
  });

  it('the script runs in a page: it creates one worker with the chunk’s URL and leaves it for the element', () => {
    const out: string = withEarlyWorker(page('<pl-terminal data-main></pl-terminal>'), read);
    const code = /<script>([^<]*)<\/script>/.exec(out)![1]!;
    const made: [string, unknown][] = [];
    class FakeWorker {
      onerror: ((e: { preventDefault(): void }) => void) | null = null;
      plFailed?: number;
      constructor(url: string, opts: unknown) {
        made.push([url, opts]);
      }
    }
    const win: Record<string, unknown> = {};
    new Function('window', 'Worker', code)(win, FakeWorker);
    expect(made).toEqual([['/_astro/worker-26m85dvw.js', { type: 'module', name: 'packetlab-sim' }]]);
    const w = win[EARLY_WORKER_PROP] as FakeWorker;
    expect(w).toBeInstanceOf(FakeWorker);
    // A load failure before the element adopts it is remembered for the element to report.
    w.onerror!({ preventDefault() {} });
    expect(w.plFailed).toBe(1);
  });

  it('pages without a main terminal, or whose chunk cannot be read, are left alone', () => {
    const lab = page('<pl-terminal lab="namespaces-veth"></pl-terminal>');
    expect(withEarlyWorker(lab, read)).toBe(lab);
    const main = page('<pl-terminal data-main></pl-terminal>');
    expect(withEarlyWorker(main, () => 'no worker here')).toBe(main);
    expect(
      withEarlyWorker(main, () => {
        throw new Error('ENOENT');
      }),
    ).toBe(main);
  });

  it('the terminal element adopts the worker under the same name', () => {
    expect(readFileSync('src/term/terminal-element.ts', 'utf8')).toContain(`export const EARLY_WORKER_PROP = '${EARLY_WORKER_PROP}';`);
  });
});
