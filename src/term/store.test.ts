import { beforeEach, describe, expect, it } from 'vitest';
import { clearTerm, loadTerm, saveTerm } from './store.ts';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.has(k) ? this.m.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

describe('terminal store', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('starts empty', () => {
    expect(loadTerm('lab:x')).toEqual({ version: 1, entries: [], passed: [] });
  });

  it('keeps entries and progress under packetlab:<key> as {version:1, entries}', () => {
    saveTerm('lab:x', { entries: [{ line: 'ip netns add red', at: 0 }, { intr: true, at: 5 }] });
    saveTerm('lab:x', { passed: ['ns-red'] });
    const raw = JSON.parse(localStorage.getItem('packetlab:lab:x')!);
    expect(raw.version).toBe(1);
    expect(raw.entries).toHaveLength(2);
    expect(loadTerm('lab:x').passed).toEqual(['ns-red']);
  });

  it('ignores corrupt or foreign records', () => {
    localStorage.setItem('packetlab:a', '{not json');
    localStorage.setItem('packetlab:b', JSON.stringify({ version: 2, entries: [] }));
    localStorage.setItem('packetlab:c', JSON.stringify({ version: 1, entries: [{ nope: 1 }] }));
    for (const k of ['a', 'b', 'c']) expect(loadTerm(k).entries).toEqual([]);
  });

  it('forgets a record on clear', () => {
    saveTerm('k', { entries: [{ line: 'ls', at: 1 }] });
    clearTerm('k');
    expect(loadTerm('k').entries).toEqual([]);
  });
});
