/**
 * The terminal's transcript as plain text: every echoed command and every
 * line of output, ANSI escapes removed, the last `capacity` lines kept. This
 * is what the "Terminal output" region shows to screen readers and tests.
 */

/** One transcript line with a stable, ever-increasing id (a React key). */
export interface TranscriptLine {
  readonly id: number;
  readonly text: string;
}

// CSI sequences (colors, cursor moves), OSC sequences and single-character escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** The alternate screen (`watch`, full-screen programs): entered, cleared (cursor home, erase), left. */
// eslint-disable-next-line no-control-regex
const SCREEN = /\x1b\[\?1049h|\x1b\[H\x1b\[2J|\x1b\[\?1049l/g;

/** Removes terminal escape sequences and carriage returns. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r(?!\n)/g, '').replace(/\r/g, '');
}

/**
 * An append-only list of lines with a bounded length. Text arrives in chunks
 * that may end in the middle of a line; the open line is kept as the last
 * element and completed by the next chunk.
 */
export class Transcript {
  private lines: TranscriptLine[] = [];
  private nextId = 0;
  private open = false;
  private changes = 0;
  /** While a program draws on the alternate screen: the id of the first line it drew (its lines are the screen, not history). */
  private screenFrom: number | undefined;

  constructor(private readonly capacity = 1000) {}

  /**
   * Appends text (which may hold several lines, or end mid-line). What a
   * program draws on the alternate screen (`watch`) is only its latest
   * screen while it runs, and gone when it leaves, as on the terminal.
   */
  append(text: string): void {
    if (!text.includes('\x1b[')) return this.appendText(text);
    let at = 0;
    for (const m of text.matchAll(SCREEN)) {
      this.appendText(text.slice(at, m.index));
      at = m.index + m[0].length;
      if (m[0] === '\x1b[?1049h') {
        if (this.open) this.appendText('\n');
        this.screenFrom = this.nextId;
      } else if (this.screenFrom !== undefined) {
        // A redraw, or the screen left: what was drawn goes.
        const from = this.screenFrom;
        this.lines = this.lines.filter((l) => l.id < from);
        this.open = false;
        this.changes++;
        if (m[0] === '\x1b[?1049l') this.screenFrom = undefined;
      }
    }
    this.appendText(text.slice(at));
  }

  private appendText(text: string): void {
    const clean = stripAnsi(text);
    if (clean === '') return;
    const parts = clean.split('\n');
    const endsWithNewline = parts[parts.length - 1] === '';
    if (endsWithNewline) parts.pop();
    parts.forEach((part, i) => {
      if (i === 0 && this.open) {
        const last = this.lines[this.lines.length - 1];
        this.lines[this.lines.length - 1] = { id: last.id, text: last.text + part };
      } else {
        this.lines.push({ id: this.nextId++, text: part });
      }
    });
    this.open = !endsWithNewline;
    this.changes++;
    if (this.lines.length > this.capacity) this.lines = this.lines.slice(this.lines.length - this.capacity);
  }

  /** Appends one complete line. */
  appendLine(text: string): void {
    if (this.open) this.append('\n');
    this.append(`${text}\n`);
  }

  clear(): void {
    this.lines = [];
    this.open = false;
    this.changes++;
  }

  /** Increases with every change (so a store publishes only new transcripts). */
  get version(): number {
    return this.changes;
  }

  /** A copy of the current lines (immutable snapshot for the store). */
  snapshot(): readonly TranscriptLine[] {
    return this.lines.slice();
  }
}
