import { describe, expect, it } from 'vitest';
import { parseProgressFile, parseRecord, PROGRESS_FORMAT, SCHEMA } from './store.ts';

describe('terminal store records', () => {
  it('accepts a schema-2 record and keeps entries, progress and seed', () => {
    const r = parseRecord('lab:x', { key: 'lab:x', schema: 2, seed: 7, entries: [{ line: 'ip netns add red', at: 0 }, { intr: true, at: 5 }], passed: ['ns-red'], updated: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rec.schema).toBe(SCHEMA);
    expect(r.rec.seed).toBe(7);
    expect(r.rec.entries).toEqual([{ line: 'ip netns add red', at: 0 }, { intr: true, at: 5 }]);
    expect(r.rec.passed).toEqual(['ns-red']);
  });

  it('keeps the keys an editor read (nano, vi) and refuses malformed ones', () => {
    const keys = { keys: ['h', 'i', '\x0f', '\r', '\x18'], at: 10, dt: [0, 1, 2, 3, 4], cols: 80, rows: 24 };
    const r = parseRecord('k', { schema: 2, entries: [{ line: 'nano f', at: 0 }, { ...keys, extra: 1 }], passed: [] });
    expect(r.ok && r.rec.entries).toEqual([{ line: 'nano f', at: 0 }, keys]);
    for (const bad of [{ ...keys, dt: [0] }, { ...keys, keys: [''] , dt: [0] }, { ...keys, keys: ['x'.repeat(33)], dt: [0] }, { ...keys, cols: 0 }, { ...keys, keys: Array(1001).fill('a'), dt: Array(1001).fill(0) }]) {
      expect(parseRecord('k', { schema: 2, entries: [bad] }).ok).toBe(false);
    }
  });

  it('migrates the localStorage shape {version: 1, entries, passed, results}', () => {
    const results = [{ id: 'a', title: 'A', passed: true, message: 'ok' }];
    const r = parseRecord('play:/x/', { version: 1, entries: [{ line: 'ls', at: 3 }], passed: ['a'], results });
    expect(r).toEqual({ ok: true, rec: { key: 'play:/x/', schema: SCHEMA, seed: 1, entries: [{ line: 'ls', at: 3 }], passed: ['a'], results, updated: 0 } });
  });

  it('reports damaged and other-version records with a readable reason', () => {
    for (const bad of ['garbage', null, 42, [], { schema: 2, entries: 'nope' }, { schema: 2, entries: [{ nope: 1 }] }, { schema: 2, entries: [{ line: 'x', at: -1 }] }]) {
      const r = parseRecord('k', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(/damaged/);
    }
    const future = parseRecord('k', { schema: 99, entries: [] });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.problem).toMatch(/different version.*schema 99/);
  });
});

describe('progress files', () => {
  it('round-trips the export format', () => {
    const text = JSON.stringify({ format: PROGRESS_FORMAT, schema: 2, exported: 'now', terms: [{ key: 'lab:a', schema: 2, seed: 1, entries: [{ line: 'ip a', at: 1 }], passed: [] }] });
    const f = parseProgressFile(text);
    expect(f.terms).toHaveLength(1);
    expect(f.terms[0]!.entries).toEqual([{ line: 'ip a', at: 1 }]);
  });

  it('rejects files that are not progress files', () => {
    expect(() => parseProgressFile('{nope')).toThrow(/not JSON/);
    expect(() => parseProgressFile('{"format":"other"}')).toThrow(/not a packetlab progress file/);
    expect(() => parseProgressFile(JSON.stringify({ format: PROGRESS_FORMAT, terms: [{ key: 'a', schema: 2, entries: 3 }] }))).toThrow(/damaged/);
  });
});
