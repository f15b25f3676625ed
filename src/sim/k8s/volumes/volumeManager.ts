import type { Container, PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../../engine/clock';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { ContainerFS, MapStorage, type Mount, type VolumeStorage } from './containerFS';
import { nodeRootFiles } from './nodeRoot';
import { isTokenVolume, project, sourcesOf } from './volumeSources';

type PodObj = KubeObject & Pod;

/** The kubelet's periodic sync (`syncFrequency`, 1 min): when mounted ConfigMaps and Secrets are refreshed. */
export const VOLUME_SYNC_MS = 60_000;
const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The volume manager's retry back-off: 500 ms doubling up to 2m2s (`exponentialbackoff`). */
const RETRY_MAX_MS = 122_000;

/** A configMap/secret/downwardAPI/projected volume: content as of the kubelet's last sync. */
class ProjectedStorage implements VolumeStorage {
  private files = new Map<string, string>();
  private syncedAt: number;

  constructor(
    private readonly mgr: VolumeManager,
    private readonly podKey: string,
    private readonly volume: Volume,
    private readonly mountedAt: number,
  ) {
    this.syncedAt = mountedAt;
    this.rebuild();
  }

  private rebuild(): void {
    const pod = this.mgr.store.get<PodObj>('pods', this.podKey);
    if (!pod) return;
    const p = project(this.volume, pod, this.mgr.store);
    // A source deleted while mounted: the kubelet keeps the last content until it can read it again (optional ones empty out).
    if (p.ok) this.files = p.files;
  }

  /** At each sync tick the files are rewritten from the objects as the kubelet's cache had them then. */
  private refresh(): void {
    const now = this.mgr.clock.now();
    const tick = this.mountedAt + Math.floor((now - this.mountedAt) / VOLUME_SYNC_MS) * VOLUME_SYNC_MS;
    if (tick <= this.syncedAt) return;
    const ns = this.podKey.slice(0, this.podKey.indexOf('/'));
    // A change after the last tick is not there yet: keep the old files until the next one.
    if (sourcesOf(this.volume, ns).some((s) => (this.mgr.changedAt.get(s) ?? -Infinity) > tick)) return;
    this.syncedAt = tick;
    this.rebuild();
  }

  get(rel: string): string | undefined {
    this.refresh();
    return this.files.get(rel);
  }
  set(): void {}
  delete(): boolean {
    return false;
  }
  keys(): Iterable<string> {
    this.refresh();
    return this.files.keys();
  }
}

/**
 * Volume storage of one cluster: emptyDirs (per pod, lost with it), disks
 * behind PersistentVolumes and hostPaths (outlive pods), and the projected
 * content of ConfigMap, Secret and downwardAPI volumes (refreshed on the
 * kubelet's sync period). Created the first time a pod mounts such a
 * volume, so clusters without them pay nothing.
 */
export class VolumeManager {
  readonly changedAt = new Map<string, number>();
  private readonly emptyDirs = new Map<string, Map<string, MapStorage>>();
  private readonly disks = new Map<string, MapStorage>();
  private readonly projections = new Map<string, ProjectedStorage>();
  private readonly failures = new Map<string, { attempts: number; nextAt: number }>();

  constructor(
    readonly store: ObjectStore,
    readonly clock: VirtualClock,
  ) {
    const note = (resource: string) => (e: { key: string }) => this.changedAt.set(`${resource}/${e.key}`, clock.now());
    if (store.has('configmaps')) store.watch('configmaps', note('configmaps'));
    if (store.has('secrets')) store.watch('secrets', note('secrets'));
    store.watch('pods', (e) => {
      if (e.type !== 'DELETED') return;
      const uid = e.object.metadata.uid ?? '';
      this.emptyDirs.delete(uid);
      this.failures.delete(uid);
      for (const k of this.projections.keys()) if (k.startsWith(`${uid}/`)) this.projections.delete(k);
    });
    if (store.has('persistentvolumes')) store.watch('persistentvolumes', (e) => void (e.type === 'DELETED' && this.disks.delete(`pv:${e.object.metadata.name}`)));
  }

  /** The data of a PersistentVolume's disk (also what the provisioner wipes on Delete). */
  disk(key: string): MapStorage {
    let d = this.disks.get(key);
    if (!d) this.disks.set(key, (d = new MapStorage()));
    return d;
  }

  /** A directory of a node's own file system (a hostPath): what the node holds there at first (`nodeRootFiles`), then what pods write. */
  private hostDisk(node: string, path: string): MapStorage {
    const key = `hostPath:${node}:${path}`;
    let d = this.disks.get(key);
    if (!d) {
      const dir = path.replace(/^\/+|\/+$/g, '');
      const files = new Map<string, string>();
      for (const [rel, text] of nodeRootFiles(this.store, node)) {
        if (dir === '') files.set(rel, text);
        else if (rel.startsWith(`${dir}/`)) files.set(rel.slice(dir.length + 1), text);
      }
      this.disks.set(key, (d = new MapStorage(files)));
    }
    return d;
  }

  /** Why the pod's volumes cannot be set up yet (MountVolume.SetUp / claim not bound), or undefined. */
  setUpError(pod: PodObj): { volume: string; message: string } | undefined {
    const ns = pod.metadata.namespace ?? 'default';
    for (const v of pod.spec?.volumes ?? []) {
      if (isTokenVolume(v)) continue;
      if (v.configMap || v.secret || v.projected) {
        const p = project(v, pod, this.store);
        if (!p.ok) return { volume: v.name, message: p.message };
      } else if (v.persistentVolumeClaim) {
        const claim = v.persistentVolumeClaim.claimName;
        const pvc = this.store.has('persistentvolumeclaims') ? this.store.get<KubeObject & PersistentVolumeClaim>('persistentvolumeclaims', `${ns}/${claim}`) : undefined;
        if (!pvc) return { volume: v.name, message: `persistentvolumeclaim "${claim}" not found` };
        if (!pvc.spec?.volumeName || pvc.status?.phase !== 'Bound') return { volume: v.name, message: `persistentvolumeclaim "${claim}" is not bound` };
      }
    }
    return undefined;
  }

  /** Whether a FailedMount event is due for this pod now (the retry back-off), advancing it. */
  failureDue(uid: string, now: number): { due: boolean; retryAt: number } {
    const f = this.failures.get(uid) ?? { attempts: 0, nextAt: now };
    if (now < f.nextAt) return { due: false, retryAt: f.nextAt };
    f.nextAt = now + Math.min(RETRY_MAX_MS, 500 * 2 ** f.attempts);
    f.attempts++;
    this.failures.set(uid, f);
    return { due: true, retryAt: f.nextAt };
  }

  /** The file system of a container starting now: its own layer plus its volume mounts. */
  containerFS(base: Map<string, string>, pod: PodObj, c: Container, nodeName: string): ContainerFS {
    const uid = pod.metadata.uid ?? '';
    const ns = pod.metadata.namespace ?? 'default';
    const podKey = `${ns}/${pod.metadata.name}`;
    const mounts: Mount[] = [];
    for (const m of c.volumeMounts ?? []) {
      if (m.mountPath === SA_PATH) continue;
      const v = pod.spec?.volumes?.find((x) => x.name === m.name);
      if (!v) continue;
      let storage: VolumeStorage;
      let readOnly = m.readOnly === true;
      if (v.configMap || v.secret || v.downwardAPI || v.projected) {
        const key = `${uid}/${v.name}`;
        let p = this.projections.get(key);
        if (!p) this.projections.set(key, (p = new ProjectedStorage(this, podKey, v, this.clock.now())));
        storage = p;
        readOnly = true;
      } else if (v.hostPath) storage = this.hostDisk(nodeName, v.hostPath.path);
      else if (v.persistentVolumeClaim) {
        const pvc = this.store.get<KubeObject & PersistentVolumeClaim>('persistentvolumeclaims', `${ns}/${v.persistentVolumeClaim.claimName}`);
        storage = this.disk(`pv:${pvc?.spec?.volumeName ?? `${uid}/${v.name}`}`);
        readOnly ||= v.persistentVolumeClaim.readOnly === true;
      } else {
        // emptyDir, and volume types the playground does not simulate (they behave as an empty directory).
        let dirs = this.emptyDirs.get(uid);
        if (!dirs) this.emptyDirs.set(uid, (dirs = new Map()));
        let d = dirs.get(v.name);
        if (!d) dirs.set(v.name, (d = new MapStorage()));
        storage = d;
      }
      mounts.push({ mountPath: m.mountPath, storage, readOnly, subPath: m.subPath || undefined });
    }
    return new ContainerFS(base, mounts);
  }
}

const managers = new WeakMap<ObjectStore, VolumeManager>();

/** The volume manager of the cluster that owns `store` (created on first use). */
export function volumeManagerFor(store: ObjectStore, clock: VirtualClock): VolumeManager {
  let m = managers.get(store);
  if (!m) managers.set(store, (m = new VolumeManager(store, clock)));
  return m;
}

/** Whether a container mounts anything besides the service-account token (most do not: the cheap path). */
export function mountsVolumes(c: Container): boolean {
  const mounts = c.volumeMounts;
  if (!mounts) return false;
  for (let i = 0; i < mounts.length; i++) if (mounts[i].mountPath !== SA_PATH) return true;
  return false;
}

/** Whether a pod has volumes whose set-up can fail or wait (ConfigMap, Secret, projected sources, PVC). */
export function podNeedsVolumeSetUp(pod: PodObj): boolean {
  const vols = pod.spec?.volumes;
  if (!vols) return false;
  for (let i = 0; i < vols.length; i++) {
    const v = vols[i];
    if (v.configMap || v.secret || v.persistentVolumeClaim || (v.projected && !isTokenVolume(v))) return true;
  }
  return false;
}
