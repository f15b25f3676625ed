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
