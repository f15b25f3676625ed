import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileSource } from '../shell/index';

/** `-f` paths read from disk, relative to `baseDir` (the script's folder). */
export function diskFilesFor(baseDir: string): FileSource {
  const full = (p: string) => resolve(baseDir, p);
  return {
    read(p) {
      const f = full(p);
      return existsSync(f) && statSync(f).isFile() ? readFileSync(f, 'utf8') : undefined;
    },
    list(p) {
      const f = full(p);
      if (!existsSync(f) || !statSync(f).isDirectory()) return undefined;
      return readdirSync(f).map((name) => join(p, name));
    },
  };
}

/**
 * `files` with the files a script writes (`> pods.txt`) kept in memory over
 * them: later commands read what was written; the disk is never written.
 */
export function withWrittenFiles(files: FileSource): FileSource {
  const written = new Map<string, string>();
  const key = (p: string) => p.replace(/^(\.\/)+/, '');
  return {
    read: (p) => written.get(key(p)) ?? files.read(p),
    list: files.list && ((p) => files.list!(p)),
    write: (p, text) => {
      if (key(p) === '' || key(p).includes('/')) return `${p}: No such file or directory`;
      written.set(key(p), text);
      return undefined;
    },
  };
}
