// ingress-nginx on the API server's side: the objects of its bare-metal
// install (deploy/static/provider/baremetal/deploy.yaml: the namespace, the
// IngressClass `nginx`, the controller Deployment and its NodePort Service),
// which the cluster applies. The controller itself never imports this (it
// reads the API through its client, src/k8s/client.ts); the API server's
// checks of an Ingress are in ingress-api.ts.

import type { ApiServer, KObject } from './api.ts';
import { CONTROLLER_IMAGE, CONTROLLER_NAME, INGRESS_NS, NGINX_CLASS, NGINX_CONTROLLER_CLASS } from './ingress.ts';

const LABELS = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.12.1' };
const SELECTOR = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

/** The objects of ingress-nginx's bare-metal manifest that take part in routing. */
export function ingressNginxObjects(): KObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INGRESS_NS, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } }, spec: {}, status: { phase: 'Active' } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: NGINX_CLASS, labels: { ...LABELS } }, spec: { controller: NGINX_CONTROLLER_CLASS } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NS, labels: { ...LABELS } },
      spec: { type: 'NodePort', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', selector: { ...SELECTOR }, ports: [{ appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }] },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NS, labels: { ...LABELS } },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        minReadySeconds: 0,
        selector: { matchLabels: { ...SELECTOR } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: {
          metadata: { labels: { ...LABELS } },
          spec: {
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 300,
            containers: [
              {
                name: 'controller',
                image: CONTROLLER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', `--controller-class=${NGINX_CONTROLLER_CLASS}`, `--ingress-class=${NGINX_CLASS}`, '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'],
                env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' }],
                ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443, name: 'https', protocol: 'TCP' }, { containerPort: 8443, name: 'webhook', protocol: 'TCP' }],
              },
            ],
          },
        },
      },
    },
  ];
}

/** Apply the install (what `kubectl apply -f deploy.yaml` does for these objects). */
export function installIngressNginx(api: ApiServer): void {
  for (const o of ingressNginxObjects()) {
    if (!api.get(o.kind, o.metadata.namespace, o.metadata.name)) api.create(o);
  }
}
