import { finished } from '../execution';
import type { Builtin } from './index';

/** Numbers `seq` prints at most: a loop over more would hang the page. */
export const SEQ_LIMIT = 100_000;

const TRY = "Try 'seq --help' for more information.\n";

/** A number as GNU seq reads one, with its count of decimals (the output's precision). */
function operand(s: string): { scaled: bigint; decimals: number } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const decimals = (m[3] ?? '').length;
  return { scaled: BigInt(`${m[1]}${m[2] || '0'}${m[3] ?? ''}`), decimals };
}

function rescale(v: bigint, from: number, to: number): bigint {
  return v * 10n ** BigInt(to - from);
}

function format(v: bigint, decimals: number): string {
  if (decimals === 0) return v.toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`, as GNU seq: decimal
 * operands print with the decimals of FIRST and INCREMENT (`seq 0 0.5 2`),
 * `-w` pads with zeros to equal width. What `for i in $(seq 1 5)` needs.
 */
export const SEQ: Builtin = {
  name: 'seq',
  usage: 'seq [FIRST [STEP]] LAST',
  summary: 'print numbers (for i in $(seq 1 5); do …; done)',
  run(_env, args, sink) {
    let sep = '\n';
    let equalWidth = false;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-s' || a === '--separator') {
        if (i + 1 >= args.length) {
          sink.stderr(`seq: option requires an argument -- 's'\n${TRY}`);
          return finished(1);
        }
        sep = args[++i];
      } else if (a.startsWith('--separator=')) sep = a.slice('--separator='.length);
      else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2);
      else if (a === '-w' || a === '--equal-width') equalWidth = true;
      else if (a === '--') {
        operands.push(...args.slice(i + 1));
        break;
      } else if (/^-[^0-9.]/.test(a)) {
        sink.stderr(`seq: invalid option -- '${a.slice(1, 2)}'\n${TRY}`);
        return finished(1);
      } else operands.push(a);
    }
    if (operands.length === 0) {
      sink.stderr(`seq: missing operand\n${TRY}`);
      return finished(1);
    }
    if (operands.length > 3) {
      sink.stderr(`seq: extra operand '${operands[3]}'\n${TRY}`);
      return finished(1);
    }
    const nums = operands.map(operand);
    const bad = nums.findIndex((n) => n === undefined);
    if (bad >= 0) {
      sink.stderr(`seq: invalid floating point argument: '${operands[bad]}'\n${TRY}`);
      return finished(1);
    }
    const [first, step, last] = operands.length === 1 ? [{ scaled: 1n, decimals: 0 }, { scaled: 1n, decimals: 0 }, nums[0]!] : operands.length === 2 ? [nums[0]!, { scaled: 1n, decimals: 0 }, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    if (step.scaled === 0n) {
      sink.stderr(`seq: invalid Zero increment value: '${operands[1]}'\n${TRY}`);
      return finished(1);
    }
    const decimals = Math.max(first.decimals, step.decimals);
    const scale = Math.max(decimals, last.decimals);
    const a = rescale(first.scaled, first.decimals, scale);
    const d = rescale(step.scaled, step.decimals, scale);
    const z = rescale(last.scaled, last.decimals, scale);
    const count = (d > 0n ? z < a : z > a) ? 0n : (d > 0n ? (z - a) / d : (a - z) / -d) + 1n;
    if (count > BigInt(SEQ_LIMIT)) {
      sink.stderr(`seq: more than ${SEQ_LIMIT} numbers is not simulated in this terminal\n`);
      return finished(1);
    }
    const out: string[] = [];
    for (let k = 0n; k < count; k++) {
      const v = a + k * d;
      // Shown with the decimals of FIRST and INCREMENT: cut the extra digits LAST brought in.
      out.push(format(v / 10n ** BigInt(scale - decimals), decimals));
    }
    if (out.length === 0) return finished(0);
    const width = equalWidth ? Math.max(...out.map((s) => s.length)) : 0;
    const shown = equalWidth ? out.map((s) => (s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0'))) : out;
    sink.stdout(`${shown.join(sep)}\n`);
    return finished(0);
  },
};
