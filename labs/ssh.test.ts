// ssh between the hosts of a lab world: a login shell on the other host in
// the same terminal (its prompt, its files, its own history), `exit` back;
// a command runs there and returns its status; failures say what OpenSSH
// 9.2p1 says (recorded on Debian 12) and exit 255.

import { describe, expect, it } from 'vitest';
import { replayLines } from '../src/labs/replay.ts';
import { makeLabWorld } from '../src/labs/index.ts';
import { labTranscript } from '../src/labs/transcript.ts';

const plain = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('ssh in a lab world', () => {
  it('opens a login shell on the other host and comes back on exit', async () => {
    const r = await replayLines('fix-service-selector', 1, ['ssh node01', 'hostname', 'touch /root/made-on-node01', 'history', 'exit', 'hostname', 'ls /root/made-on-node01']);
    const out = plain(r.output);
    expect(out).toContain('root@controlplane:~# ssh node01\nroot@node01:~# hostname\nnode01\n');
    // node01's shell has its own history: only what was typed there.
    expect(out).toMatch(/root@node01:~# history\n\s+1\s+hostname\n\s+2\s+touch \/root\/made-on-node01\n\s+3\s+history\n/);
    expect(out).toContain('root@node01:~# exit\nlogout\nConnection to node01 closed.\nroot@controlplane:~# hostname\ncontrolplane\n');
    expect(out).toContain("ls: cannot access '/root/made-on-node01': No such file or directory");
    expect(r.world.host('node01').vfs.tryLookup('/root/made-on-node01', {})).toBeTruthy();
  });

  it('runs a command on the other host', async () => {
    const steps = await labTranscript(makeLabWorld('fix-service-selector', 1), ['ssh node02 hostname', 'ssh node02 false', 'ss -ltn'], 'controlplane');
    expect(steps[0]).toMatchObject({ stdout: 'node02\n', stderr: '', exit: 0 });
    expect(steps[1]!.exit).toBe(1);
    expect(steps[2]!.stdout).toContain('0.0.0.0:22');
  });

  it('fails as OpenSSH does', async () => {
    const steps = await labTranscript(makeLabWorld('fix-service-selector', 1), ['ssh nohost true', 'ssh 192.0.2.1 true', 'ssh', 'ssh -L 8080:x:80 node01'], 'controlplane');
    expect(steps[0]).toMatchObject({ stderr: 'ssh: Could not resolve hostname nohost: Temporary failure in name resolution\n', exit: 255 });
    expect(steps[1]!.exit).toBe(255);
    expect(steps[1]!.stderr).toMatch(/^ssh: connect to host 192\.0\.2\.1 port 22: /);
    expect(steps[2]!.stderr).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\] \[-B bind_interface\]\n/);
    expect(steps[2]!.exit).toBe(255);
    expect(steps[3]!.stderr).toContain('not simulated');
    expect(steps[3]!.exit).toBe(255);
  });
});
