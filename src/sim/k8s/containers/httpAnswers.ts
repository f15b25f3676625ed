import type { ImageProfile } from '../images/catalog';

/**
 * What a container's server answers an HTTP GET with, once something
 * listens on the port: the liveness demo's 500s after its time is up,
 * agnhost's liveness routes, a static web server's files, or the image's
 * table of answers by path.
 */
export function httpStatus(p: ImageProfile, startedAt: number, agnhostLivenessSince: number | undefined, path: string, now: number, files: () => Map<string, string>): number {
  if (p.httpFailAfterMs !== undefined && now >= startedAt + p.httpFailAfterMs) return 500;
  if (agnhostLivenessSince !== undefined) {
    // test/images/agnhost/liveness: /healthz 200 while up to 10 s old, then 500; /started 200; no other routes.
    if (path === '/healthz') return now - agnhostLivenessSince > 10_000 ? 500 : 200;
    return path === '/started' ? 200 : 404;
  }
  // A static web server: the file under its document root, or nginx's answers for none (403 for a folder without an index).
  if (p.docRoot !== undefined) return staticFile(p, path, files()) !== undefined ? 200 : path.replace(/[?#].*$/, '').endsWith('/') ? 403 : 404;
  return p.http?.[path] ?? p.httpDefault ?? 200;
}

/** What a static web server sends for GET `path`: its document root's file (`index.html` for a folder), if there is one. */
export function staticFile(p: ImageProfile, path: string, files: Map<string, string>): string | undefined {
  const root = p.docRoot;
  if (root === undefined) return undefined;
  const clean = path.replace(/[?#].*$/, '');
  return files.get(`${root}${clean.endsWith('/') ? `${clean}index.html` : clean}`);
}
