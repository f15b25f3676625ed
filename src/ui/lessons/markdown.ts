/**
 * A small Markdown reader for lesson text: the subset lessons use (headings,
 * paragraphs, lists, block quotes, fenced code, GFM tables, rules; code
 * spans, emphasis, strong, links) read into plain data that `Markdown.tsx`
 * renders as React elements. Nothing is ever treated as HTML: a `<tag>` is
 * text, and only web, mail and in-page links become links.
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong' | 'em'; readonly children: readonly Inline[] }
  | {
      readonly type: 'link';
      readonly href: string;
      readonly children: readonly Inline[];
    }
  | { readonly type: 'break' };

export type Align = 'left' | 'center' | 'right' | undefined;

export type Block =
  | {
      readonly type: 'heading';
      readonly level: number;
      readonly children: readonly Inline[];
    }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly lang: string; readonly text: string }
  | { readonly type: 'quote'; readonly children: readonly Block[] }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly Block[])[];
    }
  | {
      readonly type: 'table';
      readonly align: readonly Align[];
      readonly head: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly type: 'rule' };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Reads Markdown text into blocks. */
export function parseMarkdown(text: string): Block[] {
  return readBlocks(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
}

function readBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  const blank = (l: string | undefined) => l === undefined || l.trim() === '';
  while (i < lines.length) {
    const line = lines[i];
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i].trim().startsWith(marker) && lines[i].trim().replace(/^[`~]+/, '') === '')) body.push(lines[i++]);
      i++;
      out.push({ type: 'code', lang: fence[2], text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({
        type: 'heading',
        level: heading[1].length,
        children: parseInline(heading[2]),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !blank(lines[i]) && (QUOTE.test(lines[i]) || body.length > 0)) {
        const q = QUOTE.exec(lines[i]);
        body.push(q ? q[1] : lines[i]);
        i++;
      }
      out.push({ type: 'quote', children: readBlocks(body) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      i = readList(lines, i, out);
      continue;
    }
    if (line.includes('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '') && lines[i + 1].includes('-')) {
      const head = splitRow(line);
      const align = splitRow(lines[i + 1]).map((c): Align => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : undefined));
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && !blank(lines[i]) && lines[i].includes('|')) {
        const cells = splitRow(lines[i++]);
        rows.push(head.map((_h, k) => parseInline(cells[k] ?? '')));
      }
      out.push({
        type: 'table',
        align: head.map((_h, k) => align[k]),
        head: head.map((h) => parseInline(h)),
        rows,
      });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !blank(lines[i]) && !FENCE.test(lines[i]) && !HEADING.test(lines[i]) && !QUOTE.test(lines[i]) && !(para.length > 0 && ITEM.test(lines[i]) && !/^\s{4}/.test(lines[i])))
      para.push(lines[i++]);
    out.push({
      type: 'paragraph',
      children: parseInline(para.map((l) => l.trim()).join('\n')),
    });
  }
  return out;
}

/** A list from line `i`: items at the first item's indentation, each holding what is indented under it. */
function readList(lines: readonly string[], start: number, out: Block[]): number {
  const first = ITEM.exec(lines[start]);
  if (!first) return start + 1;
  const ordered = /\d/.test(first[2]);
  const items: string[][] = [];
  let i = start;
  let inner = first[1].length + first[2].length + 1;
  while (i < lines.length) {
    const line = lines[i];
    const m = ITEM.exec(line);
    if (m && m[1].length < inner && /\d/.test(m[2]) === ordered) {
      inner = m[1].length + m[2].length + 1;
      items.push([m[3]]);
      i++;
      continue;
    }
    if (line.trim() === '') {
      // A blank line continues the list only if indented content or another item follows.
      const next = lines[i + 1];
      if (next !== undefined && (/^\s{2,}\S/.test(next) || (ITEM.test(next) && /\d/.test(ITEM.exec(next)?.[2] ?? '') === ordered && (ITEM.exec(next)?.[1].length ?? 0) < inner))) {
        items[items.length - 1].push('');
        i++;
        continue;
      }
      break;
    }
    const indent = line.length - line.trimStart().length;
    if (indent >= 2 || (!ITEM.test(line) && !FENCE.test(line) && !HEADING.test(line))) {
      items[items.length - 1].push(indent >= 2 ? line.slice(Math.min(indent, inner)) : line.trim());
      i++;
      continue;
    }
    break;
  }
  out.push({
    type: 'list',
    ordered,
    start: ordered ? Number.parseInt(first[2], 10) : 1,
    items: items.map((body) => readBlocks(body)),
  });
  return i;
}

/** The cells of a table row (`| a | b |`), split at `|` outside code spans; `\|` is a literal bar. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if (ch === '\\' && body[k + 1] === '|') {
      cell += '|';
      k++;
    } else if (ch === '`') {
      inCode = !inCode;
      cell += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Links the page may follow: the web, mail, and places in the page. */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  return /^(https?:\/\/|mailto:|#)/i.test(h) ? h : undefined;
}

/** Reads inline Markdown: code spans first (nothing inside them is Markdown), then links, strong, emphasis. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (ch === '\\' && /^[\\`*_[\]()#+\-.!|<>~]/.test(text[i + 1] ?? '')) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(rest)?.[0] ?? '`';
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        flush();
        const inner = text.slice(i + ticks.length, end);
        out.push({
          type: 'code',
          text: inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner,
        });
        i = end + ticks.length;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
      if (link) {
        flush();
        const href = safeHref(link[2]);
        const children = parseInline(link[1]);
        out.push(href ? { type: 'link', href, children } : { type: 'em', children });
        i += link[0].length;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && text[i + 1] === ch) {
      const end = findClose(text, i + 2, ch + ch);
      if (end > i + 2) {
        flush();
        out.push({
          type: 'strong',
          children: parseInline(text.slice(i + 2, end)),
        });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && text[i + 1] !== ' ' && text[i + 1] !== undefined && (ch === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      const end = findClose(text, i + 1, ch);
      if (end > i + 1 && (ch === '*' || !/\w/.test(text[end + 1] ?? ''))) {
        flush();
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** Where `marker` closes an emphasis opened before `from` (not inside a code span, not after a space). */
function findClose(text: string, from: number, marker: string): number {
  for (let k = from; k < text.length; k++) {
    if (text[k] === '`') {
      const end = text.indexOf('`', k + 1);
      if (end < 0) return -1;
      k = end;
      continue;
    }
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text.startsWith(marker, k) && text[k - 1] !== ' ' && (marker.length === 2 || text[k + 1] !== marker)) return k;
  }
  return -1;
}
