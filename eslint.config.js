// Code linter (`npm run lint:code`, part of `npm run lint` and `npm test`):
// ESLint's and typescript-eslint's recommended rules without type
// information (fast enough for every run). Each change to them says why.
// `.astro` files are not linted (no Astro parser installed); their
// logic lives in .ts modules, which are.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

const DEVICE_READ = 'Programs read links and addresses with NetNs.linkDump / linkGet / linkMsg / addrDump / addr6Dump; a device is a handle to pass to NetNs operations.';
/** NetDevice fields no link message or other record has (and NetNs.allAddrs, the live addresses). */
const DEVICE_ONLY_FIELDS = 'allAddrs|inet|inet6|adminUp|operState|brd|everUp|addrAssign|usesArp|userPromisc|primaryAddrs|inetDead|ipv6Disabled|segment';
/** NetDevice fields other records have too (a link message's mtu, a route's dev…): refused where the object is a device. */
const DEVICE_SHARED_FIELDS = 'ns|kind|ops|mtu|minMtu|maxMtu|mac|noarp|promisc|allmulti|txqlen|alias|master|port|peer|bridge|vxlan|stats|conf|carrier|running|qdisc|flags';

/** Member accesses that reach into kernel tables (see the src/userland block below; tested in test/kernel-interfaces.test.ts). */
export const USERLAND_KERNEL_TABLES = [
  { selector: "MemberExpression[property.name='stack']", message: 'Programs reach the packet path through sockets (kernel/socket/*) and NetNs operations, not the Stack.' },
  { selector: "MemberExpression[property.name='neigh']", message: 'Programs read neighbours with NetNs.neighDump and change them with neighAdd / neighDel / arpSet / arpDelete.' },
  { selector: "MemberExpression[property.name='fdb']", message: 'Programs read forwarding databases with NetNs.fdbDump / brForward and change them with fdbAdd / fdbDel.' },
  { selector: "MemberExpression[property.name=/^(stp|stpState)$/]:not(AssignmentExpression > MemberExpression.left)", message: 'Programs read the spanning tree with NetNs.bridgeInfo / brportInfo.' },
  { selector: "AssignmentExpression > MemberExpression.left[object.property.name='port']", message: 'Programs change bridge ports with NetNs.linkChange(dev, { brport }).' },
  { selector: "AssignmentExpression > MemberExpression.left[object.type='TSNonNullExpression'][object.expression.property.name='port']", message: 'Programs change bridge ports with NetNs.linkChange(dev, { brport }).' },
  // Device fields, on the names programs give devices (`req.noarp` of a parsed request is fine).
  { selector: "AssignmentExpression > MemberExpression.left[object.name=/^(d|dev|br|host|peer|veth|hostVeth|contVeth)$/][property.name=/^(noarp|promisc|allmulti|txqlen|alias|mtu|mac|name|adminUp)$/]", message: 'Programs change devices with NetNs.linkChange.' },
  { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(inet|inet6)$/]", message: 'Programs change addresses with NetNs.addrAdd / addrDel / addrFlush / addr6Del.' },
  { selector: "UpdateExpression > MemberExpression.argument[property.name=/^(promisc|allmulti)$/]", message: 'Programs change devices with NetNs.linkChange.' },
  // Device fields read directly (the exact check, by type, is in test/kernel-interfaces.test.ts): names only a device has,
  // and any field but the identity of a device reached through `.dev`, `.master`, `.peer` (a link message's master and link are ifindexes).
  { selector: `MemberExpression[property.name=/^(${DEVICE_ONLY_FIELDS})$/]:not(AssignmentExpression > MemberExpression.left[property.name=/^(inet|inet6)$/])`, message: DEVICE_READ },
  { selector: `MemberExpression[object.property.name=/^(dev|master|peer|lo)$/][property.name=/^(${DEVICE_SHARED_FIELDS})$/]`, message: DEVICE_READ },
  { selector: `MemberExpression[object.type='TSNonNullExpression'][object.expression.property.name=/^(dev|master|peer)$/][property.name=/^(${DEVICE_SHARED_FIELDS})$/]`, message: DEVICE_READ },
  { selector: `MemberExpression[object.name=/^(dev|veth|hostVeth|contVeth)$/][property.name=/^(${DEVICE_SHARED_FIELDS})$/]:not(AssignmentExpression > MemberExpression.left)`, message: DEVICE_READ },
];

/** Reading a traced step's English text (see the labs block below; tested in test/lab-check-ids.test.ts). */
export const LAB_TRACE_TEXT = [
  { selector: "MemberExpression[property.name='what']", message: "Checks test a traced step's id and params (nfRuleOf, nfDropIn in src/labs/checks.ts), not its English text (`what`)." },
  { selector: "MemberExpression[computed=true][property.value='what']", message: "Checks test a traced step's id and params (nfRuleOf, nfDropIn in src/labs/checks.ts), not its English text (`what`)." },
  { selector: "ObjectPattern > Property[key.name='what']", message: "Checks test a traced step's id and params (nfRuleOf, nfDropIn in src/labs/checks.ts), not its English text (`what`)." },
];

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
    // Programs reach the kernel through its interfaces (docs/ARCHITECTURE.md,
    // "How programs reach the kernel"): neighbours, forwarding databases and
    // the spanning tree through NetNs operations, never the tables behind
    // them; kernel modules holding those tables give programs types only.
    files: ['src/userland/**/*.ts'],
    // kmod.ts loads kernel modules (side-effect imports), as modprobe does.
    ignores: ['**/*.test.ts', 'src/userland/lib/kmod.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...USERLAND_KERNEL_TABLES],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: 'kernel/(neigh|fdb|stp|brport)\\.ts$', allowTypeImports: true, message: 'Programs use NetNs operations (neighDump, fdbDump, bridgeInfo, linkChange…); import types only.' },
            // Link kinds are the kernel's (a program loads one with kmod, as modprobe does); devices are handles, read through dumps.
            { regex: 'kernel/dev/', allowTypeImports: true, message: 'Programs reach devices through NetNs operations (linkAdd, linkDump, linkInfo…); import types only.' },
            { regex: 'kernel/netdev\\.ts$', importNames: ['NetDevice', 'zeroStats'], allowTypeImports: true, message: 'Programs hold devices as handles and read them with NetNs.linkDump / linkGet / addrDump; import the type only.' },
          ],
        },
      ],
    },
  },
  {
    // Lab checks speak in ids (docs/ARCHITECTURE.md): a traced step is
    // tested by its step id and parameters, so a check keeps working when
    // the narration's English changes and never matches a sentence.
    files: ['labs/**/*.ts', 'src/labs/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...LAB_TRACE_TEXT] },
  },
  {
    // Node scripts and tool configs in plain JavaScript.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly' } },
  },
);
