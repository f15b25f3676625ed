import { decodeUtf8 } from '../../lib/base64';
import { utf8Bytes } from '../../lib/encodeBase64';
import { collecting, parseOptions, terminalInput, type FilterSpec } from '../../lib/filters/filter';

const tryHelp = (name: string) => `Try '${name} --help' for more information.\n`;

/** GNU's obsolete `-5` (and tail's `+5`) as the first argument means `-n 5` (`-n +5`). */
function obsoleteCount(args: readonly string[], plus: boolean): readonly string[] {
  const first = args[0];
  if (first !== undefined && /^-\d+$/.test(first)) return ['-n', first.slice(1), ...args.slice(1)];
  if (plus && first !== undefined && /^\+\d+$/.test(first)) return ['-n', first, ...args.slice(1)];
  return args;
}

/** Lines with their `\n` (a last line without one stays so). */
function linesWithEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** GNU's size suffixes of -c and -n: b (512), kB/K, MB/M, GB/G (powers of 1000 with B, of 1024 without). */
const SUFFIX: Record<string, number> = { '': 1, b: 512, kB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 2 ** 20, MiB: 2 ** 20, GB: 1e9, G: 2 ** 30, GiB: 2 ** 30 };

/** A -c or -n value (`[sign]N[suffix]`): its sign and byte count, or undefined when GNU rejects it. */
function byteCount(value: string, signs: string): { sign: string; n: number } | undefined {
  const m = /^([+-]?)(\d+)([A-Za-z]*)$/.exec(value);
  if (!m || (m[1] !== '' && !signs.includes(m[1])) || SUFFIX[m[3]] === undefined) return undefined;
  return { sign: m[1], n: Number(m[2]) * SUFFIX[m[3]] };
}

/** The UTF-8 bytes of `text` between the bounds `bounds` gives for its size in bytes, as text again (a cut character reads as U+FFFD, as a terminal shows it). */
function byteSlice(text: string, bounds: (size: number) => [number, number?]): string {
  const bytes = utf8Bytes(text);
  return decodeUtf8(bytes.slice(...bounds(bytes.length)));
}

/** `==> name <==` headers when several files are read (standard input is called `standard input`). */
function withHeaders(parts: { name: string; out: string }[]): string {
  if (parts.length === 1) return parts[0].out;
  return parts.map((p, i) => `${i > 0 ? '\n' : ''}==> ${p.name === '-' ? 'standard input' : p.name} <==\n${p.out}`).join('');
}

/** `head [-n [-]N | -N] [FILE]…`: the first N lines (10), or all but the last N. */
export const head: FilterSpec = {
  name: 'head',
  usage: 'head [-n N|-N|-c N]',
  summary: 'the first N lines (10); -n -N: all but the last N; -c N: the first N bytes',
  start(args, io) {
    const parsed = parseOptions('head', obsoleteCount(args, false), { flags: 'qv', withValue: 'nc', long: { lines: { key: 'n', value: true }, bytes: { key: 'c', value: true }, quiet: { key: 'q', value: false }, silent: { key: 'q', value: false }, verbose: { key: 'v', value: false } } });
    if ('error' in parsed) {
      io.err(parsed.error + tryHelp('head'));
      return { code: 1 };
    }
    let count = 10;
    let allBut = false;
    let bytes = false;
    for (const o of parsed.opts) {
      if (o.key !== 'n' && o.key !== 'c') continue;
      const c = byteCount(o.value ?? '', '-');
      if (!c) {
        io.err(`head: invalid number of ${o.key === 'c' ? 'bytes' : 'lines'}: '${o.value}'\n`);
        return { code: 1 };
      }
      [allBut, count, bytes] = [c.sign === '-', c.n, o.key === 'c'];
    }
    const take = (text: string) => {
      if (bytes) return byteSlice(text, (size) => [0, allBut ? Math.max(0, size - count) : count]);
      const lines = linesWithEnds(text);
      return (allBut ? lines.slice(0, Math.max(0, lines.length - count)) : lines.slice(0, count)).join('');
    };
    if (parsed.operands.length > 0 || allBut) {
      return collecting(parsed.operands, io, 'head', (inputs, err) => {
        let code = 0;
        const parts: { name: string; out: string }[] = [];
        for (const input of inputs) {
          if (input.text === undefined) {
            err(input.dir ? `head: error reading '${input.name}': Is a directory\n` : `head: cannot open '${input.name}' for reading: No such file or directory\n`);
            code = 1;
          } else parts.push({ name: input.name, out: take(input.text) });
        }
        return { out: withHeaders(parts), code };
      });
    }
    if (!io.piped) return terminalInput('head', io);
    if (bytes) {
      // Streams: writes the bytes as they come and stops reading after the N-th.
      let left = count;
      const run = {
        closed: count === 0,
        write(text: string): string {
          if (run.closed) return '';
          const b = utf8Bytes(text);
          const out = decodeUtf8(b.slice(0, left));
          left -= Math.min(left, b.length);
          run.closed = left === 0;
          return out;
        },
        end: () => ({ out: '', code: 0 }),
      };
      return run;
    }
    // Streams: writes each line as it comes and stops reading after the N-th.
    let seen = 0;
    let partial = '';
    const run = {
      closed: count === 0,
      write(text: string): string {
        if (run.closed) return '';
        let out = '';
        const lines = linesWithEnds(partial + text);
        partial = '';
        for (const line of lines) {
          if (!line.endsWith('\n')) {
            partial = line;
            break;
          }
          out += line;
          if (++seen >= count) {
            run.closed = true;
            break;
          }
        }
        return out;
      },
      end() {
        return { out: run.closed ? '' : partial, code: 0 };
      },
    };
    return run;
  },
};

/** `tail [-n [+]N | -N] [FILE]…`: the last N lines (10), or from line N on. */
export const tail: FilterSpec = {
  name: 'tail',
  usage: 'tail [-n N|-N|-c N]',
  summary: 'the last N lines (10); -n +N: from line N on; -c N: the last N bytes',
  start(args, io) {
    const parsed = parseOptions('tail', obsoleteCount(args, true), { flags: 'fFqv', withValue: 'nc', long: { lines: { key: 'n', value: true }, bytes: { key: 'c', value: true }, follow: { key: 'f', value: false }, quiet: { key: 'q', value: false }, silent: { key: 'q', value: false }, verbose: { key: 'v', value: false } } });
    if ('error' in parsed) {
      io.err(parsed.error + tryHelp('tail'));
      return { code: 1 };
    }
    let count = 10;
    let from = false;
    let bytes = false;
    for (const o of parsed.opts) {
      if ((o.key === 'f' || o.key === 'F') && parsed.operands.some((f) => f !== '-')) {
        io.err('tail: following a file (-f) is not simulated: the editor\'s files do not grow; use kubectl logs -f or kubectl get -w to follow\n');
        return { code: 1 };
      }
      if (o.key !== 'n' && o.key !== 'c') continue;
      const c = byteCount(o.value ?? '', '+-');
      if (!c) {
        io.err(`tail: invalid number of ${o.key === 'c' ? 'bytes' : 'lines'}: '${o.value}'\n`);
        return { code: 1 };
      }
      [from, count, bytes] = [c.sign === '+', c.n, o.key === 'c'];
    }
    // -f on a pipe is ignored, as GNU tail ignores it when standard input is a FIFO.
    return collecting(parsed.operands, io, 'tail', (inputs, err) => {
      let code = 0;
      const parts: { name: string; out: string }[] = [];
      for (const input of inputs) {
        if (input.text === undefined) {
          err(input.dir ? `tail: error reading '${input.name}': Is a directory\n` : `tail: cannot open '${input.name}' for reading: No such file or directory\n`);
          code = 1;
          continue;
        }
        if (bytes) {
          parts.push({ name: input.name, out: byteSlice(input.text, (size) => [from ? Math.max(0, count - 1) : Math.max(0, size - count)]) });
          continue;
        }
        const lines = linesWithEnds(input.text);
        parts.push({ name: input.name, out: (from ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count)).join('') });
      }
      return { out: withHeaders(parts), code };
    });
  },
};
