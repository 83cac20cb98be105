// scripts/module-preload.mjs: a modulepreload in <head> for every chunk the
// page's module scripts reach by static imports, so the browser fetches the
// whole graph at once instead of one level of imports after another.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs build script without declarations
import { staticGraph, withModulePreloads } from '../scripts/module-preload.mjs';

// A page script importing two shared chunks, one of which imports a third;
// the Terminal script also loads xterm and the views by dynamic import only.
const files: Record<string, string> = {
  '/_astro/Lab.astro_astro_type_script_index_0_lang.A1.js': 'import{r as o}from"./ui-page.B2.js";import{a}from"./learner.C3.js";o(a)',
  '/_astro/Terminal.astro_astro_type_script_index_0_lang.D4.js':
    'import{a as e}from"./store.E5.js";import{o as i}from"./learner.C3.js";function c(){return import(`./xterm-host.F6.js`)}const v=()=>import("./views.G7.js");',
  '/_astro/learner.C3.js': 'import"./learn.H8.js";export const a=1,o=2;',
  '/_astro/store.E5.js': 'export const a=1;',
  '/_astro/ui-page.B2.js': 'export const r=()=>0;',
  '/_astro/learn.H8.js': 'const s="./not-an-import.js";export{}',
};
const read = (p: string) => {
  const t = files[p];
  if (t === undefined) throw new Error(`ENOENT ${p}`);
  return t;
};
const page = (scripts: string[], head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<link rel="stylesheet" href="/_astro/Base.css"></head><body><main></main>${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('')}</body></html>`;
const LAB = '/_astro/Lab.astro_astro_type_script_index_0_lang.A1.js';
const TERM = '/_astro/Terminal.astro_astro_type_script_index_0_lang.D4.js';

describe('module preloads', () => {
  it('lists every chunk reachable by static imports, each once, not the scripts themselves nor dynamic imports', () => {
    expect(staticGraph(page([LAB, TERM]), read)).toEqual(['/_astro/ui-page.B2.js', '/_astro/learner.C3.js', '/_astro/store.E5.js', '/_astro/learn.H8.js']);
  });

  it('writes them at the end of <head>, skips one already preloaded, and is idempotent', () => {
    const html = page([LAB, TERM], '<link rel="modulepreload" href="/_astro/store.E5.js">');
    const out: string = withModulePreloads(html, read);
    const head = out.slice(0, out.indexOf('</head>') + 7);
    expect(head).toContain(
      '<link rel="stylesheet" href="/_astro/Base.css"><link rel="modulepreload" href="/_astro/ui-page.B2.js"><link rel="modulepreload" href="/_astro/learner.C3.js"><link rel="modulepreload" href="/_astro/learn.H8.js"></head>',
    );
    expect(out.match(/store\.E5\.js/g)).toHaveLength(1);
    expect(out.slice(out.indexOf('</head>'))).toBe(html.slice(html.indexOf('</head>')));
    expect(withModulePreloads(out, read)).toBe(out);
  });

  it('a page without module scripts, or whose chunks cannot be read, is left alone', () => {
    const none = page([]);
    expect(withModulePreloads(none, read)).toBe(none);
    const missing = page(['/_astro/Gone.js']);
    expect(withModulePreloads(missing, read)).toBe(missing);
  });

  it.skipIf(!existsSync('dist/lessons/namespaces/index.html'))('the built namespaces lesson preloads its scripts’ whole static graph', () => {
    const html = readFileSync('dist/lessons/namespaces/index.html', 'utf8');
    const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
    const graph: string[] = staticGraph(html, (p: string) => readFileSync(`dist${p}`, 'utf8'));
    expect(graph.length).toBeGreaterThan(0);
    for (const p of graph) expect(preloaded).toContain(p);
  });
});
