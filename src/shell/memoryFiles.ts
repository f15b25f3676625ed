import type { FileSource } from './types';

/** Normalises `./web.yaml`, `/web.yaml` and `web.yaml` to the same key. */
export function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/**
 * A `FileSource` over files held in memory (the editor's tabs), keyed by
 * their path in the learner's home folder (`web.yaml`, `base/web.yaml`).
 * `read` looks at the current contents each time, so edits are seen by the
 * next `kubectl apply -f`. With `write` (the host's: it sets a file,
 * creating it, or says why not), `> file` writes one; with `remove`, `rm`
 * removes one; with `rename`, `mv` renames one in place. The shell's workspace (`Workspace`) resolves paths and
 * keeps the folders; here a path is a key.
 */
export function memoryFiles(
  current: () => Readonly<Record<string, string>>,
  write?: (name: string, text: string) => string | undefined,
  remove?: (name: string) => void,
  rename?: (from: string, to: string) => string | undefined,
): FileSource {
  // Own files only: `constructor` or `__proto__` are file names here, not the object's machinery.
  const has = (files: Readonly<Record<string, string>>, name: string) => Object.prototype.hasOwnProperty.call(files, name);
  return {
    write: write
      ? (path, text) => {
          const name = normalisePath(path);
          if (name === '') return `${path}: No such file or directory`;
          const problem = write(name, text);
          return problem === undefined ? undefined : `${path}: ${problem}`;
        }
      : undefined,
    remove: remove
      ? (path) => {
          const name = normalisePath(path);
          if (!has(current(), name)) return 'No such file or directory';
          remove(name);
          return undefined;
        }
      : undefined,
    rename: rename && ((from, to) => rename(normalisePath(from), normalisePath(to))),
    read(path) {
      const files = current();
      const name = normalisePath(path);
      return has(files, name) ? files[name] : undefined;
    },
    list(path) {
      const dir = normalisePath(path);
      const names = Object.keys(current());
      if (dir === '' || dir === '.') return names.filter((n) => !n.includes('/'));
      // A folder is there while a file is anywhere below it; its list holds the files directly in it.
      const prefix = `${dir}/`;
      const below = names.filter((n) => n.startsWith(prefix));
      return below.length > 0 ? below.filter((n) => !n.slice(prefix.length).includes('/')) : undefined;
    },
    paths: () => Object.keys(current()),
  };
}
