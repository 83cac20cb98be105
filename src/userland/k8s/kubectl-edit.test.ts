// kubectl edit with a non-interactive editor, as kubectl/pkg/cmd/util/editor
// runs it (editoptions.go: the header text, "Edit cancelled, no changes
// made.", "%s edited", "error: %s %q is invalid", "A copy of your changes
// has been stored to %q", "Edit cancelled, no valid changes were saved.";
// editor.go: $KUBE_EDITOR, then $EDITOR, then vi; a command with quotes goes
// to `$SHELL -c` with the path appended as %q). The Service cluster IP error
// is ValidateServiceUpdate's (pkg/apis/core/validation: spec.clusterIPs[0]
// "may not change once set", printed by kubectl 1.31 as []string{…}).

import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { editorArgs } from './kubectl-edit.ts';
import '../index.ts';

async function sh(c: Cluster, line: string, env: Record<string, string> = {}): Promise<{ out: string; err: string; code: number }> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const err = new StringOut();
  const argv = ['bash', '-c', line];
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...env }, cwd: '/root', netns: k.initNs, stdin: new StringIn(''), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done);
  await c.settle();
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}

const tmpFiles = (c: Cluster): string[] => c.host('controlplane').vfs.readdir('/tmp').filter((f) => f.startsWith('kubectl-edit-'));

describe('kubectl edit (kubectl/pkg/cmd/util/editor)', () => {
  it('picks the editor as defaultEnvEditor does', () => {
    expect(editorArgs({}, '/tmp/x.yaml')).toEqual({ args: ['vi', '/tmp/x.yaml'], shown: 'vi' });
    expect(editorArgs({ EDITOR: 'nano', KUBE_EDITOR: 'vim' }, '/tmp/x.yaml').args).toEqual(['vim', '/tmp/x.yaml']);
    expect(editorArgs({ EDITOR: 'sed -i s/a/b/' }, '/tmp/x.yaml').args).toEqual(['sed', '-i', 's/a/b/', '/tmp/x.yaml']);
    expect(editorArgs({ KUBE_EDITOR: "sed -i 's/replicas: 1/replicas: 3/'" }, '/tmp/x.yaml')).toEqual({ args: ['/bin/bash', '-c', `sed -i 's/replicas: 1/replicas: 3/' "/tmp/x.yaml"`], shown: "/bin/bash -c sed -i 's/replicas: 1/replicas: 3/'" });
  });

  it('edits a Deployment through $KUBE_EDITOR; an unchanged file cancels', async () => {
    const c = buildCluster(new World({ seed: 5 }));
    await c.settle();
    expect((await sh(c, 'kubectl create deployment web --image=nginx')).code).toBe(0);
    await c.settle();
    const r = await sh(c, `KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 3/'" kubectl edit deployment web`);
    expect(r).toEqual({ out: 'deployment.apps/web edited\n', err: '', code: 0 });
    expect(c.api.get('Deployment', 'default', 'web')!.spec.replicas).toBe(3);
    await c.settle();
    expect(c.api.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    // The file is removed after a successful edit.
    expect(tmpFiles(c)).toEqual([]);
    const none = await sh(c, 'EDITOR=true kubectl edit deploy/web');
    expect(none).toEqual({ out: '', err: 'Edit cancelled, no changes made.\n', code: 0 });
    // The editor sees kubectl's header and the object as YAML.
    const cat = await sh(c, 'EDITOR=cat kubectl edit deploy web');
    expect(cat.out.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n")).toBe(true);
    expect(cat.err).toBe('Edit cancelled, no changes made.\n');
    const empty = await sh(c, `KUBE_EDITOR="sed -i '/^[^#]/d'" kubectl edit deploy web`);
    expect(empty).toEqual({ out: '', err: 'Edit cancelled, saved file was empty.\n', code: 0 });
    // Spaces but no quotes: split on the spaces, so sed gets `s/replicas:` as its script.
    const split = await sh(c, 'KUBE_EDITOR="sed -i s/replicas: 3/replicas: 1/" kubectl edit deploy web');
    expect(split.code).toBe(1);
    expect(split.err).toMatch(/^sed: .*\nerror: there was a problem with the editor "sed -i s\/replicas: 3\/replicas: 1\/"\n$/);
    const missing = await sh(c, 'EDITOR=emacs kubectl edit deploy web');
    expect(missing).toEqual({ out: '', err: 'error: unable to launch the editor "emacs"\n', code: 1 });
    const nf = await sh(c, 'EDITOR=true kubectl edit svc nope');
    expect(nf).toEqual({ out: '', err: 'Error from server (NotFound): services "nope" not found\n', code: 1 });
    const renamed = await sh(c, `KUBE_EDITOR="sed -i 's/^  name: web$/  name: web2/'" kubectl edit deploy web`);
    expect(renamed.code).toBe(1);
    expect(renamed.err).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });

  it('an immutable field: the server’s reason in the reopened file, then the copy is kept', async () => {
    const c = buildCluster(new World({ seed: 6 }));
    await c.settle();
    await sh(c, 'kubectl create deployment web --image=nginx && kubectl expose deployment web --port=80');
    const ip = c.api.get('Service', 'default', 'web')!.spec.clusterIP as string;
    const r = await sh(c, `KUBE_EDITOR="sed -i 's/^  clusterIP: .*/  clusterIP: 10.96.0.99/'" kubectl edit svc web`);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const m = /^error: services "web" is invalid\nA copy of your changes has been stored to "(\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml)"\nerror: Edit cancelled, no valid changes were saved\.\n$/.exec(r.err);
    expect(m).not.toBeNull();
    const kept = c.host('controlplane').vfs.readFile(m![1]);
    expect(kept).toContain('# services "web" was not valid:\n# * spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set\n#\n');
    expect(kept).toContain('  clusterIP: 10.96.0.99\n');
    expect(c.api.get('Service', 'default', 'web')!.spec.clusterIP).toBe(ip);
    // A port change merges into the live Service.
    const ok = await sh(c, `KUBE_EDITOR="sed -i 's/targetPort: 80/targetPort: 8080/'" kubectl edit svc web`);
    expect(ok).toEqual({ out: 'service/web edited\n', err: '', code: 0 });
    expect(c.api.get('Service', 'default', 'web')!.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
  });
});
