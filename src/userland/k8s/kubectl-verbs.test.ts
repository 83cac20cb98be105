// kubectl against the simulated cluster: JSONPath (the blank
// `{.items[*].status.podIP}`), custom-columns and -o name (cli-runtime
// printers), cobra/pflag errors for unknown verbs and flags (texts as
// kubectl prints them: "unknown flag: --foo" + "See 'kubectl get --help'
// for usage."), kubectl run / create service as their generators build
// objects (the `--dry-run=client -o yaml` forms documented on
// kubernetes.io: kubectl run and kubectl create service reference pages),
// label/annotate/patch messages, and the Events the controllers and the
// kubelet record (Scheduled, SuccessfulCreate, ScalingReplicaSet, Pulled,
// Created, Started, Killing).

import { beforeAll, describe, expect, it } from 'vitest';
import '../index.ts';
import { World } from '../../world/world.ts';
import { buildCluster, type Cluster } from '../../k8s/cluster.ts';
import { spawnWith } from '../../shell/exec.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';

async function kubectl(c: Cluster, argv: string[], stdin = ''): Promise<{ out: string; err: string; code: number }> {
  const k = c.host('controlplane');
  const out = new StringOut();
  const err = new StringOut();
  const r = spawnWith(k, 1, argv, { env: { PATH: '/usr/bin:/bin' }, cwd: '/root', netns: k.initNs, stdin: new StringIn(stdin), stdout: out, stderr: err }, (p) => p.exec(p, argv));
  const d = await c.world.run(r.done);
  await c.settle();
  return { out: out.text, err: err.text, code: d.done ? d.value : -1 };
}
/** Words of a command line as a shell splits them (single quotes only). */
function words(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let q = false;
  for (const ch of line) {
    if (ch === "'") {
      q = !q;
      cur = cur ?? '';
    } else if (ch === ' ' && !q) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}
const k = (c: Cluster, line: string): Promise<{ out: string; err: string; code: number }> => kubectl(c, words(line));

describe('kubectl verbs and printers', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = buildCluster(new World({ seed: 21 }), { coredns: false });
    await c.settle();
    await k(c, 'kubectl create deployment web --image=nginx:1.14 --replicas=2');
    await c.settle();
  }, 60_000);

  it('JSONPath over pods prints every pod IP, ranges and literals', async () => {
    const ips = c.api.list('Pod', 'default').map((p) => p.status.podIP);
    expect(ips.length).toBe(2);
    const r = await k(c, "kubectl get pods -o jsonpath='{.items[*].status.podIP}'");
    expect(r.out).toBe(ips.join(' '));
    const names = c.api.list('Pod', 'default').map((p) => p.metadata.name);
    const rr = await k(c, `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`);
    expect(rr.out).toBe(names.map((n, i) => `${n}\t${ips[i]}\n`).join(''));
    const one = await k(c, `kubectl get pod ${names[0]} -o jsonpath={.spec.containers[0].image}`);
    expect(one.out).toBe('nginx:1.14');
    const filt = await k(c, `kubectl get nodes -o jsonpath='{.items[?(@.metadata.name=="node01")].status.addresses[?(@.type=="InternalIP")].address}'`);
    expect(filt.out).toBe('192.168.56.11');
    const asJson = await k(c, "kubectl get nodes -o jsonpath-as-json='{.items[*].metadata.name}'");
    expect(asJson.out).toBe('[\n    "controlplane",\n    "node01",\n    "node02"\n]\n');
  });

  it('JSONPath errors as kubectl words them', async () => {
    const r = await k(c, "kubectl get pods -o jsonpath='{.items[0'");
    expect(r.err).toBe('error: error parsing jsonpath {.items[0, unterminated array\n');
    expect(r.code).toBe(1);
    const x = await k(c, "kubectl get pods -o jsonpath='{.items[5].metadata.name}'");
    expect(x.err).toMatch(/^error: error executing jsonpath "\{\.items\[5\]\.metadata\.name\}": Error executing template: array index out of bounds: index 5, length 2\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.items\[5\]\.metadata\.name\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "items":\[\]interface \{\}\{/);
    expect(x.err.endsWith('}\n\n')).toBe(true);
    const missing = await k(c, "kubectl get pods -o jsonpath='{.nothing}'");
    expect([missing.out, missing.err, missing.code]).toEqual(['', '', 0]);
    const bad = await k(c, 'kubectl get pods -o foo');
    expect(bad.err).toBe('error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n');
  });

  it('custom-columns, custom-columns-file, -o name, --sort-by', async () => {
    const r = await k(c, 'kubectl get nodes -o custom-columns=NAME:.metadata.name,IP:.status.addresses[0].address,TAINT:.spec.taints[*].effect');
    expect(r.out).toBe('NAME           IP              TAINT\ncontrolplane   192.168.56.10   NoSchedule\nnode01         192.168.56.11   <none>\nnode02         192.168.56.12   <none>\n');
    c.host('controlplane').vfs.putFile('/root/cols.txt', 'NAME          KUBELET\nmetadata.name status.nodeInfo.kubeletVersion\n');
    const f = await k(c, 'kubectl get nodes -o custom-columns-file=/root/cols.txt --no-headers');
    expect(f.out).toBe('controlplane   v1.31.4\nnode01         v1.31.4\nnode02         v1.31.4\n');
    const bad = await k(c, 'kubectl get nodes -o custom-columns=NAME');
    expect(bad.err).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
    const n = await k(c, 'kubectl get deploy -o name');
    expect(n.out).toBe('deployment.apps/web\n');
    const s = await k(c, "kubectl get nodes --sort-by=.metadata.name -o jsonpath='{.items[-1].metadata.name}'");
    expect(s.out).toBe('node02');
  });

  it('refuses unknown verbs, resources and flags as kubectl does', async () => {
    expect((await k(c, 'kubectl get pods --foo')).err).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect((await k(c, 'kubectl get pods -x')).err).toBe("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n");
    expect((await k(c, 'kubectl gte pods')).err).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
    expect((await k(c, 'kubectl frobnicate')).err).toBe('error: unknown command "frobnicate" for "kubectl"\n');
    expect((await k(c, 'kubectl get foo')).err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    const ns = await k(c, 'kubectl get pods --context=prod');
    expect([ns.err, ns.code]).toEqual(['kubectl: --context: not simulated\n', 1]);
    // kubectl edit runs the default editor, vi, as a child (kubectl-edit.test.ts has the edits).
    expect((await k(c, 'kubectl edit deploy web')).err).not.toContain('not simulated');
    expect((await k(c, 'kubectl -n kube-system get ds -o name')).out).toBe('daemonset.apps/kube-proxy\n');
    expect((await k(c, 'kubectl create deployment x --image')).err).toBe("error: flag needs an argument: --image\nSee 'kubectl create --help' for usage.\n");
  });

  it('run and create service: the generators’ objects, dry run and real', async () => {
    const y = await k(c, 'kubectl run nginx --image=nginx --dry-run=client -o yaml');
    expect(y.out).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n');
    const s = await k(c, 'kubectl create service clusterip my-svc --tcp=80:8080 --dry-run=client -o yaml');
    expect(s.out).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: my-svc\n  name: my-svc\nspec:\n  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: my-svc\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n');
    const d = await k(c, 'kubectl create deployment api --image=nginx --dry-run=client -o yaml');
    expect(d.out).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: api\n  name: api\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: api\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: api\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n');
    expect(c.api.get('Deployment', 'default', 'api')).toBeUndefined();
    expect((await k(c, 'kubectl run cache --image=redis --port=6379 --labels=app=cache,tier=db')).out).toBe('pod/cache created\n');
    const pod = c.api.get('Pod', 'default', 'cache')!;
    expect(pod.metadata.labels).toEqual({ app: 'cache', tier: 'db' });
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 6379 }]);
    expect((await k(c, 'kubectl create service nodeport np --tcp=80:80 --node-port=30123')).out).toBe('service/np created\n');
    expect(c.api.get('Service', 'default', 'np')!.spec.ports[0].nodePort).toBe(30123);
    expect((await k(c, 'kubectl create service externalname ext --external-name=example.com')).out).toBe('service/ext created\n');
    expect((await k(c, 'kubectl create service clusterip nop')).err).toBe('error: at least one tcp port specifier must be provided\n');
    expect((await k(c, 'kubectl run')).err).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  });

  it('expose --dry-run, delete --all/--force, flags kubectl has but the simulation does not model', async () => {
    const y = await k(c, 'kubectl expose deployment web --port=80 --dry-run=client -o yaml');
    expect(y.out).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n');
    expect(c.api.get('Service', 'default', 'web')).toBeUndefined();
    await k(c, 'kubectl run tmp1 --image=busybox --labels=tmp=yes');
    await k(c, 'kubectl run tmp2 --image=busybox --labels=tmp=yes');
    const f = await k(c, 'kubectl delete pod tmp1 --force --grace-period=0');
    expect(f.err).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(f.out).toBe('pod "tmp1" force deleted\n');
    expect((await k(c, 'kubectl delete pods -l tmp=yes')).out).toBe('pod "tmp2" deleted\n');
    expect((await k(c, 'kubectl logs web --follow')).err).toBe('kubectl: --follow: not simulated\n');
    expect((await k(c, 'kubectl apply -f x.yaml --dry-run=client')).err).toBe('kubectl: --dry-run: not simulated\n');
    expect((await k(c, 'kubectl delete pod x --grace-period=30')).err).toBe('kubectl: --grace-period: not simulated\n');
  });

  it('cordon, uncordon and taint steer the scheduler; commands kubectl has but the simulation lacks', async () => {
    expect((await k(c, 'kubectl cordon node01')).out).toBe('node/node01 cordoned\n');
    expect((await k(c, 'kubectl cordon node01')).out).toBe('node/node01 already cordoned\n');
    expect((await k(c, 'kubectl get node node01')).out).toMatch(/node01 +Ready,SchedulingDisabled/);
    expect((await k(c, 'kubectl taint nodes node02 dedicated=db:NoSchedule')).out).toBe('node/node02 tainted\n');
    await k(c, 'kubectl run nowhere --image=busybox');
    expect(c.api.get('Pod', 'default', 'nowhere')!.spec.nodeName).toBeUndefined();
    expect((await k(c, 'kubectl taint nodes node02 dedicated=db:NoSchedule-')).out).toBe('node/node02 untainted\n');
    expect((await k(c, 'kubectl uncordon node01')).out).toBe('node/node01 uncordoned\n');
    // The scheduler retries the pending pod once a node takes pods again.
    expect(c.api.get('Pod', 'default', 'nowhere')!.spec.nodeName).toMatch(/^node0[12]$/);
    await k(c, 'kubectl delete pod nowhere --force');
    expect((await k(c, 'kubectl drain node01 --ignore-daemonsets')).err).toBe('kubectl: drain: not simulated\n');
    expect((await k(c, 'kubectl api-resources')).out).toMatch(/^NAME {15}SHORTNAMES {3}APIVERSION {13}NAMESPACED {3}KIND\nconfigmaps {9}cm {11}v1 {21}true {9}ConfigMap\n/);
    expect((await k(c, 'kubectl version')).out).toBe('Client Version: v1.31.4\nKustomize Version: v5.4.2\nServer Version: v1.31.4\n');
  });

  it('run -i --rm attaches, then deletes the pod', async () => {
    const r = await k(c, 'kubectl run -i --rm once --image=busybox --restart=Never -- echo hello');
    expect(r.out).toBe('hello\npod "once" deleted\n');
    expect(r.code).toBe(0);
  });

  it('label, annotate and patch', async () => {
    expect((await k(c, 'kubectl label node node01 disktype=ssd')).out).toBe('node/node01 labeled\n');
    expect((await k(c, 'kubectl label node node01 disktype=hdd')).err).toBe("error: 'disktype' already has a value (ssd), and --overwrite is false\n");
    expect((await k(c, 'kubectl label node node01 disktype=hdd --overwrite')).out).toBe('node/node01 labeled\n');
    expect(c.api.get('Node', undefined, 'node01')!.metadata.labels!.disktype).toBe('hdd');
    expect((await k(c, 'kubectl label node node01 disktype-')).out).toBe('node/node01 unlabeled\n');
    expect((await k(c, 'kubectl annotate deploy web owner=team-a')).out).toBe('deployment.apps/web annotated\n');
    expect((await k(c, `kubectl patch deploy web -p '{"spec":{"replicas":3}}'`)).out).toBe('deployment.apps/web patched\n');
    expect(c.api.get('Deployment', 'default', 'web')!.spec.replicas).toBe(3);
    expect((await k(c, `kubectl patch deploy web -p '{"spec":{"replicas":3}}'`)).out).toBe('deployment.apps/web patched (no change)\n');
    expect((await k(c, `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`)).out).toBe('deployment.apps/web patched\n');
    const cs = c.api.get('Deployment', 'default', 'web')!.spec.template.spec.containers;
    expect(cs.length).toBe(1);
    expect(cs[0].image).toBe('nginx:1.27');
    expect((await k(c, `kubectl patch svc np --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'`)).out).toBe('service/np patched\n');
    expect(c.api.get('Service', 'default', 'np')!.spec.ports[0].port).toBe(8080);
    expect((await k(c, `kubectl patch svc np --type merge -p '{"metadata":{"labels":{"x":"y"}}}'`)).out).toBe('service/np patched\n');
    expect((await k(c, `kubectl patch svc np --type foo -p '{}'`)).err).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
  });

  it('events from the scheduler, the controllers and the kubelet', async () => {
    const r = await k(c, 'kubectl get events');
    expect(r.out.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    const pod = c.api.list('Pod', 'default').find((p) => p.metadata.name.startsWith('web-'))!;
    expect(r.out).toMatch(new RegExp(`Normal\\s+Scheduled\\s+pod/${pod.metadata.name}\\s+Successfully assigned default/${pod.metadata.name} to node0[12]`));
    expect(r.out).toMatch(/Normal\s+Pulled\s+pod\/\S+\s+Container image "nginx:1\.\d+" already present on machine/);
    expect(r.out).toMatch(/Normal\s+Created\s+pod\/\S+\s+Created container nginx/);
    expect(r.out).toMatch(/Normal\s+Started\s+pod\/\S+\s+Started container nginx/);
    expect(r.out).toMatch(/Normal\s+SuccessfulCreate\s+replicaset\/web-\w+\s+Created pod: web-/);
    expect(r.out).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ to 2\n/);
    expect(r.out).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ to 3 from 2/);
    expect(r.out).toMatch(/Normal\s+Killing\s+pod\/once\s+Stopping container once/);
    const e = await k(c, 'kubectl events --for deployment/web');
    expect(e.out).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n.*Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up/);
  });
});

describe('kubectl describe (pkg/describe, v1.31)', () => {
  it('aligns with text/tabwriter (padding 2) and lists the object’s events', async () => {
    const { goTabwriter } = await import('./kubectl-describe.ts');
    // Column blocks: consecutive lines with a cell in the column; a line without tabs ends them.
    expect(goTabwriter('Name:\tweb\nNamespace:\tdefault\nSubsets:\n  Addresses:\t1.2.3.4\n')).toBe('Name:       web\nNamespace:  default\nSubsets:\n  Addresses:  1.2.3.4\n');
    const c = buildCluster(new World({ seed: 8 }), { coredns: false });
    await c.settle();
    await k(c, 'kubectl create deployment web --image=nginx:1.27');
    await k(c, 'kubectl expose deployment web --port=80');
    const pod = c.api.list('Pod', 'default')[0];
    const d = await k(c, `kubectl describe pod ${pod.metadata.name}`);
    const lines = d.out.split('\n');
    expect(lines[0]).toBe(`Name:             ${pod.metadata.name}`);
    expect(lines[1]).toBe('Namespace:        default');
    expect(d.out).toContain(`Node:             ${pod.spec.nodeName}/${pod.status.hostIP}\n`);
    expect(d.out).toContain('Labels:           app=web\n                  pod-template-hash=');
    // "IPs:" has no tab: it ends the column block, so the lines after it align on their own.
    expect(d.out).toContain(`IPs:\n  IP:           ${pod.status.podIP}\nControlled By:  ReplicaSet/${pod.metadata.ownerReferences![0].name}\n`);
    expect(d.out).toContain('Containers:\n  nginx:\n    Container ID:   containerd://');
    expect(d.out).toContain('    State:          Running\n      Started:      Mon, 06 Jan 2025 09:00:');
    expect(d.out).toMatch(/Conditions:\n {2}Type {24}Status\n {2}PodReadyToStartContainers {3}True \n/);
    expect(d.out).toMatch(/Events:\n {2}Type {4}Reason {5}Age +From {15}Message\n {2}---- {4}------ {5}---- +---- {15}-------\n {2}Normal {2}Scheduled {2}\d+s {2,}default-scheduler {2}Successfully assigned default\/\S+ to node0[12]\n/);
    expect(d.out).toMatch(/ {2}Normal {2}Started {4}\d+s {2,}kubelet {12}Started container nginx\n$/);
    const s = await k(c, 'kubectl describe svc web');
    expect(s.out).toMatch(/^Name: {21}web\nNamespace: {16}default\nLabels: {19}app=web\nAnnotations: {14}<none>\nSelector: {17}app=web\nType: {21}ClusterIP\n/);
    expect(s.out).toMatch(/\nPort: {21}<unset> {2}80\/TCP\nTargetPort: {15}80\/TCP\nEndpoints: {16}10\.244\.\d+\.\d+:80\nSession Affinity: {9}None\nInternal Traffic Policy: {2}Cluster\nEvents: {19}<none>\n$/);
    expect((await k(c, 'kubectl describe pod nope')).err).toBe('Error from server (NotFound): pods "nope" not found\n');
    const n = await k(c, 'kubectl describe node node01');
    expect(n.out).toMatch(/^Name: {15}node01\nRoles: {14}<none>\n/);
  });
});
