// kubectl apply as a three-way strategic merge (k8s.io/apimachinery
// pkg/util/strategicpatch CreateThreeWayMergePatch and its patch_test.go
// cases: maps merge, lists with a patchMergeKey merge by that key, a field
// the previous configuration had and the new one lacks is deleted, a field
// someone else set is kept). The annotation's form is kubectl's
// (util.GetModifiedConfiguration: the object without the annotation, an
// empty annotations map kept, as JSON ending in a newline); the warning for
// a live object without it is apply.go's warningNoLastAppliedConfigAnnotation.

import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { threeWayMerge, lastAppliedValue } from '../../k8s/strategic-merge.ts';
import type { KObject } from '../../k8s/api.ts';
import '../index.ts';

async function sh(c: Cluster, line: string, stdin = ''): Promise<{ out: string; err: string; code: number }> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const err = new StringOut();
  const argv = ['bash', '-c', line];
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin', HOME: '/root' }, cwd: '/root', netns: k.initNs, stdin: new StringIn(stdin), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done);
  await c.settle();
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}

const deploy = (containers: string, labels = '    tier: web\n'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
${labels}spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
${containers}`;

describe('three-way strategic merge (strategicpatch semantics)', () => {
  it('merges lists by their patchMergeKey and deletes what the last configuration had', () => {
    const original = { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] } };
    const modified = { spec: { containers: [{ name: 'a', image: 'x:2' }] } };
    const current = { spec: { containers: [{ name: 'a', image: 'x:1', imagePullPolicy: 'IfNotPresent' }, { name: 'b', image: 'y:1' }, { name: 'injected', image: 'z' }] } };
    expect(threeWayMerge('Pod', original, modified, current)).toEqual({ spec: { containers: [{ name: 'a', image: 'x:2', imagePullPolicy: 'IfNotPresent' }, { name: 'injected', image: 'z' }] } });
    // Container ports merge on containerPort, Service ports on port; args (no merge key) are replaced.
    expect(threeWayMerge('Pod', undefined, { spec: { containers: [{ name: 'a', args: ['-v'], ports: [{ containerPort: 80, name: 'http' }] }] } }, { spec: { containers: [{ name: 'a', args: ['-q', '-x'], ports: [{ containerPort: 80, protocol: 'TCP' }] }] } })).toEqual({ spec: { containers: [{ name: 'a', args: ['-v'], ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] }] } });
    expect(threeWayMerge('Service', { spec: { ports: [{ port: 80 }, { port: 443 }] } }, { spec: { ports: [{ port: 80, targetPort: 8080 }] } }, { spec: { ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }, { port: 443, protocol: 'TCP' }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }] } });
    // A null deletes; nested maps merge.
    expect(threeWayMerge('ConfigMap', undefined, { data: { a: null, b: '2' } }, { data: { a: '1', c: '3' } })).toEqual({ data: { c: '3', b: '2' } });
  });

  it('writes the annotation as kubectl does', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as unknown as KObject;
    expect(lastAppliedValue(svc)).toBe('{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n');
  });
});

describe('kubectl apply: three-way merge against the live object', () => {
  it('merges containers by name, keeps what others set, deletes what the file dropped', async () => {
    const c = buildCluster(new World({ seed: 8 }));
    await c.settle();
    const v1 = deploy('      - name: app\n        image: nginx:1.25\n        ports:\n        - containerPort: 80\n      - name: log\n        image: busybox\n', '    tier: web\n    team: a\n');
    expect(await sh(c, 'kubectl apply -f -', v1)).toEqual({ out: 'deployment.apps/web created\n', err: '', code: 0 });
    expect(JSON.parse(c.api.get('Deployment', 'default', 'web')!.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).metadata).toEqual({ annotations: {}, labels: { team: 'a', tier: 'web' }, name: 'web', namespace: 'default' });
    expect((await sh(c, 'kubectl apply -f -', v1)).out).toBe('deployment.apps/web unchanged\n');
    // Someone else adds a label; the file drops `team`, the `log` container, and changes app's image.
    await sh(c, 'kubectl label deployment web owner=ops');
    const v2 = deploy('      - name: app\n        image: nginx:1.27\n');
    expect(await sh(c, 'kubectl apply -f -', v2)).toEqual({ out: 'deployment.apps/web configured\n', err: '', code: 0 });
    const d = c.api.get('Deployment', 'default', 'web')!;
    expect(d.metadata.labels).toEqual({ tier: 'web', owner: 'ops' });
    expect(d.spec.template.spec.containers.map((x: { name: string }) => x.name)).toEqual(['app']);
    // The port the file no longer lists was in the last configuration: deleted; the image changed.
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(d.spec.template.spec.containers[0].ports).toBeUndefined();
  });

  it('warns about a missing annotation, keeps allocated Service fields, refuses a changed cluster IP', async () => {
    const c = buildCluster(new World({ seed: 9 }));
    await c.settle();
    await sh(c, 'kubectl create service nodeport web --tcp=80:80');
    const live = c.api.get('Service', 'default', 'web')!;
    const nodePort = live.spec.ports[0].nodePort;
    const file = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - name: 80-80\n    port: 80\n    targetPort: 8080\n';
    const r = await sh(c, 'kubectl apply -f -', file);
    expect(r).toEqual({ out: 'service/web configured\n', err: 'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n', code: 0 });
    const s = c.api.get('Service', 'default', 'web')!;
    expect(s.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort, protocol: 'TCP' });
    expect(s.spec.selector).toEqual({ app: 'web' });
    expect((await sh(c, 'kubectl apply -f -', file)).out).toBe('service/web unchanged\n');
    const bad = await sh(c, 'kubectl apply -f -', file.replace('spec:\n', 'spec:\n  clusterIP: 10.96.0.99\n'));
    expect(bad).toEqual({ out: '', err: 'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set\n', code: 1 });
    // The check is the API server's, so every writer meets it: kubectl patch, and a client's PUT.
    const patched = await sh(c, `kubectl patch service web -p '{"spec":{"clusterIP":"10.96.0.99"}}'`);
    expect(patched).toEqual({ out: '', err: bad.err, code: 1 });
    expect(() => c.api.patch('Service', 'default', 'web', (o) => (o.spec.clusterIP = '10.96.0.98'))).toThrow('may not change once set');
    expect(c.api.get('Service', 'default', 'web')!.spec.clusterIP).toBe(live.spec.clusterIP);
  });
});
