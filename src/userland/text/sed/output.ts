// Where sed's output goes: stdout, or the file being edited in place (kept
// until the file ends). A last line without a newline gets one only when
// more output follows it, as GNU sed's output_missing_newline does.

import type { Process } from '../../../kernel/proc.ts';

export class SedOutput {
  buf = '';
  /** The last line written had no newline. */
  missing = false;
  private readonly p: Process;
  private readonly inPlace: boolean;

  constructor(p: Process, inPlace: boolean) {
    this.p = p;
    this.inPlace = inPlace;
  }

  emit(s: string): void {
    if (this.missing) {
      this.buf += '\n';
      this.missing = false;
    }
    this.buf += s;
  }

  emitLine(s: string, nl: boolean): void {
    this.emit(s);
    if (nl) this.buf += '\n';
    else this.missing = true;
  }

  /** Write what is buffered to stdout (in place: keep it for the file). */
  flush(): void {
    if (this.buf && !this.inPlace) this.p.stdout.write(this.buf);
    if (!this.inPlace) this.buf = '';
  }

  flushSoon(): void {
    if (this.buf.length > 8192) this.flush();
  }

  /** Start over (a new file edited in place). */
  reset(): void {
    this.buf = '';
    this.missing = false;
  }
}
