// A file whose `#!` line names a simulated program runs that program however
// the shell reaches it: as the only command of `bash -c` (exec'd in place),
// at the head of a pipeline, in a subshell, with redirects, through `command`
// and `exec`, and from another program's exec — never read as a bash script.
// The program here is the loopback CNI plugin, whose about text (stderr) and
// VERSION line (stdout) are fidelity/goldens/75-cni-version.json.

import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';
import '../userland/k8s/cni/index.ts';

const ABOUT = 'CNI loopback plugin version unknown\nCNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0\n';
const VERSION = '{"cniVersion":"1.0.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0"]}\n';

async function run(...lines: string[]) {
  const w = bareWorld(1);
  const k = w.host('host');
  k.vfs.putFile('/tmp/lo', '#!/usr/libexec/cni/cni-loopback\n', 0o755);
  k.vfs.putFile('/tmp/lo-args', '#! /usr/libexec/cni/cni-loopback -x\n', 0o755);
  return runScript(w, lines);
}

describe('#! naming a simulated program', () => {
  it('runs it in every position a command can take', async () => {
    const steps = await run(
      '/tmp/lo',
      'bash -c /tmp/lo',
      '/tmp/lo 2>&1 | cat',
      '(/tmp/lo)',
      '/tmp/lo 2>/tmp/err; cat /tmp/err',
      'command /tmp/lo',
      'exec /tmp/lo',
      'sh -c /tmp/lo',
      '{ /tmp/lo; }',
      'cd /tmp && ./lo',
    );
    for (const s of steps) {
      expect(s.exit, s.cmd).toBe(0);
      expect(s.stdout + s.stderr, s.cmd).toBe(ABOUT);
    }
  });

  it('passes the environment and stdin, and the status back', async () => {
    const steps = await run('CNI_COMMAND=VERSION /tmp/lo', 'CNI_COMMAND=VERSION bash -c /tmp/lo | cat', 'echo "{" | CNI_COMMAND=ADD CNI_CONTAINERID=c CNI_NETNS=/x CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /tmp/lo; echo " rc=$?"', 'CNI_COMMAND=VERSION env /tmp/lo', 'CNI_COMMAND=VERSION /tmp/lo-args');
    expect(steps[0].stdout).toBe(VERSION);
    expect(steps[1].stdout).toBe(VERSION);
    expect(steps[2].stdout).toBe('{\n    "code": 6,\n    "msg": "error unmarshall network config: unexpected end of JSON input"\n} rc=1\n');
    expect(steps[3].stdout).toBe(VERSION);
    expect(steps[4].stdout).toBe(VERSION);
  });

  it('still reads a #!/bin/bash file as a bash script', async () => {
    const w = bareWorld(1);
    w.host('host').vfs.putFile('/tmp/s', '#!/bin/bash\necho "script $0 $1"\n', 0o755);
    const steps = await runScript(w, ['/tmp/s a', 'bash -c "/tmp/s b" | cat', '(/tmp/s c)']);
    expect(steps.map((s) => s.stdout)).toEqual(['script /tmp/s a\n', 'script /tmp/s b\n', 'script /tmp/s c\n']);
  });
});
