import { utf8Length } from '../../lib/encodeBase64';
import { collecting, parseOptions, type FilterSpec } from './filter';

const COUNTS = [
  { key: 'l', count: (t: string) => (t.match(/\n/g) ?? []).length },
  { key: 'w', count: (t: string) => (t.match(/[^ \t\n\r\f\v]+/g) ?? []).length },
  { key: 'm', count: (t: string) => [...t].length },
  { key: 'c', count: utf8Length },
] as const;

/**
 * `wc [-l -w -m -c] [FILE]…`: newlines, words, characters, bytes. Widths as
 * GNU wc: one count of one input is printed bare; standard input (a pipe)
 * pads to 7; files pad to the digits of their total size.
 */
export const wc: FilterSpec = {
  name: 'wc',
  usage: 'wc [-l -w -c]',
  summary: 'count lines, words, bytes',
  start(args, io) {
    const parsed = parseOptions('wc', args, { flags: 'lwmc', withValue: '', long: { lines: { key: 'l', value: false }, words: { key: 'w', value: false }, chars: { key: 'm', value: false }, bytes: { key: 'c', value: false } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'wc --help' for more information.\n`);
      return { code: 1 };
    }
    const asked = new Set(parsed.opts.map((o) => o.key));
    const shown = COUNTS.filter((c) => (asked.size === 0 ? c.key !== 'm' : asked.has(c.key)));
    return collecting(parsed.operands, io, 'wc', (inputs, err) => {
      let code = 0;
      const rows: { name: string; counts: number[] }[] = [];
      let pipe = false;
      let bytes = 0;
      for (const input of inputs) {
        if (input.text === undefined) {
          // Like a pipe, a folder has no size to size the columns by: GNU wc pads them to 7.
          if (input.dir) pipe = true;
          err(`wc: ${input.name}: ${input.dir ? 'Is a directory' : 'No such file or directory'}\n`);
          code = 1;
          // A folder still gets its row of zeros.
          if (input.dir) rows.push({ name: input.name, counts: shown.map(() => 0) });
          continue;
        }
        if (input.name === '-') pipe = true;
        else bytes += utf8Length(input.text);
        rows.push({ name: input.name, counts: shown.map((c) => c.count(input.text!)) });
      }
      const single = inputs.length === 1 && shown.length === 1;
      const width = single ? 1 : Math.max(pipe ? 7 : 1, String(bytes).length);
      if (rows.length > 1) rows.push({ name: 'total', counts: shown.map((_, i) => rows.reduce((s, r) => s + r.counts[i], 0)) });
      const out = rows.map((r) => r.counts.map((n) => String(n).padStart(width)).join(' ') + (r.name === '-' && parsed.operands.length === 0 ? '' : ` ${r.name}`) + '\n').join('');
      return { out, code };
    });
  },
};
