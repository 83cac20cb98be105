// The rule layout of kube-router's network policy controller, line by line,
// for one policy and one local pod (cloudnativelabs/kube-router at
// 7c2c2779e397b15b85dc5fd2b6e6ff2c64c38596: policy.go appendRuleToPolicyChain
// writes a MARK rule and a RETURN rule per allowed path; pod.go
// setupPodNetpolRules inserts at position 1, so the common chain comes
// first, then "from local node", the default chain for uncovered
// directions and the policy jumps; dropUnmarkedTrafficRules rejects what no
// policy marked; ensureExplicitAccept ends each top-level chain). Names are
// base32(sha256(...))[:16] of the inputs those functions hash.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { buildNetpolSync, networkPolicyChainName, podFirewallChainName, policyDestinationPodIPSetName, topJump } from './netpol.ts';
import { defaultNetworkPolicy } from './netpol-api.ts';
import type { KObject } from './api.ts';
import { base32, sha256 } from './hash.ts';
import { apply, netpolCluster, onNode, policy } from './netpol.test-util.ts';

const V = '1736154000000000000';
const podObj = (ns: string, name: string, ip: string, node: string, labels: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { nodeName: node, containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] }, status: { phase: 'Running', podIP: ip } });

describe('kube-router rule layout', () => {
  it('names chains and sets as kube-router hashes them', () => {
    expect(networkPolicyChainName('prod', 'p', V)).toBe('KUBE-NWPLCY-' + base32(sha256('prod' + 'p' + V + 'IPv4')).slice(0, 16));
    expect(podFirewallChainName('prod', 'api', V)).toBe('KUBE-POD-FW-' + base32(sha256('prod' + 'api' + V)).slice(0, 16));
    expect(policyDestinationPodIPSetName('prod', 'p')).toBe('KUBE-DST-' + base32(sha256('prodpIPv4')).slice(0, 16));
    expect(topJump('FORWARD', 'KUBE-ROUTER-FORWARD')).toEqual(['-m', 'comment', '--comment', 'kube-router netpol - ' + base32(sha256('FORWARD-mcomment--commentkube-router netpol-jKUBE-ROUTER-FORWARD')).slice(0, 16), '-j', 'KUBE-ROUTER-FORWARD']);
  });

  it('writes the policy chain, the pod chain and the top-level jumps', () => {
    const pol: KObject = policy('prod', 'allow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'fe' } } }], ports: [{ port: 8080 }] }] });
    defaultNetworkPolicy(pol);
    const s = buildNetpolSync({
      policies: [pol],
      pods: [podObj('prod', 'api', '10.244.1.3', 'node01', { app: 'api' }), podObj('prod', 'fe', '10.244.2.3', 'node02', { role: 'fe' })],
      namespaces: [],
      nodeName: 'node01',
      serviceCidr: '10.96.0.0/12',
      nodePortRange: '30000:32767',
      version: V,
    });
    const pc = networkPolicyChainName('prod', 'allow', V);
    const fw = podFirewallChainName('prod', 'api', V);
    const dst = policyDestinationPodIPSetName('prod', 'allow');
    const src = 'KUBE-SRC-' + base32(sha256('prodallowingressrule0IPv4pod')).slice(0, 16);
    const lines = s.rules.split('\n');
    const chain = (c: string): string[] => lines.filter((l) => l.startsWith(`-A ${c} `));
    expect(chain(pc)).toEqual([
      `-A ${pc} -m comment --comment "prod/allow ingress pods" -m set --match-set ${src} src -m set --match-set ${dst} dst -p tcp --dport 8080 -j MARK --set-xmark 0x10000/0x10000`,
      `-A ${pc} -m comment --comment "prod/allow ingress pods" -m set --match-set ${src} src -m set --match-set ${dst} dst -p tcp --dport 8080 -m mark --mark 0x10000/0x10000 -j RETURN`,
    ]);
    expect(chain(fw)).toEqual([
      `-A ${fw} -m comment --comment "common netpol rules" -j KUBE-NWPLCY-COMMON`,
      `-A ${fw} -m comment --comment "from local node" -m addrtype --src-type LOCAL -d 10.244.1.3 -j ACCEPT`,
      `-A ${fw} -s 10.244.1.3 -m comment --comment "default egress" -j KUBE-NWPLCY-DEFAULT`,
      `-A ${fw} -d 10.244.1.3 -m comment --comment "prod/allow policy" -j ${pc}`,
      `-A ${fw} -m comment --comment "prod/api reject" -m mark ! --mark 0x10000/0x10000 -j REJECT`,
      `-A ${fw} -j MARK --set-mark 0/0x10000`,
      `-A ${fw} -m comment --comment "set netpol-ok mark" -j MARK --set-mark 0x20000/0x20000`,
    ]);
    // Only node01's pod gets a firewall chain on node01.
    expect(lines.filter((l) => l.startsWith(':KUBE-POD-FW-'))).toEqual([`:${fw} - [0:0]`]);
    expect(chain('KUBE-ROUTER-FORWARD')).toEqual([
      `-A KUBE-ROUTER-FORWARD -m comment --comment "prod/api in" -d 10.244.1.3 -j ${fw}`,
      `-A KUBE-ROUTER-FORWARD -m comment --comment "prod/api out" -s 10.244.1.3 -j ${fw}`,
      '-A KUBE-ROUTER-FORWARD -m comment --comment "rule to explicitly ACCEPT traffic that comply to network policies" -m mark --mark 0x20000/0x20000 -j ACCEPT',
    ]);
    // ipsets: one TMP set per option string, swapped into place (utils.BuildIPSetRestore).
    expect(s.ipset).toContain(`add TMP-`);
    expect(s.ipset).toContain(`create ${dst} hash:ip timeout 0\nswap TMP-`);
    expect(s.sets).toEqual([dst, src].sort());
  });

  it('port ranges, protocol-only ports, ipBlock /0 and except, and egress to any destination', () => {
    const pol: KObject = policy('prod', 'p', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 8000, endPort: 8100 }, { protocol: 'UDP' }] }],
      egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
    });
    defaultNetworkPolicy(pol);
    const s = buildNetpolSync({ policies: [pol], pods: [podObj('prod', 'a', '10.244.1.3', 'node01', {})], namespaces: [], nodeName: 'node01', serviceCidr: '10.96.0.0/12', nodePortRange: '30000:32767', version: V });
    const pc = networkPolicyChainName('prod', 'p', V);
    const rules = s.rules.split('\n').filter((l) => l.startsWith(`-A ${pc} `) && l.includes('MARK'));
    expect(rules.map((l) => l.replace(/KUBE-(SRC|DST)-[A-Z2-7]{16}/g, 'KUBE-$1-X'))).toEqual([
      `-A ${pc} -m comment --comment "prod/p ingress cidr" -m set --match-set KUBE-SRC-X src -m set --match-set KUBE-DST-X dst -p tcp --dport 8000:8100 -j MARK --set-xmark 0x10000/0x10000`,
      `-A ${pc} -m comment --comment "prod/p ingress cidr" -m set --match-set KUBE-SRC-X src -m set --match-set KUBE-DST-X dst -p udp -j MARK --set-xmark 0x10000/0x10000`,
      `-A ${pc} -m comment --comment "prod/p egress any" -m set --match-set KUBE-SRC-X src -p udp --dport 53 -j MARK --set-xmark 0x10000/0x10000`,
    ]);
    // evalIPBlockPeer: /0 becomes two /1 halves; except entries are nomatch.
    expect(s.ipset).toContain('add TMP-');
    expect(s.ipset).toMatch(/add TMP-\S+ 0\.0\.0\.0\/1 timeout 0\nadd TMP-\S+ 128\.0\.0\.0\/1 timeout 0\nadd TMP-\S+ 10\.0\.0\.0\/8 timeout 0 nomatch\n/);
    // A both-directions policy is jumped to without -d/-s.
    expect(s.rules).toContain(`--comment "prod/p policy" -j ${pc}`);
  });

  it('is what iptables-save and ipset list show on the node', async () => {
    const { c } = await netpolCluster();
    await apply(c, policy('prod', 'allow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 8080 }] }] }));
    const save = (await onNode(c, 'node01', 'iptables-save -t filter')).out;
    expect(save).toMatch(/^-A FORWARD -m comment --comment "kube-router netpol - [A-Z2-7]{16}" -j KUBE-ROUTER-FORWARD$/m);
    expect(save.split('\n').find((l) => l.startsWith('-A FORWARD'))).toContain('KUBE-ROUTER-FORWARD');
    expect(save).toMatch(/^-A KUBE-NWPLCY-[A-Z2-7]{16} -p tcp -m comment --comment "prod\/allow ingress pods" -m set --match-set KUBE-SRC-[A-Z2-7]{16} src -m set --match-set KUBE-DST-[A-Z2-7]{16} dst -m tcp --dport 8080 -j MARK --set-xmark 0x10000\/0x10000$/m);
    expect(save).toMatch(/^-A KUBE-POD-FW-[A-Z2-7]{16} -m comment --comment "prod\/api reject" -m mark ! --mark 0x10000\/0x10000 -j REJECT --reject-with icmp-port-unreachable$/m);
    const sets = (await onNode(c, 'node01', 'ipset list -t')).out;
    expect(sets).toMatch(/Name: KUBE-DST-[A-Z2-7]{16}\nType: hash:ip\nRevision: 6\nHeader: family inet hashsize 1024 maxelem 65536 timeout 0 bucketsize 12 initval 0x[0-9a-f]{8}\nSize in memory: \d+\nReferences: 2\nNumber of entries: 1\n/);
    const get = (await onNode(c, 'controlplane', 'kubectl get netpol -n prod; kubectl get networkpolicies.networking.k8s.io -A')).out;
    expect(get).toBe('NAME    POD-SELECTOR   AGE\nallow   app=api        0s\nNAMESPACE   NAME    POD-SELECTOR   AGE\nprod        allow   app=api        0s\n');
  }, 60_000);

  it('kubectl apply, get, describe and delete NetworkPolicy as kubectl prints them', async () => {
    const { c } = await netpolCluster();
    const file = "printf 'apiVersion: networking.k8s.io/v1\\nkind: NetworkPolicy\\nmetadata:\\n  name: web\\n  namespace: prod\\nspec:\\n  podSelector:\\n    matchLabels:\\n      app: api\\n  ingress:\\n  - ports:\\n    - port: 8080\\n' > /tmp/np.yaml";
    const r = await onNode(c, 'controlplane', `${file}; kubectl apply -f /tmp/np.yaml; kubectl apply -f /tmp/np.yaml; kubectl get netpol nosuch -n prod; kubectl describe networkpolicy nosuch -n prod; kubectl get netpol -n prod -o name; kubectl delete netpol web -n prod; kubectl get netpol -n prod`);
    expect(r.out).toBe(
      'networkpolicy.networking.k8s.io/web created\n' +
        'networkpolicy.networking.k8s.io/web unchanged\n' +
        'Error from server (NotFound): networkpolicies.networking.k8s.io "nosuch" not found\n' +
        'Error from server (NotFound): networkpolicies.networking.k8s.io "nosuch" not found\n' +
        'networkpolicy.networking.k8s.io/web\n' +
        'networkpolicy.networking.k8s.io "web" deleted\n' +
        'No resources found in prod namespace.\n',
    );
  }, 60_000);
});
