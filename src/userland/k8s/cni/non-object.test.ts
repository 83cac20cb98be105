// CNI plugins given a configuration that is not a JSON object (`null`, empty
// input, syntax errors, arrays, booleans) answer with encoding/json's
// message, never a JavaScript one. Expected output: golden/cni-non-object.json,
// recorded by ../shared/fidelity/record.sh from golden/cni-non-object.sh on
// Debian 12 (containernetworking-plugins in /usr/lib/cni). The simulated host
// runs the same plugin under its registered name (`cni-bridge`…); the
// cniVersion line is filtered on both sides (where the plugins are installed
// and which version they echo belong to the CNI model).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bareWorld } from '../../../world/world.ts';
import { runScript } from '../../../session/session.ts';

const golden = JSON.parse(readFileSync(new URL('./golden/cni-non-object.json', import.meta.url), 'utf8')) as {
  steps: { cmd: string; stdout: string; stderr: string; exit: number }[];
};

describe('CNI plugins given a configuration that is not an object', () => {
  it('print the real plugins’ errors', async () => {
    const lines = golden.steps.map((s) => s.cmd.replace(/\/usr\/lib\/cni\//, 'cni-'));
    const got = await runScript(bareWorld(1), lines);
    expect(got.length).toBe(golden.steps.length);
    got.forEach((g, i) => {
      const want = golden.steps[i];
      expect({ cmd: lines[i], stdout: g.stdout, stderr: g.stderr, exit: g.exit }).toEqual({ cmd: lines[i], stdout: want.stdout, stderr: want.stderr, exit: want.exit });
    });
  });
});
