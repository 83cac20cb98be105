// Layer rule of packetlab, checked by dependency-cruiser (`npm run lint:layers`,
// part of `npm run lint` and `npm test`). See docs/ARCHITECTURE.md, "Layers".
//
// Imports point down the list only (a layer may import itself and anything
// listed before it). Test files (*.test.ts, *.test-util.ts) are harnesses
// that boot whole worlds, so they may import any layer; product code may not
// import test code.
const LAYERS = [
  ['kernel', '^src/(kernel|types)/'],
  ['world', '^src/world/'],
  ['userland', '^src/(userland|docker|k8s)/'], // programs and the Docker/Kubernetes daemons
  ['shell', '^src/(shell|session)/'],
  ['labs', '^(src/labs|labs)/'],
  ['i18n', '^src/i18n/'], // dictionaries: read lab data, rendered by the terminal and the pages
  ['terminal', '^src/term/'],
  ['site', '^src/(components|pages|layouts|instructor|handin|presenter|a11y|styles|cli)/|^src/content\\.config\\.ts$'],
];
const TEST = '\\.test\\.ts$|\\.test-util\\.ts$';
const any = (ls) => ls.map(([, re]) => `(${re})`).join('|');

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name, re], i) => ({
      name: `layer-${name}`,
      severity: 'error',
      comment: `${name} may import only ${LAYERS.slice(0, i + 1).map(([n]) => n).join(', ')} (layer order: ${LAYERS.map(([n]) => n).join(' <- ')})`,
      from: { path: re, pathNot: TEST },
      to: { path: any(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'docker-cli-through-api',
      severity: 'error',
      comment: 'the docker CLI talks to dockerd through the Engine API (src/docker/api.ts), never to the engine itself (see the comment of api.ts)',
      from: { path: '^src/userland/docker/docker\\.ts$' },
      to: { path: '^src/docker/', pathNot: '^src/docker/(api|format|template|images)\\.ts$' },
    },
    {
      name: 'kubectl-through-api',
      severity: 'error',
      comment: 'kubectl talks to the API server through the client of src/k8s/client.ts, never to the API server, its controllers or a kubelet (see the comment of client.ts); YAML and the client-side merge are its own helpers',
      from: { path: '^src/userland/k8s/(kubectl[^/]*|jsonpath)\\.ts$', pathNot: TEST },
      to: { path: '^src/k8s/', pathNot: '^src/k8s/(client|yaml|strategic-merge)\\.ts$' },
    },
    {
      name: 'daemons-through-api',
      severity: 'error',
      comment: 'programs and the daemons that run in the cluster (kube-proxy, flanneld, kube-router, CoreDNS, ingress-nginx, MetalLB) reach the API server through the client of src/k8s/client.ts (kubeClient, inClusterConfig), which hands out copies, never through its store, its controllers, a kubelet or the cluster that wires them; object types come from client.ts too',
      from: { path: '^src/userland/', pathNot: TEST },
      to: { path: '^src/k8s/(api|server|controllers|kubelet|cluster|registry|events|ingress-install)\\.ts$' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      comment: 'product code must not import tests, test kits, benchmarks or e2e specs',
      from: { path: '^(src|labs)/', pathNot: TEST },
      to: { path: `^(test|bench|e2e)/|${TEST}` },
    },
    {
      name: 'layer-unplaced',
      severity: 'error',
      comment: 'every folder under src/ belongs to a layer: add it to LAYERS in .dependency-cruiser.cjs',
      from: { path: '^src/', pathNot: `${any(LAYERS)}|${TEST}` },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'an import that resolves to no file (astro:* and vite/client are virtual modules of the bundler)',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:|^vite/client$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    extraExtensionsToScan: [],
  },
};
