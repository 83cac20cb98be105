// Streams the shell wires between processes: pipes, files opened by
// redirections, and gates that silence a process once it is dead.

import type { InStream, OutStream } from '../kernel/proc.ts';
import type { Vfs, VfsCtx } from '../kernel/vfs.ts';
import { KernelError } from '../kernel/errno.ts';
import { WriteError } from '../userland/coreutils/host.ts';

/**
 * A pipe: writes never block (the buffer is unbounded, programs are
 * bounded); reads resolve when data arrives or every writer closed. Writing
 * after the reader closed calls `onBroken` (SIGPIPE) once.
 */
export class Pipe {
  private chunks: string[] = [];
  private writeClosed = false;
  private readClosed = false;
  private waiter: (() => void) | undefined;
  /** Called when someone writes after the reading end closed. */
  onBroken: (() => void) | undefined;

  readonly out: OutStream;
  readonly in: InStream;

  constructor() {
    const self = this;
    this.out = {
      isTTY: false,
      write(data: string): void {
        if (self.readClosed) {
          const f = self.onBroken;
          self.onBroken = undefined;
          f?.();
          return;
        }
        if (self.writeClosed || data === '') return;
        self.chunks.push(data);
        self.wake();
      },
    };
    this.in = {
      isTTY: false,
      read: () => this.read(),
    };
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private async read(): Promise<string | null> {
    for (;;) {
      if (this.chunks.length) {
        const s = this.chunks.join('');
        this.chunks = [];
        return s;
      }
      if (this.writeClosed || this.readClosed) return null;
      await new Promise<void>((r) => {
        this.waiter = r;
      });
    }
  }

  /** The writing end is closed (the writer exited). */
  closeWrite(): void {
    this.writeClosed = true;
    this.wake();
  }

  /** The reading end is closed (the reader exited): later writes break. */
  closeRead(): void {
    this.readClosed = true;
    this.chunks = [];
    this.wake();
  }
}

/** An output stream into a VFS file opened by a redirection. */
export class FileOut implements OutStream {
  readonly isTTY = false;
  private readonly vfs: Vfs;
  private readonly path: string;
  private readonly ctx: VfsCtx;

  constructor(vfs: Vfs, path: string, ctx: VfsCtx) {
    this.vfs = vfs;
    this.path = path;
    this.ctx = ctx;
  }

  write(data: string): void {
    if (data === '') return;
    try {
      this.vfs.writeFile(this.path, data, this.ctx, true);
    } catch (e) {
      if (e instanceof KernelError) throw new WriteError(e.errno, e.extack);
      throw e;
    }
  }
}

/** Wrap an output so that nothing is written once `alive()` turns false. */
export function gateOut(s: OutStream, alive: () => boolean): OutStream {
  const g: OutStream & { tty?: unknown } = {
    isTTY: s.isTTY,
    write(data: string): void {
      if (alive()) s.write(data);
    },
  };
  const tty = (s as { tty?: unknown }).tty;
  if (tty !== undefined) g.tty = tty;
  return g;
}
