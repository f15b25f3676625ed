import { finished } from '../execution';
import type { FileSource } from '../types';
import type { Builtin } from './index';

/**
 * `test EXPR`, `[ EXPR ]`, `true` and `false`, as bash's builtins: the
 * conditions of `if` and `while`. Strings (`-z`, `-n`, `=`, `==`, `!=`),
 * integers (`-eq`, `-ne`, `-lt`, `-le`, `-gt`, `-ge`), the editor's files
 * (`-e`, `-f`, `-d`, `-s`), `!`, `-a`, `-o` and `( … )`, read by POSIX's
 * rules for one to four arguments and by precedence beyond. Status 0 true,
 * 1 false, 2 for a malformed expression (with bash's message).
 */

class TestError {
  constructor(readonly message: string) {}
}

const STRING_OPS = new Set(['=', '==', '!=', '<', '>']);
const INT_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const BINARY = new Set([...STRING_OPS, ...INT_OPS, '-nt', '-ot', '-ef']);
const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N']);

/** A decimal integer as bash's test reads one (blanks around it allowed). */
function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return BigInt(t);
}

/** What a test expression needs to look at: the editor's files. */
class Evaluator {
  constructor(private readonly files: FileSource) {}

  unary(op: string, arg: string): boolean {
    switch (op) {
      case '-z':
        return arg === '';
      case '-n':
        return arg !== '';
      case '-e':
      case '-r':
      case '-w':
        return this.files.read(arg) !== undefined || this.files.list?.(arg) !== undefined;
      case '-f':
        return this.files.read(arg) !== undefined;
      case '-d':
        return this.files.list?.(arg) !== undefined;
      case '-s':
        return (this.files.read(arg) ?? '') !== '';
      default:
        // Devices, links, permissions, terminals: the editor's files are none of these.
        return false;
    }
  }

  binary(a: string, op: string, b: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-nt':
      case '-ot':
      case '-ef':
        return false;
    }
    const x = integer(a);
    const y = integer(b);
    return op === '-eq' ? x === y : op === '-ne' ? x !== y : op === '-lt' ? x < y : op === '-le' ? x <= y : op === '-gt' ? x > y : x >= y;
  }

  /** POSIX's rules by argument count (what bash does for up to four). */
  evaluate(args: readonly string[]): boolean {
    switch (args.length) {
      case 0:
        return false;
      case 1:
        return args[0] !== '';
      case 2:
        if (args[0] === '!') return args[1] === '';
        if (UNARY.has(args[0])) return this.unary(args[0], args[1]);
        throw new TestError(`${args[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(args[1])) return this.binary(args[0], args[1], args[2]);
        if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
        if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
        if (args[0] === '!') return !this.evaluate(args.slice(1));
        if (args[0] === '(' && args[2] === ')') return args[1] !== '';
        throw new TestError(`${args[1]}: binary operator expected`);
      case 4:
        if (args[0] === '!') return !this.evaluate(args.slice(1));
        if (args[0] === '(' && args[3] === ')') return this.evaluate(args.slice(1, 3));
        return this.expression(args);
      default:
        return this.expression(args);
    }
  }

  /** Five or more arguments: `-o` below `-a` below `!`, `( … )` and the primaries. */
  private expression(args: readonly string[]): boolean {
    let i = 0;
    const primary = (): boolean => {
      const a = args[i];
      if (a === undefined) throw new TestError('argument expected');
      if (a === '!') {
        i++;
        return !primary();
      }
      if (a === '(') {
        i++;
        const v = or();
        if (args[i] !== ')') throw new TestError("`)' expected");
        i++;
        return v;
      }
      if (UNARY.has(a) && i + 1 < args.length) {
        i += 2;
        return this.unary(a, args[i - 1]);
      }
      if (i + 2 < args.length && BINARY.has(args[i + 1])) {
        i += 3;
        return this.binary(args[i - 3], args[i - 2], args[i - 1]);
      }
      i++;
      return a !== '';
    };
    const and = (): boolean => {
      let v = primary();
      while (args[i] === '-a') {
        i++;
        const w = primary();
        v = v && w;
      }
      return v;
    };
    const or = (): boolean => {
      let v = and();
      while (args[i] === '-o') {
        i++;
        const w = and();
        v = v || w;
      }
      return v;
    };
    const v = or();
    if (i < args.length) throw new TestError(`too many arguments`);
    return v;
  }
}

/** `test` and `[` (which wants its closing `]`). */
function testCommand(name: 'test' | '['): Builtin {
  return {
    name,
    usage: name === 'test' ? 'test EXPR, [ EXPR ]' : '',
    summary: 'a condition for if/while: -z S, S1 = S2, N1 -lt N2, -f FILE, !, -a, -o',
    run(env, args, sink) {
      let words = args;
      if (name === '[') {
        if (words[words.length - 1] !== ']') {
          sink.stderr("[: missing `]'\n");
          return finished(2);
        }
        words = words.slice(0, -1);
      }
      try {
        return finished(new Evaluator(env.files).evaluate(words) ? 0 : 1);
      } catch (e) {
        if (!(e instanceof TestError)) throw e;
        sink.stderr(`${name}: ${e.message}\n`);
        return finished(2);
      }
    },
  };
}

export const TEST = testCommand('test');
export const BRACKET = testCommand('[');

export const TRUE: Builtin = { name: 'true', usage: 'true, false, :', summary: 'do nothing, successfully or not (while true; do …; done)', run: () => finished(0) };
export const FALSE: Builtin = { name: 'false', usage: '', summary: '', run: () => finished(1) };
/** `:`, the null command (`while :; do …; done`). */
export const COLON: Builtin = { name: ':', usage: '', summary: '', run: () => finished(0) };
