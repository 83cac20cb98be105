// The command groups the browser worker loads on first use (see lazy.ts):
// each chunk module imports the modules that register its commands. The
// order is the order `commands.generated.ts` assigns commands in (a command
// belongs to the first chunk whose import registers it).

export const CHUNKS = {
  core: () => import('./chunks/core.ts'),
  netfilter: () => import('./chunks/netfilter.ts'),
  tcpdump: () => import('./chunks/tcpdump.ts'),
  dns: () => import('./chunks/dns.ts'),
  editors: () => import('./chunks/editors.ts'),
  docker: () => import('./chunks/docker.ts'),
  k8s: () => import('./chunks/k8s.ts'),
} as const;

export type ChunkName = keyof typeof CHUNKS;

export const CHUNK_NAMES = Object.keys(CHUNKS) as ChunkName[];
