// The login shell before the interpreter's chunk is in (src/shell/login.ts).
// Vitest gives each test file its own module graph, so here nothing has
// asked for that chunk before a test does (test/setup.ts imports bash.ts,
// which is not the same as loadShell having been called).
import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { Session } from '../session/session.ts';
import { loadShell, promptText } from './login.ts';
import { plain } from '../../test/kit.ts';

describe('the login shell before its interpreter is in', () => {
  it('prompts at once; a Tab and the keys after it wait for completion, then the first line runs in the shell it became', async () => {
    const s = new Session({ makeWorld: () => bareWorld(7) });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    expect(plain(out)).toBe('root@host:~# ');
    s.input('ech\thi; cd /tmp; echo $SHLVL\r');
    await s.idle();
    expect(plain(out)).toMatch(/\nhi\n1\nroot@host:\/tmp# $/);
    // The line read at the first prompt is in the log and the history, as any other.
    expect(s.entries()).toEqual([{ line: 'echo hi; cd /tmp; echo $SHLVL', at: 0 }]);
    await s.runLine('history');
    expect(plain(out)).toContain('    1  echo hi; cd /tmp; echo $SHLVL\n    2  history\n');
    s.dispose();
  });

  it('replays a stored line typed at the first prompt to the same screen', async () => {
    const a = new Session({ makeWorld: () => bareWorld(7), entries: [{ line: 'echo $SECONDS $0', at: 2500 }] });
    let out = '';
    a.onOutput((d) => (out += d));
    await a.start();
    expect(plain(out)).toBe('root@host:~# echo $SECONDS $0\n2 -bash\nroot@host:~# ');
    await loadShell();
    const b = new Session({ makeWorld: () => bareWorld(7), entries: a.entries() });
    let again = '';
    b.onOutput((d) => (again += d));
    await b.start();
    expect(again).toBe(out);
    a.dispose();
    b.dispose();
  });

  it('shows HOME as ~ in the prompt, as bash does', () => {
    expect(promptText('host', '/root', '/root')).toBe('root@host:~# ');
    expect(promptText('host', '/root', '/root/x')).toBe('root@host:~/x# ');
    expect(promptText('host', '/root', '/rootx')).toBe('root@host:/rootx# ');
    expect(promptText('h', '/', '/tmp')).toBe('root@h:/tmp# ');
  });
});
