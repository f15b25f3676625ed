/**
 * Escape sequences that draw an editable prompt line in xterm: the prompt,
 * the text being typed and the cursor, wrapping over as many rows as needed.
 * Pure: the terminal view keeps `cursorRow` (rows between the prompt's first
 * row and the cursor) and passes it back on the next redraw.
 */

const ESC = '\x1b[';

export interface PromptLine {
  /** The prompt as written (may hold color escapes). */
  readonly prompt: string;
  /** Its width in columns. */
  readonly promptWidth: number;
  readonly value: string;
  /** Cursor index into `value`. */
  readonly cursor: number;
  readonly cols: number;
  /** A selected part of `value` (start, end), shown in inverse video: typing replaces it. */
  readonly selected?: readonly [number, number];
}

export interface Drawn {
  readonly sequence: string;
  /** Rows between the prompt's first row and the cursor after drawing. */
  readonly cursorRow: number;
}

function up(n: number): string {
  return n > 0 ? `${ESC}${n}A` : '';
}

function down(n: number): string {
  return n > 0 ? `${ESC}${n}B` : '';
}

function toColumn(col: number): string {
  return col > 0 ? `\r${ESC}${col}C` : '\r';
}

/** Where the end of the text lands (after normalising a full last row to the next row's start). */
function endOf(line: PromptLine): { row: number; col: number; full: boolean } {
  const total = line.promptWidth + line.value.length;
  const full = total > 0 && total % line.cols === 0;
  return { row: Math.floor(total / line.cols), col: total % line.cols, full };
}

/** Text shown on the prompt line: control characters would move the cursor, so they are dropped. */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x1f\x7f]/g, ' ');
}

/** The text as drawn: printable, its selected part in inverse video (which takes no columns). */
function shownValue(line: PromptLine): string {
  const text = printable(line.value);
  const [start, end] = line.selected ?? [0, 0];
  if (end <= start) return text;
  return `${text.slice(0, start)}${ESC}7m${text.slice(start, end)}${ESC}27m${text.slice(end)}`;
}

/** Erases the prompt line drawn with the cursor `cursorRow` rows below its start. */
export function erasePrompt(cursorRow: number): string {
  return `${up(cursorRow)}\r${ESC}J`;
}

/** Redraws the whole prompt line and places the cursor. */
export function drawPrompt(cursorRow: number, line: PromptLine): Drawn {
  const end = endOf(line);
  let seq = erasePrompt(cursorRow) + line.prompt + shownValue(line);
  // A text that exactly fills its last row leaves xterm's cursor pending at the
  // row's end; move to the start of the next row so the arithmetic below holds.
  if (end.full) seq += '\r\n';
  const pos = line.promptWidth + Math.max(0, Math.min(line.cursor, line.value.length));
  const row = Math.floor(pos / line.cols);
  seq += up(end.row - row) + toColumn(pos % line.cols);
  return { sequence: seq, cursorRow: row };
}

/** Moves from the cursor to after the end of the text and starts a new line (Enter). */
export function finishPrompt(cursorRow: number, line: PromptLine): string {
  const end = endOf(line);
  return down(end.row - cursorRow) + (end.col > 0 || end.row === 0 ? '\r\n' : '\r');
}
