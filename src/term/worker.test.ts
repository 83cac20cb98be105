// The worker as the page sees it: messages in, messages out, never a throw.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './protocol.ts';
import { english } from '../i18n/checks.ts';

const out: FromWorker[] = [];
let onmessage: ((ev: { data: ToWorker }) => void) | null = null;

beforeAll(async () => {
  const fake = {
    postMessage: (m: FromWorker) => out.push(structuredClone(m)),
    addEventListener: () => {},
    set onmessage(f: (ev: { data: ToWorker }) => void) {
      onmessage = f;
    },
  };
  (globalThis as { self?: unknown }).self = fake;
  await import('./worker.ts');
}, 60_000);

const send = (m: unknown) => onmessage!({ data: m as ToWorker });
const screen = () => out.filter((m) => m.type === 'output').map((m) => (m as { data: string }).data).join('');
async function until(pred: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timeout; screen:\n' + screen());
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('terminal worker', () => {
  it('boots a bare host, runs typed lines and reports entries', async () => {
    send({ type: 'init', seed: 1, entries: [], cols: 80, rows: 24 });
    await until(() => out.some((m) => m.type === 'ready'));
    expect(screen()).toContain('root@host:~# ');
    send({ type: 'input', data: 'ip netns add red\r' });
    send({ type: 'input', data: 'ip netns\r' });
    await until(() => /ip netns\r?\n(\x1b\[[0-9;]*m)*red/.test(screen()));
    await until(() => out.some((m) => m.type === 'entries' && m.entries.length === 2));
  });

  it('survives a malformed message and keeps the session going', async () => {
    send(null);
    send({ type: 'input', data: 42 });
    await until(() => out.some((m) => m.type === 'fault'));
    expect(screen()).toContain('packetlab: internal error');
    send({ type: 'input', data: 'echo still-here\r' });
    await until(() => screen().includes('still-here\r\n'));
  });

  it('answers a check on a terminal without a lab with an error, not a throw', async () => {
    send({ type: 'check', req: 7 });
    await until(() => out.some((m) => m.type === 'checked' && m.req === 7));
    const r = out.find((m) => m.type === 'checked' && m.req === 7) as Extract<FromWorker, { type: 'checked' }>;
    expect(r.results).toEqual([]);
    expect(r.error && english(r.error)).toMatch(/no lab/);
  });

  it('checks a lab on a replayed copy', async () => {
    send({ type: 'init', lab: 'namespaces-veth', seed: 1, entries: [], cols: 80, rows: 24 });
    await until(() => out.filter((m) => m.type === 'ready').length === 2);
    send({ type: 'type', lines: ['ip netns add red', 'ip netns add blue'] });
    send({ type: 'check', req: 8 });
    await until(() => out.some((m) => m.type === 'checked' && m.req === 8), 30_000);
    const r = out.find((m) => m.type === 'checked' && m.req === 8) as Extract<FromWorker, { type: 'checked' }>;
    expect(r.results.length).toBeGreaterThan(1);
    expect(r.results[0]!.passed).toBe(true);
    expect(r.results.some((c) => !c.passed && c.message.length > 0)).toBe(true);
  }, 40_000);
});

describe('terminal worker: live checks, undo, views', () => {
  const last = <T extends FromWorker['type']>(type: T) => [...out].reverse().find((m) => m.type === type) as Extract<FromWorker, { type: T }> | undefined;

  it('re-runs the checks on a copy after a command and posts them as live (what Check gives)', async () => {
    send({ type: 'init', lab: 'namespaces-veth', seed: 1, entries: [], cols: 80, rows: 24 });
    const readies = out.filter((m) => m.type === 'ready').length;
    await until(() => out.filter((m) => m.type === 'ready').length === readies + 1);
    out.length = 0;
    send({ type: 'input', data: 'ip netns add red\r' });
    send({ type: 'input', data: 'ip netns add blue\r' });
    await until(() => out.some((m) => m.type === 'live' && m.entries === 2), 30_000);
    const live = last('live')!;
    expect(live.results.map((r) => r.passed)).toEqual([true, false, false, false]);
    send({ type: 'check', req: 21 });
    await until(() => out.some((m) => m.type === 'checked' && m.req === 21), 30_000);
    const checked = out.find((m) => m.type === 'checked' && m.req === 21) as Extract<FromWorker, { type: 'checked' }>;
    expect(checked.results).toEqual(live.results);
    // The failing probe of Check becomes the packet path.
    await until(() => last('path')?.path?.source === 'check');
  }, 60_000);

  it('posts the topology with the lab’s namespaces', async () => {
    await until(() => !!last('topology')?.topology.namespaces.some((n) => n.id === 'host/blue'));
  });

  it('undo replays all but the last command', async () => {
    out.length = 0;
    send({ type: 'undo' });
    await until(() => out.some((m) => m.type === 'entries' && m.entries.length === 1), 30_000);
    await until(() => out.some((m) => m.type === 'live' && m.entries === 1), 30_000);
    expect(last('live')!.results[0]!.passed).toBe(false);
    await until(() => !!last('topology') && !last('topology')!.topology.namespaces.some((n) => n.id === 'host/blue'));
  }, 60_000);
});

describe('terminal worker: type-ahead', () => {
  it('stores a line typed while a command runs once the shell reads it, without another key', async () => {
    send({ type: 'init', seed: 3, entries: [], cols: 80, rows: 24 });
    await until(() => out.filter((m) => m.type === 'ready').length >= 1 && screen().endsWith('root@host:~# '));
    const mark = out.length;
    send({ type: 'input', data: 'sleep 1\r' });
    send({ type: 'input', data: 'echo typed-ahead\r' });
    await until(() => out.slice(mark).some((m) => m.type === 'entries' && m.entries.some((e) => 'line' in e && e.line === 'echo typed-ahead')), 15_000);
  }, 30_000);
});
