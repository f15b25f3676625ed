import type { YAMLError } from 'yaml';

/**
 * Rewords the `yaml` package's parse errors as go-yaml v2 (what kubectl uses)
 * words them, including go-yaml's line quirks: scanner errors print the
 * 1-based line, parser errors the 0-based one, and nothing when that is 0;
 * lines count from the start of the `---`-separated chunk.
 */
export interface Chunk {
  /** Offset of the chunk in the file. */
  offset: number;
  text: string;
}

type Kind = 'scanner' | 'parser';

/** `yaml: line N: <go-yaml problem>` for the first error of a chunk, and where it is. */
export function goYamlMessage(chunk: Chunk, errors: readonly YAMLError[]): { message: string; offset: number } {
  const text = chunk.text;
  const first = errors[0];
  const at = (e: YAMLError) => e.pos[0];
  const find = (pred: (e: YAMLError) => boolean) => errors.find(pred);
  const quote = find((e) => e.code === 'MISSING_CHAR' && /closing .?quote/.test(e.message));
  if (quote) return render('scanner', 'found unexpected end of stream', text, text.length);
  const escape = find((e) => e.code === 'BAD_DQ_ESCAPE');
  if (escape) return render('scanner', 'found unknown escape character', text, at(escape));
  const tab = find((e) => e.code === 'TAB_AS_INDENT');
  if (tab) {
    const problem = previousLineEndsWithValue(text, at(tab)) ? 'found a tab character that violates indentation' : 'found character that cannot start any token';
    return render('scanner', problem, text, at(tab));
  }
  const start = find((e) => e.code === 'BAD_SCALAR_START');
  if (start) return render('scanner', 'found character that cannot start any token', text, at(start));
  const nested = find((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY' && e.message.startsWith('Nested mappings'));
  if (nested) return render('scanner', 'mapping values are not allowed in this context', text, nextMappingColon(text, at(nested)));
  const flow = find((e) => e.code === 'BAD_INDENT' && e.message.startsWith('Flow'));
  if (flow) return render('parser', `did not find expected ',' or '${flow.message.includes('sequence') ? ']' : '}'}'`, text, at(flow));
  return render('parser', expectedInContext(text, at(first)), text, at(first));
}

function render(kind: Kind, problem: string, text: string, offset: number): { message: string; offset: number } {
  const line0 = countNewlines(text, offset);
  const shown = kind === 'scanner' ? (line0 === 0 ? 0 : line0 + 1) : line0;
  return { message: `yaml: ${shown ? `line ${shown}: ` : ''}${problem}`, offset };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The `:` that go-yaml's scanner rejects: the next mapping indicator at or after `from`. */
function nextMappingColon(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === from || /[\s:,[{]/.test(text[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) i = lineEnd(text, i) - 1;
    else if (c === ':' && (i + 1 >= text.length || /\s/.test(text[i + 1]))) return i;
  }
  return from;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** Block-context parser errors: inside a block sequence go-yaml wants `-`, inside a mapping a key. */
function expectedInContext(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  const own = /^[ ]*/.exec(text.slice(start))![0].length;
  let end = start - 1;
  while (end > 0) {
    const s = lineStartOf(text, end);
    const line = text.slice(s, end);
    end = s - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = /^[ ]*/.exec(line)![0].length;
    if (indent > own) continue;
    return indent === own && /^[ ]*-(\s|$)/.test(line) ? "did not find expected '-' indicator" : 'did not find expected key';
  }
  return 'did not find expected key';
}

/** Whether the line before `offset` ends with a plain value (`b: 1`), not an opening `key:`. */
function previousLineEndsWithValue(text: string, offset: number): boolean {
  const start = lineStartOf(text, offset);
  if (start === 0) return false;
  const prev = text.slice(lineStartOf(text, start - 1), start - 1).replace(/\s+#.*$/, '').trimEnd();
  return prev !== '' && !prev.endsWith(':') && !/^\s*-$/.test(prev);
}
