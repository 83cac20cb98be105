// The Ingress lesson's snippets, in page order, in one session on its
// practice terminal (the ingress-hosts world, on controlplane), as a learner
// clicking Run through the lesson: each runs, and shows what the text says.
// The Korean lesson has the same snippets.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../../src/session/session.ts';
import { makeLabWorld } from '../../src/labs/index.ts';
import { nginxErrorPage } from '../../src/userland/k8s/ingress-nginx.ts';

function snippets(path: string): string[] {
  const s = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd term="ingress-demo" run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('Ingress lesson', () => {
  it('every snippet runs on the practice cluster and shows what the text says', async () => {
    const lines = snippets('content/lessons/ingress.mdx');
    expect(snippets('content/ko/lessons/ingress.mdx')).toEqual(lines);
    expect(lines.length).toBeGreaterThan(10);
    const s = new Session({ makeWorld: () => makeLabWorld('ingress-hosts', 1), host: 'controlplane' });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    const out: string[] = [];
    for (const line of lines) {
      buf = '';
      await s.runLine(line);
      // A learner reads between clicks: the cluster's daemons run a second (as `transcript --lab` lets them).
      await s.world.run(new Promise<void>((r) => s.world.clock.setTimer(1000, r)));
      // The output only: without the echoed command line and the next prompt.
      const text = buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      out.push(text.slice(text.indexOf('\n') + 1).replace(/root@controlplane:~# $/, ''));
    }
    s.dispose();
    const at = (i: number): string => out[i]!;
    for (const [i, t] of out.entries()) expect(t, lines[i]).not.toMatch(/command not found|syntax error|internal error|Usage:|unknown command/);
    expect(at(0)).toMatch(/service\/ingress-nginx-controller +NodePort +[\d.]+ +<none> +80:30080\/TCP,443:30443\/TCP/);
    expect(at(1)).toMatch(/nginx +k8s\.io\/ingress-nginx +<none>/);
    expect(at(4)).toContain('ingress.networking.k8s.io/hello created');
    // The ADDRESS appears once the controller has synced (about a second after creation).
    expect(at(5)).toMatch(/hello +nginx +hello\.test +(192\.168\.56\.1[12] +)?80 +\ds\n/);
    expect(at(9)).toMatch(/Address: +192\.168\.56\.1[12]\n/);
    expect(at(6)).toContain('<title>Welcome to nginx!</title>');
    expect(at(7)).toContain('HTTP/1.1 404 Not Found\nDate: ');
    expect(at(7)).not.toContain('Server:');
    expect(at(7)).toContain(nginxErrorPage(404).replace(/\r/g, ''));
    expect(at(8)).toMatch(/^192\.168\.56\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" \d+ [\d.]+ \[default-hello-80\] \[\] 10\.244\.\d+\.\d+:80 615 [\d.]+ 200 [0-9a-f]{32}\n$/m);
    expect(at(8).trim().split('\n')).toHaveLength(1);
    expect(at(9)).toMatch(/Rules:\n  Host        Path  Backends\n  ----        ----  --------\n  hello\.test  \n              \/   hello:80 \(10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\)\n/);
    expect(at(9)).toMatch(/Normal +Sync +.*nginx-ingress-controller +Scheduled for sync/);
    // Exact /manual: /manual/intro gets the controller's 404 (not logged), /manual the pod's 404 (logged).
    expect(at(11).trim()).toBe('404');
    expect(at(12).trim()).toBe('404');
    const log = at(13).trim().split('\n');
    expect(log).toHaveLength(2);
    expect(log[1]).toMatch(/"GET \/manual HTTP\/1\.1" 404 \d+ .* \[default-hello-80\] \[\] 10\.244\.\d+\.\d+:80 \d+ [\d.]+ 404 /);
  }, 120_000);
});
