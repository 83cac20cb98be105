// Full-screen programs on the simulated tty: less, more, nano and vi read
// keys in raw mode, write the simulated file system, and their keys are
// recorded so a replay (reload, live checks, grading) saves the same file.
// Expected texts: src/userland/sys/goldens/tui/screens.txt (recorded on Debian 12).

import { describe, expect, it } from 'vitest';
import '../index.ts';
import { runScript, Session, type SessionEntry } from '../../session/session.ts';
import { bareWorld } from '../../world/world.ts';

/** A session on a bare host; `keys` types raw keys one by one (as xterm sends them) and waits. */
async function open(entries?: SessionEntry[]) {
  const s = new Session({ makeWorld: () => bareWorld(1), host: 'host', entries });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.start();
  const vfs = s.world.host('host').vfs;
  return {
    s,
    vfs,
    out: () => out,
    clear: () => (out = ''),
    async keys(...ks: string[]) {
      for (const k of ks) {
        s.input(k);
        await s.idle();
      }
    },
    async type(text: string) {
      for (const ch of text) {
        s.input(ch);
        await s.idle();
      }
    },
  };
}

/** Strip ANSI escapes (what the screen shows, in drawing order). */
function plain(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ' ');
}

describe('nano in the terminal', () => {
  it('writes a new file with ^O Enter, exits with ^X, and a replay of the entries saves the same file', async () => {
    const t = await open();
    await t.s.runLine('nano notes.txt');
    expect(t.out()).toContain('\x1b[?1049h');
    expect(plain(t.out())).toContain('GNU nano 7.2');
    expect(plain(t.out())).toContain('[ New File ]');
    expect(plain(t.out())).toContain('^O Write Out');
    await t.type('hello');
    expect(plain(t.out())).toContain('Modified');
    await t.keys('\x0f');
    expect(plain(t.out())).toContain('File Name to Write: notes.txt');
    expect(plain(t.out())).toContain('M-D DOS Format');
    await t.keys('\r');
    expect(plain(t.out())).toContain('[ Wrote 1 line ]');
    expect(t.vfs.readFile('/root/notes.txt')).toBe('hello\n');
    await t.keys('\x18');
    expect(t.out()).toContain('\x1b[?1049l');
    await t.s.runLine('cat notes.txt');
    expect(t.out()).toMatch(/cat notes\.txt\r\nhello\r\n/);
    const entries = t.s.entries();
    expect(entries.map((e) => ('keys' in e ? e.keys.join('') : 'line' in e ? `$ ${e.line}` : '^C'))).toEqual(['$ nano notes.txt', 'hello\x0f\r\x18', '$ cat notes.txt']);
    t.s.dispose();
    // A reload / live check / grading replays them on a fresh world.
    const r = await open(entries);
    expect(r.vfs.readFile('/root/notes.txt')).toBe('hello\n');
    expect(r.s.entries()).toEqual(entries);
    r.s.dispose();
  });

  it('F6 searches as ^W does and F2 exits as ^X does (a browser keeps Ctrl-W for itself)', async () => {
    const t = await open();
    t.vfs.writeFile('/root/f.txt', 'one\ntwo\n');
    await t.s.runLine('nano f.txt');
    await t.keys('\x1b[17~');
    expect(plain(t.out())).toContain('Search:');
    await t.type('two');
    await t.keys('\r', '\x1bOQ');
    expect(t.out()).toContain('\x1b[?1049l');
    t.s.dispose();
  });

  it('asks "Save modified buffer?" on ^X; searches with ^W, cuts with ^K and pastes with ^U', async () => {
    const t = await open();
    t.vfs.writeFile('/root/g.txt', 'alpha\nbeta\ngamma\n');
    await t.s.runLine('nano g.txt');
    expect(plain(t.out())).toContain('[ Read 3 lines ]');
    await t.keys('\x17');
    expect(plain(t.out())).toContain('Search:');
    expect(plain(t.out())).toContain('M-C Case Sens');
    await t.type('gam');
    await t.keys('\r');
    await t.keys('\x0b'); // cut "gamma"
    await t.keys('\x1b[A', '\x1b[A'); // to "alpha"
    await t.keys('\x15'); // paste above it
    await t.keys('\x17');
    expect(plain(t.out())).toContain('Search [gam]:');
    await t.type('zzz');
    await t.keys('\r');
    expect(plain(t.out())).toContain('[ "zzz" not found ]');
    await t.keys('\x18');
    expect(plain(t.out())).toContain('Save modified buffer?');
    await t.keys('y');
    expect(plain(t.out())).toContain('File Name to Write: g.txt');
    await t.keys('\r');
    expect(t.vfs.readFile('/root/g.txt')).toBe('gamma\nalpha\nbeta\n');
    await t.s.runLine('echo back $?');
    expect(t.out()).toContain('back 0');
    t.s.dispose();
  });

  it('takes Ctrl-C as a key (its location), never as SIGINT; N leaves without saving', async () => {
    const t = await open();
    await t.s.runLine('nano x');
    await t.type('ab');
    await t.keys('\x03');
    expect(plain(t.out())).toContain('[ line 1/2 (50%), col 3/3 (100%), char 2/3 (66%) ]');
    await t.keys('\x18', 'n');
    expect(t.vfs.tryLookup('/root/x')).toBeUndefined();
    await t.s.runLine('echo st=$?');
    expect(t.out()).toContain('st=0');
    t.s.dispose();
  });

  it('refuses what is not simulated and needs a terminal', async () => {
    const [pipe, opt] = await runScript(bareWorld(1), ['nano /tmp/x', 'nano -m /tmp/x']);
    expect(pipe).toMatchObject({ exit: 1 });
    expect(pipe!.stderr).toContain('standard output is not a terminal');
    expect(opt!.exit).not.toBe(0);
    expect(opt!.stderr).toContain('-m');
  });
});

describe('vi in the terminal', () => {
  it('inserts, shows -- INSERT --, writes with :wq and reports like vim', async () => {
    const t = await open();
    await t.s.runLine('vi h.txt');
    expect(plain(t.out())).toContain('"h.txt" [New]');
    await t.keys('i');
    expect(plain(t.out())).toContain('-- INSERT --');
    await t.type('hi');
    await t.keys('\r');
    await t.type('there');
    await t.keys('\x1b');
    await t.keys(':', 'f', 'o', 'o', '\r');
    expect(plain(t.out())).toContain('E492: Not an editor command: foo');
    await t.keys(':', 'q', '\r');
    expect(plain(t.out())).toContain('E37: No write since last change (add ! to override)');
    await t.keys(':', 'w', 'q', '\r');
    expect(t.vfs.readFile('/root/h.txt')).toBe('hi\nthere\n');
    await t.s.runLine('cat h.txt');
    expect(t.out()).toMatch(/hi\r\nthere\r\n/);
    const entries = t.s.entries();
    t.s.dispose();
    const r = await open(entries);
    expect(r.vfs.readFile('/root/h.txt')).toBe('hi\nthere\n');
    r.s.dispose();
  });

  it('dd, p, u, x, o, O, G, gg, $ and /search with n', async () => {
    const t = await open();
    t.vfs.writeFile('/root/g.txt', 'alpha\nbeta\ngamma\n');
    await t.s.runLine('vim g.txt');
    expect(plain(t.out())).toContain('"g.txt" 3L, 17B');
    await t.keys('d', 'd', 'p'); // alpha moves below beta
    expect(t.s.world.host('host').vfs.readFile('/root/g.txt')).toBe('alpha\nbeta\ngamma\n');
    await t.keys('G', 'x', 'g', 'g', '$', 'x'); // gamma -> amma; beta -> bet
    await t.keys('/', 'z', 'z', 'z', '\r');
    expect(plain(t.out())).toContain('E486: Pattern not found: zzz');
    await t.keys('/', 'm', 'm', '\r');
    await t.keys('O');
    await t.type('new');
    await t.keys('\x1b', 'u', 'n', 'n');
    expect(plain(t.out())).toContain('search hit BOTTOM, continuing at TOP');
    await t.keys('\x03');
    expect(plain(t.out())).toContain('Type  :qa  and press <Enter> to exit Vim');
    await t.keys(':', 'x', '\r');
    expect(t.vfs.readFile('/root/g.txt')).toBe('bet\nalpha\namma\n');
    t.s.dispose();
  });

  it(':q! leaves without saving; unknown keys ring the bell; an endless paste stays bounded', async () => {
    const t = await open();
    await t.s.runLine('vi big');
    await t.keys('Q');
    expect(t.out()).toContain('\x07');
    await t.keys('i');
    t.s.input('x'.repeat(5000));
    await t.s.idle();
    await t.keys('\x1b', ':', 'q', '!', '\r');
    expect(t.vfs.tryLookup('/root/big')).toBeUndefined();
    // 5000 keys: a few entries of at most 1000 keys each.
    const keys = t.s.entries().filter((e) => 'keys' in e);
    expect(keys.length).toBe(6);
    t.s.dispose();
  });
});

describe('less and more', () => {
  it('less pages stdin on the alternate screen, searches, and q returns to the shell', async () => {
    const t = await open();
    await t.s.runLine('seq 1 100 | less');
    expect(t.out()).toContain('\x1b[?1049h');
    t.clear();
    await t.keys(' ');
    expect(plain(t.out())).toMatch(/\b24\b[\s\S]*\b46\b/);
    await t.keys('/', '7', '7', '\r');
    expect(plain(t.out())).toMatch(/77/);
    await t.keys('/', 'z', '\r');
    expect(plain(t.out())).toContain('Pattern not found  (press RETURN)');
    await t.keys('G');
    expect(plain(t.out())).toContain('(END)');
    await t.keys('q');
    expect(t.out()).toContain('\x1b[?1049l');
    await t.s.runLine('echo st=$?');
    expect(t.out()).toContain('st=0');
    t.s.dispose();
  });

  it('copies when not on a terminal and prints the real messages for missing files', async () => {
    const [a, b, c, d, e] = await runScript(bareWorld(1), ['echo hi | less', 'less /nofile', 'more /nofile', 'less /tmp', 'printf "a\\nb\\n" | more']);
    expect(a).toMatchObject({ stdout: 'hi\n', exit: 0 });
    expect(b).toMatchObject({ stderr: '/nofile: No such file or directory\n', exit: 0 });
    expect(c).toMatchObject({ stderr: 'more: cannot open /nofile: No such file or directory\n', exit: 0 });
    expect(d).toMatchObject({ stderr: '/tmp is a directory\n', exit: 0 });
    expect(e).toMatchObject({ stdout: 'a\nb\n', exit: 0 });
  });

  it('on a terminal: less without a file or with a missing one, more pages with --More--(NN%)', async () => {
    const t = await open();
    await t.s.runLine('less; echo st=$?');
    expect(t.out()).toContain('Missing filename ("less --help" for help)\r\nst=0');
    await t.s.runLine('less nofile; echo st=$?');
    expect(t.out()).toContain('nofile: No such file or directory\r\nst=1');
    await t.s.runLine('more; echo st=$?');
    expect(t.out()).toContain("more: bad usage\r\nTry 'more --help' for more information.\r\nst=1");
    await t.s.runLine('seq 1 100 > long.txt');
    await t.s.runLine('more long.txt');
    expect(plain(t.out())).toContain('--More--(20%)');
    await t.keys(' ');
    expect(plain(t.out())).toContain('--More--(44%)');
    await t.keys('q');
    await t.s.runLine('echo done');
    expect(t.out()).toContain('done');
    t.s.dispose();
  });
});

describe('the terminal for full-screen programs', () => {
  it('stty size and $LINES/$COLUMNS give the window size', async () => {
    const t = await open();
    t.s.resize(100, 30);
    await t.s.runLine('stty size; echo $LINES $COLUMNS');
    expect(t.out()).toContain('30 100\r\n30 100\r\n');
    t.s.dispose();
    const [r] = await runScript(bareWorld(1), ['stty size']);
    expect(r).toMatchObject({ stderr: "stty: 'standard input': Inappropriate ioctl for device\n", exit: 1 });
  });

  it('a raw-mode program killed with SIGKILL gives the terminal back (screen and line discipline)', async () => {
    const t = await open();
    await t.s.runLine('vi f');
    const vi = t.s.world.host('host').procs.list().find((p) => p.comm === 'vi')!;
    vi.kill('SIGKILL');
    await t.s.idle();
    t.clear();
    await t.s.runLine('echo alive');
    expect(t.out()).toContain('alive');
    expect(t.s.rawMode).toBe(false);
    t.s.dispose();
  });

  it('a background editor does not take the terminal', async () => {
    const t = await open();
    await t.s.runLine('vi f &');
    await t.s.runLine('wait');
    expect(t.out()).toContain('job control is not simulated');
    expect(t.s.rawMode).toBe(false);
    t.s.dispose();
  });

  it('runKeys (grading) types recorded keys into the editor', async () => {
    const t = await open();
    await t.s.runLine('nano g.txt');
    await t.s.runKeys(['o', 'k', '\x18', 'y', '\r']);
    await t.s.runLine('cat g.txt');
    expect(t.vfs.readFile('/root/g.txt')).toBe('ok\n');
    t.s.dispose();
  });
});

describe('man on a terminal', () => {
  it('pages through less with man-db’s prompt; q returns to the shell', async () => {
    const t = await open();
    await t.s.runLine('man ip');
    expect(t.out()).toContain('\x1b[?1049h');
    expect(plain(t.out())).toContain('Manual page ip(1) line 1 (press h for help or q to quit)');
    await t.keys('G');
    expect(plain(t.out())).toMatch(/Manual page ip\(1\) line \d+\/\d+ \(END\)/);
    await t.keys('q');
    await t.s.runLine('echo st=$?');
    expect(t.out()).toContain('st=0');
    t.s.dispose();
  });
});

describe('logs recorded before editors ran in the terminal', () => {
  it('a command line where the log has no keys ends the waiting editor, so the line reaches the shell', async () => {
    // An older packetlab opened a pane for nano and saved with a printf line.
    const old: SessionEntry[] = [
      { line: 'nano notes.txt', at: 1000 },
      { line: "printf 'one\\n' > /root/notes.txt", at: 5000 },
      { line: 'echo after', at: 6000 },
    ];
    const r = await open(old);
    expect(r.vfs.readFile('/root/notes.txt')).toBe('one\n');
    expect(r.out()).toContain('after');
    expect(r.s.rawMode).toBe(false);
    r.s.dispose();
    // Grading replays command lines the same way.
    const t = await open();
    await t.s.runLine('vi x');
    await t.s.runLine('echo graded');
    expect(t.out()).toContain('graded\r\n');
    t.s.dispose();
  });
});
