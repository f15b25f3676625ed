/**
 * Go's `text/tabwriter` (padding with spaces, no flags), ported line for line
 * from `format`/`writeLines`: cells are tab-terminated, widths are computed
 * per column block (a run of consecutive lines that all have a cell in that
 * column), widths count runes, and the last cell of a line is never padded.
 */

interface Cell {
  text: string;
  width: number;
}

/** Options of `tabwriter.Writer.Init` that kubectl varies. */
export interface TabwriterOptions {
  /** Minimal cell width including padding (kubectl tables: 6, describe: 0). */
  minWidth?: number;
  /** Padding added to a cell's width (kubectl tables: 3, describe: 2). */
  padding?: number;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function splitLines(text: string): Cell[][] {
  const lines = text.split('\n').map((line) => line.split(/[\t\v]/).map((t) => ({ text: t, width: runeCount(t) })));
  // Flush adds the unterminated last cell only when it holds text, so a final
  // line ending in a tab has its last tab-terminated cell unpadded
  const last = lines[lines.length - 1];
  if (last.length > 1 && last[last.length - 1].text === '') last.pop();
  return lines;
}

/** Formats text containing tabs and newlines exactly as a flushed Go tabwriter would. */
export function tabwriteText(text: string, opts: TabwriterOptions = {}): string {
  const minWidth = opts.minWidth ?? 0;
  const padding = opts.padding ?? 0;
  const lines = splitLines(text);
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        out.push(c.text);
        if (j < widths.length) out.push(' '.repeat(widths[j] - c.width));
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      // print unprinted lines until the beginning of the block
      writeLines(line0, cur);
      line0 = cur;
      let width = minWidth;
      for (; cur < line1; cur++) {
        const line = lines[cur];
        if (column >= line.length - 1) break;
        const w = line[column].width + padding;
        if (w > width) width = w;
      }
      // format the columns to the right of this one, knowing this width
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}

/**
 * Go text/tabwriter with kubectl's table settings (min width 6, padding 3):
 * rows of cells in, aligned text out, each row ending in a newline.
 */
export function tabwrite(rows: readonly (readonly string[])[], opts: TabwriterOptions = {}): string {
  if (rows.length === 0) return '';
  const text = rows.map((r) => r.join('\t')).join('\n') + '\n';
  return tabwriteText(text, { minWidth: opts.minWidth ?? 6, padding: opts.padding ?? 3 });
}
