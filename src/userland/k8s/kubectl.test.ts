// kubectl on the control plane of a three-node cluster: the workflow of the
// course notes (003/004): create a Deployment and a ClusterIP Service, read
// them back, scale, set image and roll back.

import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { humanDuration, tabwrite } from './kubectl.ts';

async function kubectl(c: Cluster, line: string, stdin = ''): Promise<{ out: string; err: string; code: number }> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const err = new StringOut();
  const argv = line.match(/'[^']*'|\S+/g)!.map((x) => x.replace(/^'|'$/g, ''));
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin' }, cwd: '/root', netns: k.initNs, stdin: new StringIn(stdin), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done);
  await c.settle();
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.14
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.100.100.100
  selector:
    app: web
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
`;

describe('kubectl', () => {
  it('formats like kubectl', () => {
    expect(humanDuration(5)).toBe('5s');
    expect(humanDuration(150)).toBe('2m30s');
    expect(humanDuration(3 * 3600 + 60)).toBe('3h1m');
    expect(tabwrite([['NAME', 'READY'], ['web-1', '1/1']])).toBe('NAME    READY\nweb-1   1/1\n');
  });

  it('applies, lists, scales, updates and rolls back', async () => {
    const c = buildCluster(new World({ seed: 11 }));
    await c.settle();
    c.host('controlplane').vfs.putFile('/root/web.yaml', MANIFEST);
    const ap = await kubectl(c, 'kubectl apply -f web.yaml');
    expect(ap.out).toBe('deployment.apps/web created\nservice/web created\n');
    const pods = await kubectl(c, 'kubectl get pods -o wide');
    const lines = pods.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((l) => /1\/1\s+Running\s+0\s+\d+s\s+10\.244\.[12]\.\d+\s+node0[12]\s+<none>\s+<none>$/.test(l))).toBe(true);
    const svc = await kubectl(c, 'kubectl get svc web');
    expect(svc.out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+ClusterIP\s+10\.100\.100\.100\s+<none>\s+80\/TCP\s+\d+s\n$/);
    const ep = await kubectl(c, 'kubectl get endpoints web');
    expect(ep.out).toMatch(/10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/);
    expect((await kubectl(c, 'kubectl apply -f web.yaml')).out).toBe('deployment.apps/web unchanged\nservice/web unchanged\n');
    expect((await kubectl(c, 'kubectl scale deployment web --replicas=5')).out).toBe('deployment.apps/web scaled\n');
    expect((await kubectl(c, 'kubectl get deploy web')).out).toMatch(/web\s+5\/5\s+5\s+5\s+/);
    expect((await kubectl(c, 'kubectl set image deployment/web nginx=nginx:1.27')).out).toBe('deployment.apps/web image updated\n');
    expect((await kubectl(c, 'kubectl rollout status deployment/web')).out).toContain('deployment "web" successfully rolled out\n');
    const hist = await kubectl(c, 'kubectl rollout history deployment/web');
    expect(hist.out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await kubectl(c, 'kubectl rollout undo deployment/web')).out).toBe('deployment.apps/web rolled back\n');
    const imgs = c.api.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image);
    expect(new Set(imgs)).toEqual(new Set(['nginx:1.14']));
    const nf = await kubectl(c, 'kubectl get pod nope');
    expect(nf.err).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await kubectl(c, 'kubectl delete svc web')).out).toBe('service "web" deleted\n');
    expect((await kubectl(c, 'kubectl get svc web')).code).toBe(1);
    const y = await kubectl(c, 'kubectl get deploy web -o yaml');
    expect(y.out).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
    const nodes = await kubectl(c, 'kubectl get nodes');
    expect(nodes.out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrolplane\s+Ready\s+control-plane\s+\S+\s+v1\.31\.4\nnode01\s+Ready\s+<none>/);
  });
});

describe('kubectl rollout status daemonset', () => {
  it('waits for the daemon set’s pods, as kubectl’s DaemonSetStatusViewer does', async () => {
    const c = buildCluster(new World(), { cni: 'none' });
    const { flannelDaemonSet } = await import('../../k8s/cluster.ts');
    const { toYaml } = await import('../../k8s/yaml.ts');
    const manifest = `${toYaml({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel' } })}---\n${toYaml(flannelDaemonSet())}`;
    expect((await kubectl(c, 'kubectl apply -f -', manifest)).out).toBe('namespace/kube-flannel created\ndaemonset.apps/kube-flannel-ds created\n');
    const t0 = c.world.clock.now;
    const r = await kubectl(c, 'kubectl rollout status daemonset/kube-flannel-ds -n kube-flannel');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^(Waiting for daemon set "kube-flannel-ds" rollout to finish: \d+ (out of 3 new pods have been updated|of 3 updated pods are available)\.\.\.\n)*daemon set "kube-flannel-ds" successfully rolled out\n$/);
    expect(c.world.clock.now - t0).toBeLessThan(30_000);
  });
});
