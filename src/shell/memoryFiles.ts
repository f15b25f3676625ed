import type { FileSource } from './types';

/** Normalises `./web.yaml`, `/web.yaml` and `web.yaml` to the same key. */
export function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/**
 * A `FileSource` over files held in memory (the editor's tabs). `read`
 * looks at the current contents each time, so edits are seen by the next
 * `kubectl apply -f`. With `write` (the host's: it sets a file, creating
 * it, or says why not), `> file` writes one; the files live in one folder,
 * so a path into a folder does not exist, as bash would say.
 */
export function memoryFiles(current: () => Readonly<Record<string, string>>, write?: (name: string, text: string) => string | undefined): FileSource {
  return {
    write: write
      ? (path, text) => {
          const name = normalisePath(path);
          if (name === '' || name.includes('/')) return `${path}: No such file or directory`;
          const problem = write(name, text);
          return problem === undefined ? undefined : `${path}: ${problem}`;
        }
      : undefined,
    read(path) {
      const files = current();
      const name = normalisePath(path);
      // Own files only: `constructor` or `__proto__` are file names here, not the object's machinery.
      return Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
    },
    list(path) {
      const dir = normalisePath(path);
      const names = Object.keys(current());
      if (dir === '' || dir === '.') return names.filter((n) => !n.includes('/'));
      const prefix = `${dir}/`;
      const inside = names.filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('/'));
      return inside.length > 0 ? inside : undefined;
    },
  };
}
