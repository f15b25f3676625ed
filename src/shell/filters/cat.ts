import { collecting, parseOptions, type FilterSpec } from '../../lib/filters/filter';

/** `cat [-n] [FILE]…`: an editor file's text, or standard input, as it is (-n numbers the lines). */
export const cat: FilterSpec = {
  name: 'cat',
  usage: 'cat [-n] [FILE]',
  summary: 'print a file of the editor (or the input)',
  start(args, io) {
    const parsed = parseOptions('cat', args, { flags: 'n', withValue: '', long: { number: { key: 'n', value: false } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'cat --help' for more information.\n`);
      return { code: 1 };
    }
    const number = parsed.opts.some((o) => o.key === 'n');
    return collecting(parsed.operands, io, 'cat', (inputs, err) => {
      let code = 0;
      let text = '';
      for (const input of inputs) {
        if (input.text === undefined) {
          err(`cat: ${input.name}: ${input.dir ? 'Is a directory' : 'No such file or directory'}\n`);
          code = 1;
        } else text += input.text;
      }
      if (!number) return { out: text, code };
      let n = 0;
      return { out: text.replace(/[^\n]*\n|[^\n]+$/g, (line) => `${String(++n).padStart(6)}\t${line}`), code };
    });
  },
};
