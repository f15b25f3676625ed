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

/** A line markdown reads as code: indented by a tab or four spaces. */
const isCode = (l: string): boolean => /^(\t| {4})/.test(l);

/**
 * templates.LongDesc. Lines indented by a tab or four spaces after a blank
 * line are a code block, which the renderer indents by eight spaces, blank
 * lines and the line after its end included.
 */
export function longDesc(s: string): string {
  const lines = heredoc(s).split('\n');
  let out = '';
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    if (isCode(lines[i])) {
      const code: string[] = [];
      while (i < lines.length && (isCode(lines[i]) || lines[i].trim() === '')) code.push(lines[i++]);
      while (code.length > 0 && code[code.length - 1].trim() === '') code.pop();
      out += `\n${[...code, ''].map((l) => `        ${l.trim() === '' ? '' : l.replace(/^(\t| {4})/, '')}`).join('\n')}`;
      continue;
    }
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    out += renderBlock(block);
  }
  return out.trim();
}

/** A paragraph or a list, as the ASCII renderer writes it. */
function renderBlock(block: readonly string[]): string {
  if (block.every((l) => /^\s*[*-] /.test(l))) return `\n${block.map((l) => `  * ${' ' + l.trim().slice(2).trim()}\n`).join('')}`;
  // A numbered list, as the markdown renderer of kubectl's templates writes it: `  1.  text`.
  if (block.every((l) => /^\s*\d+\. /.test(l))) return `\n${block.map((l) => `  ${l.trim().replace(/^(\d+\.)\s+/, '$1  ')}\n`).join('')}`;
  let out = '\n';
  for (const l of block) {
    const t = l.trim();
    if (t.length > 0 && t[0] !== '_') out += ' ';
    out += t;
  }
  return `${out}\n`;
}

/** templates.Examples. */
export function examples(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => `  ${l.trim()}`)
    .join('\n');
}

/** cmdutil.SuggestAPIResources("kubectl"), which kubectl appends to a long description after normalizing it. */
export const SUGGEST_API_RESOURCES = '\n\nUse "kubectl api-resources" for a complete list of supported resources.';
