import type { FileSource } from './types';

/** Normalises `./web.yaml`, `/web.yaml` and `web.yaml` to the same key. */
export function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/**
 * A `FileSource` over files held in memory (the editor's tabs, later). `read`
 * looks at the current contents each time, so edits are seen by the next
 * `kubectl apply -f`.
 */
export function memoryFiles(current: () => Readonly<Record<string, string>>): FileSource {
  return {
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
