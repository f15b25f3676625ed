import { ShellSyntaxError, type AndOr, type Assign, type Command, type Pipeline, type Redirect, type Script, type Word } from './ast';
import { parseScript } from './parse';
import { arithmetic } from './arithmetic';
import { elementOf, elementsOf, setElement, type ArrayStore } from './arrays';
import { BUILTINS } from './builtins';
import { normalize } from './paths';
import { redirectIo } from './redirect';
import { ShellExit, SPIN_PAUSE, SPIN_ROUNDS, type Io, type ShellApi, type ShellHost, type ShellOptions, type Yield } from './types';

export { IDLE, ShellExit, type Io, type ShellHost, type ShellOptions, type Yield } from './types';
export { isShellTool, sleepMs, unixDate } from './builtins';

/** Runs `sh -c SCRIPT`: a generator whose return value is the exit status. */
export function* runShell(script: string, host: ShellHost, options: ShellOptions): Generator<Yield, number> {
  const parsed = parseOrSay(script, options.bash, host);
  if (parsed === undefined) return 2;
  return yield* runIn(host, options, (sh, io) => sh.list(parsed, io));
}

/** A script parsed, or undefined after sh's syntax error went to the host's error stream (status 2). */
export function parseOrSay(script: string, bash: boolean | undefined, host: ShellHost): Script | undefined {
  try {
    return parseScript(script, bash);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    host.write(`sh: ${e.message}`, 2);
    return undefined;
  }
}

/** Runs one command line (argv) as sh would run it as a simple command: builtin, tool or image program. */
export function runArgv(argv: string[], host: ShellHost, options: ShellOptions): Generator<Yield, number> {
  return runIn(host, options, (sh, io) => sh.exec(argv, io));
}

/** A new shell running `body` to its status (an `exit` included), its buffered output flushed at the end. */
function* runIn(host: ShellHost, options: ShellOptions, body: (sh: Interp, io: Io & { end(): void }) => Generator<Yield, number>): Generator<Yield, number> {
  const sh = new Interp(host, options);
  const io = sh.logIo();
  try {
    return yield* body(sh, io);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  } finally {
    io.end();
  }
}

export class Interp implements ShellApi {
  private status = 0;
  private host: ShellHost;
  private readonly env: Map<string, string>;
  private readonly args: string[];
  private errexit: boolean;
  private cwd = '/';
  /** The standard input the shell was started with. */
  private readonly stdin: string;
  readonly bash: boolean;
  /** bash's indexed arrays (none in a POSIX sh). */
  private arrays: ArrayStore = new Map();

  constructor(host: ShellHost, options: ShellOptions) {
    this.host = host;
    this.env = options.env;
    this.args = options.args ?? [];
    this.errexit = options.errexit ?? false;
    this.bash = options.bash ?? false;
    this.stdin = options.stdin ?? '';
  }

  /** Output to the container log, line by line (`end` writes an unfinished last line). */
  logIo(): Io & { end(): void } {
    let outBuf = '';
    let errBuf = '';
    const flush = (buf: string, fd: 1 | 2) => {
      const lines = buf.split('\n');
      for (let i = 0; i < lines.length - 1; i++) this.host.write(lines[i], fd);
      return lines[lines.length - 1];
    };
    // What is left without a newline: unfinished (a pause) or the last line (the end).
    const rest = (partial: boolean) => {
      if (outBuf) this.host.write(outBuf, 1, partial);
      if (errBuf) this.host.write(errBuf, 2, partial);
      outBuf = errBuf = '';
    };
    return { out: (t) => (outBuf = flush(outBuf + t, 1)), err: (t) => (errBuf = flush(errBuf + t, 2)), stdin: this.stdin, flush: () => rest(true), end: () => rest(false) };
  }

  *list(script: Script, io: Io): Generator<Yield, number> {
    for (const item of script) {
      this.status = yield* this.andOr(item, io);
    }
    return this.status;
  }

  private *andOr(item: AndOr, io: Io): Generator<Yield, number> {
    let st = yield* this.pipeline(item.first, io);
    let ranLast = item.rest.length === 0 && !item.first.negate;
    for (let i = 0; i < item.rest.length; i++) {
      const r = item.rest[i];
      if ((r.op === '&&' && st === 0) || (r.op === '||' && st !== 0)) {
        st = yield* this.pipeline(r.pipeline, io);
        ranLast = i === item.rest.length - 1 && !r.pipeline.negate;
      }
    }
    // errexit (`set -e`): only a failure of the list's last command ends the shell.
    if (this.errexit && st !== 0 && ranLast) throw new ShellExit(st);
    return st;
  }

  private *pipeline(p: Pipeline, io: Io): Generator<Yield, number> {
    let stdin = io.stdin;
    let st = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let captured = '';
      const cio: Io = last ? { ...io, stdin } : { out: (t) => (captured += t), err: io.err, stdin };
      st = yield* this.command(p.commands[i], cio);
      stdin = captured;
    }
    if (p.negate) st = st === 0 ? 1 : 0;
    this.status = st;
    return st;
  }

  private *command(c: Command, io0: Io): Generator<Yield, number> {
    const io = this.redirect(c.redirects, io0);
    if (!io) return 1;
    switch (c.t) {
      case 'simple': {
        const argv: string[] = [];
        for (const w of c.words) argv.push(...(yield* this.expand(w)));
        if (argv.length === 0) {
          for (const a of c.assigns) yield* this.assign(a);
          return 0;
        }
        const saved = new Map<string, string | undefined>();
        for (const a of c.assigns) {
          saved.set(a.name, this.env.get(a.name));
          this.env.set(a.name, (yield* this.expand(a.value, true)).join(''));
        }
        try {
          return yield* this.exec(argv, io);
        } finally {
          for (const [k, v] of saved) {
            if (v === undefined) this.env.delete(k);
            else this.env.set(k, v);
          }
        }
      }
      case 'while': {
        let st = 0;
        let spins = 0;
        for (;;) {
          const started = this.host.now();
          const saved = this.errexit;
          this.errexit = false;
          const cond = yield* this.list(c.cond, io);
          this.errexit = saved;
          if ((cond === 0) === c.until) break;
          st = yield* this.list(c.body, io);
          // A round in which no time passed is a busy CPU's: pace such rounds (a loop that never waits would spin for ever in no time).
          spins = this.host.now() !== started ? 0 : spins + 1;
          if (spins > 0 && spins % SPIN_ROUNDS === 0) {
            io.flush?.();
            yield SPIN_PAUSE;
          }
        }
        return st;
      }
      case 'for': {
        const items: string[] = [];
        if (c.items === null) items.push(...this.args.slice(1));
        else for (const w of c.items) items.push(...(yield* this.expand(w)));
        let st = 0;
        for (const v of items) {
          this.env.set(c.name, v);
          st = yield* this.list(c.body, io);
        }
        return st;
      }
      case 'if': {
        for (const b of c.branches) {
          const saved = this.errexit;
          this.errexit = false;
          const cond = yield* this.list(b.cond, io);
          this.errexit = saved;
          if (cond === 0) return yield* this.list(b.body, io);
        }
        return c.otherwise ? yield* this.list(c.otherwise, io) : 0;
      }
      case 'group': {
        if (!c.subshell) return yield* this.list(c.body, io);
        const saved = new Map(this.env);
        const arrays = this.arrays;
        this.arrays = new Map([...arrays].map(([k, v]) => [k, [...v]]));
        try {
          return yield* this.list(c.body, io);
        } catch (e) {
          if (e instanceof ShellExit) return e.code;
          throw e;
        } finally {
          this.env.clear();
          for (const [k, v] of saved) this.env.set(k, v);
          this.arrays = arrays;
        }
      }
    }
  }

  private redirect(list: Redirect[], io: Io): Io | undefined {
    return redirectIo(list, io, this.host.files, (p) => this.path(p), (w) => this.expandSync(w).join(' '));
  }

  path(p: string): string {
    if (p.startsWith('/')) return normalize(p);
    return normalize(`${this.cwd}/${p}`);
  }

  private expandSync(w: Word): string[] {
    const g = this.expand(w);
    const r = g.next();
    if (!r.done) return [''];
    return r.value;
  }

  /** Expands a word: parameters, command substitution, field splitting of unquoted expansions. */
  *expand(w: Word, noSplit = false): Generator<Yield, string[]> {
    const fields: string[] = [''];
    let sawQuotedOrLit = false;
    for (const part of w) {
      if (part.t === 'lit') {
        fields[fields.length - 1] += part.v;
        sawQuotedOrLit = true;
        continue;
      }
      let value: string;
      if (part.t === 'var' && part.index === '@' && part.quoted && !part.length) {
        // "${a[@]}": one field per element (none for an empty array).
        const items = elementsOf(this.arrays, this.env, part.name);
        if (items.length === 0) continue;
        fields[fields.length - 1] += items[0];
        for (let k = 1; k < items.length; k++) fields.push(items[k]);
        sawQuotedOrLit = true;
        continue;
      }
      if (part.t === 'var') value = yield* this.param(part);
      else if (part.t === 'arith') {
        value = String(arithmetic(part.expr, this.env));
        fields[fields.length - 1] += value;
        sawQuotedOrLit = true;
        continue;
      } else {
        let captured = '';
        const saved = this.status;
        yield* this.list(part.script, { out: (t) => (captured += t), err: () => undefined, stdin: '' });
        this.status = saved;
        value = captured.replace(/\n+$/, '');
      }
      if (part.quoted || noSplit) {
        fields[fields.length - 1] += value;
        sawQuotedOrLit = true;
      } else {
        const pieces = value.split(/[ \t\n]+/);
        if (pieces[0] === '' && pieces.length > 1) pieces.shift();
        fields[fields.length - 1] += pieces[0] ?? '';
        for (let i = 1; i < pieces.length; i++) if (pieces[i] !== '' || i < pieces.length - 1) fields.push(pieces[i]);
        if (value !== '') sawQuotedOrLit = sawQuotedOrLit || fields.some((f) => f !== '');
      }
    }
    if (!sawQuotedOrLit && fields.length === 1 && fields[0] === '') return [];
    return fields.filter((f, i) => f !== '' || sawQuotedOrLit || i < fields.length - 1);
  }

  private *param(part: Extract<Word[number], { t: 'var' }>): Generator<Yield, string> {
    let v: string | undefined;
    const n = part.name;
    if (n === '?') v = String(this.status);
    else if (n === '#') v = String(Math.max(0, this.args.length - 1));
    else if (n === '$') v = '1';
    else if (n === '@' || n === '*') v = this.args.slice(1).join(' ');
    else if (/^\d$/.test(n)) v = this.args[Number(n)];
    else if (part.index !== undefined) {
      if (part.index === '@' || part.index === '*') {
        const items = elementsOf(this.arrays, this.env, n);
        return part.length ? String(items.length) : items.join(' ');
      }
      v = elementOf(this.arrays, this.env, n, yield* this.subscript(part.index));
    } else v = this.env.get(n) ?? this.arrays.get(n)?.[0];
    if (part.length) return String([...(v ?? '')].length);
    if (part.op) {
      const empty = v === undefined || (part.op.startsWith(':') && v === '');
      const arg = async0(yield* this.expand(part.arg ?? [], true));
      if (part.op === ':-' || part.op === '-') return empty ? arg : v!;
      if (part.op === ':=') {
        if (empty) this.env.set(n, arg);
        return empty ? arg : v!;
      }
      if (part.op === ':+') return empty ? '' : arg;
    }
    return v ?? '';
  }

  /** An assignment without a command: `a=v`, and in bash `a=(x y)` and `a[i]=v`. */
  private *assign(a: Assign): Generator<Yield, void> {
    if (a.array) {
      const items: string[] = [];
      for (const w of a.array) items.push(...(yield* this.expand(w)));
      this.env.delete(a.name);
      this.arrays.set(a.name, items);
      return;
    }
    const value = (yield* this.expand(a.value, true)).join('');
    if (a.index) setElement(this.arrays, this.env, a.name, yield* this.subscript(a.index), value);
    else if (this.arrays.has(a.name)) setElement(this.arrays, this.env, a.name, 0, value);
    else this.env.set(a.name, value);
  }

  /** An array subscript: expanded, then evaluated as an arithmetic expression. */
  private *subscript(w: Word): Generator<Yield, number> {
    return arithmetic((yield* this.expand(w, true)).join(''), this.env);
  }

  *exec(argv: string[], io: Io): Generator<Yield, number> {
    const [name, ...args] = argv;
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    const builtin = BUILTINS[base];
    if (builtin && (!name.includes('/') || /^\/(usr\/)?s?bin\//.test(name))) {
      const r = builtin(this, args, io);
      const st = typeof r === 'number' ? r : yield* r;
      this.status = st;
      return st;
    }
    if (base === 'sh' || base === 'ash' || (base === 'bash' && !this.host.noBash)) {
      const c = args.indexOf('-c');
      if (c >= 0 && args[c + 1] !== undefined) {
        const bash = base === 'bash';
        const sub = new Interp(this.host, { env: new Map(this.env), args: args.slice(c + 2), errexit: args.slice(0, c).some((a) => /^-\w*e/.test(a)), bash });
        try {
          return yield* sub.list(parseScript(args[c + 1], bash), io);
        } catch (e) {
          if (e instanceof ShellExit) return e.code;
          if (e instanceof ShellSyntaxError) {
            io.err(`${base}: ${e.message}\n`);
            return 2;
          }
          throw e;
        }
      }
      if (args.length > 0 && !args[0].startsWith('-')) {
        const script = this.host.files.get(this.path(args[0]));
        if (script === undefined) {
          io.err(`${base}: can't open '${args[0]}': No such file or directory\n`);
          return 2;
        }
        return yield* this.exec([base, '-c', script, ...args], io);
      }
      // Without a script, the shell reads its commands from standard input (none: end of file, and it exits).
      return io.stdin === '' ? 0 : yield* this.exec([base, '-c', io.stdin], { ...io, stdin: '' });
    }
    const program = this.host.program(argv, io);
    if (program) return yield* program;
    io.err(this.bash ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`);
    return 127;
  }

  get vars(): Map<string, string> {
    return this.env;
  }

  get hostRef(): ShellHost {
    return this.host;
  }

  setErrexit(on: boolean): void {
    this.errexit = on;
  }

  setCwd(dir: string): void {
    this.cwd = dir;
  }

  getCwd(): string {
    return this.cwd;
  }

  get isBash(): boolean {
    return this.bash;
  }

  /** An interactive session's next line runs at another time, with its output going elsewhere. */
  rehost(host: ShellHost): void {
    this.host = host;
  }
}

function async0(fields: string[]): string {
  return fields.join(' ');
}
