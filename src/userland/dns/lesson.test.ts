// Runs every <Cmd> snippet of content/lessons/dns.mdx, in order, on one
// fresh practice host (as a learner clicking through the lesson would) and
// checks the points the text makes about their output.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bareWorld } from '../../world/world.ts';
import { StringOut, devNullIn } from '../../kernel/proc.ts';
import { resolveProgram, spawnProgram } from '../../shell/exec.ts';
import '../../shell/bash.ts';
import '../index.ts';
import '../net/ping.ts';

/** The snippets of the lesson, in page order. */
function snippets(): string[] {
  const s = readFileSync(new URL('../../../content/lessons/dns.mdx', import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(\{\[[\s\S]*?\]\}|"[^"]*") \/>/g)) {
    out.push(...(m[1].startsWith('{') ? (JSON.parse(m[1].slice(1, -1)) as string[]) : [m[1].slice(1, -1)]));
  }
  return out;
}

describe('the DNS lesson snippets', () => {
  it('run on the practice host and show what the text says', async () => {
    const world = bareWorld(1);
    const k = world.host('host');
    const res = new Map<string, { out: string; err: string; exit: number }>();
    for (const cmd of snippets()) {
      const out = new StringOut();
      const err = new StringOut();
      const ref = resolveProgram(k, 'bash', undefined, '/root');
      const r = spawnProgram(k, 1, ['bash', '-c', cmd], { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' }, cwd: '/root', netns: k.initNs, stdin: devNullIn, stdout: out, stderr: err }, ref);
      const d = await world.run(r.done, { maxVirtualMs: 120_000 });
      const exit = d.done ? d.value : 124;
      if (process.env.PACKETLAB_LESSON_DEBUG) console.log(`$ ${cmd}\n${out.text}${err.text}[${exit}]`);
      expect(err.text, cmd).not.toMatch(/command not found|No such file|syntax error/);
      res.set(cmd, { out: out.text, err: err.text, exit });
    }
    expect(res.get('getent hosts db')?.out).toBe('192.168.50.2    db\n');
    expect(res.get('ping -c 1 -W 1 db')?.err).toBe('ping: db: Temporary failure in name resolution\n');
    expect(res.get('dig @192.168.1.53 web.acme.test')?.out).toContain('web.acme.test.\t\t3600\tIN\tA\t192.168.1.10');
    expect(res.get('getent hosts web')?.out).toBe('192.168.1.10    web.acme.test\n');
    expect(res.get('dig +short www.acme.test')?.out).toBe('web.acme.test.\n192.168.1.10\n');
    expect(res.get('nslookup intranet')?.exit).toBe(1);
    expect(res.get('getent hosts intranet')?.out).toBe('192.168.1.10    intranet\n');
    expect(res.get('dig +short web')?.out).toBe('');
    expect(res.get('dig +short web +search')?.out).toBe('192.168.1.10\n');
    expect(res.get('cat /tmp/coredns.log')?.out).toContain('"A IN web.acme.test. udp');
  }, 120_000);
});
