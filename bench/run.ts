// Benchmarks, run with `npm run bench` (Node 24 runs this TypeScript as is).
// A bench is a named function returning table rows; each prints as a table.
// Site benches read the built site in dist/ (run `npm run build` first).
//
//   bundle:<lesson>   JavaScript a lesson page ships, gzip bytes:
//                     initial = page scripts and their static imports
//                     (before any terminal loads); lazy = what loading the
//                     terminal adds (dynamic imports, the worker and its
//                     imports); total = both. The lazy part is split into
//                     the terminal (xterm + worker + simulation) and the
//                     views (topology + packet path, src/term/views.ts).
//   bundle:pages      the same split for every page of the built site.
//   prompt:<lesson>   in Chromium with a warm cache: gzip bytes of the
//                     JavaScript loaded before the first prompt, and the
//                     navigation → prompt time, the lesson opened in a new
//                     tab and reached from the lesson before it in the same
//                     tab (bench/prompt.bench.ts).
//   grade:1000-checkpoints  wall time and per-file cost of grading a class
//                     (bench/grade.bench.ts).
//
// The simulation benches (lead) are added to `benches` below.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { simBenches } from './sim.bench.ts';
import { benches as netfilterBenches } from './netfilter.bench.ts';
import { benches as dockerBenches } from './docker.bench.ts';
import { benches as k8sBenches } from './k8s.bench.ts';
import { gradeBench } from './grade.bench.ts';
import { promptBench } from './prompt.bench.ts';

/** One row of a bench's table. */
export type Row = Record<string, string | number>;

/** A named benchmark. */
export interface Bench {
  name: string;
  /** One line: what it measures. */
  about: string;
  run(): Promise<Row[]> | Row[];
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

const Q = '["\'`]';
const STATIC_IMPORT = new RegExp(`(?:\\bfrom|\\bimport)\\s*${Q}([^"'\`]+?\\.js)${Q}`, 'g');
const ANY_JS_STRING = new RegExp(`${Q}([^"'\`\\s]+?\\.js)${Q}`, 'g');

function gz(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** Resolve a reference found in `fromFile` (a dist path) to a dist file, if it exists. */
function resolveRef(ref: string, fromFile: string): string | undefined {
  if (/^[a-z]+:/i.test(ref)) return undefined;
  const p = ref.startsWith('/') ? join(DIST, ref) : resolve(dirname(fromFile), ref);
  return p.startsWith(DIST) && existsSync(p) ? p : undefined;
}

/** The JS files reachable from `roots`; `lazy` also follows dynamic imports and URLs (workers). */
function closure(roots: string[], lazy: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = readFileSync(f, 'utf8');
    const re = lazy ? ANY_JS_STRING : STATIC_IMPORT;
    for (const m of src.matchAll(re)) {
      const p = resolveRef(m[1]!, f);
      if (p && !seen.has(p)) stack.push(p);
    }
  }
  return seen;
}

/** Entry scripts of a built page: external module scripts, modulepreloads, inline modules' imports. */
function pageRoots(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const roots = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const p = resolveRef(m[1]!, htmlFile);
    if (p) roots.add(p);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    const p = resolveRef(m[1]!, htmlFile);
    if (p) roots.add(p);
  }
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of m[1]!.matchAll(STATIC_IMPORT)) {
      const p = resolveRef(i[1]!, htmlFile);
      if (p) roots.add(p);
    }
  }
  return [...roots];
}

function sizeOf(files: Iterable<string>): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let n = 0;
  for (const f of files) {
    const b = readFileSync(f);
    raw += b.length;
    gzip += gz(b);
    n++;
  }
  return { raw, gzip, files: n };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** The split of one page's JavaScript: before the terminal, the terminal, the views. */
function pageSplit(html: string): { initial: Set<string>; terminal: string[]; views: string[] } {
  const roots = pageRoots(html);
  const initial = closure(roots, false);
  const all = closure(roots, true);
  const lazy = [...all].filter((f) => !initial.has(f));
  // The views chunk is the one that defines <pl-topology>; its static imports come with it.
  const viewRoots = lazy.filter((f) => /customElements\.define\(\s*["'`]pl-topology["'`]/.test(readFileSync(f, 'utf8')));
  const viewSet = closure(viewRoots, false);
  const views = lazy.filter((f) => viewSet.has(f) && !initial.has(f));
  const terminal = lazy.filter((f) => !viewSet.has(f));
  return { initial, terminal, views };
}

/** Every built page's JavaScript: before the terminal loads, with it, and with the views. */
function pagesBench(): Bench {
  return {
    name: 'bundle:pages',
    about: 'JavaScript per built page, gzip -9 bytes: before the terminal loads / + terminal / + topology and packet views',
    run() {
      if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` first`);
      const pages: string[] = [];
      const walk = (dir: string, depth: number): void => {
        if (depth > 6) return;
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          if (e.isDirectory() && e.name !== '_astro' && e.name !== 'pagefind') walk(join(dir, e.name), depth + 1);
          else if (e.name === 'index.html') pages.push(join(dir, e.name));
        }
      };
      walk(DIST, 0);
      pages.sort();
      return pages.map((html) => {
        const { initial, terminal, views } = pageSplit(html);
        const a = sizeOf(initial).gzip;
        const t = sizeOf(terminal).gzip;
        const v = sizeOf(views).gzip;
        return { page: '/' + html.slice(DIST.length + 1).replace(/index\.html$/, ''), 'before terminal': kB(a), '+ terminal': kB(t), '+ views': kB(v), total: kB(a + t + v), 'total bytes': a + t + v };
      });
    },
  };
}

/** JS shipped to one lesson page, before and after its terminal loads. */
function bundleBench(slug: string): Bench {
  return {
    name: `bundle:${slug}`,
    about: `JavaScript shipped to /lessons/${slug}/ (gzip -9 per file)`,
    run() {
      const html = join(DIST, 'lessons', slug, 'index.html');
      if (!existsSync(html)) throw new Error(`${html} is missing: run \`npm run build\` first`);
      const { initial, terminal, views } = pageSplit(html);
      const lazy = [...terminal, ...views];
      const a = sizeOf(initial);
      const b = sizeOf(terminal);
      const v = sizeOf(views);
      const rows: Row[] = [
        { part: 'initial (before the terminal loads)', files: a.files, raw: kB(a.raw), gzip: kB(a.gzip), 'gzip bytes': a.gzip },
        { part: 'lazy (xterm + worker + simulation)', files: b.files, raw: kB(b.raw), gzip: kB(b.gzip), 'gzip bytes': b.gzip },
        { part: 'lazy (topology + packet-path views)', files: v.files, raw: kB(v.raw), gzip: kB(v.gzip), 'gzip bytes': v.gzip },
        { part: 'total after the terminal and views load', files: a.files + b.files + v.files, raw: kB(a.raw + b.raw + v.raw), gzip: kB(a.gzip + b.gzip + v.gzip), 'gzip bytes': a.gzip + b.gzip + v.gzip },
      ];
      for (const f of [...initial, ...lazy]) {
        const s = sizeOf([f]);
        rows.push({ part: `  ${initial.has(f) ? 'initial' : views.includes(f) ? 'views' : 'lazy'}: ${f.slice(DIST.length + 1)}`, files: 1, raw: kB(s.raw), gzip: kB(s.gzip), 'gzip bytes': s.gzip });
      }
      return rows;
    },
  };
}

/** Every benchmark, in the order they run. */
/** Adapt a bench returning one row object (the netfilter shape). */
function oneRow(b: { name: string; run: () => Promise<Row> }, about: string): Bench {
  return { name: `netfilter:${b.name}`, about, run: async () => [await b.run()] };
}

export const benches: Bench[] = [
  ...simBenches,
  ...netfilterBenches.map((b) => oneRow(b, b.name)),
  ...dockerBenches.map((b) => ({ ...b, name: `docker:${b.name}` })),
  ...k8sBenches,
  gradeBench(1000),
  bundleBench('namespaces'),
  bundleBench('switching-routing'),
  pagesBench(),
  promptBench(DIST, 'namespaces'),
];

function printTable(rows: Row[]): void {
  if (!rows.length) return console.log('  (no rows)');
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c] ?? ''))));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = 0;
  for (const b of benches) {
    if (only.length && !only.some((o) => b.name.includes(o))) continue;
    console.log(`\n${b.name} — ${b.about}`);
    try {
      printTable(await b.run());
    } catch (e) {
      failed++;
      console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
