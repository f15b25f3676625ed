import type { Workspace } from './workspace';

/**
 * Tab completion of a path as bash completes file names: the entries of the
 * folder typed so far that start with the rest (`ba` → `base/`, `base/k`
 * → `base/kustomization.yaml`), a folder with its `/` so that completion
 * can go on into it. Hidden entries only when the word starts with a dot.
 */
export function completePaths(ws: Workspace, current: string, dirsOnly = false): string[] {
  const slash = current.lastIndexOf('/');
  const typedDir = slash < 0 ? '' : current.slice(0, slash + 1);
  const partial = current.slice(slash + 1);
  const dir = ws.resolve(typedDir === '' ? '.' : typedDir);
  if (dir === undefined || ws.kind(dir) !== 'dir') return [];
  return ws
    .entries(dir)
    .filter((e) => (!dirsOnly || e.kind === 'dir') && e.name.startsWith(partial) && (partial.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => `${typedDir}${e.name}${e.kind === 'dir' ? '/' : ''}`);
}
