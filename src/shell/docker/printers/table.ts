/**
 * Docker's tables: its fork of Go's tabwriter with minwidth 10, padding 3
 * (docker/cli `formatter.go` postFormat): every column but the last is
 * `max(widest cell + 3, 10)` wide; empty cells before another column are
 * still padded, so rows may end in spaces.
 */
export function dockerTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(10, Math.max(...all.map((r) => (r[i] ?? '').length)) + 3));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Docker's `formatter.PrettyPrint` for words: first letter capitalised (`running` → `Running`). */
export function prettyPrint(word: string): string {
  return word === '' ? '' : word[0].toUpperCase() + word.slice(1);
}

/** `stringid.TruncateID`: the first 12 characters. */
export function truncateId(id: string): string {
  return id.slice(0, 12);
}
