// The editor's save line, run by the simulated shell, writes the exact bytes.

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';
import { shellWriteLine } from './file-edit.ts';

describe('shellWriteLine', () => {
  it('round-trips quotes, backslashes, percent signs, tabs and blank lines', async () => {
    const data = `{\n  "cniVersion": "1.0.0",\n\t"it's": "100% \\\\ done",\n\n  "x": "$HOME \`id\`"\n}\n`;
    const w = bareWorld(1);
    await runScript(w, [shellWriteLine('/tmp/10-bridge.conf', data), shellWriteLine('/tmp/no newline', 'a')]);
    expect(w.host('host').vfs.readFile('/tmp/10-bridge.conf')).toBe(data);
    expect(w.host('host').vfs.readFile('/tmp/no newline')).toBe('a');
  });
});
