// Lint a piece of code as if it were a file of the project, with the
// project's real eslint configuration (for tests of the rules that keep
// layers and interfaces: test/kernel-interfaces.test.ts,
// test/lab-check-ids.test.ts).
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The messages of the restricting rules for `code` linted as `file` (relative to the project), each `LINE: MESSAGE`. */
export async function restrictedMessages(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, cache: false });
  const [r] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => `${m.line}: ${m.message}`);
}
