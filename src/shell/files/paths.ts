/**
 * Paths at the learner's prompt. The editor's files live in the learner's
 * home folder, `HOME`; a workspace path is a path inside it, cleaned:
 * no `.` or `..` segments, no leading, trailing or doubled slash, and `''`
 * for the home folder itself (`base/kustomization.yaml`).
 */

/** The learner's home folder, where the prompt starts and the editor's files live (kubeconfig sits in its `.kube`). */
export const HOME = '/home/learner';

/**
 * The workspace path `path` names when typed in folder `cwd` (a workspace
 * path): relative to `cwd`, absolute, or from `~`. Undefined when it names a
 * place outside the home folder (`/etc/hosts`, `..` from home).
 *
 * @example resolvePath('overlays/dev', '../../base') // 'base'
 */
export function resolvePath(cwd: string, path: string): string | undefined {
  const home = HOME.slice(1).split('/');
  let segments: string[];
  let rest = path;
  if (path === '~' || path.startsWith('~/')) {
    segments = [...home];
    rest = path.slice(1);
  } else if (path.startsWith('/')) segments = [];
  else segments = cwd === '' ? [...home] : [...home, ...cwd.split('/')];
  for (const s of rest.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  if (segments.length < home.length || home.some((h, i) => segments[i] !== h)) return undefined;
  return segments.slice(home.length).join('/');
}

/** The absolute path of a workspace path (`base` → `/home/learner/base`). */
export function absolutePath(ws: string): string {
  return ws === '' ? HOME : `${HOME}/${ws}`;
}

/** The last segment of a path (`base/web.yaml` → `web.yaml`); GNU's basename of `a/b/` is `b`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? (path.startsWith('/') ? '/' : '') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The folder of a workspace path (`base/web.yaml` → `base`, `web.yaml` → ``). */
export function parentOf(ws: string): string {
  const i = ws.lastIndexOf('/');
  return i < 0 ? '' : ws.slice(0, i);
}

/** `dir` and `name` joined as a user would type them (`.` and `` drop out; one slash between). */
export function joinTyped(dir: string, name: string): string {
  if (dir === '' || dir === '.' || dir === './') return name;
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Whether workspace path `ws` is `dir` or inside it. */
export function within(ws: string, dir: string): boolean {
  return dir === '' || ws === dir || ws.startsWith(`${dir}/`);
}
