// Streams the shell wires between processes: pipes, files opened by
// redirections, and gates that silence a process once it is dead.

import type { InStream, OutStream } from '../kernel/proc.ts';
import type { Vfs, VfsCtx } from '../kernel/vfs.ts';
import { KernelError } from '../kernel/errno.ts';
import { PIPE_CAPACITY } from '../kernel/limits.ts';
import { WriteError } from '../userland/coreutils/host.ts';

/**
 * A pipe: writes are accepted at once, but a writer that streams (seq,
 * ping, xargs) awaits `drain()`, which waits while PIPE_CAPACITY bytes are
 * unread — the simulated write(2) blocking on a full pipe. Reads resolve when
 * data arrives or every writer closed. Writing after the reader closed calls
 * `onBroken` (SIGPIPE) once.
 */
export class Pipe {
  private chunks: string[] = [];
  private buffered = 0;
  private drainers: (() => void)[] = [];
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
        self.buffered += data.length;
        self.wake();
      },
      drain(): Promise<void> {
        if (self.buffered < PIPE_CAPACITY || self.readClosed || self.writeClosed) return Promise.resolve();
        return new Promise((r) => self.drainers.push(r));
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
        this.buffered = 0;
        this.release();
        return s;
      }
      if (this.writeClosed || this.readClosed) return null;
      await new Promise<void>((r) => {
        this.waiter = r;
      });
    }
  }

  private release(): void {
    const d = this.drainers;
    this.drainers = [];
    for (const f of d) f();
  }

  /** The writing end is closed (the writer exited). */
  closeWrite(): void {
    this.writeClosed = true;
    this.wake();
    this.release();
  }

  /** The reading end is closed (the reader exited): later writes break. */
  closeRead(): void {
    this.readClosed = true;
    this.chunks = [];
    this.buffered = 0;
    this.wake();
    this.release();
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
    device: s.device,
    write(data: string): void {
      if (alive()) s.write(data);
    },
  };
  if (s.drain) g.drain = () => (alive() ? s.drain!() : Promise.resolve());
  const tty = (s as { tty?: unknown }).tty;
  if (tty !== undefined) g.tty = tty;
  return g;
}
