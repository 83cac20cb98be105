// Break-fix lab: a Service that selects nothing, on the wrong port.
//
//   client pod ── 10.100.50.50:80 (Service web) ──> ? (selector app=web-frontend, targetPort 8080)
//   Deployment web: 3 pods app=web, nginx on port 80
//
// Start: the Service exists with its ClusterIP, but its selector matches no
// pod and its targetPort is not where nginx listens; /root/web-svc.yaml is
// the manifest it was created from.

import type { LabDef } from '../../src/labs/types.ts';
import type { KObject } from '../../src/k8s/api.ts';
import { buildCluster, clusterOf } from '../../src/k8s/cluster.ts';
import { serviceReachesEveryPod } from '../k8s-checks.ts';
import { m } from '../../src/labs/messages.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  clusterIP: 10.100.50.50
  selector:
    app: web-frontend
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8080
`;

const lab: LabDef = {
  id: 'fix-service-selector',
  title: 'Fix it: the Service does not answer',
  lesson: 'kube-proxy',
  terminalHost: 'controlplane',
  goal:
    'A ticket: "From the pod `client`, `curl http://10.100.50.50/` (the Service `web`) fails. The Deployment `web` is running and its pods serve the site." ' +
    'The Service was created from /root/web-svc.yaml. Clients use its address, so the Service `web` keeps its ClusterIP 10.100.50.50. ' +
    'Fix it so that the ClusterIP answers, spreading requests over every ready pod of the Deployment.',
  hints: [
    'Ask the Service what it sends traffic to: `kubectl get endpoints web`, or `kubectl describe service web`. What does an empty list mean?',
    'A Service picks its pods by labels. Compare its selector with the labels the pods really carry (`kubectl get pods --show-labels`).',
    'Once endpoints appear, curl may still fail: compare the port the endpoints name with the port nginx listens on in the pods (`kubectl get deployment web -o yaml`, containerPort).',
    'Fix /root/web-svc.yaml (selector `app: web`, targetPort `80`) and `kubectl apply -f /root/web-svc.yaml`.',
  ],
  solution: [
    'kubectl rollout status deployment/web',
    'kubectl get endpoints web',
    'kubectl get pods --show-labels',
    "sed -i -e 's/app: web-frontend/app: web/' -e 's/targetPort: 8080/targetPort: 80/' /root/web-svc.yaml",
    'kubectl apply -f /root/web-svc.yaml',
    'kubectl get endpoints web',
    'kubectl exec client -- curl -s http://10.100.50.50/',
  ],
  build(b) {
    const c = buildCluster(b.world);
    const client: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default', labels: { run: 'client' } }, spec: { containers: [{ name: 'client', image: 'curlimages/curl:8.11.1', command: ['sleep', 'infinity'] }] } };
    c.api.create(client);
    const deploy: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
      },
    };
    c.api.create(deploy);
    const svc: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'ClusterIP', clusterIP: '10.100.50.50', selector: { app: 'web-frontend' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }] },
    };
    c.api.create(svc);
    b.file('controlplane', '/root/web-svc.yaml', SERVICE);
  },
  shortcuts: [
    { name: 'the Service recreated with another ClusterIP', commands: ['kubectl delete svc web', 'kubectl expose deployment web --port 80'], expect: ['cluster-ip'] },
    { name: 'only the selector fixed', commands: ["sed -i -e 's/app: web-frontend/app: web/' /root/web-svc.yaml", 'kubectl apply -f /root/web-svc.yaml'], expect: ['every-pod'] },
  ],
  checks: [
    {
      id: 'cluster-ip',
      title: 'Service web keeps ClusterIP 10.100.50.50',
      run: async (ctx) => {
        const s = clusterOf(ctx.world)!.api.get('Service', 'default', 'web');
        if (!s) return { passed: false, msg: m('svc.noServiceWebClients') };
        if (s.spec.clusterIP !== '10.100.50.50') return { passed: false, msg: m('svc.serviceWebNowClusterip', { ip: s.spec.clusterIP }) };
        return { passed: true, msg: m('svc.serviceWebKeeps') };
      },
    },
    {
      id: 'every-pod',
      title: 'From client, http://10.100.50.50/ answers from every ready pod of Deployment web',
      run: (ctx) => serviceReachesEveryPod(ctx, 'client', 'http://10.100.50.50/', 'web', 'nginx'),
    },
  ],
};

export default lab;
