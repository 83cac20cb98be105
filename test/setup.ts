// Vitest setup: every test process has the program runner installed, as
// every session has. Daemons and test kits below the shell (the kubelet,
// src/docker/testkit.ts) start programs through the seams in
// src/userland/registry.ts (bootSpawn) and src/userland/runner.ts
// (spawnWith, sendSignal), which shell/exec.ts fills when it is loaded.
import '../src/shell/exec.ts';
import '../src/shell/bash.ts'; // bash and sh, as a session has them
