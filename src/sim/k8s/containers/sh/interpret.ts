import { parseScript, ShellSyntaxError, type AndOr, type Command, type Pipeline, type Redirect, type Script, type Word } from './parse';

/**
 * What a running script asks of the world it runs in: the container's
 * files, clock and output, and the programs of its image. The interpreter
 * is a generator: it yields `{ sleep: ms }` and is resumed once that much
 * virtual time has passed, so a container's script runs alongside the
 * simulation instead of all at once.
 */
export interface ShellHost {
  now(): number;
  /** Appends a line of output (stdout or stderr) to the container log. */
  write(text: string, fd: 1 | 2): void;
  files: Map<string, string>;
  hostname: string;
  /** The container's main process command line (PID 1), for `ps`. */
  mainCommand?: string;
  /**
   * A program that is neither a builtin nor a shell tool: the image's own
   * (`nginx`, `redis-server`, `stress`). Returns undefined when the image
   * has no such program (sh then says `not found`, status 127).
   */
  program(argv: string[], io: Io): Generator<Yield, number> | undefined;
}

/**
 * A pause of the program. `quiet`: nothing the kubelet watches can happen at
 * the end of it (a server finishing its start-up): no need to wake for it;
 * whoever looks (a probe, `kubectl logs`) advances the process first.
 */
export type Yield = { sleep: number; quiet?: boolean };

/** Yielded by a program that waits for ever (a server, `sleep infinity`): no need to wake it. */
export const IDLE: Yield = Object.freeze({ sleep: 3_600_000 });

/** Where a command's output goes (a file, a pipe, or the log). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin: string;
}

export class ShellExit {
  constructor(readonly code: number) {}
}

export interface ShellOptions {
  env: Map<string, string>;
  args?: string[];
  errexit?: boolean;
}

/** Runs `sh -c SCRIPT`: a generator whose return value is the exit status. */
export function* runShell(script: string, host: ShellHost, options: ShellOptions): Generator<Yield, number> {
  let parsed: Script;
  try {
    parsed = parseScript(script);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      host.write(`sh: ${e.message}`, 2);
      return 2;
    }
    throw e;
  }
  const sh = new Interp(host, options);
  const io = sh.logIo();
  try {
    return yield* sh.list(parsed, io);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  } finally {
    io.end();
  }
}

/** Runs one command line (argv) as sh would run it as a simple command: builtin, tool or image program. */
export function* runArgv(argv: string[], host: ShellHost, options: ShellOptions): Generator<Yield, number> {
  const sh = new Interp(host, options);
  const io = sh.logIo();
  try {
    return yield* sh.exec(argv, io);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  } finally {
    io.end();
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox `date`: `Sat Nov 22 02:40:00 UTC 2026`. */
export function unixDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

class Interp {
  private status = 0;
  private readonly env: Map<string, string>;
  private readonly args: string[];
  private errexit: boolean;
  private cwd = '/';

  constructor(
    private readonly host: ShellHost,
    options: ShellOptions,
  ) {
    this.env = options.env;
    this.args = options.args ?? [];
    this.errexit = options.errexit ?? false;
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
    return {
      out: (t) => (outBuf = flush(outBuf + t, 1)),
      err: (t) => (errBuf = flush(errBuf + t, 2)),
      stdin: '',
      end: () => {
        if (outBuf) this.host.write(outBuf, 1);
        if (errBuf) this.host.write(errBuf, 2);
        outBuf = errBuf = '';
      },
    };
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
          for (const a of c.assigns) this.env.set(a.name, (yield* this.expand(a.value, true)).join(''));
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
        let guard = 0;
        for (;;) {
          const saved = this.errexit;
          this.errexit = false;
          const cond = yield* this.list(c.cond, io);
          this.errexit = saved;
          if ((cond === 0) === c.until) break;
          st = yield* this.list(c.body, io);
          // A loop that never sleeps would spin forever in zero virtual time: pace it.
          if (++guard % 1000 === 0) yield { sleep: 1 };
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
        try {
          return yield* this.list(c.body, io);
        } catch (e) {
          if (e instanceof ShellExit) return e.code;
          throw e;
        } finally {
          this.env.clear();
          for (const [k, v] of saved) this.env.set(k, v);
        }
      }
    }
  }

  private redirect(list: Redirect[], io: Io): Io | undefined {
    let out = io;
    for (const r of list) {
      const target = this.expandSync(r.target).join(' ');
      if (r.op === '>&') {
        if (target === '1' && r.fd === 2) out = { ...out, err: out.out };
        else if (target === '2' && r.fd === 1) out = { ...out, out: out.err };
        continue;
      }
      if (r.op === '<') {
        const content = this.host.files.get(this.path(target));
        if (content === undefined) {
          io.err(`sh: can't open ${target}: no such file\n`);
          return undefined;
        }
        out = { ...out, stdin: content };
        continue;
      }
      const path = this.path(target);
      if (path === '/dev/null') {
        const sink = () => undefined;
        out = r.fd === 2 ? { ...out, err: sink } : { ...out, out: sink };
        continue;
      }
      if (path === '/dev/stdout' || path === '/proc/1/fd/1') continue;
      if (path === '/dev/stderr' || path === '/proc/1/fd/2') {
        out = r.fd === 2 ? out : { ...out, out: out.err };
        continue;
      }
      const files = this.host.files;
      if (r.op === '>') files.set(path, '');
      else if (!files.has(path)) files.set(path, '');
      const write = (t: string) => files.set(path, (files.get(path) ?? '') + t);
      out = r.fd === 2 ? { ...out, err: write } : { ...out, out: write };
    }
    return out;
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
    else v = this.env.get(n);
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
    if (base === 'sh' || base === 'bash' || base === 'ash') {
      const c = args.indexOf('-c');
      if (c >= 0 && args[c + 1] !== undefined) {
        const sub = new Interp(this.host, { env: new Map(this.env), args: args.slice(c + 2), errexit: args.slice(0, c).some((a) => /^-\w*e/.test(a)) });
        try {
          return yield* sub.list(parseScript(args[c + 1]), io);
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
      // An interactive shell without a terminal reads EOF and exits.
      return 0;
    }
    const program = this.host.program(argv, io);
    if (program) return yield* program;
    io.err(`sh: ${name}: not found\n`);
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
}

/** `$(( … ))`: integer + - * / % with parentheses, comparisons, and variables (unset = 0). */
export function arithmetic(expr: string, env: Map<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_]\w*|\$[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const num = (t: string) => Math.trunc(Number(env.get(t.replace(/^\$/, '')) ?? 0)) || 0;
  const primary = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (t === undefined) return 0;
    return /^\d+$/.test(t) ? Number(t) : num(t);
  };
  const bin = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next();
    while (toks[i] !== undefined && ops[toks[i]]) {
      const op = ops[toks[i++]];
      v = op(v, next());
    }
    return v;
  };
  const mul = bin(primary, { '*': (a, b) => a * b, '/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)), '%': (a, b) => (b === 0 ? 0 : a % b) });
  const add = bin(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = bin(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b), '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = bin(cmp, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const or = bin(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  return or();
}

function async0(fields: string[]): string {
  return fields.join(' ');
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** A builtin or shell tool: a status at once, or a generator when it may pause (`sleep`). */
type Builtin = (sh: Interp, args: string[], io: Io) => number | Generator<Yield, number>;

/** Seconds for `sleep`: `5`, `0.5`, `2m`, `1h`, `infinity`. */
export function sleepMs(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Math.round(Number(m[1]) * unit * 1000);
}

const BUILTINS: Record<string, Builtin> = {
  ':'() {
    return 0;
  },
  true() {
    return 0;
  },
  false() {
    return 1;
  },
  exit(_sh, args): number {
    const code = args[0] === undefined ? 0 : Number(args[0]);
    throw new ShellExit(Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2);
  },
  echo(_sh, args, io) {
    let newline = true;
    let escapes = false;
    while (args[0] === '-n' || args[0] === '-e' || args[0] === '-ne' || args[0] === '-en') {
      const a = args.shift()!;
      if (a.includes('n')) newline = false;
      if (a.includes('e')) escapes = true;
    }
    let text = args.join(' ');
    if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    io.out(newline ? `${text}\n` : text);
    return 0;
  },
  printf(_sh, args, io) {
    const [fmt = '', ...rest] = args;
    let i = 0;
    const out = fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%([sdi%])/g, (_m, k: string) => (k === '%' ? '%' : k === 's' ? (rest[i++] ?? '') : String(Math.trunc(Number(rest[i++] ?? 0)) || 0)));
    io.out(out);
    return 0;
  },
  *sleep(_sh, args, io) {
    const ms = sleepMs(args[0] ?? '');
    if (ms === undefined) {
      io.err(`sleep: invalid number '${args[0] ?? ''}'\n`);
      return 1;
    }
    if (ms === Infinity) {
      for (;;) yield IDLE;
    }
    if (ms > 0) yield { sleep: ms };
    return 0;
  },
  touch(sh, args) {
    for (const a of args) if (!a.startsWith('-') && !sh.hostRef.files.has(sh.path(a))) sh.hostRef.files.set(sh.path(a), '');
    return 0;
  },
  rm(sh, args, io) {
    const force = args.some((a) => /^-\w*f/.test(a));
    let st = 0;
    for (const a of args) {
      if (a.startsWith('-')) continue;
      const p = sh.path(a);
      let found = sh.hostRef.files.delete(p);
      for (const k of Array.from(sh.hostRef.files.keys())) if (k.startsWith(`${p}/`)) found = sh.hostRef.files.delete(k) || found;
      if (!found && !force) {
        io.err(`rm: can't remove '${a}': No such file or directory\n`);
        st = 1;
      }
    }
    return st;
  },
  mkdir() {
    return 0;
  },
  cd(sh, args) {
    sh.setCwd(sh.path(args[0] ?? '/root'));
    return 0;
  },
  pwd(sh, _args, io) {
    io.out(`${sh.getCwd()}\n`);
    return 0;
  },
  cat(sh, args, io) {
    const files = args.filter((a) => !a.startsWith('-') || a === '-');
    if (files.length === 0) {
      io.out(io.stdin);
      return 0;
    }
    let st = 0;
    for (const f of files) {
      const content = f === '-' ? io.stdin : sh.hostRef.files.get(sh.path(f));
      if (content === undefined) {
        io.err(`cat: can't open '${f}': No such file or directory\n`);
        st = 1;
      } else io.out(content);
    }
    return st;
  },
  ls(sh, args, io) {
    const dir = sh.path(args.find((a) => !a.startsWith('-')) ?? sh.getCwd());
    const files = sh.hostRef.files;
    if (files.has(dir)) {
      io.out(`${dir}\n`);
      return 0;
    }
    const names = new Set<string>();
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const k of files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
    if (names.size === 0 && !STANDARD_DIRS.has(dir)) {
      io.err(`ls: ${dir}: No such file or directory\n`);
      return 1;
    }
    if (dir === '/') for (const d of STANDARD_DIRS) if (d !== '/' && d.split('/').length === 2) names.add(d.slice(1));
    if (names.size) io.out(`${[...names].sort().join('\n')}\n`);
    return 0;
  },
  *env(sh, args, io) {
    if (args.length > 0) return yield* sh.exec(args, io);
    for (const [k, v] of sh.vars) io.out(`${k}=${v}\n`);
    return 0;
  },
  printenv(sh, args, io) {
    if (args.length === 0) {
      for (const [k, v] of sh.vars) io.out(`${k}=${v}\n`);
      return 0;
    }
    let st = 0;
    for (const a of args) {
      const v = sh.vars.get(a);
      if (v === undefined) st = 1;
      else io.out(`${v}\n`);
    }
    return st;
  },
  export(sh, args) {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  unset(sh, args) {
    for (const a of args) sh.vars.delete(a);
    return 0;
  },
  set(sh, args) {
    for (const a of args) {
      if (/^-\w*e/.test(a)) sh.setErrexit(true);
      if (/^\+\w*e/.test(a)) sh.setErrexit(false);
    }
    return 0;
  },
  date(sh, _args, io) {
    io.out(`${unixDate(sh.hostRef.now())}\n`);
    return 0;
  },
  hostname(sh, _args, io) {
    io.out(`${sh.hostRef.hostname}\n`);
    return 0;
  },
  ps(sh, _args, io) {
    io.out(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${sh.hostRef.mainCommand ?? 'sh'}\n   ${String(7 + (sh.hostRef.now() % 40)).padStart(2)} root      0:00 ps\n`);
    return 0;
  },
  whoami(_sh, _args, io) {
    io.out('root\n');
    return 0;
  },
  seq(_sh, args, io) {
    const nums = args.map(Number);
    const [first, last] = nums.length === 1 ? [1, nums[0]] : [nums[0], nums[nums.length - 1]];
    const step = nums.length === 3 ? nums[1] : 1;
    for (let i = first; step > 0 ? i <= last : i >= last; i += step) io.out(`${i}\n`);
    return 0;
  },
  test(sh, args) {
    return evalTest(sh, args) ? 0 : 1;
  },
  '['(sh, args) {
    if (args[args.length - 1] !== ']') return 2;
    return evalTest(sh, args.slice(0, -1)) ? 0 : 1;
  },
  '[['(sh, args) {
    return evalTest(sh, args.slice(0, -1)) ? 0 : 1;
  },
  trap() {
    return 0;
  },
  wait() {
    return 0;
  },
  read() {
    return 1;
  },
  *exec(sh, args, io) {
    if (args.length === 0) return 0;
    const st = yield* sh.exec(args, io);
    throw new ShellExit(st);
  },
  wc(_sh, args, io) {
    const lines = io.stdin === '' ? 0 : io.stdin.split('\n').length - (io.stdin.endsWith('\n') ? 1 : 0);
    io.out(args.includes('-l') ? `${lines}\n` : `${lines} ${io.stdin.split(/\s+/).filter(Boolean).length} ${io.stdin.length}\n`);
    return 0;
  },
  head(_sh, args, io) {
    const n = Number(args[args.indexOf('-n') + 1] ?? 10) || 10;
    io.out(io.stdin.split('\n').slice(0, n).join('\n') + (io.stdin ? '\n' : ''));
    return 0;
  },
  grep(_sh, args, io) {
    const pattern = args.find((a) => !a.startsWith('-')) ?? '';
    const lines = io.stdin.split('\n').filter((l) => l.includes(pattern));
    if (lines.length) io.out(`${lines.join('\n')}\n`);
    return lines.length ? 0 : 1;
  },
  tee(sh, args, io) {
    for (const a of args) if (!a.startsWith('-')) sh.hostRef.files.set(sh.path(a), io.stdin);
    io.out(io.stdin);
    return 0;
  },
};

/** Whether `name` is one of the shell's builtins or the busybox/coreutils tools modelled here. */
export function isShellTool(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return Object.hasOwn(BUILTINS, base) || base === 'sh' || base === 'bash' || base === 'ash';
}

const STANDARD_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var']);

function evalTest(sh: Interp, a: string[]): boolean {
  if (a[0] === '!') return !evalTest(sh, a.slice(1));
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    const files = sh.hostRef.files;
    const p = sh.path(a[1]);
    switch (a[0]) {
      case '-z':
        return a[1] === '';
      case '-n':
        return a[1] !== '';
      case '-f':
      case '-r':
      case '-s':
        return files.has(p) && (a[0] !== '-s' || files.get(p) !== '');
      case '-e':
        return files.has(p) || STANDARD_DIRS.has(p) || [...files.keys()].some((k) => k.startsWith(`${p}/`));
      case '-d':
        return STANDARD_DIRS.has(p) || [...files.keys()].some((k) => k.startsWith(`${p}/`));
    }
    return false;
  }
  const [l, op, r] = a;
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '-eq':
      return Number(l) === Number(r);
    case '-ne':
      return Number(l) !== Number(r);
    case '-lt':
      return Number(l) < Number(r);
    case '-le':
      return Number(l) <= Number(r);
    case '-gt':
      return Number(l) > Number(r);
    case '-ge':
      return Number(l) >= Number(r);
  }
  return false;
}
