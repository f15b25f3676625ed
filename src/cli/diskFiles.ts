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

/** Every file under `baseDir`, as paths relative to it (`base/web.yaml`). */
function walk(baseDir: string, rel = ''): string[] {
  const dir = rel === '' ? baseDir : join(baseDir, rel);
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = rel === '' ? name : `${rel}/${name}`;
    if (statSync(join(baseDir, p)).isDirectory()) out.push(...walk(baseDir, p));
    else out.push(p);
  }
  return out;
}

/**
 * `files` with the files a script writes (`> pods.txt`) or removes (`rm`)
 * kept in memory over them: later commands read what was written; the disk
 * is never written. `baseDir` (the folder `files` reads) lets the folders
 * of the disk be listed.
 */
export function withWrittenFiles(files: FileSource, baseDir?: string): FileSource {
  const written = new Map<string, string>();
  const removed = new Set<string>();
  const key = (p: string) => p.replace(/^(\.\/)+/, '');
  return {
    read: (p) => (removed.has(key(p)) ? undefined : (written.get(key(p)) ?? files.read(p))),
    list: files.list && ((p) => files.list!(p)?.filter((c) => !removed.has(key(c)))),
    write: (p, text) => {
      if (key(p) === '') return `${p}: No such file or directory`;
      written.set(key(p), text);
      removed.delete(key(p));
      return undefined;
    },
    remove: (p) => {
      if (written.get(key(p)) === undefined && (removed.has(key(p)) || files.read(p) === undefined)) return 'No such file or directory';
      written.delete(key(p));
      removed.add(key(p));
      return undefined;
    },
    paths: () => {
      const onDisk = baseDir !== undefined && existsSync(baseDir) ? walk(baseDir) : [];
      return [...new Set([...onDisk, ...written.keys()])].filter((p) => !removed.has(p));
    },
  };
}
