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
  it('parses the notes Deployment and Service', async () => {
    const [d, s] = (await parseYamlDocuments(DEPLOY)) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- the test walks parsed manifests freely
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers).toEqual([{ name: 'nginx-container', image: 'nginx:1.14' }]);
    expect(s.spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(s.spec.clusterIP).toBe('10.100.100.100');
  });
  it('keeps comments and blank lines inside a | block (a Corefile)', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    # the cluster zone\n    .:53 {\n        errors\n\n        # health on 8080\n        health\n    }\n';
    const [cm] = (await parseYamlDocuments(text)) as { data: { Corefile: string } }[];
    expect(cm.data.Corefile).toBe('# the cluster zone\n.:53 {\n    errors\n\n    # health on 8080\n    health\n}\n');
  });
  it('folds > blocks, and honours the chomping indicators', async () => {
    const [d] = (await parseYamlDocuments('a: >\n  one\n  two\n\n  three\nb: |-\n  x\n\nc: >+\n  y\n\n')) as Record<string, string>[];
    expect(d.a).toBe('one two\nthree\n');
    expect(d.b).toBe('x');
    expect(d.c).toBe('y\n\n');
  });
  it('resolves anchors, aliases and << merge keys', async () => {
    const [d] = (await parseYamlDocuments('base: &labels\n  app: web\n  tier: front\ncopy: *labels\nmerged:\n  <<: *labels\n  tier: back\n')) as Record<string, Record<string, string>>[];
    expect(d.copy).toEqual({ app: 'web', tier: 'front' });
    expect(d.merged).toEqual({ app: 'web', tier: 'back' });
  });
  it('reads scalars as YAML 1.1 does (go-yaml v2 under kubectl)', async () => {
    const [d] = (await parseYamlDocuments('a: yes\nb: off\nc: 0777\nd: "80"\ne: 1.5\nf: ~\ng: 2024-01-06\nh: 8080:80\ni: y\n')) as Record<string, unknown>[];
    expect(d).toEqual({ a: true, b: false, c: 511, d: '80', e: 1.5, f: null, g: '2024-01-06', h: '8080:80', i: true });
  });
  it('splits documents on --- lines, drops empty ones, and counts error lines per document', async () => {
    expect(await parseYamlDocuments('---\n# only a comment\n---\na: 1\n--- # next\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
    await expect(parseYamlDocuments('a: 1\n---\nb: 2\n\tc: 3\n')).rejects.toThrow('error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
  });
  it('emits sorted keys with list items at the parent indentation', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } }, kind: 'Service' })).toBe('kind: Service\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n  selector:\n    app: web\n');
    expect(toYaml({ a: '80', b: '', c: [] })).toBe('a: "80"\nb: ""\nc: []\n');
    // Strings YAML 1.1 would read otherwise are quoted; lists in lists start on the dash's line.
    expect(toYaml({ a: ['y', 'No', '1e3', '0x1F', '2024-01-06', '8080:80', 'x:'], b: [[1, 2], []] })).toBe('a:\n- "y"\n- "No"\n- "1e3"\n- "0x1F"\n- "2024-01-06"\n- 8080:80\n- "x:"\nb:\n- - 1\n  - 2\n- []\n');
  });
});
