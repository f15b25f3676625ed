import type { FileSource } from '../types';
import { absolutePath, baseName, joinTyped, parentOf, resolvePath, within } from './paths';

/** What a workspace path names. */
export type Kind = 'file' | 'dir';

/** An entry of a folder. */
export interface DirEntry {
  name: string;
  kind: Kind;
}

/**
 * The learner's files as a shell sees them: folders, a working folder
 * (`cd`), and the times `ls -l` shows. The files themselves stay with the
 * host (`inner`: the editor's tabs in the browser, disk and memory in the
 * CLI), keyed by workspace path (`base/web.yaml`); a folder exists while a
 * file is in it or since `mkdir` made it (an empty folder lives as long as
 * the shell, as an empty folder is no file for a share link to carry).
 * Every command reads through `view`, so relative paths start at the
 * working folder.
 */
export class Workspace {
  /** The working folder, a workspace path (`` is home). */
  cwd = '';
  /** The folder `cd -` goes back to (bash's OLDPWD), once `cd` has moved. */
  oldCwd: string | undefined;
  /** Folders made by `mkdir`, whether or not a file is in them now. */
  private readonly made = new Set<string>();
  /** Per path, the contents last seen and since when (virtual ms): a file changed in the editor is as new as the first look after it. */
  private readonly seen = new Map<string, { content: string | undefined; at: number }>();
  private startedAt: number;
  /** Every command's files: paths resolved from the working folder. */
  readonly view: FileSource;

  constructor(
    private readonly inner: FileSource,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
    this.view = this.makeView();
  }

  /** Takes the working folder, the folders made and the times seen of `other` (a replayed link's shell, whose session the page goes on with). */
  copyFrom(other: Workspace): void {
    this.cwd = other.cwd;
    this.oldCwd = other.oldCwd;
    this.startedAt = other.startedAt;
    this.made.clear();
    for (const d of other.made) this.made.add(d);
    this.seen.clear();
    for (const [k, v] of other.seen) this.seen.set(k, { ...v });
  }

  /** The workspace path a typed path names from the working folder (undefined: outside the home folder). */
  resolve(path: string): string | undefined {
    return resolvePath(this.cwd, path);
  }

  /** Whether `ws` is a file, a folder, or nothing. */
  kind(ws: string): Kind | undefined {
    if (ws === '') return 'dir';
    if (this.inner.read(ws) !== undefined) return 'file';
    // The host's list knows its folders (a folder of the editor's is one while a file is below it).
    return this.made.has(ws) || this.inner.list?.(ws) !== undefined ? 'dir' : undefined;
  }

  /** The entries directly inside folder `ws`, sorted as the C locale sorts (bytewise). */
  entries(ws: string): DirEntry[] {
    const byName = new Map<string, Kind>();
    const prefix = ws === '' ? '' : `${ws}/`;
    const add = (p: string, kind: Kind) => {
      if (!p.startsWith(prefix) || p === ws) return;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) byName.set(rest, byName.get(rest) === 'dir' ? 'dir' : kind);
      else byName.set(rest.slice(0, slash), 'dir');
    };
    for (const p of this.allPaths()) add(p, 'file');
    for (const d of this.made) add(d, 'dir');
    for (const p of this.inner.list?.(ws) ?? []) {
      const name = baseName(p);
      if (!byName.has(name)) byName.set(name, this.inner.read(ws === '' ? name : `${ws}/${name}`) !== undefined ? 'file' : 'dir');
    }
    return [...byName].map(([name, kind]) => ({ name, kind })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every file's workspace path, as far as the host can list them. */
  private allPaths(): string[] {
    return this.inner.paths?.() ?? [];
  }

  read(ws: string): string | undefined {
    return this.inner.read(ws);
  }

  /** Writes a file (creating it): the error text after `path: ` as the tools word it, or undefined. */
  write(ws: string, text: string): string | undefined {
    if (ws === '' || this.kind(ws) === 'dir') return 'Is a directory';
    const parent = parentOf(ws);
    const pk = this.kind(parent);
    if (pk === undefined) return 'No such file or directory';
    if (pk === 'file') return 'Not a directory';
    if (!this.inner.write) return 'writing files is not simulated here';
    const creating = this.inner.read(ws) === undefined;
    const problem = this.inner.write(ws, text);
    if (problem !== undefined) return problem.startsWith(`${ws}: `) ? problem.slice(ws.length + 2) : problem;
    this.touched(ws, text);
    if (creating) this.touched(parent);
    return undefined;
  }

  /** Makes folder `ws` (its parent must be one): the error after `cannot create directory 'X': `, or undefined. */
  mkdir(ws: string): string | undefined {
    if (this.kind(ws) !== undefined) return 'File exists';
    const pk = this.kind(parentOf(ws));
    if (pk === undefined) return 'No such file or directory';
    if (pk === 'file') return 'Not a directory';
    this.made.add(ws);
    this.touched(ws);
    this.touched(parentOf(ws));
    return undefined;
  }

  /** Removes a file: the error text, or undefined. */
  removeFile(ws: string): string | undefined {
    if (!this.inner.remove) return 'Operation not permitted';
    const problem = this.inner.remove(ws);
    if (problem !== undefined) return problem;
    this.seen.delete(ws);
    this.keepParents(ws);
    this.touched(parentOf(ws));
    return undefined;
  }

  /** Moves file `from` to `to` (a new name in an existing folder): renamed in place when the host can, else copied and removed. */
  moveFile(from: string, to: string): string | undefined {
    if (!this.inner.rename) {
      const problem = this.write(to, this.inner.read(from) ?? '');
      return problem ?? this.removeFile(from);
    }
    const pk = this.kind(parentOf(to));
    if (pk === undefined) return 'No such file or directory';
    if (pk === 'file') return 'Not a directory';
    if (this.inner.read(to) !== undefined) {
      const gone = this.removeFile(to);
      if (gone !== undefined) return gone;
    }
    const problem = this.inner.rename(from, to);
    if (problem !== undefined) return problem;
    const seen = this.seen.get(from);
    this.seen.delete(from);
    if (seen) this.seen.set(to, seen);
    this.keepParents(from);
    this.touched(parentOf(from));
    this.touched(parentOf(to));
    return undefined;
  }

  /** Removes an empty folder: the error text, or undefined. */
  removeDir(ws: string): string | undefined {
    // The home folder sits in /home, which only root may change: `rm -r ~` empties it, then says so.
    if (ws === '') return 'Permission denied';
    if (this.entries(ws).length > 0) return 'Directory not empty';
    this.made.delete(ws);
    this.seen.delete(ws);
    if (within(this.cwd, ws)) this.cwd = parentOf(ws);
    this.touched(parentOf(ws));
    return undefined;
  }

  /** A file's last change and a folder's, in virtual ms (the shell's start for what it never saw change). */
  mtime(ws: string): number {
    const content = this.kind(ws) === 'file' ? this.inner.read(ws) : undefined;
    const rec = this.seen.get(ws);
    if (rec === undefined) {
      this.seen.set(ws, { content, at: this.startedAt });
      return this.startedAt;
    }
    if (rec.content !== content) {
      rec.content = content;
      rec.at = this.now();
    }
    return rec.at;
  }

  /** Sets a file's or folder's time to now. */
  touched(ws: string, content?: string): void {
    this.seen.set(ws, { content: content ?? (this.kind(ws) === 'file' ? this.inner.read(ws) : undefined), at: this.now() });
  }

  /** The folders a removed file leaves behind stay folders (a file was all that made them). */
  private keepParents(ws: string): void {
    for (let d = parentOf(ws); d !== ''; d = parentOf(d)) this.made.add(d);
  }

  /**
   * A relative path that climbs out of the home folder, as the host may
   * still have it (the CLI's disk: a script's `-f ../pod.yaml` beside its
   * folder); undefined for any other path outside.
   */
  private outside(path: string): string | undefined {
    if (path.startsWith('/') || path.startsWith('~')) return undefined;
    return this.cwd === '' ? path : `${this.cwd}/${path}`;
  }

  private makeView(): FileSource {
    const at = (path: string) => this.resolve(path);
    return {
      read: (path) => {
        const ws = at(path);
        if (ws !== undefined) return ws === '' ? undefined : this.inner.read(ws);
        const beyond = this.outside(path);
        return beyond === undefined ? undefined : this.inner.read(beyond);
      },
      list: (path) => {
        const ws = at(path);
        if (ws === undefined) {
          const beyond = this.outside(path);
          return beyond === undefined ? undefined : this.inner.list?.(beyond)?.map((p) => joinTyped(path, baseName(p)));
        }
        if (this.kind(ws) !== 'dir') return undefined;
        return this.entries(ws).map((e) => joinTyped(path, e.name));
      },
      absolute: (path) => {
        const ws = at(path);
        return ws === undefined ? cleanAbsolute(path.startsWith('/') ? path : `${absolutePath(this.cwd)}/${path}`) : absolutePath(ws);
      },
      write: (path, text) => {
        const ws = at(path);
        const problem = ws === undefined ? 'No such file or directory' : this.write(ws, text);
        return problem === undefined ? undefined : `${path}: ${problem}`;
      },
    };
  }
}

/** An absolute path with its `.` and `..` resolved (`/home/learner/../x` → `/home/x`). */
function cleanAbsolute(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

/** The variables bash sets for the working folder and the learner: `HOME`, `PWD`, `OLDPWD` (once `cd` moved), `USER`. */
export function workspaceVariable(ws: Workspace, name: string): string | undefined {
  if (name === 'HOME') return absolutePath('');
  if (name === 'PWD') return absolutePath(ws.cwd);
  if (name === 'OLDPWD') return ws.oldCwd === undefined ? undefined : absolutePath(ws.oldCwd);
  if (name === 'USER' || name === 'LOGNAME') return 'learner';
  return undefined;
}
