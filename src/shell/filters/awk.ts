import { parseOptions, terminalInput, type FilterSpec } from '../../lib/filters/filter';
import { toJsRegex } from '../../lib/posixRegex';

type Item = { type: 'field'; n: number | 'NF' } | { type: 'var'; name: 'NR' | 'NF' } | { type: 'text'; text: string };
type Pattern = { type: 'always' } | { type: 'nr'; op: string; n: number } | { type: 'regex'; re: RegExp };

/** The pattern before `{`: none, `NR>1`-style comparisons, or `/regex/`. */
function parsePattern(text: string): Pattern | undefined {
  const t = text.trim();
  if (t === '') return { type: 'always' };
  const nr = /^NR\s*(==|!=|>=|<=|>|<)\s*(\d+)$/.exec(t);
  if (nr) return { type: 'nr', op: nr[1], n: Number(nr[2]) };
  const rx = /^\/(.*)\/$/.exec(t);
  if (rx) {
    const r = toJsRegex(rx[1], true);
    return 'error' in r ? undefined : { type: 'regex', re: new RegExp(r.source) };
  }
  return undefined;
}

/** `print` arguments: comma-separated groups of fields, NR/NF and "strings" (juxtaposed ones concatenate). */
function parsePrint(text: string): Item[][] | undefined {
  const groups: Item[][] = [];
  let group: Item[] = [];
  const tokens = text.match(/\$NF|\$\d+|\bNR\b|\bNF\b|"(?:[^"\\]|\\.)*"|,|\S+/g) ?? [];
  for (const tok of tokens) {
    if (tok === ',') {
      groups.push(group);
      group = [];
    } else if (tok === '$NF') group.push({ type: 'field', n: 'NF' });
    else if (tok.startsWith('$')) group.push({ type: 'field', n: Number(tok.slice(1)) });
    else if (tok === 'NR' || tok === 'NF') group.push({ type: 'var', name: tok });
    else if (tok.startsWith('"')) group.push({ type: 'text', text: tok.slice(1, -1).replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1') });
    else return undefined;
  }
  groups.push(group);
  return groups.some((g) => g.length === 0) && !(groups.length === 1) ? undefined : groups;
}

const compareNr: Record<string, (a: number, b: number) => boolean> = { '==': (a, b) => a === b, '!=': (a, b) => a !== b, '>': (a, b) => a > b, '<': (a, b) => a < b, '>=': (a, b) => a >= b, '<=': (a, b) => a <= b };

/**
 * A small awk: `awk [-F SEP] '[PATTERN] {print ITEMS}'`, the programs people
 * use on kubectl's columns (`'{print $1}'`, `'NR>1 {print $1, $3}'`,
 * `'/Running/ {print $1}'`). Other programs are refused, not guessed.
 */
export const awk: FilterSpec = {
  name: 'awk',
  usage: "awk '{print $N}'",
  summary: "columns (only [NR>N|/re/] {print $N, …} programs)",
  start(args, io) {
    const parsed = parseOptions('awk', args, { flags: '', withValue: 'F', long: { 'field-separator': { key: 'F', value: true } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}usage: awk [-F SEP] 'PROGRAM' [FILE]...\n`);
      return { code: 2 };
    }
    const [program, ...files] = parsed.operands;
    if (program === undefined) {
      io.err("usage: awk [-F SEP] 'PROGRAM' [FILE]...\n");
      return { code: 2 };
    }
    const m = /^([^{]*)\{\s*print\b([^}]*)\}\s*$/.exec(program);
    const pattern = m ? parsePattern(m[1]) : undefined;
    const items = m ? parsePrint(m[2]) : undefined;
    if (!pattern || !items) {
      io.err(`awk: not simulated: this terminal's awk runs only '[NR>N | /regex/] {print $N, …}' programs (fields, NR, NF and "strings"); got '${program}'\n`);
      return { code: 2 };
    }
    const fs = parsed.opts.find((o) => o.key === 'F')?.value;
    const split = (line: string) => (fs === undefined || fs === ' ' ? line.trim().split(/[ \t]+/).filter((f) => f !== '') : line.split(fs === '\\t' ? '\t' : fs));
    let nr = 0;
    const runLine = (line: string): string => {
      nr++;
      if (pattern.type === 'nr' && !compareNr[pattern.op](nr, pattern.n)) return '';
      if (pattern.type === 'regex' && !pattern.re.test(line)) return '';
      const fields = split(line);
      const value = (it: Item): string => {
        if (it.type === 'text') return it.text;
        if (it.type === 'var') return String(it.name === 'NR' ? nr : fields.length);
        const n = it.n === 'NF' ? fields.length : it.n;
        return n === 0 ? line : (fields[n - 1] ?? '');
      };
      const groups = items.length === 1 && items[0].length === 0 ? [[{ type: 'field', n: 0 } as Item]] : items;
      return `${groups.map((g) => g.map(value).join('')).join(' ')}\n`;
    };
    if (files.length === 0 && !io.piped) return terminalInput('awk', io);
    let partial = '';
    let stdin = '';
    return {
      closed: false,
      write(text) {
        if (files.length > 0) {
          stdin += text;
          return '';
        }
        const lines = (partial + text).split('\n');
        partial = lines.pop()!;
        return lines.map(runLine).join('');
      },
      end() {
        if (files.length === 0) return { out: partial !== '' ? runLine(partial) : '', code: 0 };
        let out = '';
        for (const f of files) {
          const text = f === '-' ? stdin : io.files.read(f);
          if (text === undefined) {
            io.err(`awk: cannot open ${f} (No such file or directory)\n`);
            return { out, code: 2 };
          }
          out += text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '').map(runLine).join('');
        }
        return { out, code: 0 };
      },
    };
  },
};
