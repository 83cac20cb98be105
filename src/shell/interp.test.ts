import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';

async function run(...lines: string[]) {
  return runScript(bareWorld(1), lines);
}

describe('shell interpreter (via bash -c steps)', () => {
  it('expands variables, splits fields and keeps quotes', async () => {
    const [s] = await run('x="a  b"; printf "[%s]" $x "$x" "${y:-def}" ${#x} $((2**10)); echo');
    expect(s.stdout).toBe('[a][b][a  b][def][4][1024]\n');
  });

  it('runs pipelines, redirects and here-documents', async () => {
    const [a, b, c] = await run('printf "b\\na\\nb\\n" | sort | uniq -c | head -1', 'echo one > f; echo two >> f; cat < f 2>&1', 'cat <<EOF\nhome=$HOME\nEOF');
    expect(a.stdout).toBe('      1 a\n');
    expect(b.stdout).toBe('one\ntwo\n');
    expect(c.stdout).toBe('home=/root\n');
  });

  it('reports exit statuses like bash', async () => {
    const steps = await run('nosuchcmd', './x', 'touch f; ./f', 'echo "abc', 'sh -c "exit 3"', 'false || echo $?', 'cd /nope');
    expect(steps.map((s) => s.exit)).toEqual([127, 127, 126, 2, 3, 0, 1]);
    expect(steps[0].stderr).toBe('bash: line 1: nosuchcmd: command not found\n');
    expect(steps[1].stderr).toBe('bash: line 1: ./x: No such file or directory\n');
    expect(steps[2].stderr).toBe('bash: line 1: ./f: Permission denied\n');
    expect(steps[3].stderr).toBe("bash: -c: line 1: unexpected EOF while looking for matching `\"'\n");
    expect(steps[5].stdout).toBe('1\n');
    expect(steps[6].stderr).toBe('bash: line 1: cd: /nope: No such file or directory\n');
  });

  it('runs && / || and compound commands', async () => {
    const [s] = await run('for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done && true || echo no; case ab in a*) echo A;; esac');
    expect(s.stdout).toBe('1\n3\nA\n');
  });

  it('keeps background jobs running across steps and kills runaway steps with 124', async () => {
    const steps = await run('(sleep 2; echo late > /tmp/bg) >/dev/null 2>&1 &', 'cat /tmp/bg', 'sleep 3', 'cat /tmp/bg', 'sleep 100');
    expect(steps[0].exit).toBe(0);
    expect(steps[1].stderr).toBe('cat: /tmp/bg: No such file or directory\n');
    expect(steps[3].stdout).toBe('late\n');
    expect(steps[4].exit).toBe(124);
  });

  it('writes kernel files through redirects', async () => {
    const [, s] = await run('echo 1 > /proc/sys/net/ipv4/ip_forward', 'cat /proc/sys/net/ipv4/ip_forward');
    expect(s.stdout).toBe('1\n');
  });
});
