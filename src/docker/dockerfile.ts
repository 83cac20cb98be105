// `docker build`: a Dockerfile (FROM, RUN, COPY, EXPOSE, CMD, ENTRYPOINT,
// WORKDIR, ENV) becomes a new image in the local store. RUN steps are
// recorded, not executed (no root file systems exist to change); COPY takes
// files from the build context into the image.

import type { Engine } from './engine.ts';
import type { Image } from './images.ts';

/** Result of a build: the BuildKit-style progress log and the image. */
export interface BuildResult {
  log: string;
  image?: Image;
}

/** Split exec-form `["a","b"]` or shell form `a b` into argv. */
function argvOf(v: string): string[] {
  const t = v.trim();
  if (t.startsWith('[')) {
    try {
      const a = JSON.parse(t);
      if (Array.isArray(a)) return a.map(String);
    } catch {
      // shell form after all
    }
  }
  return ['/bin/sh', '-c', t];
}

/** Build an image from Dockerfile `text`. */
export function buildImage(e: Engine, text: string, o: { tags: string[]; readFile(path: string): string }): BuildResult {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let log = '';
  const steps = lines.length;
  let base: Image | undefined;
  let image: Image | undefined;
  let n = 0;
  for (const line of lines) {
    n++;
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) {
      log += `ERROR: failed to build: failed to solve: dockerfile parse error on line ${n}: unknown instruction: ${line}\n`;
      return { log };
    }
    const instr = m[1].toUpperCase();
    const arg = m[2];
    log += `#${n + 1} [${n}/${steps}] ${instr} ${arg}\n`;
    if (instr === 'FROM') {
      base = e.images.get(arg.split(/\s+/)[0]);
      if (!base) {
        log += `ERROR: failed to build: failed to solve: ${arg}: failed to resolve source metadata for docker.io/library/${arg}: no registry in this lab\n`;
        return { log };
      }
      image = { ...base, id: '', tags: [], config: { ...base.config, Env: [...base.config.Env], ExposedPorts: [...base.config.ExposedPorts] }, files: new Map(base.files), created: 0 };
      continue;
    }
    if (!image) {
      log += `ERROR: failed to build: failed to solve: no build stage in current context\n`;
      return { log };
    }
    switch (instr) {
      case 'RUN':
        image.size += 1000;
        break;
      case 'COPY':
      case 'ADD': {
        const parts = arg.split(/\s+/);
        const dest = parts.pop()!;
        for (const src of parts) {
          let data: string;
          try {
            data = o.readFile(src);
          } catch {
            log += `ERROR: failed to build: failed to solve: failed to compute cache key: "/${src}": not found\n`;
            return { log };
          }
          const target = dest.endsWith('/') ? dest + src.split('/').pop() : dest.startsWith('/') ? dest : `${image.config.WorkingDir || ''}/${dest}`;
          image.files.set(target.replace(/\/+/g, '/'), data);
          image.size += data.length;
        }
        break;
      }
      case 'EXPOSE':
        for (const x of arg.split(/\s+/)) image.config.ExposedPorts.push(x.includes('/') ? x : `${x}/tcp`);
        break;
      case 'CMD':
        image.config.Cmd = argvOf(arg);
        break;
      case 'ENTRYPOINT':
        image.config.Entrypoint = argvOf(arg);
        image.config.Cmd = null;
        break;
      case 'WORKDIR':
        image.config.WorkingDir = arg.startsWith('/') ? arg : `${image.config.WorkingDir || ''}/${arg}`;
        break;
      case 'ENV': {
        const kv = arg.includes('=') ? arg.split(/\s+/).map((x) => x.split('=')) : [[arg.split(/\s+/)[0], arg.split(/\s+/).slice(1).join(' ')]];
        for (const [k, v] of kv) {
          const i = image.config.Env.findIndex((x) => x.startsWith(`${k}=`));
          if (i >= 0) image.config.Env[i] = `${k}=${v}`;
          else image.config.Env.push(`${k}=${v}`);
        }
        break;
      }
      case 'LABEL':
      case 'USER':
      case 'ARG':
        break;
      default:
        log += `ERROR: failed to build: failed to solve: dockerfile parse error on line ${n}: unknown instruction: ${m[1]}\n`;
        return { log };
    }
  }
  if (!image) {
    log += 'ERROR: failed to build: failed to solve: the Dockerfile cannot be empty\n';
    return { log };
  }
  image.id = `sha256:${e.kernel.rng.hex(32)}`;
  image.tags = o.tags;
  image.created = Date.UTC(2026, 1, 2, 9, 0, 0) + e.kernel.clock.now;
  e.images.add(image);
  log += `#${steps + 2} exporting to image\n#${steps + 2} writing image ${image.id} done\n`;
  for (const t of o.tags) log += `#${steps + 2} naming to docker.io/library/${t} done\n`;
  return { log, image };
}
