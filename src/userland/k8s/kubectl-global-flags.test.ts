// Flags before the verb, as cobra finds the command (spf13/cobra command.go
// `stripFlags` + `Find`, with kubectl's persistent flags on the root command)
// and as kubectl's plugin handler answers a line that starts with a flag and
// names no command (kubectl/pkg/cmd/cmd.go `HandlePluginCommand`: "flags
// cannot be placed before plugin name: %s", printed as "Error: %v").

import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { findVerb } from './kubectl-flags.ts';

async function kubectl(c: Cluster, line: string): Promise<{ out: string; err: string; code: number }> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const err = new StringOut();
  const argv = line.split(' ');
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin' }, cwd: '/root', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done);
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}

describe('kubectl: global flags before the verb (cobra stripFlags)', () => {
  it('finds the verb after persistent flags and their values', () => {
    expect(findVerb(['-n', 'kube-system', 'get', 'pods'])).toEqual({ index: 2 });
    expect(findVerb(['--namespace=x', 'get', 'svc'])).toEqual({ index: 1 });
    expect(findVerb(['--namespace', 'x', 'get', 'svc'])).toEqual({ index: 2 });
    expect(findVerb(['-nkube-system', 'get', 'pods'])).toEqual({ index: 1 });
    expect(findVerb(['get', 'pods', '-A'])).toEqual({ index: 0 });
    // A flag the root command does not know is taken to have a value: `get` is eaten.
    expect(findVerb(['-A', 'get', 'pods'])).toEqual({ index: 2, pluginError: 'Error: flags cannot be placed before plugin name: -A\n' });
    expect(findVerb(['--all-namespaces', 'get', 'pods'])).toEqual({ index: 2, pluginError: 'Error: flags cannot be placed before plugin name: --all-namespaces\n' });
    expect(findVerb(['-n', 'x', '-A', 'get', 'pods']).pluginError).toBe('Error: flags cannot be placed before plugin name: -n\n');
    // With `=` nothing is eaten, so the verb is found and parses -A itself.
    expect(findVerb(['-A=true', 'get', 'pods'])).toEqual({ index: 1 });
    // No word left to be a command: the root command runs and parses the flags.
    expect(findVerb(['-A', 'get'])).toEqual({ index: -1 });
  });

  it('runs the verb in the namespace given before it; refuses verb flags there as kubectl does', async () => {
    const c = buildCluster(new World({ seed: 3 }));
    await c.settle();
    const a = await kubectl(c, 'kubectl -n kube-system get pods');
    const b = await kubectl(c, 'kubectl get pods -n kube-system');
    expect(a.code).toBe(0);
    expect(a.out).toContain('coredns-');
    expect(a.out).toBe(b.out);
    expect((await kubectl(c, 'kubectl --namespace=kube-system get svc')).out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP.*\nkube-dns\s+ClusterIP\s+10\.96\.0\.10\s/);
    const bad = await kubectl(c, 'kubectl -A get pods');
    expect(bad).toEqual({ out: '', err: 'Error: flags cannot be placed before plugin name: -A\n', code: 1 });
    const root = await kubectl(c, 'kubectl -A get');
    expect(root).toEqual({ out: '', err: "error: unknown shorthand flag: 'A' in -A\nSee 'kubectl --help' for usage.\n", code: 1 });
    expect((await kubectl(c, 'kubectl -A=true get pods')).code).toBe(0);
    expect((await kubectl(c, 'kubectl --context x get pods')).err).toMatch(/not simulated/);
  });
});
