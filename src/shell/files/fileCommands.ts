import { parseOptions, type OptSpec } from '../../lib/filters/filter';
import { absolutePath, baseName, within } from './paths';
import type { Workspace } from './workspace';

/**
 * The coreutils a tutorial types to shape its files — `mkdir`, `rmdir`,
 * `rm`, `touch`, `cp`, `mv` — and bash's `cd` and `pwd`, over the learner's
 * workspace, with GNU coreutils 9's options, messages and exit statuses
 * (C locale: ASCII quotes).
 */

export interface FileIo {
  out(text: string): void;
  err(text: string): void;
}

type Run = (ws: Workspace, args: readonly string[], io: FileIo) => number;

/** Parses options the GNU way; a bad one is said with `Try 'NAME --help'…` and gives `undefined`. */
function options(name: string, args: readonly string[], spec: OptSpec, io: FileIo): { flags: Set<string>; operands: string[] } | undefined {
  const parsed = parseOptions(name, args, spec);
  if ('error' in parsed) {
    io.err(`${parsed.error}Try '${name} --help' for more information.\n`);
    return undefined;
  }
  return { flags: new Set(parsed.opts.map((o) => o.key)), operands: parsed.operands };
}

function usageError(name: string, message: string, io: FileIo): number {
  io.err(`${name}: ${message}\nTry '${name} --help' for more information.\n`);
  return 1;
}

/** mkdir's and rmdir's options: -p (the parents too), -v (say each). */
const PARENTS_VERBOSE: OptSpec = { flags: 'pv', withValue: '', long: { parents: { key: 'p', value: false }, verbose: { key: 'v', value: false } } };

const mkdir: Run = (ws, args, io) => {
  const o = options('mkdir', args, PARENTS_VERBOSE, io);
  if (!o) return 1;
  if (o.operands.length === 0) return usageError('mkdir', 'missing operand', io);
  let code = 0;
  for (const typed of o.operands) {
    const at = ws.resolve(typed);
    if (at === undefined) {
      io.err(`mkdir: cannot create directory '${typed}': Permission denied\n`);
      code = 1;
      continue;
    }
    const chain = o.flags.has('p') ? ancestors(at) : [at];
    for (const dir of chain) {
      if (o.flags.has('p') && ws.kind(dir) === 'dir') continue;
      const problem = ws.mkdir(dir);
      if (problem !== undefined) {
        // With -p a file in the way is named as the folder that could not be made.
        io.err(`mkdir: cannot create directory '${o.flags.has('p') ? typedFor(typed, at, dir) : typed}': ${o.flags.has('p') && problem === 'File exists' ? 'Not a directory' : problem}\n`);
        code = 1;
        break;
      }
      if (o.flags.has('v')) io.out(`mkdir: created directory '${typedFor(typed, at, dir)}'\n`);
    }
  }
  return code;
};

/** `ws` and the folders above it, outermost first (`a/b/c` → `a`, `a/b`, `a/b/c`). */
function ancestors(ws: string): string[] {
  const parts = ws.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** How the learner would name folder `dir`, an ancestor of `at` which they typed as `typed` (`d/e` for `d` → `d`). */
function typedFor(typed: string, at: string, dir: string): string {
  if (dir === at) return typed;
  const extra = at.slice(dir.length).split('/').filter(Boolean).length;
  let t = typed.replace(/\/+$/, '');
  for (let i = 0; i < extra; i++) t = t.slice(0, Math.max(0, t.lastIndexOf('/')));
  return t === '' ? absolutePath(dir) : t;
}

const rmdir: Run = (ws, args, io) => {
  const o = options('rmdir', args, PARENTS_VERBOSE, io);
  if (!o) return 1;
  if (o.operands.length === 0) return usageError('rmdir', 'missing operand', io);
  let code = 0;
  const removeOne = (typed: string, parent: boolean): boolean => {
    const at = ws.resolve(typed);
    const kind = at === undefined ? undefined : ws.kind(at);
    if (o.flags.has('v')) io.out(`rmdir: removing directory, '${typed}'\n`);
    const problem = baseName(typed) === '.' ? 'Invalid argument' : at === undefined || kind === undefined ? 'No such file or directory' : kind === 'file' ? 'Not a directory' : ws.removeDir(at);
    if (problem !== undefined) io.err(`rmdir: failed to remove ${parent ? 'directory ' : ''}'${typed}': ${problem}\n`);
    return problem === undefined;
  };
  for (const typed of o.operands) {
    let ok = removeOne(typed, false);
    // -p: then each folder the operand names above it, as typed (a/b/c, a/b, a), while they empty.
    for (let up = typed.replace(/\/+$/, ''); ok && o.flags.has('p') && up.includes('/'); ) {
      up = up.slice(0, up.lastIndexOf('/'));
      ok = removeOne(up, true);
    }
    if (!ok) code = 1;
  }
  return code;
};

/** Removes `at` and what is in it, deepest first (`rm -r`); says each with -v. */
function removeTree(ws: Workspace, at: string, typed: string, verbose: boolean, io: FileIo): boolean {
  let ok = true;
  for (const e of ws.entries(at)) {
    const child = `${at}/${e.name}`;
    const shown = `${typed.replace(/\/+$/, '')}/${e.name}`;
    if (e.kind === 'dir') ok = removeTree(ws, child, shown, verbose, io) && ok;
    else ok = removeOne(ws, child, shown, verbose, io) && ok;
  }
  if (!ok) return false;
  const problem = ws.removeDir(at);
  if (problem !== undefined) {
    io.err(`rm: cannot remove '${typed}': ${problem}\n`);
    return false;
  }
  if (verbose) io.out(`removed directory '${typed}'\n`);
  return true;
}

function removeOne(ws: Workspace, at: string, typed: string, verbose: boolean, io: FileIo): boolean {
  const problem = ws.removeFile(at);
  if (problem !== undefined) {
    io.err(`rm: cannot remove '${typed}': ${problem}\n`);
    return false;
  }
  if (verbose) io.out(`removed '${typed}'\n`);
  return true;
}

const rm: Run = (ws, args, io) => {
  const o = options('rm', args, { flags: 'frRdvi', withValue: '', long: { force: { key: 'f', value: false }, recursive: { key: 'r', value: false }, dir: { key: 'd', value: false }, verbose: { key: 'v', value: false } } }, io);
  if (!o) return 1;
  if (o.flags.has('i')) {
    io.err('rm: -i is not simulated: this terminal cannot ask; leave it out\n');
    return 1;
  }
  const force = o.flags.has('f');
  const recursive = o.flags.has('r') || o.flags.has('R');
  if (o.operands.length === 0) return force ? 0 : usageError('rm', 'missing operand', io);
  let code = 0;
  for (const typed of o.operands) {
    const last = baseName(typed);
    if (recursive && (last === '.' || last === '..')) {
      io.err(`rm: refusing to remove '.' or '..' directory: skipping '${typed}'\n`);
      code = 1;
      continue;
    }
    const at = ws.resolve(typed);
    const kind = at === undefined ? undefined : ws.kind(at);
    if (at === undefined || kind === undefined) {
      if (!force) {
        io.err(`rm: cannot remove '${typed}': No such file or directory\n`);
        code = 1;
      }
      continue;
    }
    if (kind === 'file') {
      if (!removeOne(ws, at, typed, o.flags.has('v'), io)) code = 1;
    } else if (recursive) {
      if (!removeTree(ws, at, typed, o.flags.has('v'), io)) code = 1;
    } else if (o.flags.has('d') && ws.entries(at).length === 0) {
      ws.removeDir(at);
      if (o.flags.has('v')) io.out(`removed directory '${typed}'\n`);
    } else {
      io.err(`rm: cannot remove '${typed}': ${o.flags.has('d') ? 'Directory not empty' : 'Is a directory'}\n`);
      code = 1;
    }
  }
  return code;
};

const touch: Run = (ws, args, io) => {
  const o = options('touch', args, { flags: 'c', withValue: '', long: { 'no-create': { key: 'c', value: false } } }, io);
  if (!o) return 1;
  if (o.operands.length === 0) return usageError('touch', 'missing file operand', io);
  let code = 0;
  for (const typed of o.operands) {
    const at = ws.resolve(typed);
    const kind = at === undefined ? undefined : ws.kind(at);
    if (at !== undefined && kind !== undefined) {
      ws.touched(at);
      continue;
    }
    if (o.flags.has('c')) continue;
    const problem = at === undefined ? 'Permission denied' : ws.write(at, '');
    if (problem !== undefined) {
      io.err(`touch: cannot touch '${typed}': ${problem}\n`);
      code = 1;
    }
  }
  return code;
};

/** Copies (or moves) what `from` names to `to` (a new name); files one by one, a folder with what is in it. */
function transfer(ws: Workspace, from: string, to: string, move: boolean, copied: (suffix: string) => void, suffix = ''): string | undefined {
  if (ws.kind(from) === 'file') {
    const problem = move ? ws.moveFile(from, to) : ws.write(to, ws.read(from) ?? '');
    if (problem === undefined) copied(suffix);
    return problem;
  }
  if (ws.kind(to) === undefined) {
    const problem = ws.mkdir(to);
    if (problem !== undefined) return problem;
  }
  copied(suffix);
  for (const e of ws.entries(from)) {
    const problem = transfer(ws, `${from}/${e.name}`, `${to}/${e.name}`, move, copied, `${suffix}/${e.name}`);
    if (problem !== undefined) return problem;
  }
  return move ? ws.removeDir(from) : undefined;
}

/** `cp` and `mv`: SOURCE DEST, or SOURCE… FOLDER. */
function copyOrMove(name: 'cp' | 'mv'): Run {
  return (ws, args, io) => {
    const spec: OptSpec = name === 'cp' ? { flags: 'rRvf', withValue: '', long: { recursive: { key: 'r', value: false }, verbose: { key: 'v', value: false }, force: { key: 'f', value: false } } } : { flags: 'vf', withValue: '', long: { verbose: { key: 'v', value: false }, force: { key: 'f', value: false } } };
    const o = options(name, args, spec, io);
    if (!o) return 1;
    if (o.operands.length === 0) return usageError(name, 'missing file operand', io);
    if (o.operands.length === 1) return usageError(name, `missing destination file operand after '${o.operands[0]}'`, io);
    const sources = o.operands.slice(0, -1);
    const destTyped = o.operands[o.operands.length - 1];
    const dest = ws.resolve(destTyped);
    const destKind = dest === undefined ? undefined : ws.kind(dest);
    if (sources.length > 1 && destKind !== 'dir') {
      io.err(`${name}: target '${destTyped}': ${destKind === 'file' ? 'Not a directory' : 'No such file or directory'}\n`);
      return 1;
    }
    let code = 0;
    for (const typed of sources) {
      const from = ws.resolve(typed);
      const kind = from === undefined ? undefined : ws.kind(from);
      if (from === undefined || kind === undefined || dest === undefined) {
        io.err(from === undefined || kind === undefined ? `${name}: cannot stat '${typed}': No such file or directory\n` : `${name}: cannot create regular file '${destTyped}': Permission denied\n`);
        code = 1;
        continue;
      }
      if (name === 'cp' && kind === 'dir' && !o.flags.has('r') && !o.flags.has('R')) {
        io.err(`cp: -r not specified; omitting directory '${typed}'\n`);
        code = 1;
        continue;
      }
      const into = destKind === 'dir';
      const to = into ? (dest === '' ? baseName(from) : `${dest}/${baseName(from)}`) : dest;
      const toTyped = into ? `${destTyped.replace(/\/+$/, '')}/${baseName(typed)}` : destTyped;
      if (to === from) {
        io.err(name === 'cp' ? `cp: '${typed}' and '${toTyped}' are the same file\n` : `mv: '${typed}' and '${toTyped}' are the same file\n`);
        code = 1;
        continue;
      }
      if (kind === 'dir' && within(to, from)) {
        io.err(name === 'cp' ? `cp: cannot copy a directory, '${typed}', into itself, '${toTyped}'\n` : `mv: cannot move '${typed}' to a subdirectory of itself, '${toTyped}'\n`);
        code = 1;
        continue;
      }
      if (kind === 'dir' && ws.kind(to) === 'file') {
        io.err(`${name}: cannot overwrite non-directory '${toTyped}' with directory '${typed}'\n`);
        code = 1;
        continue;
      }
      if (kind === 'file' && ws.kind(to) === 'dir') {
        io.err(`${name}: cannot overwrite directory '${toTyped}' with non-directory\n`);
        code = 1;
        continue;
      }
      if (name === 'mv' && kind === 'dir' && within(ws.cwd, from)) ws.cwd = to + ws.cwd.slice(from.length);
      // cp -v names each file and folder it copies; mv -v the one it renames.
      const said = (suffix: string) => {
        if (o.flags.has('v') && (name === 'cp' || suffix === '')) io.out(`${name === 'mv' ? 'renamed ' : ''}'${typed}${suffix}' -> '${toTyped}${suffix}'\n`);
      };
      const problem = transfer(ws, from, to, name === 'mv', said);
      if (problem !== undefined) {
        io.err(`${name}: cannot create regular file '${toTyped}': ${problem}\n`);
        code = 1;
      }
    }
    return code;
  };
}

/** bash's `cd [DIR]`: home without one, `-` the folder before (printed); errors as bash prints a builtin's. */
const cd: Run = (ws, args, io) => {
  const operands = args[0] === '--' ? args.slice(1) : args;
  if (operands.length > 1) {
    io.err('bash: cd: too many arguments\n');
    return 1;
  }
  const typed = operands[0] ?? '~';
  if (typed === '-') {
    if (ws.oldCwd === undefined) {
      io.err('bash: cd: OLDPWD not set\n');
      return 1;
    }
    const back = ws.oldCwd;
    ws.oldCwd = ws.cwd;
    ws.cwd = back;
    io.out(`${absolutePath(back)}\n`);
    return 0;
  }
  const at = ws.resolve(typed);
  if (at === undefined) {
    io.err(`bash: cd: ${typed}: not simulated: the playground's files live in ${absolutePath('')} (cd ~ goes back there)\n`);
    return 1;
  }
  const kind = ws.kind(at);
  if (kind !== 'dir') {
    io.err(`bash: cd: ${typed}: ${kind === 'file' ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  ws.oldCwd = ws.cwd;
  ws.cwd = at;
  return 0;
};

const pwd: Run = (ws, args, io) => {
  const bad = args.find((a) => a.startsWith('-') && a !== '-L' && a !== '-P');
  if (bad !== undefined) {
    io.err(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
    return 2;
  }
  io.out(`${absolutePath(ws.cwd)}\n`);
  return 0;
};

/** The commands by name, with their line in `help`. */
export const FILE_COMMANDS: ReadonlyMap<string, { run: Run; usage: string; summary: string }> = new Map([
  ['cd', { run: cd, usage: 'cd [DIR]', summary: 'change the working folder (home: /home/learner, where the editor’s files are)' }],
  ['pwd', { run: pwd, usage: 'pwd', summary: 'print the working folder' }],
  ['mkdir', { run: mkdir, usage: 'mkdir [-p -v] DIR…', summary: 'make folders (base/, overlays/dev/ for kustomize)' }],
  ['rmdir', { run: rmdir, usage: 'rmdir DIR…', summary: 'remove empty folders' }],
  ['rm', { run: rm, usage: 'rm [-r -f -d -v] FILE…', summary: 'remove files (and folders with -r)' }],
  ['touch', { run: touch, usage: 'touch FILE…', summary: 'make an empty file' }],
  ['cp', { run: copyOrMove('cp'), usage: 'cp [-r -v] SOURCE… DEST', summary: 'copy files (folders with -r)' }],
  ['mv', { run: copyOrMove('mv'), usage: 'mv [-v] SOURCE… DEST', summary: 'move or rename files and folders' }],
]);

