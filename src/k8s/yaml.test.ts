import { describe, expect, it } from 'vitest';
import { parseYamlDocuments, toYaml } from './yaml.ts';

// The course notes' manifests (003) must parse as kubectl reads them.
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: deploy-nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: webui
  template:
    metadata:
      name: nginx-pod
      labels:
        app: webui
    spec:
      containers: 
        - name: nginx-container
          image: nginx:1.14
---
apiVersion: v1
kind: Service
metadata:
  name: clusterip-service
spec:
  type: ClusterIP
  clusterIP: 10.100.100.100
  selector:
    app: webui
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80   # the container port
`;

describe('yaml', () => {
  it('parses the notes Deployment and Service', () => {
    const [d, s] = parseYamlDocuments(DEPLOY) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test walks parsed manifests freely
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers).toEqual([{ name: 'nginx-container', image: 'nginx:1.14' }]);
    expect(s.spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(s.spec.clusterIP).toBe('10.100.100.100');
  });
  it('emits sorted keys with list items at the parent indentation', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } }, kind: 'Service' })).toBe('kind: Service\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n  selector:\n    app: web\n');
    expect(toYaml({ a: '80', b: '', c: [] })).toBe('a: "80"\nb: ""\nc: []\n');
  });
});
