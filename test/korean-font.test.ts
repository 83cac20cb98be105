// The Korean web font: English pages declare only the Noto Sans KR slices
// their Hangul needs (the language switch), Korean pages all of them
// (scripts/korean-font.mjs). Every declared face costs font matching in
// the page's first layout, so the split is part of the prompt time.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANG_NAMES } from '../src/i18n/ui.ts';
// @ts-expect-error -- a plain .mjs build script without declarations
import { EVERY_PAGE_HANGUL, rangeCovers } from '../scripts/korean-font.mjs';

const faces = (file: string) => [...readFileSync(file, 'utf8').matchAll(/unicode-range:([^}]+)\}/g)].map((m) => m[1]!);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('Korean font slices', () => {
  it('the every-page slices cover the Hangul every page shows, at both weights', () => {
    expect(EVERY_PAGE_HANGUL).toBe(LANG_NAMES.ko);
    const names = faces('src/styles/korean-font-names.css');
    expect(names.length).toBeLessThanOrEqual(8);
    for (const c of LANG_NAMES.ko) expect(names.filter((r) => rangeCovers(r, c.codePointAt(0)!)).length, c).toBe(2);
    // The rest are in the Korean pages' file, none twice.
    const rest = faces('src/styles/korean-font.css');
    expect(rest.length + names.length).toBe(240);
    for (const c of LANG_NAMES.ko) expect(rest.some((r) => rangeCovers(r, c.codePointAt(0)!)), c).toBe(false);
  });

  it('only the Korean pages import the full set; the layout imports the every-page slices', () => {
    const importers = files('src')
      .filter((f) => /\.(astro|ts|mdx)$/.test(f) && /styles\/korean-font\.css'/.test(readFileSync(f, 'utf8')))
      .sort();
    const koPages = files('src/pages/ko')
      .filter((f) => f.endsWith('.astro'))
      .sort();
    expect(koPages.length).toBeGreaterThan(0);
    expect(importers).toEqual(koPages);
    expect(readFileSync('src/layouts/Base.astro', 'utf8')).toContain("import '../styles/korean-font-names.css';");
  });
});
