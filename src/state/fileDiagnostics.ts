import { normalisePath } from '../shell/memoryFiles';
import { stripAnsi } from './transcript';

/** A problem kubectl reported at a place in a file (1-based line and column). */
export interface FileDiagnostic {
  readonly line: number;
  readonly column: number;
  /** What kubectl printed before pointing at the place, as printed. */
  readonly message: string;
  /** The field path, when kubectl named one (`spec.replicas`). */
  readonly field?: string;
}

/** The playground's extra line after a kubectl error: `  --> FILE:LINE:COLUMN (field.path)`. */
const WHERE = /^ {2}--> (.+):(\d+):(\d+)(?: \((.+)\))?$/;

/** Splits a command line into words, honouring quotes (enough to find `-f` arguments). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * The files a `kubectl apply` reads, when `line` is one: their normalised
 * names, or `'all'` when an argument is a directory or a pattern. Undefined
 * for any other command.
 */
export function applyTargets(line: string, known: readonly string[], resolve: (path: string) => string = normalisePath): readonly string[] | 'all' | undefined {
  const words = shellWords(line);
  if (words[0] !== 'kubectl' || !words.includes('apply')) return undefined;
  const names: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    let arg: string | undefined;
    if (w === '-f' || w === '--filename') arg = words[++i];
    else if (w.startsWith('--filename=')) arg = w.slice('--filename='.length);
    else if (w.startsWith('-f=')) arg = w.slice(3);
    else if (w.startsWith('-f') && w.length > 2 && !w.startsWith('--')) arg = w.slice(2);
    if (arg === undefined) continue;
    const name = resolve(arg);
    if (!known.includes(name)) return 'all';
    names.push(name);
  }
  return names;
}

/**
 * Reads kubectl's error output as it streams and turns each `  --> FILE:L:C`
 * line into a diagnostic for FILE, with the lines printed before it as the
 * message. Output may arrive in pieces; `reset` starts a new command.
 */
export class DiagnosticReader {
  private partial = '';
  private pending: string[] = [];

  reset(): void {
    this.partial = '';
    this.pending = [];
  }

  /** Feeds error output; returns the diagnostics completed by it. */
  feed(text: string): { file: string; diagnostic: FileDiagnostic }[] {
    const out: { file: string; diagnostic: FileDiagnostic }[] = [];
    const lines = (this.partial + stripAnsi(text)).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = WHERE.exec(line);
      if (!m) {
        // Warnings (a missing last-applied annotation…) are not what the place is about.
        if (line.trim() !== '' && !line.startsWith('Warning: ')) this.pending.push(line);
        continue;
      }
      const message = this.pending.join('\n').trim() || 'kubectl reported an error here';
      this.pending = [];
      const diagnostic: FileDiagnostic = { line: Number(m[2]), column: Number(m[3]), message, ...(m[4] ? { field: m[4] } : {}) };
      out.push({ file: normalisePath(m[1]), diagnostic });
    }
    return out;
  }
}
