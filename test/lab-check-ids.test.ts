// Lab checks test a traced step by its id and parameters, never by its
// English text: the labs block of eslint.config.js refuses reading `what`
// in labs/ and src/labs/. This lints a check that matches the English text
// with the project's real configuration (it must fail, once for each way
// of reading `what`) and the same check written against the step's
// parameters (it must pass).
import { describe, expect, it } from 'vitest';
import { restrictedMessages } from './lint-kit.ts';

/** The lines the labs rule refuses. */
const lint = async (code: string, file: string): Promise<string[]> => (await restrictedMessages(code, file)).map((m) => m.split(':')[0]!);

const HEAD = "import type { TraceStep } from '../../src/kernel/packet.ts';\n";

describe('lab checks do not read the English text of traced steps (eslint)', { timeout: 120_000 }, () => {
  it('refuses `.what`, `["what"]` and destructuring `what` in a lab and in src/labs', async () => {
    const bad =
      HEAD +
      'export function f(steps: TraceStep[]): unknown {\n' +
      '  const a = steps.some((s) => /KUBE-POD-FW-/.test(s.what));\n' +
      "  const b = steps.map((s) => s['what']);\n" +
      '  const { what } = steps[0];\n' +
      '  return [a, b, what];\n' +
      '}\n';
    expect(await lint(bad, 'labs/example/lab.ts')).toEqual(['3', '4', '5']);
    expect(await lint(bad.replace('../../src/kernel', '../kernel'), 'src/labs/example.ts')).toEqual(['3', '4', '5']);
  });

  it('passes the same check written against the step id and parameters, and leaves tests alone', async () => {
    const good =
      HEAD +
      "import { nfRuleOf } from '../../src/labs/checks.ts';\n" +
      'export function f(steps: TraceStep[], what: string): unknown {\n' +
      "  const a = steps.some((s) => s.stage === 'drop' && nfRuleOf(s)?.chain.startsWith('KUBE-POD-FW-'));\n" +
      "  return [a, { what }, steps.map((s) => s.id === 'nf.dropped')];\n" +
      '}\n';
    expect(await lint(good, 'labs/example/lab.ts')).toEqual([]);
    expect(await lint(HEAD + 'export const f = (s: TraceStep): string => s.what;\n', 'labs/example/lab.test.ts')).toEqual([]);
  });
});
