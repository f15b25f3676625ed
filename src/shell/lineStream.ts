/**
 * The standard input of a compound command that a pipe feeds
 * (`kubectl get pods -o name | while read p; do …; done`): what the writer
 * has written so far, and whether it has finished. `read` takes it a line
 * at a time, and waits while the writer is still running.
 */
export class LineStream {
  private buffer = '';
  private at = 0;
  private over = false;

  write(text: string): void {
    if (this.over || text === '') return;
    // Drop what has been read already before it grows large.
    if (this.at > 4096 && this.at * 2 > this.buffer.length) {
      this.buffer = this.buffer.slice(this.at);
      this.at = 0;
    }
    this.buffer += text;
  }

  /** The writer has finished: no more input will come. */
  end(): void {
    this.over = true;
  }

  get ended(): boolean {
    return this.over;
  }

  /** Whether `take` would answer now (a whole line is there, or the input has ended). */
  ready(): boolean {
    return this.over || this.buffer.indexOf('\n', this.at) >= 0;
  }

  /**
   * The next line, without its line break, and whether it had one (a last
   * line without one comes once the input has ended); undefined at the end,
   * or while no whole line is there yet.
   */
  take(): { line: string; complete: boolean } | undefined {
    const eol = this.buffer.indexOf('\n', this.at);
    if (eol >= 0) {
      const line = this.buffer.slice(this.at, eol);
      this.at = eol + 1;
      return { line, complete: true };
    }
    if (!this.over || this.at >= this.buffer.length) return undefined;
    const line = this.buffer.slice(this.at);
    this.at = this.buffer.length;
    return { line, complete: false };
  }
}
