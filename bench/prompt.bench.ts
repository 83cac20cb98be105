// prompt:<lesson> — a lesson page in a real browser (Debian Chromium through
// Playwright) with a warm cache: the JavaScript the page loaded (page
// scripts, xterm.js, the worker and its chunks) before the first terminal
// showed its prompt, in gzip -9 bytes of each file as built, and the time
// from navigation start to that prompt (`pl-ready`), median of N runs, in
// two ways a learner arrives: the lesson opened in a new tab, and the
// lesson reached from the one before it in the same tab (its "next" link).
// Also what the worker loaded by then, and what loads after the prompt
// (chunks fetched ahead of first use) until the page is quiet.
//
// Reads the built site in dist/ (run `npm run build` first) and serves it
// itself, with `Cache-Control: max-age` on /_astro/ (hashed names) as a
// static host would, so the second and later loads come from the cache.
// The browser keeps a profile on disk, as a returning learner's does
// (BENCH_PROFILE=incognito: an off-the-record context instead).
// Wall-clock figures are reported, never asserted.

import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench, Row } from './run.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
};

/** A static server for `dist` (index.html for directories, long cache for hashed assets). */
export function serveDist(dist: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let p = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!p.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!existsSync(p)) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' };
    headers['cache-control'] = url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, headers).end(readFileSync(p));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const gzCache = new Map<string, number>();
function gzBytes(dist: string, pathname: string): number {
  let n = gzCache.get(pathname);
  if (n === undefined) {
    n = gzipSync(readFileSync(join(dist, pathname)), { level: 9 }).length;
    gzCache.set(pathname, n);
  }
  return n;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** One warm load of `path`: JS files (by pathname) before the prompt and after, and the prompt time. */
interface Load {
  before: string[];
  after: string[];
  workerBefore: string[];
  ms: number;
  /** Boot milestones (performance marks `pl:*` of the page and of the main terminal's worker), ms from navigation. */
  marks: Record<string, number>;
}

/** The milestones in the order a boot passes them (src/term/terminal-element.ts, worker.ts, src/session/session.ts), with the page's first contentful paint among them. */
const MILESTONES: [string, string][] = [
  ['pl:worker-eval', "worker's entry evaluated (fetched, compiled, run)"],
  ['pl:load', "terminal element starts (the page's module scripts ran)"],
  ['first-contentful-paint', "the page's first frame with text on screen (Paint Timing)"],
  ['pl:xterm', 'xterm.js loaded'],
  ['pl:stored', "the terminal's stored record read (IndexedDB)"],
  ['pl:boot', 'worker got init, boot starts'],
  ['pl:session', 'session and world built'],
  ['pl:started', 'world booted, login shell at its prompt'],
];

/**
 * Report `pl-ready` through the console (`pl-bench-ready MS AT PATH`), once
 * per document. Not polled: polling (waitForFunction) injects Playwright's
 * utility script into the page while it loads, a ~50 ms task on the main
 * thread that the prompt then waits behind.
 */
async function reportReady(page: import('@playwright/test').Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('pl-ready', () => {
      const w = window as unknown as { __plReady?: number };
      if (w.__plReady !== undefined) return;
      w.__plReady = performance.now();
      console.debug(`pl-bench-ready ${w.__plReady} ${performance.timeOrigin + w.__plReady} ${location.pathname}`);
    });
  });
}

export function promptBench(dist: string, slug: string, runs = Number(process.env.BENCH_RUNS) || 7, port = Number(process.env.BENCH_PORT) || 4336): Bench {
  return {
    name: `prompt:${slug}`,
    about: `/lessons/${slug}/ in Chromium, warm cache: JS (gzip -9) loaded before the first prompt, and navigation → prompt time (median of ${runs})`,
    async run(): Promise<Row[]> {
      if (!existsSync(join(dist, 'lessons', slug, 'index.html'))) throw new Error(`${dist} has no /lessons/${slug}/: run \`npm run build\` first`);
      const { chromium } = await import('@playwright/test');
      const server = await serveDist(dist, port);
      // A returning learner's browser: a profile on disk, with the HTTP cache and
      // V8's code cache (the profile's `Code Cache/js`) kept there. An
      // off-the-record context (BENCH_PROFILE=incognito, Playwright's
      // newContext) keeps its caches in memory for the run instead.
      const launch = { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] };
      const viewport = { width: 1280, height: 900 };
      const incognito = process.env.BENCH_PROFILE === 'incognito';
      const profileDir = incognito ? undefined : mkdtempSync(join(tmpdir(), 'pl-bench-'));
      let browser: import('@playwright/test').Browser | undefined;
      let context: import('@playwright/test').BrowserContext | undefined;
      try {
        const ctx = profileDir ? await chromium.launchPersistentContext(profileDir, { ...launch, viewport }) : await (browser = await chromium.launch(launch)).newContext({ viewport });
        context = ctx;
        const url = `http://127.0.0.1:${port}/lessons/${slug}/`;
        const once = async (): Promise<Load> => {
          const page = await ctx.newPage();
          const seen: { path: string; req?: import('@playwright/test').Request }[] = [];
          page.on('request', (r) => {
            const { pathname } = new URL(r.url());
            if (/\.m?js$/.test(pathname)) seen.push({ path: pathname, req: r });
          });
          let simWorker: import('@playwright/test').Worker | undefined;
          page.on('worker', (w) => {
            const { pathname } = new URL(w.url());
            if (!simWorker && /\/worker-[^/]*\.js$/.test(pathname)) simWorker = w;
            if (!seen.some((x) => x.path === pathname)) seen.push({ path: pathname });
          });
          await reportReady(page);
          const ready = new Promise<{ ms: number; readyAt: number }>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${url}: no pl-ready in 60 s`)), 60_000);
            page.on('console', (m) => {
              const t = /^pl-bench-ready (\S+) (\S+) /.exec(m.text());
              if (t) {
                clearTimeout(timer);
                resolve({ ms: Number(t[1]), readyAt: Number(t[2]) });
              }
            });
          });
          await page.goto(url, { waitUntil: 'commit' });
          const { ms, readyAt } = await ready;
          const pageMarks = await page.evaluate(() => ({ origin: performance.timeOrigin, marks: [...performance.getEntriesByType('paint'), ...performance.getEntriesByType('mark')].map((m) => [m.name, m.startTime] as const) }));
          const marks: Record<string, number> = {};
          for (const [n, t] of pageMarks.marks) marks[n] ??= t;
          if (simWorker) {
            const wm = await simWorker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const) }));
            for (const [n, t] of wm.marks) marks[n] ??= t + wm.origin - pageMarks.origin;
          }
          // What loads after the prompt (chunks fetched ahead of first use): wait until quiet.
          let n = -1;
          while (n !== seen.length) {
            n = seen.length;
            await page.waitForTimeout(1000);
          }
          await page.close();
          // A request counts as before the prompt when it started before the pl-ready event.
          const isBefore = (x: (typeof seen)[number]) => !x.req || x.req.timing().startTime < readyAt;
          const before = [...new Set(seen.filter(isBefore).map((x) => x.path))];
          const after = [...new Set(seen.filter((x) => !isBefore(x)).map((x) => x.path))].filter((p) => !before.includes(p));
          return { before, after, workerBefore: before.filter((p) => /\/worker-[^/]*\.js$/.test(p)), ms, marks };
        };
        // The next lesson in the same tab, as a learner reaches it: on the lesson
        // before it (its <a rel="prev">), prompt up, the learner follows its
        // rel="next" link. The tab's renderer process, with its font and style
        // caches, carries over from one lesson to the next.
        const lessonPath = `/lessons/${slug}/`;
        const prevPath = /<a rel="prev" href="(\/lessons\/[^"]+\/)"/.exec(readFileSync(join(dist, 'lessons', slug, 'index.html'), 'utf8'))?.[1];
        const nextLesson = async (n: number): Promise<number[]> => {
          const page = await ctx.newPage();
          await reportReady(page);
          let waiting: { path: string; resolve: (ms: number) => void } | undefined;
          page.on('console', (m) => {
            const t = /^pl-bench-ready (\S+) \S+ (\S+)$/.exec(m.text());
            if (t && waiting?.path === t[2]) waiting.resolve(Number(t[1]));
          });
          const readyOn = (path: string) =>
            new Promise<number>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error(`${path}: no pl-ready in 60 s`)), 60_000);
              waiting = {
                path,
                resolve: (ms) => {
                  clearTimeout(timer);
                  waiting = undefined;
                  resolve(ms);
                },
              };
            });
          const prevHasTerminal = /<pl-terminal\b[^>]*\sdata-main[\s>=]/.test(readFileSync(join(dist, prevPath!, 'index.html'), 'utf8'));
          const out: number[] = [];
          for (let i = 0; i <= n; i++) {
            const prevReady = prevHasTerminal ? readyOn(prevPath!) : undefined;
            await page.goto(`http://127.0.0.1:${port}${prevPath}`, { waitUntil: prevHasTerminal ? 'commit' : 'load' });
            await prevReady;
            await page.waitForTimeout(500);
            const ready = readyOn(lessonPath);
            await page.click(`a[rel="next"][href="${lessonPath}"]`);
            const ms = await ready;
            if (i > 0) out.push(ms); // the first fills the cache
            await page.waitForTimeout(500);
          }
          await page.close();
          return out;
        };
        await once(); // fill the cache
        await once(); // V8 caches a script's compiled code from its second load on
        const loads: Load[] = [];
        for (let i = 0; i < runs; i++) loads.push(await once());
        const next = prevPath ? await nextLesson(runs) : [];
        const first = loads[0]!;
        const sum = (ps: string[]) => ps.reduce((a, p) => a + gzBytes(dist, p), 0);
        const before = sum(first.before);
        const after = sum(first.after);
        const rows: Row[] = [
          { what: 'JavaScript before the first prompt (page + xterm + worker)', files: first.before.length, gzip: kB(before), 'gzip bytes': before },
          { what: 'JavaScript after the prompt, before first use (prefetched chunks)', files: first.after.length, gzip: kB(after), 'gzip bytes': after },
          { what: `navigation → prompt, warm cache, lesson opened in a new tab (median of ${runs})`, files: '', gzip: `${median(loads.map((l) => l.ms)).toFixed(0)} ms`, 'gzip bytes': '' },
          { what: `  runs: ${loads.map((l) => l.ms.toFixed(0)).join(', ')} ms`, files: '', gzip: '', 'gzip bytes': '' },
        ];
        if (next.length) {
          rows.push({ what: `navigation → prompt, warm cache, next lesson in the same tab from ${prevPath} (median of ${runs})`, files: '', gzip: `${median(next).toFixed(0)} ms`, 'gzip bytes': '' });
          rows.push({ what: `  runs: ${next.map((ms) => ms.toFixed(0)).join(', ')} ms`, files: '', gzip: '', 'gzip bytes': '' });
        }
        rows.push({ what: `profile: ${incognito ? 'off the record (no code cache), BENCH_PROFILE=incognito' : 'on disk (HTTP cache and code cache)'}`, files: '', gzip: '', 'gzip bytes': '' });
        rows.push({ what: 'new-tab milestones:', files: '', gzip: '', 'gzip bytes': '' });
        for (const [mark, what] of MILESTONES) {
          const at = loads.map((l) => l.marks[mark]).filter((t): t is number => t !== undefined);
          if (at.length) rows.push({ what: `  ${what} (${mark}), median`, files: '', gzip: `${median(at).toFixed(0)} ms`, 'gzip bytes': '' });
        }
        for (const p of first.before) rows.push({ what: `  before: ${p}`, files: 1, gzip: kB(gzBytes(dist, p)), 'gzip bytes': gzBytes(dist, p) });
        for (const p of first.after) rows.push({ what: `  after: ${p}`, files: 1, gzip: kB(gzBytes(dist, p)), 'gzip bytes': gzBytes(dist, p) });
        return rows;
      } finally {
        await context?.close();
        await browser?.close();
        if (profileDir) rmSync(profileDir, { recursive: true, force: true });
        await new Promise((r) => server.close(r));
      }
    },
  };
}
