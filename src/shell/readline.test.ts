import { describe, expect, it } from 'vitest';
import { LineEditor, splitKeys, Terminal } from './readline.ts';

function type(ed: LineEditor, data: string): string {
  let out = '';
  for (const k of splitKeys(data)) out += ed.key(k).out;
  return out;
}

describe('line editor', () => {
  it('inserts anywhere, deletes, and moves with arrows/Home/End', () => {
    const ed = new LineEditor({ prompt: '$ ', history: [] }, 80);
    type(ed, 'helo');
    type(ed, '\x1b[D\x1b[D'); // cursor before "lo"
    type(ed, 'l');
    expect(ed.buf).toBe('hello');
    type(ed, '\x01'); // Ctrl-A
    expect(ed.cursor).toBe(0);
    type(ed, '\x1b[3~'); // Delete
    expect(ed.buf).toBe('ello');
    type(ed, '\x05\x7f'); // End, Backspace
    expect(ed.buf).toBe('ell');
    type(ed, ' world\x17'); // Ctrl-W deletes the previous word
    expect(ed.buf).toBe('ell ');
    type(ed, '\x01\x0b'); // Ctrl-A Ctrl-K
    expect(ed.buf).toBe('');
  });

  it('submits on Enter, cancels on Ctrl-C and signals EOF on Ctrl-D only when empty', () => {
    const ed = new LineEditor({ prompt: '$ ', history: [] }, 80);
    type(ed, 'ls');
    expect(ed.key('\r').done).toEqual({ kind: 'line', line: 'ls' });
    const ed2 = new LineEditor({ prompt: '$ ', history: [] }, 80);
    type(ed2, 'abc');
    expect(ed2.key('\x04').done).toBeUndefined();
    const r = ed2.key('\x03');
    expect(r.done).toEqual({ kind: 'intr' });
    expect(r.out).toBe('^C\r\n');
    expect(new LineEditor({ prompt: '$ ', history: [] }, 80).key('\x04').done).toEqual({ kind: 'eof' });
  });

  it('walks history with up/down and restores the draft', () => {
    const ed = new LineEditor({ prompt: '$ ', history: ['one', 'two'] }, 80);
    type(ed, 'dr');
    type(ed, '\x1b[A');
    expect(ed.buf).toBe('two');
    type(ed, '\x1b[A\x1b[A');
    expect(ed.buf).toBe('one');
    type(ed, '\x1b[B\x1b[B');
    expect(ed.buf).toBe('dr');
  });

  it('completes a unique candidate and the common prefix, lists on second Tab', () => {
    const cands = ['netns', 'neigh', 'link'];
    const complete = (line: string, cursor: number) => {
      const start = line.lastIndexOf(' ', cursor - 1) + 1;
      const w = line.slice(start, cursor);
      return { start, candidates: cands.filter((c) => c.startsWith(w)) };
    };
    const ed = new LineEditor({ prompt: '$ ', history: [], complete }, 80);
    type(ed, 'ip li\t');
    expect(ed.buf).toBe('ip link ');
    type(ed, 'n\t');
    expect(ed.buf).toBe('ip link ne');
    const out = type(ed, '\t');
    expect(out).toContain('netns');
    expect(out).toContain('neigh');
    expect(ed.buf).toBe('ip link ne');
  });

  it('redraws wrapped lines with cursor motion', () => {
    const ed = new LineEditor({ prompt: '$ ', history: [] }, 10);
    type(ed, 'abcdefghij');
    const out = type(ed, '\x01');
    expect(out).toContain('\x1b[1A'); // moved up a row
    expect(ed.cursor).toBe(0);
  });
});

describe('terminal line discipline', () => {
  it('queues keys typed while nobody reads and runs a multi-line paste line by line', async () => {
    let screen = '';
    const t = new Terminal((s) => (screen += s), 80);
    const lines: string[] = [];
    t.onSubmit = (l) => lines.push(l);
    t.input('\x1b[200~echo a\necho b\n\x1b[201~');
    const r1 = await t.readLine({ prompt: '# ', history: [], record: true });
    const r2 = await t.readLine({ prompt: '# ', history: [], record: true });
    expect(r1).toEqual({ kind: 'line', line: 'echo a' });
    expect(r2).toEqual({ kind: 'line', line: 'echo b' });
    expect(lines).toEqual(['echo a', 'echo b']);
    expect(screen).toContain('# echo a\r\n');
  });

  it('sends Ctrl-C to the foreground job when no one reads', () => {
    let screen = '';
    const t = new Terminal((s) => (screen += s), 80);
    let interrupted = 0;
    let signalled = 0;
    t.signalForeground = () => signalled++;
    t.foreground({ procs: new Set(), interrupt: () => interrupted++ });
    t.input('\x03');
    expect([interrupted, signalled]).toEqual([1, 1]);
    expect(screen).toBe('^C');
  });
});
