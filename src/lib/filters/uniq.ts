import { collecting, missingFile, parseOptions, splitLines, type FilterSpec } from './filter';

/** `uniq [-c -d -u -i] [INPUT]`: adjacent equal lines once; -c counts them (`%7d `). */
export const uniq: FilterSpec = {
  name: 'uniq',
  usage: 'uniq [-c -d -u]',
  summary: 'collapse adjacent equal lines (-c: count them)',
  start(args, io) {
    const parsed = parseOptions('uniq', args, { flags: 'cdui', withValue: '', long: { count: { key: 'c', value: false }, repeated: { key: 'd', value: false }, unique: { key: 'u', value: false }, 'ignore-case': { key: 'i', value: false } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'uniq --help' for more information.\n`);
      return { code: 1 };
    }
    if (parsed.operands.length > 1) {
      io.err(`uniq: writing to a file (OUTPUT operand '${parsed.operands[1]}') is not simulated\n`);
      return { code: 1 };
    }
    const on = new Set(parsed.opts.map((o) => o.key));
    return collecting(parsed.operands, io, 'uniq', ([input]) => {
      if (input.text === undefined) return { out: '', code: missingFile(io, 'uniq', input.name, `uniq: ${input.name}: No such file or directory\n`, 1) };
      const same = (a: string, b: string) => (on.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
      let out = '';
      const lines = splitLines(input.text);
      for (let i = 0; i < lines.length; ) {
        let j = i + 1;
        while (j < lines.length && same(lines[i], lines[j])) j++;
        const n = j - i;
        if (!(on.has('d') && n < 2) && !(on.has('u') && n > 1)) out += `${on.has('c') ? `${String(n).padStart(7)} ` : ''}${lines[i]}\n`;
        i = j;
      }
      return { out, code: 0 };
    });
  },
};
