// Per-terminal persistence in localStorage: `{version: 1, entries, passed}`
// under `packetlab:<key>`. Unreadable or foreign records count as empty.
// (A later issue moves this to IndexedDB.)

import type { StoredTerm, TermCheckResult, TermEntry } from './protocol.ts';

const PREFIX = 'packetlab:';

function isEntry(e: unknown): e is TermEntry {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return typeof o.at === 'number' && (typeof o.line === 'string' || o.intr === true);
}

function isResult(r: unknown): r is TermCheckResult {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.title === 'string' && typeof o.passed === 'boolean' && typeof o.message === 'string';
}

/** The stored record for `key`, or an empty one. */
export function loadTerm(key: string): StoredTerm {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw) {
      const v = JSON.parse(raw) as Partial<StoredTerm>;
      if (v && v.version === 1 && Array.isArray(v.entries) && v.entries.every(isEntry)) {
        return {
          version: 1,
          entries: v.entries,
          passed: Array.isArray(v.passed) ? v.passed.filter((p) => typeof p === 'string') : [],
          results: Array.isArray(v.results) ? v.results.filter(isResult) : undefined,
        };
      }
    }
  } catch {
    /* storage disabled or corrupt: start fresh */
  }
  return { version: 1, entries: [], passed: [] };
}

/** Merge `patch` into the record for `key`. */
export function saveTerm(key: string, patch: Partial<Omit<StoredTerm, 'version'>>): void {
  try {
    const cur = loadTerm(key);
    localStorage.setItem(PREFIX + key, JSON.stringify({ ...cur, ...patch, version: 1 }));
  } catch {
    /* quota or privacy mode: persistence is best effort */
  }
}

/** Forget the record for `key`. */
export function clearTerm(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* ignore */
  }
}
