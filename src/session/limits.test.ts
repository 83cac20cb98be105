// Resource abuse a learner might type: each must end (or stop at Ctrl-C)
// with the real tool's message, and the session stays usable. Assertions are
// on output, status and virtual time, never on wall-clock time.
import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { Session, runScript, type SessionEntry } from './session.ts';
import { MAX_TASKS, PIPE_CAPACITY } from '../kernel/limits.ts';
import { Pipe } from '../shell/io.ts';
import { plain } from '../../test/kit.ts';

function session(entries?: SessionEntry[]) {
  const s = new Session({ makeWorld: () => bareWorld(7), entries });
  let out = '';
  s.onOutput((d) => (out += d));
  return { s, screen: () => plain(out) };
}

describe('execution limits', () => {
  it('a fork bomb hits the process limit with bash\'s fork texts, and the host recovers', async () => {
    const world = bareWorld(1);
    const steps = await runScript(world, ['f(){ f|f; };f; echo "end $?"', 'f(){ f|f& };f', 'sleep 60', 'echo alive; ps -e | wc -l']);
    const lines = steps[0].stderr.split('\n').filter((l) => l !== '');
    expect(new Set(lines)).toEqual(new Set(['bash: fork: retry: Resource temporarily unavailable', 'bash: fork: Resource temporarily unavailable']));
    expect(steps[0].stdout).toBe('end 126\n');
    // The background bomb returns at once and burns out at the limit; the host is usable again.
    expect(steps[1].exit).toBe(0);
    expect(steps[3]).toEqual({ cmd: 'echo alive; ps -e | wc -l', stdout: 'alive\n5\n', stderr: '', exit: 0 });
    const k = world.host('host') as unknown as { procs: { procs: Map<number, unknown> } };
    expect(k.procs.procs.size).toBeLessThan(MAX_TASKS);
  });

  it('a string that doubles forever ends with bash\'s xmalloc fatal error (status 2)', async () => {
    const steps = await runScript(bareWorld(1), ['x=a; while true; do x=$x$x; done; echo after', 'echo next']);
    expect(steps[0]).toEqual({ cmd: 'x=a; while true; do x=$x$x; done; echo after', stdout: '', stderr: 'bash: xmalloc: cannot allocate 16777217 bytes\n', exit: 2 });
    expect(steps[1].stdout).toBe('next\n');
  });

  it('the interactive shell survives a runaway string: a new login shell takes over, the world stays', async () => {
    const { s, screen } = session();
    await s.start();
    await s.runLine('ip link add dummy0 type dummy');
    await s.runLine('x=a; while true; do x=$x$x; done');
    await s.runLine('ip -br link show dummy0 | cut -c1-6');
    expect(screen()).toContain('bash: xmalloc: cannot allocate 16777217 bytes\n');
    expect(screen()).toContain('dummy0\n');
  });

  it('Ctrl-C stops a busy builtin loop', async () => {
    const { s, screen } = session([
      { line: 'while true; do :; done', at: 0 },
      { intr: true, at: 500 },
    ]);
    await s.start();
    await s.runLine('echo $?');
    expect(screen()).toBe('root@host:~# while true; do :; done\n^C\nroot@host:~# echo $?\n130\nroot@host:~# ');
  });

  it('a busy loop costs virtual time by steps, so a replay stops it at the same iteration', async () => {
    const entries: SessionEntry[] = [
      { line: 'i=0; while true; do i=$((i+1)); done', at: 0 },
      { intr: true, at: 1000 },
    ];
    const counts: string[] = [];
    const clocks: number[] = [];
    for (let run = 0; run < 2; run++) {
      const { s, screen } = session(entries);
      await s.start();
      await s.runLine('echo $i');
      counts.push(screen().split('\n').slice(-2)[0]);
      clocks.push(s.world.clock.now);
    }
    expect(Number(counts[0])).toBeGreaterThan(1000);
    expect(counts[1]).toBe(counts[0]);
    expect(clocks[1]).toBe(clocks[0]);
  });

  it('a flood ping to /dev/null runs until Ctrl-C, then prints its statistics', async () => {
    const { s, screen } = session([
      { line: 'ping -i 0 127.0.0.1 > /dev/null', at: 0 },
      { intr: true, at: 200 },
    ]);
    await s.start();
    await s.runLine('echo back');
    expect(screen()).toBe('root@host:~# ping -i 0 127.0.0.1 > /dev/null\n^Croot@host:~# echo back\nback\nroot@host:~# ');
    expect(s.world.clock.now).toBeGreaterThanOrEqual(200);
  });

  it('seq to infinity is streamed: head stops it, xargs runs bounded command lines, Ctrl-C interrupts', async () => {
    const steps = await runScript(bareWorld(1), ['seq 1 1e308 | head -3', 'seq 1 1e308 | xargs echo | head -c 20; echo', 'seq 1 1e308 | xargs echo | head -1 | wc -c']);
    expect(steps[0].stdout).toBe('1\n2\n3\n');
    expect(steps[1].stdout).toBe('1 2 3 4 5 6 7 8 9 10\n');
    // one echo's command line is at most 128 KiB (findutils' default buffer)
    const n = Number(steps[2].stdout);
    expect(n).toBeGreaterThan(100_000);
    expect(n).toBeLessThanOrEqual(131072);
    const { s, screen } = session([
      { line: 'seq 1 1e308 | xargs echo > /dev/null', at: 0 },
      { intr: true, at: 300 },
    ]);
    await s.start();
    await s.runLine('echo $?');
    expect(screen()).toMatch(/\^C\nroot@host:~# echo \$\?\n130\n/);
  });

  it('a pipe holds at most 64 KiB: a streaming writer waits for its reader', async () => {
    const pipe = new Pipe();
    pipe.out.write('x'.repeat(PIPE_CAPACITY - 1));
    let drained = false;
    await pipe.out.drain!();
    pipe.out.write('y');
    void pipe.out.drain!().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    expect((await pipe.in.read())!.length).toBe(PIPE_CAPACITY);
    await Promise.resolve();
    expect(drained).toBe(true);
    // and end to end: seq cannot run ahead of a reader that sleeps
    const steps = await runScript(bareWorld(1), ['seq 1 1e308 | (sleep 5; head -c 100000 | wc -c)']);
    expect(steps[0].stdout).toBe('100000\n');
  });
});
