import { joined, type Part } from './expansion';
import { readExpansion } from './readExpansion';
import type { FileSource, OutputSink } from './types';

/**
 * A command's redirections, as bash reads them (`kubectl apply -f - <<EOF`,
 * `2>&1`, `>/dev/null`, `< web.yaml`), in the order written: the order in
 * which bash applies them (`>/dev/null 2>&1` silences both streams,
 * `2>&1 >/dev/null` only the output).
 */
export type Redirect =
  /** `<<WORD` / `<<-WORD`: the lines up to WORD, the command's input. `body` is expanded unless WORD was quoted. */
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; strip: boolean; body: Part[]; text: string }
  /** `<<< word`: the word and a newline, the command's input. */
  | { kind: 'herestring'; word: Part[]; raw: string }
  /** `< file`: the file's contents (an editor tab here), the command's input. */
  | { kind: 'read'; target: Part[]; raw: string }
  /** `> file`, `>> file`, `2> file`, `&> file`: a file of the host's (the editor's tabs), or /dev/null. */
  | { kind: 'write'; fd: 1 | 2 | 'both'; append: boolean; target: Part[]; raw: string; op: string }
  /** `2>&1` (`fd` goes where `to` goes now), `>&2`. */
  | { kind: 'dup'; fd: 1 | 2; to: 1 | 2; op: string };

/** What the terminal says of a redirection it does not simulate (after the operator). */
export const NOT_SIMULATED_REDIRECT = "is not simulated in this terminal; here-documents (<<EOF), '<' from an editor file, '2>&1' and '>/dev/null' work";

/** bash's redirection operators, longest first where one starts another. */
export const REDIRECT_OPS = ['<<<', '<<-', '<<', '<>', '<&', '<', '&>>', '&>', '>>', '>&', '>|', '>'] as const;
export type RedirectOp = (typeof REDIRECT_OPS)[number];

/** A redirection operator starting at `line[i]`, the longest that matches. */
export function redirectOp(line: string, i: number): RedirectOp | undefined {
  const c = line[i];
  if (c !== '<' && c !== '>' && !(c === '&' && line[i + 1] === '>')) return undefined;
  return REDIRECT_OPS.find((op) => line.startsWith(op, i));
}

/** A file a command's stream writes: each chunk is appended as it comes (the file was created or emptied when opened). */
export interface FileStream {
  readonly path: string;
  /** Appends; an error as bash words it, or undefined. */
  append(text: string): string | undefined;
}

/** Where a stream of a command goes: on down the pipe (or to the terminal), to the terminal's error stream, nowhere, or a file. */
export type Stream = 'out' | 'err' | 'null' | FileStream;

/** A command's streams once its redirections are applied. */
export interface StageIo {
  /** Its input, when a redirection gives one (else the pipe, or none). */
  stdin?: string;
  stdout: Stream;
  stderr: Stream;
}

export const PLAIN_IO: StageIo = { stdout: 'out', stderr: 'err' };

/** The error for a file a redirection writes where the host keeps no files (a check's shell). */
function cannotWrite(path: string): string {
  return `${path}: writing files is not simulated here`;
}

/**
 * Opens `path` for writing as bash does before the command runs: created,
 * and emptied unless appending. The special files /dev/null, /dev/stdout and
 * /dev/stderr are the streams themselves.
 */
function openForWriting(path: string, append: boolean, files: FileSource): Stream | { error: string } {
  if (path === '/dev/null') return 'null';
  if (path === '/dev/stdout') return 'out';
  if (path === '/dev/stderr') return 'err';
  if (!files.write) return { error: cannotWrite(path) };
  const error = files.write(path, append ? (files.read(path) ?? '') : '');
  if (error !== undefined) return { error };
  return { path, append: (text) => files.write!(path, (files.read(path) ?? '') + text) };
}
/**
 * Applies a command's redirections in order: its input and where its two
 * streams go, or bash's error (the command then does not run, status 1).
 * `expand` gives a word's value (its expansions done).
 */
export function applyRedirects(redirects: readonly Redirect[], expand: (word: readonly Part[]) => string, files: FileSource): StageIo | { error: string } {
  if (redirects.length === 0) return PLAIN_IO;
  const io: StageIo = { ...PLAIN_IO };
  for (const r of redirects) {
    switch (r.kind) {
      case 'heredoc':
        io.stdin = expand(r.body);
        break;
      case 'herestring':
        io.stdin = `${expand(r.word)}\n`;
        break;
      case 'read': {
        const path = expand(r.target);
        const text = path === '/dev/null' ? '' : files.read(path);
        if (text === undefined) return { error: `${path}: No such file or directory` };
        io.stdin = text;
        break;
      }
      case 'write': {
        const to = openForWriting(expand(r.target), r.append, files);
        if (typeof to === 'object' && 'error' in to) return to;
        if (r.fd !== 2) io.stdout = to;
        if (r.fd !== 1) io.stderr = to;
        break;
      }
      case 'dup':
        if (r.fd === 1) io.stdout = r.to === 1 ? io.stdout : io.stderr;
        else io.stderr = r.to === 2 ? io.stderr : io.stdout;
        break;
    }
  }
  return io;
}

/**
 * What writes to stream `s`: `out` (the pipe or the terminal), `err` (the
 * terminal's errors), nothing, or a file (whose own error, a file grown too
 * large, goes to `err` once).
 */
export function streamWriter(s: Stream, out: (text: string) => void, err: (text: string) => void): (text: string) => void {
  if (s === 'out') return out;
  if (s === 'err') return err;
  if (s === 'null') return () => {};
  let failed = false;
  return (text) => {
    if (failed) return;
    const error = s.append(text);
    if (error === undefined) return;
    failed = true;
    err(`${error}\n`);
  };
}

/** The sink a command writes to: its two streams sent where `io` says (`out` is the pipe or the terminal). */
export function redirectedSink(io: StageIo, out: OutputSink): OutputSink {
  if (io.stdout === 'out' && io.stderr === 'err') return out;
  return { stdout: streamWriter(io.stdout, out.stdout, out.stderr), stderr: streamWriter(io.stderr, out.stdout, out.stderr) };
}

/**
 * A here-document's body as parts: `$NAME`, `${…}`, `$(…)` and backquotes
 * expand (never split into fields), a backslash escapes only `$`, `` ` ``,
 * `\` and a newline; everything else, quotes included, is literal.
 */
export function heredocParts(body: string): Part[] | { error: string } {
  const parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text, quoted: true });
    text = '';
  };
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$`\\\n'.includes(body[i + 1])) {
      if (body[i + 1] !== '\n') text += body[i + 1];
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const found = readExpansion(body, i, true);
      if ('error' in found) return found;
      if (found.part === undefined) text += body.slice(i, found.end);
      else {
        flush();
        parts.push(found.part);
      }
      i = found.end;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return parts;
}

/** The parts of every word a redirection expands (for the substitutions to run before the command). */
export function redirectWords(r: Redirect): readonly Part[] {
  switch (r.kind) {
    case 'heredoc':
      return r.body;
    case 'herestring':
      return r.word;
    case 'read':
    case 'write':
      return r.target;
    case 'dup':
      return [];
  }
}

/** A text-only word's value. */
export function literalText(word: readonly Part[]): string {
  return joined(word, () => '');
}
