// The break-fix labs: each start is broken as its ticket says, the reference
// solution and another learner's fix pass, and each shortcut fails with a
// message that names what the goal asks for. Also `transcript --lab`'s
// runner: lines on the lab's terminal host, `@HOST CMD` elsewhere.

import { describe, expect, it } from 'vitest';
import { checkLines } from '../src/labs/replay.ts';
import { makeLabWorld } from '../src/labs/index.ts';
import { labTranscript } from '../src/labs/transcript.ts';

async function run(lab: string, lines: string[]): Promise<Record<string, { passed: boolean; message: string }>> {
  const out: Record<string, { passed: boolean; message: string }> = {};
  for (const c of await checkLines(lab, 1, lines)) out[c.id] = { passed: c.passed, message: c.message };
  return out;
}
const passedAll = (r: Record<string, { passed: boolean }>): boolean => Object.values(r).every((c) => c.passed);

describe('fix-return-route', () => {
  it('passes with a default route on srv instead of the subnet route', async () => {
    expect(passedAll(await run('fix-return-route', ['ip -n srv route add default via 172.16.2.1']))).toBe(true);
  });
  it('fails when rtr masquerades instead of srv getting a route back', async () => {
    const r = await run('fix-return-route', ['ip netns exec rtr iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE']);
    expect(r['desk-to-srv']!.passed).toBe(true);
    expect(r['srv-to-desk']!.passed).toBe(false);
    expect(r['srv-to-desk']!.message).toContain('srv has no usable route to 172.16.1.10');
  });
  it('fails when each side gets a local copy of the other address', async () => {
    const r = await run('fix-return-route', ['ip -n desk addr add 172.16.2.20/32 dev lo', 'ip -n srv addr add 172.16.1.10/32 dev lo']);
    expect(r['desk-to-srv']!.message).toContain('is an address of desk itself now');
    expect(r['srv-to-desk']!.passed).toBe(false);
  });
});

describe('fix-masquerade', () => {
  it('passes with an appended MASQUERADE rule', async () => {
    expect(passedAll(await run('fix-masquerade', ['iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE']))).toBe(true);
  });
  it('fails when the source is translated to an address the host does not own', async () => {
    const r = await run('fix-masquerade', ['iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j SNAT --to-source 203.0.113.99']);
    expect(r.http!.passed).toBe(false);
    expect(r.http!.message).toContain('which is not one of its addresses');
  });
});

describe('fix-forward-drop', () => {
  it('passes when the bad rule is deleted and an ACCEPT appended', async () => {
    expect(passedAll(await run('fix-forward-drop', ['iptables -D FORWARD 4', 'iptables -A FORWARD -s 10.0.2.0/24 -j ACCEPT']))).toBe(true);
  });
  it('untouched: the drop is named by its rule', async () => {
    const r = await run('fix-forward-drop', []);
    expect(r['red-to-blue']!.passed).toBe(true);
    expect(r['blue-to-red']!.message).toContain('FORWARD rule 4 (-s 10.0.2.0/24 -d 10.0.1.0/24 -j DROP)');
  });
  it('fails when the chain is flushed and opened', async () => {
    const r = await run('fix-forward-drop', ['iptables -P FORWARD ACCEPT', 'iptables -F FORWARD']);
    expect(r['blue-to-red']!.passed).toBe(true);
    expect(r['telnet-blocked']!.message).toContain('telnet (TCP 23) is no longer blocked');
    expect(r['policy-drop']!.message).toContain('the FORWARD policy in host is ACCEPT');
  });
  it('fails when an ACCEPT is inserted above the telnet rule', async () => {
    const r = await run('fix-forward-drop', ['iptables -I FORWARD 1 -s 10.0.2.0/24 -j ACCEPT']);
    expect(r['blue-wiki']!.passed).toBe(true);
    expect(r['telnet-blocked']!.passed).toBe(false);
  });
});

describe('fix-dns-search', () => {
  it('passes with a second search line (the resolver uses the last one)', async () => {
    expect(passedAll(await run('fix-dns-search', ['echo "search mycompany.com" >> /etc/resolv.conf']))).toBe(true);
  });
  it('fails with an /etc/hosts entry instead of DNS', async () => {
    const r = await run('fix-dns-search', ['echo "192.168.1.10 web" >> /etc/hosts']);
    expect(r['ping-web']!.passed).toBe(true);
    expect(r['dns-answers-web']!.passed).toBe(false);
  });
});

describe('transcript --lab', () => {
  it('runs lines on the terminal host and @HOST lines on that host', async () => {
    const steps = await labTranscript(makeLabWorld('fix-dns-search', 1), ['cat /etc/resolv.conf', '@dns hostname', '@nope true'], 'host');
    expect(steps[0]).toEqual({ cmd: 'cat /etc/resolv.conf', stdout: 'nameserver 192.168.1.100\nsearch mycompany.org\n', stderr: '', exit: 0 });
    expect(steps[1]).toMatchObject({ cmd: '@dns hostname', stdout: 'dns\n', exit: 0 });
    expect(steps[2]!.exit).toBe(255);
    expect(steps[2]!.stderr).toContain('no host nope');
  });
});

describe('fix-service-selector', () => {
  it('fails with the selector fixed but targetPort still wrong', async () => {
    const r = await run('fix-service-selector', ["sed -i -e 's/app: web-frontend/app: web/' /root/web-svc.yaml", 'kubectl apply -f /root/web-svc.yaml']);
    expect(r['every-pod']!.message).toContain('does the Service select the pods, on the port they listen on?');
  });
  it('fails when the Service is recreated with another ClusterIP', async () => {
    const r = await run('fix-service-selector', ['kubectl delete svc web', 'kubectl expose deployment web --port 80']);
    expect(r['cluster-ip']!.message).toContain('clients use 10.100.50.50');
  });
  it('fails when a stray pod carries the wrong label the Service selects', async () => {
    const pod = "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: imposter\\n  labels:\\n    app: web-frontend\\nspec:\\n  containers:\\n  - name: nginx\\n    image: nginx:1.27\\n' > /root/imp.yaml";
    const r = await run('fix-service-selector', ["sed -i -e 's/targetPort: 8080/targetPort: 80/' /root/web-svc.yaml", 'kubectl apply -f /root/web-svc.yaml', pod, 'kubectl apply -f /root/imp.yaml']);
    expect(r['every-pod']!.message).toContain('but also from pod imposter');
  });
  it('passes when the Service is deleted and recreated from the fixed file (same ClusterIP)', async () => {
    expect(passedAll(await run('fix-service-selector', ['kubectl delete svc web', "sed -i -e 's/web-frontend/web/' -e 's/8080/80/' /root/web-svc.yaml", 'kubectl apply -f /root/web-svc.yaml']))).toBe(true);
  });
});

describe('kubectl get --show-labels', () => {
  // LABELS is the last column, FormatLabels' sorted k=v list (kubectl book, "show labels").
  it('adds the LABELS column', async () => {
    const [s] = await labTranscript(makeLabWorld('fix-service-selector', 1), ['kubectl get pods --show-labels'], 'controlplane');
    const lines = s!.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$/);
    expect(lines.find((l) => l.startsWith('client '))).toMatch(/\srun=client$/);
    expect(lines.filter((l) => l.startsWith('web-')).every((l) => /\sapp=web,pod-template-hash=\w+,tier=frontend$/.test(l))).toBe(true);
  });
});

describe('fix-pod-cidr', () => {
  it('passes when the learner logs in to node02, fixes the file and flushes cni0, then recreates web-b', async () => {
    const r = await run('fix-pod-cidr', ['ssh node02', "sed -i 's/10.244.1.0/10.244.2.0/' /etc/cni/net.d/10-bridge.conf", 'ip addr flush dev cni0', 'exit', 'kubectl delete pod web-b', 'kubectl apply -f /root/pods.yaml']);
    expect(passedAll(r)).toBe(true);
  });
  it('fails when the config is fixed but web-b keeps its old address', async () => {
    const r = await run('fix-pod-cidr', ["ssh node02 sed -i s#10.244.1.0/24#10.244.2.0/24# /etc/cni/net.d/10-bridge.conf"]);
    expect(r['own-ranges']!.message).toContain('web-a and web-b both have 10.244.1.2');
  });
});

describe('kubelet', () => {
  it('tears down a pod deleted while it is still being created, and kubectl delete returns', async () => {
    const steps = await labTranscript(makeLabWorld('fix-pod-cidr', 1), ['kubectl delete pod web-b', 'kubectl get pods'], 'controlplane');
    expect(steps[0]).toMatchObject({ stdout: 'pod "web-b" deleted\n', exit: 0 });
    expect(steps[1]!.stdout).not.toContain('web-b');
  });
});
