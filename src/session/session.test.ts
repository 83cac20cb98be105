import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { Session, type SessionEntry } from './session.ts';
import { lookupCommand } from '../userland/registry.ts';
import { plain } from '../../test/kit.ts';

/** Screen text with ANSI sequences and carriage returns removed. */
function session(entries?: SessionEntry[]) {
  const s = new Session({ makeWorld: () => bareWorld(7), entries });
  let out = '';
  s.onOutput((d) => (out += d));
  return { s, screen: () => plain(out) };
}

describe('Session', () => {
  it('prints the root prompt and runs lines', async () => {
    const { s, screen } = session();
    await s.start();
    expect(screen()).toBe('root@host:~# ');
    await s.runLine('echo hello; cd /tmp');
    expect(screen()).toBe('root@host:~# echo hello; cd /tmp\nhello\nroot@host:/tmp# ');
    expect(s.entries()).toEqual([{ line: 'echo hello; cd /tmp', at: 0 }]);
  });

  it('interrupts a sleeping foreground job with Ctrl-C (status 130)', async () => {
    // Ctrl-C one virtual second into `sleep 100`, as a realtime session would record it.
    const { s, screen } = session([
      { line: 'sleep 100', at: 0 },
      { intr: true, at: 1000 },
    ]);
    await s.start();
    await s.runLine('echo $?');
    expect(screen()).toBe('root@host:~# sleep 100\n^C\nroot@host:~# echo $?\n130\nroot@host:~# ');
    expect(s.world.clock.now).toBe(1000);
    expect(s.entries()).toEqual([
      { line: 'sleep 100', at: 0 },
      { intr: true, at: 1000 },
      { line: 'echo $?', at: 1000 },
    ]);
  });

  it('delivers Ctrl-C typed while a realtime session runs a program', async () => {
    const s = new Session({ makeWorld: () => bareWorld(7), realtime: true });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    s.input('sleep 100\r');
    await new Promise((r) => setTimeout(r, 30));
    s.input('\x03');
    await s.idle();
    s.dispose();
    expect(plain(out)).toBe('root@host:~# sleep 100\n^C\nroot@host:~# ');
  });

  it('wakes a waiting realtime driver for a timer scheduled after it went to sleep', async () => {
    const s = new Session({ makeWorld: () => bareWorld(7), realtime: true });
    await s.start();
    await s.idle();
    // The driver now sleeps until input (or a later timer); a promise chain
    // that schedules a timer from outside a timer callback must still run it.
    await new Promise((r) => setTimeout(r, 30));
    const fired = new Promise<string>((r) => s.world.clock.setTimer(0, () => r('fired')));
    const late = new Promise<string>((r) => setTimeout(() => r('still waiting after 2 s of wall time'), 2000));
    const got = await Promise.race([fired, late]);
    s.dispose();
    expect(got).toBe('fired');
  });

  it('cancels the typed line on Ctrl-C at the prompt', async () => {
    const { s, screen } = session();
    await s.start();
    s.input('echo nope\x03');
    await s.idle();
    expect(screen()).toBe('root@host:~# echo nope^C\nroot@host:~# ');
  });

  it('enters a nested bash and returns with exit or Ctrl-D', async () => {
    const { s, screen } = session();
    await s.start();
    await s.runLine('bash');
    await s.runLine('echo $SHLVL');
    await s.runLine('exit 4');
    await s.runLine('echo $?');
    expect(screen()).toContain('echo $SHLVL\n2\n');
    expect(screen()).toContain('exit 4\nexit\nroot@host:~# echo $?\n4\n');
    await s.runLine('bash');
    s.input('\x04');
    await s.idle();
    await s.runLine('echo back');
    expect(screen()).toContain('exit\nroot@host:~# echo back\nback\n');
  });

  it('runs a nested shell in a named namespace via ip netns exec', async () => {
    if (!lookupCommand('ip')) return;
    const { s, screen } = session();
    await s.start();
    await s.runLine('ip netns add red');
    await s.runLine('ip netns exec red bash');
    await s.runLine('ip -br link');
    await s.runLine('exit');
    await s.runLine('ip netns identify $$; echo done');
    const text = screen();
    expect(text).toMatch(/ip -br link\nlo\s+DOWN/);
    expect(text).toContain('done\n');
  });

  it('replays entries to the same output and state', async () => {
    const a = session();
    await a.s.start();
    await a.s.runLine('sleep 2 &');
    await a.s.runLine('sleep 3');
    await a.s.runLine('mkdir /tmp/d && echo $RANDOM > /tmp/d/x; date +%s');
    await a.s.runLine('cat /tmp/d/x');
    const b = session(a.s.entries());
    await b.s.start();
    expect(b.screen()).toBe(a.screen());
    expect(b.s.entries()).toEqual(a.s.entries());
  });
});
