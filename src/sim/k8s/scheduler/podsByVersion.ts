import type { PodInfo, PodObject } from './podInfo';

const MIN_SLOTS = 1024;

/** The slot of a resourceVersion: its decimal value modulo the table size (exact for the store's numeric versions). */
function slotOf(rv: string, mask: number): number {
  let h = 0;
  // Kept below 2^30 at every step (a small integer for V8); the result is still the value modulo any power of two up to that.
  for (let i = 0; i < rv.length; i++) h = (h * 10 + rv.charCodeAt(i) - 48) & 0x3fffffff;
  return h & mask;
}

/**
 * Cached pods by the resourceVersion of the version the cache holds
 * (`PodInfo.pod`), in a direct-mapped table. A watch event for a cached pod
 * carries the version it replaces (`old`), which is that very object, so the
 * pod's PodInfo is found with one read of a slot instead of a lookup by key
 * in a map of every pod (a kubelet's three status writes per pod made those
 * lookups a visible share of the scheduler's work). Only a hint: a slot
 * holds the last pod stored at that version modulo the table size, and a miss
 * is answered by the registry. Versions are consecutive, so a pod's slot
 * stays its own until as many pod writes as the table has slots followed it
 * (the table has at least as many slots as there are cached pods).
 */
export class PodsByVersion {
  private slots: (PodInfo | undefined)[] = [];
  private mask = -1;

  /** The cached pod whose held version is `old`, if its slot still has it. */
  find(old: PodObject): PodInfo | undefined {
    const rv = old.metadata.resourceVersion;
    if (rv === undefined || this.mask < 0) return undefined;
    const c = this.slots[slotOf(rv, this.mask)];
    return c !== undefined && c.pod === old && c.cachedNode !== undefined ? c : undefined;
  }

  /** `info` (cached, with `info.pod` the version it holds) takes its version's slot. `cached`: how many pods the cache counts. */
  put(info: PodInfo, cached: number): void {
    const rv = info.pod.metadata.resourceVersion;
    if (rv === undefined) return;
    // Why: grown (empty: the registry answers the misses) once more pods are cached than it has slots.
    if (cached > this.mask) {
      let n = MIN_SLOTS;
      while (n < 2 * cached) n *= 2;
      this.slots = Array.from({ length: n });
      this.mask = n - 1;
    }
    this.slots[slotOf(rv, this.mask)] = info;
  }

  /** `info` leaves its slot (it left the cache, or is about to hold another version). */
  drop(info: PodInfo): void {
    const rv = info.pod.metadata.resourceVersion;
    if (rv === undefined || this.mask < 0) return;
    const s = slotOf(rv, this.mask);
    if (this.slots[s] === info) this.slots[s] = undefined;
  }

  /** `info` now holds `pod`, a newer version of its pod (a pod just assumed has no slot yet: `drop` finds none). */
  move(info: PodInfo, pod: PodObject, cached: number): void {
    this.drop(info);
    info.pod = pod;
    this.put(info, cached);
  }
}
