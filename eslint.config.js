// Code linter (`npm run lint:code`, part of `npm run lint` and `npm test`):
// ESLint's and typescript-eslint's recommended rules without type
// information (fast enough for every run). Each change to them says why.
// `.astro` files are not linted (no Astro parser installed); their
// logic lives in .ts modules, which are.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Terminal code and its tests match escape sequences (\x1b) and NULs on purpose.
      'no-control-regex': 'off',
      // Regexes over column-aligned tool output keep the spaces as the output has them.
      'no-regex-spaces': 'off',
      // A `let` with an initial value every path overwrites is harmless (and keeps the type visible).
      'no-useless-assignment': 'off',
      // `_name` marks a parameter kept for the signature (e.g. the real tool's argument order).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // Streams built in a constructor hand their methods the owner as `self`; a child process's closure names it `parent`.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self', 'parent'] }],
      // A daemon's stop callback refers to the server created just after it (read before assignment).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // A disable comment says why: `// eslint-disable-line RULE -- reason`.
      '@eslint-community/eslint-comments/require-description': 'error',
    },
  },
  {
    // Node scripts and tool configs in plain JavaScript.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly' } },
  },
);
