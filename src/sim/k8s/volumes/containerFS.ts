/**
 * A container's file system as the process sees it: a Map of absolute paths
 * whose paths under a volume mount are served by the volume's storage
 * instead of the container's own layer. Writes into an emptyDir, PVC or
 * hostPath mount land in storage that outlives the container; writes into
 * a read-only mount (ConfigMap, Secret, downwardAPI, projected, or
 * `readOnly: true`) are dropped, as the read-only file system refuses them.
 */

/** What a mounted volume stores: files by path relative to the volume root. */
export interface VolumeStorage {
  get(rel: string): string | undefined;
  set(rel: string, value: string): void;
  delete(rel: string): boolean;
  keys(): Iterable<string>;
}

export interface Mount {
  mountPath: string;
  storage: VolumeStorage;
  readOnly: boolean;
  /** A path inside the volume mounted instead of its root (`subPath`). */
  subPath?: string;
}

/** A plain Map as volume storage (emptyDir, PVC, hostPath). */
export class MapStorage implements VolumeStorage {
  constructor(readonly files: Map<string, string> = new Map()) {}
  get(rel: string): string | undefined {
    return this.files.get(rel);
  }
  set(rel: string, value: string): void {
    this.files.set(rel, value);
  }
  delete(rel: string): boolean {
    return this.files.delete(rel);
  }
  keys(): Iterable<string> {
    return this.files.keys();
  }
}

const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export class ContainerFS extends Map<string, string> {
  private readonly mounts: Mount[];

  constructor(base: Map<string, string>, mounts: Mount[]) {
    super(base);
    // Longest mount path first: a mount inside another mount wins.
    this.mounts = mounts.map((m) => ({ ...m, mountPath: trim(m.mountPath) })).sort((a, b) => b.mountPath.length - a.mountPath.length);
  }

  /** The mount serving a path and the path inside the volume, or undefined for the container's own layer. */
  private resolve(path: string): { m: Mount; rel: string } | undefined {
    for (const m of this.mounts) {
      if (path === m.mountPath) return m.subPath ? { m, rel: m.subPath } : undefined;
      if (path.startsWith(`${m.mountPath}/`)) {
        const rest = path.slice(m.mountPath.length + 1);
        return { m, rel: m.subPath ? `${m.subPath}/${rest}` : rest };
      }
    }
    return undefined;
  }

  override get(path: string): string | undefined {
    const r = this.resolve(path);
    return r ? r.m.storage.get(r.rel) : super.get(path);
  }

  override has(path: string): boolean {
    const r = this.resolve(path);
    return r ? r.m.storage.get(r.rel) !== undefined : super.has(path);
  }

  override set(path: string, value: string): this {
    // The base constructor fills the container's layer before the mounts exist.
    const r = this.mounts === undefined ? undefined : this.resolve(path);
    if (!r) super.set(path, value);
    else if (!r.m.readOnly) r.m.storage.set(r.rel, value);
    return this;
  }

  override delete(path: string): boolean {
    const r = this.resolve(path);
    if (!r) return super.delete(path);
    return r.m.readOnly ? false : r.m.storage.delete(r.rel);
  }

  /** The directories volumes are mounted on: they exist even when the volume holds no file. */
  *mountPoints(): Iterable<string> {
    for (const m of this.mounts) if (!m.subPath) yield m.mountPath;
  }

  override get size(): number {
    return [...this.keys()].length;
  }

  override *keys(): MapIterator<string> {
    const shadowed = (p: string) => this.mounts.some((m) => p === m.mountPath || p.startsWith(`${m.mountPath}/`));
    for (const k of super.keys()) if (!shadowed(k)) yield k;
    const seen = new Set<string>();
    for (const m of this.mounts) {
      for (const rel of m.storage.keys()) {
        let path: string | undefined;
        if (!m.subPath) path = `${m.mountPath}/${rel}`;
        else if (rel === m.subPath) path = m.mountPath;
        else if (rel.startsWith(`${m.subPath}/`)) path = `${m.mountPath}/${rel.slice(m.subPath.length + 1)}`;
        // A deeper mount hides what the outer volume has at the same place.
        if (path !== undefined && !seen.has(path) && this.resolve(path)?.m === m) {
          seen.add(path);
          yield path;
        }
      }
    }
  }

  override *entries(): MapIterator<[string, string]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }

  override *values(): MapIterator<string> {
    for (const k of this.keys()) yield this.get(k)!;
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  override forEach(fn: (value: string, key: string, map: Map<string, string>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
