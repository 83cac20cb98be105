// Per-terminal persistence in IndexedDB, with a versioned record schema.
//
//   database `packetlab` (IDB version 1)
//     terms  keyPath `key`: { key, schema: 2, seed, entries, passed, results?, updated }
//     meta   keyPath `key`: { key: 'schema', version: 2, migratedFrom?: 'localStorage' }
//
// Schema 1 was the localStorage record `packetlab:<key>` = {version: 1,
// entries, passed, results}; it is migrated once, on first open, then removed.
// A record that cannot be read (damaged, or written by another version) is
// reported to the caller, deleted, and the terminal starts fresh — a bad
// record never breaks the page. Progress can be exported to a JSON file and
// imported in another browser (`packetlab-progress/1`).

import type { TermCheckResult, TermEntry } from './protocol.ts';

/** Current record schema. */
export const SCHEMA = 2;
/** Format id of an exported progress file. */
export const PROGRESS_FORMAT = 'packetlab-progress/1';

const DB_NAME = 'packetlab';
const DB_VERSION = 1;
const LS_PREFIX = 'packetlab:';
const MAX_ENTRIES = 5000;
const MAX_LINE = 10_000;
/** src/session's MAX_KEYS_PER_ENTRY (not imported: the page must not load the simulation). */
const MAX_KEYS_PER_ENTRY = 1000;

/** One terminal's stored state. */
export interface TermRecord {
  key: string;
  schema: typeof SCHEMA;
  seed: number;
  entries: TermEntry[];
  /** Ids of the checks that passed at the last (live or explicit) check. */
  passed: string[];
  /** The last check's results, shown again after a reload. */
  results?: TermCheckResult[];
  /** Wall-clock ms of the last write (for the export only). */
  updated: number;
}

/** What loading a record found: the record (fresh when none or unreadable) and why it was discarded. */
export interface Loaded {
  rec: TermRecord;
  /** Set when a stored record existed but could not be used. */
  problem?: string;
}

/** An exported progress file. */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  schema: typeof SCHEMA;
  exported: string;
  terms: TermRecord[];
}

function isEntry(e: unknown): e is TermEntry {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  if (typeof o.at !== 'number' || !Number.isFinite(o.at) || o.at < 0) return false;
  return (typeof o.line === 'string' && o.line.length <= MAX_LINE) || o.intr === true || isKeysEntry(o);
}

/** Keys a full-screen program read (src/session KeysEntry), within the session's bounds. */
function isKeysEntry(o: Record<string, unknown>): boolean {
  const { keys, dt, cols, rows } = o;
  if (!Array.isArray(keys) || !Array.isArray(dt) || keys.length === 0 || keys.length > MAX_KEYS_PER_ENTRY || dt.length !== keys.length) return false;
  if (!keys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 32)) return false;
  if (!dt.every((d) => typeof d === 'number' && Number.isFinite(d) && d >= 0)) return false;
  return [cols, rows].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000);
}

/** A clean copy of a valid entry (no extra fields). */
function copyEntry(e: TermEntry): TermEntry {
  if ('intr' in e) return { intr: true as const, at: e.at };
  if ('keys' in e) return { keys: [...e.keys], at: e.at, dt: [...e.dt], cols: e.cols, rows: e.rows };
  return { line: e.line, at: e.at };
}

function isResult(r: unknown): r is TermCheckResult {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.title === 'string' && typeof o.passed === 'boolean' && typeof o.message === 'string';
}

/** A fresh, empty record. */
export function emptyRecord(key: string, seed = 1): TermRecord {
  return { key, schema: SCHEMA, seed, entries: [], passed: [], updated: 0 };
}

/**
 * Validate a stored value as a record for `key`, migrating schema 1 (the
 * localStorage shape). Returns the reason when it cannot be used.
 */
export function parseRecord(key: string, v: unknown): { ok: true; rec: TermRecord } | { ok: false; problem: string } {
  const damaged = { ok: false as const, problem: 'Your saved terminal for this page could not be read (the stored data is damaged), so it starts fresh.' };
  if (!v || typeof v !== 'object' || Array.isArray(v)) return damaged;
  const o = v as Record<string, unknown>;
  const schema = o.schema ?? (o.version === 1 ? 1 : undefined);
  if (schema !== 1 && schema !== SCHEMA) {
    return { ok: false, problem: `Your saved terminal for this page was written by a different version of packetlab (schema ${String(schema)}; this site reads ${SCHEMA}), so it starts fresh.` };
  }
  if (!Array.isArray(o.entries) || o.entries.length > MAX_ENTRIES || !o.entries.every(isEntry)) return damaged;
  const seed = typeof o.seed === 'number' && Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= 0xffffffff ? o.seed : 1;
  return {
    ok: true,
    rec: {
      key,
      schema: SCHEMA,
      seed,
      entries: o.entries.map(copyEntry),
      passed: Array.isArray(o.passed) ? o.passed.filter((p): p is string => typeof p === 'string') : [],
      results: Array.isArray(o.results) ? o.results.filter(isResult) : undefined,
      updated: typeof o.updated === 'number' ? o.updated : 0,
    },
  };
}

/** Validate an exported progress file; throws an Error with a readable reason. */
export function parseProgressFile(text: string): ProgressFile {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error('This file is not a packetlab progress file (it is not JSON).');
  }
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  if (o.format !== PROGRESS_FORMAT) throw new Error(`This file is not a packetlab progress file (format is not ${PROGRESS_FORMAT}).`);
  if (!Array.isArray(o.terms)) throw new Error('This progress file has no terminals in it.');
  const terms: TermRecord[] = [];
  for (const t of o.terms) {
    const key = t && typeof t === 'object' ? (t as Record<string, unknown>).key : undefined;
    if (typeof key !== 'string' || !key || key.length > 300) throw new Error('This progress file is damaged (a terminal has no key).');
    const r = parseRecord(key, t);
    if (!r.ok) throw new Error(`This progress file is damaged or from another version (terminal ${key}).`);
    terms.push(r.rec);
  }
  return { format: PROGRESS_FORMAT, schema: SCHEMA, exported: typeof o.exported === 'string' ? o.exported : '', terms };
}

// ── IndexedDB ──────────────────────────────────────────────────────────────

let dbp: Promise<IDBDatabase | null> | null = null;
/** Problems found while opening (reported once, by the first terminal that loads). */
let openProblem: string | undefined;
/** In-memory fallback when IndexedDB is unavailable (private mode, blocked). */
const memory = new Map<string, TermRecord>();

// ── which terminals have entries, readable synchronously ───────────────────
//
// A terminal must not show a prompt before it knows whether the learner has a
// session to replay, and the IndexedDB read it waits for is the slowest step
// of a page's first prompt (docs/bench.md). localStorage keeps the keys of the
// records that have entries (`packetlab-stored/1`), kept in step with every
// write below; a terminal whose key is not in it starts at once and checks
// the record when it arrives (src/term/terminal-element.ts). Absent (a first
// visit, or records written before the index existed) means "unknown": the
// terminal waits for IndexedDB, and the index is built from it.

const INDEX_KEY = 'packetlab-stored/1';

/** The keys whose stored record has entries, or null when unknown (no index yet, or localStorage unusable). */
export function storedIndex(): Set<string> | null {
  try {
    const raw = localStorage.getItem(INDEX_KEY);
    if (raw === null) return null;
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.every((k) => typeof k === 'string') ? new Set(v) : null;
  } catch {
    return null;
  }
}

function writeIndex(keys: Set<string>): void {
  try {
    localStorage.setItem(INDEX_KEY, JSON.stringify([...keys].sort()));
  } catch {
    /* best effort: without it terminals wait for IndexedDB */
  }
}

/** Record whether `key` has entries (only once the index exists; it is built whole from IndexedDB). */
function noteIndex(key: string, hasEntries: boolean): void {
  const keys = storedIndex();
  if (!keys || keys.has(key) === hasEntries) return;
  if (hasEntries) keys.add(key);
  else keys.delete(key);
  writeIndex(keys);
}

/** Build the index from every stored record (once, when it is missing). */
async function buildIndex(db: IDBDatabase): Promise<void> {
  if (storedIndex()) return;
  const raws = await req(db.transaction('terms').objectStore('terms').getAll());
  const keys = new Set<string>();
  for (const raw of raws) {
    const key = (raw as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') continue;
    const r = parseRecord(key, raw);
    if (r.ok && r.rec.entries.length) keys.add(key);
  }
  // A write that finished meanwhile already went through noteIndex (a no-op while there was no index): ours is complete.
  writeIndex(keys);
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openOnce(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('terms')) db.createObjectStore('terms', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** Move schema-1 localStorage records into IndexedDB (once). */
async function migrateLocalStorage(db: IDBDatabase): Promise<void> {
  const meta = (await req(db.transaction('meta').objectStore('meta').get('schema'))) as { version?: number; migratedFrom?: string } | undefined;
  if (meta && meta.version === SCHEMA) return;
  let keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(LS_PREFIX)) keys.push(k);
    }
  } catch {
    keys = [];
  }
  const tx = db.transaction(['terms', 'meta'], 'readwrite');
  const terms = tx.objectStore('terms');
  for (const k of keys) {
    const key = k.slice(LS_PREFIX.length);
    try {
      const r = parseRecord(key, JSON.parse(localStorage.getItem(k) ?? 'null'));
      if (r.ok) terms.put({ ...r.rec, updated: Date.now() });
    } catch {
      /* an unreadable old record is simply not migrated */
    }
  }
  tx.objectStore('meta').put({ key: 'schema', version: SCHEMA, migratedFrom: keys.length ? 'localStorage' : undefined });
  await txDone(tx);
  try {
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    /* ignore */
  }
}

/** The database, opened and migrated; null when IndexedDB cannot be used (memory fallback). */
export function openStore(): Promise<IDBDatabase | null> {
  return (dbp ??= (async () => {
    if (typeof indexedDB === 'undefined') {
      openProblem = 'This browser does not allow saving progress, so it is kept only until you leave the page.';
      return null;
    }
    let db: IDBDatabase;
    try {
      db = await openOnce();
      if (!db.objectStoreNames.contains('terms') || !db.objectStoreNames.contains('meta')) {
        db.close();
        throw new Error('missing object stores');
      }
    } catch {
      // A database we cannot use (damaged, or laid out by another version): start a new one.
      try {
        await new Promise<void>((resolve) => {
          const d = indexedDB.deleteDatabase(DB_NAME);
          d.onsuccess = d.onerror = d.onblocked = () => resolve();
        });
        db = await openOnce();
        openProblem = 'Your saved progress could not be read (the browser’s stored data was damaged or from another version), so the terminals start fresh.';
      } catch {
        openProblem = 'This browser does not allow saving progress, so it is kept only until you leave the page.';
        return null;
      }
    }
    db.onversionchange = () => db.close();
    try {
      await migrateLocalStorage(db);
    } catch {
      /* migration is best effort */
    }
    buildIndex(db).catch(() => undefined);
    return db;
  })());
}

/** Load the record for `key`; an unreadable one is deleted and reported. Never throws. */
export async function loadTerm(key: string, seed = 1): Promise<Loaded> {
  const db = await openStore();
  // Every terminal of the page says so (the practice terminal, a lab's, a self-check's record may load first).
  const problem = openProblem;
  if (!db) return { rec: memory.get(key) ?? emptyRecord(key, seed), problem };
  let raw: unknown;
  try {
    raw = await req(db.transaction('terms').objectStore('terms').get(key));
  } catch {
    return { rec: emptyRecord(key, seed), problem: problem ?? 'Your saved terminal could not be read, so it starts fresh.' };
  }
  if (raw === undefined) return { rec: emptyRecord(key, seed), problem };
  const r = parseRecord(key, raw);
  if (r.ok) return { rec: r.rec, problem };
  await clearTerm(key);
  return { rec: emptyRecord(key, seed), problem: r.problem };
}

/** Writes per key run one after another (read-modify-write). */
const queues = new Map<string, Promise<void>>();

/** Merge `patch` into the record for `key`. Best effort; never throws. */
export function saveTerm(key: string, patch: Partial<Pick<TermRecord, 'entries' | 'passed' | 'results' | 'seed'>>): Promise<void> {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.then(async () => {
    try {
      const db = await openStore();
      if (!db) {
        memory.set(key, { ...(memory.get(key) ?? emptyRecord(key)), ...patch, updated: Date.now() });
        return;
      }
      const tx = db.transaction('terms', 'readwrite');
      const store = tx.objectStore('terms');
      const raw = await req(store.get(key));
      const cur = raw === undefined ? emptyRecord(key, patch.seed) : (() => {
        const r = parseRecord(key, raw);
        return r.ok ? r.rec : emptyRecord(key, patch.seed);
      })();
      const rec = { ...cur, ...patch, key, schema: SCHEMA, updated: Date.now() };
      store.put(rec);
      await txDone(tx);
      noteIndex(key, rec.entries.length > 0);
    } catch {
      /* quota or privacy mode: persistence is best effort */
    }
  });
  queues.set(key, next);
  return next;
}

/** Forget the record for `key`. */
export function clearTerm(key: string): Promise<void> {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.then(async () => {
    memory.delete(key);
    try {
      const db = await openStore();
      if (!db) return;
      const tx = db.transaction('terms', 'readwrite');
      tx.objectStore('terms').delete(key);
      await txDone(tx);
      noteIndex(key, false);
    } catch {
      /* ignore */
    }
  });
  queues.set(key, next);
  return next;
}

/** Every stored terminal as an export file. */
export async function exportProgress(): Promise<ProgressFile> {
  await Promise.all(queues.values());
  const db = await openStore();
  let raws: unknown[] = [...memory.values()];
  if (db) raws = await req(db.transaction('terms').objectStore('terms').getAll());
  const terms: TermRecord[] = [];
  for (const raw of raws) {
    const key = (raw as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') continue;
    const r = parseRecord(key, raw);
    if (r.ok) terms.push(r.rec);
  }
  terms.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { format: PROGRESS_FORMAT, schema: SCHEMA, exported: new Date().toISOString(), terms };
}

/** Store every terminal of an export file (replacing those with the same key); returns how many. */
export async function importProgress(text: string): Promise<number> {
  const file = parseProgressFile(text);
  const db = await openStore();
  if (!db) {
    for (const t of file.terms) memory.set(t.key, t);
    return file.terms.length;
  }
  const tx = db.transaction('terms', 'readwrite');
  for (const t of file.terms) tx.objectStore('terms').put({ ...t, updated: Date.now() });
  await txDone(tx);
  for (const t of file.terms) noteIndex(t.key, t.entries.length > 0);
  return file.terms.length;
}
