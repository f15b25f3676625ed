/**
 * GNU ls's layouts of names on a terminal: `-C` (down the columns, the
 * default on a terminal) and `-x` (across), as ls 9 fits them to the line
 * width and aligns them with tabs of 8 columns where a tab reaches.
 */

/** GNU ls's narrowest column (a one-character name and its two spaces). */
const MIN_COLUMN_WIDTH = 3;
const TAB = 8;

/** The widths of each column for `cols` columns, or undefined when they do not fit in `width`. */
function columnWidths(lengths: readonly number[], cols: number, width: number, across: boolean): number[] | undefined {
  const n = lengths.length;
  const rows = Math.ceil(n / cols);
  const widths = Array.from({ length: cols }, () => MIN_COLUMN_WIDTH);
  for (let i = 0; i < n; i++) {
    const col = across ? i % cols : Math.floor(i / rows);
    const len = lengths[i] + (col === cols - 1 ? 0 : 2);
    if (widths[col] < len) widths[col] = len;
  }
  return widths.reduce((a, b) => a + b, 0) < width ? widths : undefined;
}

/** The padding from column `from` to column `to`: tabs while a tab stop is reached before `to`, then spaces (ls's `indent`). */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / TAB) > Math.floor((from + 1) / TAB)) {
      out += '\t';
      from += TAB - (from % TAB);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/**
 * `names` (already quoted, with their indicators) laid out as `ls -C` (or
 * `-x` when `across`) lays them out on a line of `width` columns: as many
 * columns as fit, each as wide as its longest name and two spaces.
 */
export function layoutColumns(names: readonly string[], width = 80, across = false): string {
  if (names.length === 0) return '';
  const lengths = names.map((n) => [...n].length);
  const maxCols = Math.max(1, Math.min(names.length, Math.floor(width / MIN_COLUMN_WIDTH)));
  let widths: number[] = [lengths.reduce((a, b) => Math.max(a, b), 0)];
  for (let cols = maxCols; cols > 1; cols--) {
    const fit = columnWidths(lengths, cols, width, across);
    if (fit) {
      widths = fit;
      break;
    }
  }
  const cols = widths.length;
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : r + c * rows;
      if (i >= names.length) break;
      out += names[i];
      const next = across ? i + 1 : i + rows;
      if (c === cols - 1 || next >= names.length || (across && c + 1 >= cols)) break;
      out += indent(pos + lengths[i], pos + widths[c]);
      pos += widths[c];
    }
    out += '\n';
  }
  return out;
}
