/**
 * kubectl's help-text normalizers (`pkg/util/templates/normalizers.go`):
 * `longDesc` renders the long description as its markdown-to-ASCII renderer
 * does (paragraph lines joined, later paragraphs start with a space, list
 * items as `  *  item`), `examples` trims and indents each line by two.
 */

/** heredoc.Doc: removes the common leading indentation. */
function heredoc(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const ind = l.length - l.trimStart().length;
    if (ind < min) min = ind;
  }
  if (!Number.isFinite(min)) min = 0;
  return lines.map((l) => l.slice(Math.min(min, l.length - l.trimStart().length))).join('\n');
}

/** templates.LongDesc. */
export function longDesc(s: string): string {
  const blocks = heredoc(s)
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  let out = '';
  for (const block of blocks) {
    if (block.every((l) => /^\s*[*-] /.test(l))) {
      out += '\n';
      for (const l of block) out += `  * ${' ' + l.trim().slice(2).trim()}\n`;
      continue;
    }
    // A numbered list, as the markdown renderer of kubectl's templates writes it: `  1.  text`.
    if (block.every((l) => /^\s*\d+\. /.test(l))) {
      out += '\n';
      for (const l of block) out += `  ${l.trim().replace(/^(\d+\.)\s+/, '$1  ')}\n`;
      continue;
    }
    out += '\n';
    for (const l of block) {
      const t = l.trim();
      if (t.length > 0 && t[0] !== '_') out += ' ';
      out += t;
    }
    out += '\n';
  }
  return out.trim();
}

/** templates.Examples. */
export function examples(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => `  ${l.trim()}`)
    .join('\n');
}
