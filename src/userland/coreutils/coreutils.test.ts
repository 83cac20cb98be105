import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../world/world.ts';
import { runScript } from '../../session/session.ts';

// Expected texts were checked against GNU coreutils 9.1 with LC_ALL=C.
describe('core utilities', () => {
  it('print GNU error messages and statuses', async () => {
    const steps = await runScript(bareWorld(1), ['cat /nope', 'ls /var/run/netns', 'head -n x /etc/hosts', 'mkdir /tmp; echo $?', 'rm /tmp', 'sleep x', 'grep', 'timeout 1 nosuch']);
    expect(steps.map((s) => [s.stderr, s.exit])).toEqual([
      ['cat: /nope: No such file or directory\n', 1],
      ["ls: cannot access '/var/run/netns': No such file or directory\n", 2],
      ["head: invalid number of lines: 'x'\n", 1],
      ["mkdir: cannot create directory '/tmp': File exists\n", 0],
      ["rm: cannot remove '/tmp': Is a directory\n", 1],
      ["sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1],
      ["Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
      ["timeout: failed to run command 'nosuch': No such file or directory\n", 127],
    ]);
  });

  it('filter text like the GNU tools', async () => {
    const steps = await runScript(bareWorld(1), [
      'grep -c local /etc/hosts',
      "printf 'b 2\\na 10\\nc 1\\n' | sort -k2 -n",
      "printf 'a:b:c\\n' | cut -d: -f2-",
      'echo hello | tr a-z A-Z',
      'seq -s, 3; seq -w 8 10 | tail -1',
      'wc /etc/hosts; wc -l < /etc/hosts',
      "echo 'foo bar' | grep -o -w 'ba.'; echo 'ab' | grep 'a\\|z'; echo 'aab' | grep -E 'a+b'",
      'timeout 1 sleep 5; echo $?',
      'echo a b c | xargs -n 2 echo X',
    ]);
    expect(steps.map((s) => s.stdout)).toEqual([
      '2\n',
      'c 1\nb 2\na 10\n',
      'b:c\n',
      'HELLO\n',
      '1,2,3\n10\n',
      '  5  12 120 /etc/hosts\n5\n',
      'bar\nab\naab\n',
      '124\n',
      'X a b\nX c\n',
    ]);
  });
});

describe('wc on a stream', () => {
  it('counts standard input as it arrives, without a size cap, with words spanning chunks', async () => {
    const { runScript } = await import('../../session/session.ts');
    const { bareWorld } = await import('../../world/world.ts');
    const steps = await runScript(bareWorld(1), ["printf '%99999999d' 1 | wc -c", "printf 'a b\\nc' | wc", "{ printf ab; printf cd; } | wc -w"]);
    expect(steps.map((s) => s.stdout)).toEqual(['99999999\n', '      1       3       5\n', '1\n']);
  }, 60_000);
});

describe('tail on a stream', () => {
  it('keeps only what the end needs, so any size of input gives the right end', async () => {
    const { runScript } = await import('../../session/session.ts');
    const { bareWorld } = await import('../../world/world.ts');
    const steps = await runScript(bareWorld(1), ["printf '%99999999d' 1 | tail -c 3", 'seq 1 200000 | tail -n 3', 'seq 1 10 | tail -n +8', 'seq 1 5 | tail -c +7', "printf 'a\\nb\\nc' | tail -n 2"]);
    expect(steps.map((s) => s.stdout)).toEqual(['  1', '199998\n199999\n200000\n', '8\n9\n10\n', '4\n5\n', 'b\nc']);
  }, 60_000);
});
