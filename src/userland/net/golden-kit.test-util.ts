// Kept for the tests that import it: the golden helpers live in test/golden.ts.
export { golden, step, norm, type GoldenStep } from '../../../test/golden.ts';
