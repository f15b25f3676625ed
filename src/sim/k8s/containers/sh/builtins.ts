import { IDLE, mountPointsOf, ShellExit, type Io, type ShellApi, type Yield } from './types';
import { LINE_TOOLS } from './lineTools';
import { TEXT_TOOLS } from './textTools';
import { kill } from './signals';
import { hostsEntry } from '../hostsFile';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * busybox (and GNU, C locale) `date`: `"%a %b %e %H:%M:%S %Z %Y"`, e.g.
 * `Sat Mar  1 09:00:00 UTC 2025` (`%e`: day padded with a space); with
 * `dayPad` '0', `%d`: Java's `Date.toString()` in UTC (`Sat Mar 01 …`).
 */
export function unixDate(ms: number, dayPad: ' ' | '0' = ' '): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, dayPad)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** A builtin or shell tool: a status at once, or a generator when it may pause (`sleep`). */
export type Builtin = (sh: ShellApi, args: string[], io: Io) => number | Generator<Yield, number>;

/** Seconds for `sleep`: `5`, `0.5`, `2m`, `1h`, `infinity`. */
export function sleepMs(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Math.round(Number(m[1]) * unit * 1000);
}

export const BUILTINS: Record<string, Builtin> = {
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
    if (ms > 0) {
      io.flush?.();
      yield { sleep: ms };
    }
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
  mkdir(sh, args, io) {
    const files = sh.hostRef.files;
    const parents = args.some((a) => /^-[a-z]*p/.test(a));
    // busybox's words, or GNU coreutils' (the images with bash).
    const cannot = (a: string, why: string) => io.err(sh.hostRef.noBash ? `mkdir: can't create directory '${a}': ${why}\n` : `mkdir: cannot create directory '${a}': ${why}\n`);
    let st = 0;
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const p = sh.path(a);
      if (listDir(files, p) !== undefined) {
        if (!parents) {
          cannot(a, 'File exists');
          st = 1;
        }
        continue;
      }
      if (!parents && listDir(files, p.slice(0, p.lastIndexOf('/')) || '/') === undefined) {
        cannot(a, 'No such file or directory');
        st = 1;
        continue;
      }
      // A directory with nothing in it yet: a key of its own, ending in '/'.
      files.set(`${p}/`, '');
    }
    return st;
  },
  cd(sh, args, io) {
    // `cd`, `cd ~` and `cd ~/dir`: root's home (the containers run as root).
    const a = args[0];
    const dir = sh.path(a === undefined || a === '~' ? '/root' : a.startsWith('~/') ? `/root${a.slice(1)}` : a);
    const found = listDir(sh.hostRef.files, dir);
    if (found === undefined || typeof found === 'string') {
      const why = found === undefined ? 'No such file or directory' : 'Not a directory';
      io.err(sh.bash ? `bash: cd: ${a}: ${why}\n` : `sh: cd: can't cd to ${a}: ${why}\n`);
      return sh.bash ? 1 : 2;
    }
    sh.setCwd(dir);
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
    const operands = args.filter((a) => !a.startsWith('-'));
    // ls lists its operands sorted by name, whatever order they were given in.
    const dirs = operands.length ? operands.map((a) => sh.path(a)).sort() : [sh.path(sh.getCwd())];
    let st = 0;
    let first = true;
    for (const dir of dirs) {
      const names = listDir(sh.hostRef.files, dir);
      if (names === undefined) {
        io.err(`ls: ${dir}: No such file or directory\n`);
        st = 1;
        continue;
      }
      // Several operands: each listing under a `dir:` header, a blank line between them.
      if (dirs.length > 1) io.out(`${first ? '' : '\n'}${typeof names === 'string' ? '' : `${dir}:\n`}`);
      first = false;
      if (typeof names === 'string') io.out(`${names}\n`);
      else if (names.length) io.out(`${names.join('\n')}\n`);
    }
    return st;
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
  kill,
  hostname(sh, args, io) {
    const name = sh.hostRef.hostname;
    // -f: the canonical (first) name of the host's line in /etc/hosts (the pod's full name under a subdomain); -i: its address.
    const flag = args[0];
    const fqdn = flag === '-f' || flag === '--fqdn' || flag === '--long';
    if (fqdn || flag === '-i' || flag === '--ip-address') {
      const entry = hostsEntry(sh.hostRef.files, name);
      io.out(`${entry ? (fqdn ? entry.canonical : entry.address) : name}\n`);
      return 0;
    }
    io.out(`${name}\n`);
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
  tee(sh, args, io) {
    for (const a of args) if (!a.startsWith('-')) sh.hostRef.files.set(sh.path(a), io.stdin);
    io.out(io.stdin);
    return 0;
  },
  ...TEXT_TOOLS,
  ...LINE_TOOLS,
};

/**
 * What `ls` shows for a path: the path itself for a file, the sorted names
 * in a directory (directories are the prefixes of files, the standard ones
 * and volume mount points, which exist even when empty), or undefined.
 */
function listDir(files: Map<string, string>, dir: string): string | string[] | undefined {
  if (files.has(dir)) return dir;
  const names = new Set<string>();
  const prefix = dir === '/' ? '/' : `${dir}/`;
  let exists = STANDARD_DIRS.has(dir);
  for (const k of files.keys()) {
    if (k === prefix) exists = true;
    else if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
  }
  for (const m of mountPointsOf(files)) {
    if (m === dir) exists = true;
    else if (m.startsWith(prefix)) names.add(m.slice(prefix.length).split('/')[0]);
  }
  if (names.size === 0 && !exists) return undefined;
  if (dir === '/') for (const d of STANDARD_DIRS) if (d !== '/' && d.split('/').length === 2) names.add(d.slice(1));
  return [...names].sort();
}

/** Whether `name` is one of the shell's builtins or the busybox/coreutils tools modelled here. */
export function isShellTool(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return Object.hasOwn(BUILTINS, base) || base === 'sh' || base === 'bash' || base === 'ash';
}

export const STANDARD_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var']);

function evalTest(sh: ShellApi, a: string[]): boolean {
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
