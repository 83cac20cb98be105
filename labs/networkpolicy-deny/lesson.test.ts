// The NetworkPolicy lesson's snippets, in page order, on the lesson's
// cluster terminal (the lab's start world), as `transcript --lab` runs them:
// each claim the text makes about their output holds.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeLabWorld } from '../../src/labs/index.ts';
import { labTranscript } from '../../src/labs/transcript.ts';

function snippets(path: string): string[] {
  const s = readFileSync(new URL(path, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd term="np-demo" run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('NetworkPolicy lesson snippets', () => {
  it('run as the text says, in both languages the same', async () => {
    const lines = snippets('../../content/lessons/networkpolicy.mdx');
    expect(snippets('../../content/ko/lessons/networkpolicy.mdx')).toEqual(lines);
    expect(lines.length).toBeGreaterThan(10);
    // The text asks the reader to give the pods a few seconds to start.
    const run = [...lines];
    run.splice(run.indexOf('kubectl get pods -n blog -o wide') + 1, 0, 'sleep 5');
    const steps = await labTranscript(makeLabWorld('networkpolicy-deny', 1), run, 'controlplane');
    const out = (cmd: string, nth = 0): string => {
      const hits = steps.filter((s) => s.cmd === cmd);
      return hits[nth] ? hits[nth].stdout + hits[nth].stderr : `(no step ${cmd})`;
    };
    const app = 'kubectl exec -n blog app -- curl -sS -m 2 -o /dev/null http://db.blog:5432/ && echo open';
    const cron = 'kubectl exec -n blog cron -- curl -sS -m 2 -o /dev/null http://db.blog:5432/ && echo open';
    const probe = 'kubectl exec -n tools probe -- curl -sS -m 2 -o /dev/null http://db.blog:5432/ && echo open';
    // No policy: both blog pods reach the database.
    expect(out(app, 0)).toBe('open\n');
    expect(out(cron, 0)).toBe('open\n');
    // deny-all: TCP refused, ping still answered (kube-router's common chain).
    expect(out(app, 1)).toContain("curl: (7) Failed to connect to db.blog port 5432");
    expect(steps.find((s) => s.cmd.includes('ping -c 1'))!.stdout).toContain('1 packets transmitted, 1 received');
    // db-from-app: app only.
    expect(out('kubectl get networkpolicy -n blog')).toMatch(/^NAME +POD-SELECTOR +AGE\ndb-from-app +app=db +\d+s\ndeny-all +<none> +\d+s\n$/);
    expect(out(app, 2)).toBe('open\n');
    expect(out(cron, 1)).toContain('Failed to connect');
    expect(out(probe, 0)).toContain('Failed to connect');
    // db-from-ops: the tools namespace is let in.
    expect(out('kubectl describe networkpolicy db-from-ops -n blog')).toContain('    From:\n      NamespaceSelector: team=ops\n');
    expect(out(probe, 1)).toBe('open\n');
    expect(out('kubectl get daemonset -n kube-system')).toMatch(/^kube-router +3 +3 +3 +3 +3 +<none> +\d+s$/m);
    expect(out('ssh node01 iptables -S KUBE-ROUTER-FORWARD')).toMatch(/^-A KUBE-ROUTER-FORWARD -d 10\.244\.1\.\d+\/32 -m comment --comment "blog\/db in" -j KUBE-POD-FW-[A-Z2-7]{16}$/m);
    expect(out('ssh node01 ipset list -n')).toMatch(/^KUBE-DST-[A-Z2-7]{16}$/m);
  }, 120_000);
});
