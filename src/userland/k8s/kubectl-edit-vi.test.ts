// `kubectl edit` with no editor set runs vi, which is a full-screen program
// on the learner's terminal: the keys typed into it change the object, as on
// a CKA exam machine. (The session records the keys, so a replay edits the
// same way.)

import { describe, expect, it } from 'vitest';
import '../index.ts';
import { Session } from '../../session/session.ts';
import { World } from '../../world/world.ts';
import { buildCluster } from '../../k8s/cluster.ts';

describe('kubectl edit in vi on the terminal', () => {
  it('finds replicas with /, changes 1 to 3 with x and a, and :wq applies the edit', async () => {
    const s = new Session({
      makeWorld: () => {
        const w = new World({ seed: 3 });
        buildCluster(w);
        return w;
      },
      host: 'controlplane',
    });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    await s.runLine('kubectl create deployment web --image=nginx');
    const keys = async (...ks: string[]): Promise<void> => {
      for (const k of ks) {
        s.input(k);
        await s.idle();
      }
    };
    out = '';
    s.input('kubectl edit deployment web\r');
    await s.idle();
    expect(out).toContain('\x1b[?1049h');
    // Find "replicas: 1", go to the end of the line, replace the 1 by 3.
    await keys('/', ...'replicas: 1', '\r', '$', 'x', 'a', '3', '\x1b', ':', 'w', 'q', '\r');
    await s.idle();
    expect(out).toContain('deployment.apps/web edited');
    out = '';
    await s.runLine('kubectl get deployment web -o jsonpath={.spec.replicas}');
    expect(out).toContain('3');
    s.dispose();
  });
});
