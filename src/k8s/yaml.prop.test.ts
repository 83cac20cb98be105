// Property: what the kubectl-style emitter writes, the YAML 1.1 parser reads
// back as the same value (a manifest printed by `kubectl get -o yaml` can be
// applied again), for any JSON-like value.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseYamlDocuments, toYaml } from './yaml.ts';

const key = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('y', 'n', 'on', 'No', '0x1F', '1e3', '.inf', '2024-01-06', '010', '1_000', '- a', 'a: b', '#x', '~', 'null'));
const scalar = fc.oneof(fc.string(), key, fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
})).v;

describe('yaml round trip', () => {
  it('parse(toYaml(v)) equals v for mappings of JSON-like values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), async (v) => {
        const text = toYaml(v);
        const [back] = await parseYamlDocuments(text);
        expect(back, text).toEqual(v);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
