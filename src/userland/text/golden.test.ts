// Replays golden/*.txt on a fresh simulated host and compares with what the
// real tools printed on Debian 12 (golden/*.json, recorded by record.sh).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { bareWorld } from '../../world/world.ts';
import { runScript } from '../../session/session.ts';

const dir = new URL('./golden/', import.meta.url);

for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const { steps } = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { steps: { cmd: string; stdout: string; stderr: string; exit: number }[] };
  describe(f, () => {
    it('matches the real tools byte for byte', async () => {
      const got = await runScript(bareWorld(1), steps.map((s) => s.cmd));
      expect(got.map((g) => ({ cmd: g.cmd, stdout: g.stdout, stderr: g.stderr, exit: g.exit })).filter((g, i) => JSON.stringify(g) !== JSON.stringify(steps[i]))).toEqual(steps.filter((s, i) => JSON.stringify(s) !== JSON.stringify({ cmd: got[i].cmd, stdout: got[i].stdout, stderr: got[i].stderr, exit: got[i].exit })));
    }, 60_000);
  });
}
