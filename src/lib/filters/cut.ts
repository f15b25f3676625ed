import { collecting, missingFile, parseOptions, splitLines, type FilterSpec } from './filter';

type Range = { from: number; to: number };

/** `1,3-5,7-` → ranges (1-based, inclusive; an open end is Infinity). */
function parseList(list: string): Range[] | { error: string } {
  const out: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') ) return { error: part === '' || part === '-' ? 'invalid range with no endpoint: -' : `invalid field value '${part}'` };
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return { error: 'fields and positions are numbered from 1' };
    if (to < from) return { error: 'invalid decreasing range' };
    out.push({ from, to });
  }
  return out;
}

const selected = (ranges: Range[], i: number) => ranges.some((r) => i >= r.from && i <= r.to);

/** `cut -d SEP -f LIST | -c LIST [-s] [FILE]…`: the chosen fields or characters of each line. */
export const cut: FilterSpec = {
  name: 'cut',
  usage: 'cut -d SEP -f N',
  summary: 'the N-th field of each line (-c N: characters)',
  start(args, io) {
    const parsed = parseOptions('cut', args, { flags: 's', withValue: 'dfcb', long: { delimiter: { key: 'd', value: true }, fields: { key: 'f', value: true }, characters: { key: 'c', value: true }, bytes: { key: 'b', value: true }, 'only-delimited': { key: 's', value: false } } });
    const usage = (msg: string) => {
      io.err(`cut: ${msg}\nTry 'cut --help' for more information.\n`);
      return { code: 1 };
    };
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'cut --help' for more information.\n`);
      return { code: 1 };
    }
    let delim = '\t';
    let list: string | undefined;
    let mode: 'f' | 'c' | undefined;
    let delimGiven = false;
    for (const o of parsed.opts) {
      if (o.key === 'd') {
        if ((o.value ?? '').length > 1) return usage('the delimiter must be a single character');
        delim = o.value ?? '\t';
        delimGiven = true;
      } else if (o.key === 'f' || o.key === 'c' || o.key === 'b') {
        if (mode) return usage('only one list may be specified');
        mode = o.key === 'f' ? 'f' : 'c';
        list = o.value;
      }
    }
    if (!mode || list === undefined) {
      if (!io.busybox) return usage('you must specify a list of bytes, characters, or fields');
      io.err('cut: expected a list of bytes, characters, or fields\n');
      return { code: 1 };
    }
    if (mode === 'c' && delimGiven) return usage('an input delimiter may be specified only when operating on fields');
    const ranges = parseList(list);
    if ('error' in ranges) return usage(ranges.error);
    const onlyDelimited = parsed.opts.some((o) => o.key === 's');
    const cutLine = (line: string): string | undefined => {
      if (mode === 'c') return [...line].filter((_, i) => selected(ranges, i + 1)).join('');
      if (!line.includes(delim)) return onlyDelimited ? undefined : line;
      return line.split(delim).filter((_, i) => selected(ranges, i + 1)).join(delim);
    };
    return collecting(parsed.operands, io, 'cut', (inputs) => {
      let out = '';
      let code = 0;
      for (const input of inputs) {
        if (input.text === undefined) {
          code = missingFile(io, 'cut', input.name, `cut: ${input.name}: No such file or directory\n`, 1);
          continue;
        }
        for (const line of splitLines(input.text)) {
          const c = cutLine(line);
          if (c !== undefined) out += `${c}\n`;
        }
      }
      return { out, code };
    });
  },
};
