// Every page the site builds, found from the content (lessons other helpers
// add are picked up without editing a list): home, tool pages and each
// lesson, in English and Korean.
import { readdirSync, readFileSync } from 'node:fs';

function slugs(dir: string): string[] {
  const base = new URL(`../content/${dir}/`, import.meta.url);
  return readdirSync(base)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .map((f) => /^slug:\s*"?([a-z0-9-]+)"?/m.exec(readFileSync(new URL(f, base), 'utf8'))?.[1] ?? f.replace(/\.mdx?$/, ''));
}

export const LESSONS = slugs('lessons');
export const KO_LESSONS = slugs('ko/lessons');
const TOOLS = ['/', '/instructor/', '/reference/', '/progress/', '/search/'];

/** English paths. */
export const EN_PAGES = [...TOOLS, ...LESSONS.map((s) => `/lessons/${s}/`)];
/** Korean paths. */
export const KO_PAGES = [...TOOLS.map((p) => (p === '/' ? '/ko/' : `/ko${p}`)), ...KO_LESSONS.map((s) => `/ko/lessons/${s}/`)];
export const ALL_PAGES = [...EN_PAGES, ...KO_PAGES];
