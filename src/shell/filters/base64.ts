import { decodeBase64 } from '../../lib/base64';
import { encodeBase64 } from '../../lib/encodeBase64';
import { collecting, parseOptions, type FilterSpec } from '../../lib/filters/filter';

/** `base64 [-d] [-w COLS] [FILE]`: encodes (lines of 76), or decodes with -d (what a Secret's data needs). */
export const base64: FilterSpec = {
  name: 'base64',
  usage: 'base64 [-d]',
  summary: 'encode, or decode with -d (e.g. a Secret\'s data)',
  start(args, io) {
    const parsed = parseOptions('base64', args, { flags: 'di', withValue: 'w', long: { decode: { key: 'd', value: false }, 'ignore-garbage': { key: 'i', value: false }, wrap: { key: 'w', value: true } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'base64 --help' for more information.\n`);
      return { code: 1 };
    }
    if (parsed.operands.length > 1) {
      io.err(`base64: extra operand '${parsed.operands[1]}'\nTry 'base64 --help' for more information.\n`);
      return { code: 1 };
    }
    let wrap = 76;
    for (const o of parsed.opts) {
      if (o.key !== 'w') continue;
      if (!/^\d+$/.test(o.value ?? '')) {
        io.err(`base64: invalid wrap size: '${o.value}'\n`);
        return { code: 1 };
      }
      wrap = Number(o.value);
    }
    const decode = parsed.opts.some((o) => o.key === 'd');
    const garbage = parsed.opts.some((o) => o.key === 'i');
    return collecting(parsed.operands, io, 'base64', ([input], err) => {
      if (input.text === undefined) {
        err(`base64: ${input.name}: No such file or directory\n`);
        return { out: '', code: 1 };
      }
      if (decode) {
        const text = garbage ? input.text.replace(/[^A-Za-z0-9+/=]/g, '') : input.text;
        const decoded = decodeBase64(text);
        if (decoded === undefined) {
          err('base64: invalid input\n');
          return { out: '', code: 1 };
        }
        return { out: decoded, code: 0 };
      }
      const encoded = encodeBase64(input.text);
      if (encoded === '') return { out: '', code: 0 };
      const lines = wrap === 0 ? [encoded] : (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []);
      return { out: lines.join('\n') + '\n', code: 0 };
    });
  },
};
