import type { ContainerStatus } from 'kubernetes-types/core/v1';

type ContainerState = NonNullable<ContainerStatus['state']>;

/** Statuses by container name, then image as written, then [creating, initializing]. */
const byName = new Map<string, Map<string, [ContainerStatus | undefined, ContainerStatus | undefined]>>();
let entries = 0;
/** The shared status handed out last, and its one-item list (made when first asked for). */
let lastStatus: ContainerStatus | undefined;
let lastList: ContainerStatus[] | undefined;

/**
 * The status of a container whose image is not pulled yet, never started
 * and not waiting on an error: its name, the image as written and a waiting
 * state, the same for every pod of a workload. A shared, frozen object
 * (stored objects are never changed): one per name, image and state rather
 * than one per pod (96 bytes each, and the pods' first status writes are
 * mostly this).
 * @example pendingStatus('app', 'nginx', CREATING) === pendingStatus('app', 'nginx', CREATING)
 */
export function pendingStatus(name: string, image: string, state: ContainerState, initializing: boolean, lastState: ContainerState): ContainerStatus {
  let byImage = byName.get(name);
  if (byImage === undefined) {
    if (entries >= 10_000) {
      byName.clear();
      entries = 0;
    }
    byName.set(name, (byImage = new Map()));
  }
  let pair = byImage.get(image);
  if (pair === undefined) {
    byImage.set(image, (pair = [undefined, undefined]));
    entries++;
  }
  const slot = initializing ? 1 : 0;
  let status = pair[slot];
  if (status === undefined) {
    status = Object.freeze({ name, image, imageID: '', ready: false, restartCount: 0, started: false, state, lastState }) as ContainerStatus;
    pair[slot] = status;
  }
  if (status !== lastStatus) {
    lastStatus = status;
    lastList = undefined;
  }
  return status;
}

/**
 * `[status]` as a shared list when `status` is the shared status
 * handed out last (the pods of a workload come one after another), else
 * undefined.
 */
export function pendingStatusList(status: ContainerStatus): ContainerStatus[] | undefined {
  if (status !== lastStatus) return undefined;
  // Not frozen: V8 iterates a frozen array (for…of) through a slow path that allocates per item.
  return (lastList ??= [status]);
}
