export interface Located {
  resource: string;
  key: string;
}

/**
 * The garbage collector's uid → object map, answering exactly like a `Map`
 * where `add` is `set` and `delete(uid, key)` deletes only the entry of that
 * key. Writing each of 150,000 new pods into one big Map costs cache misses
 * on every creation, while almost nothing ever looks a pod up by uid; so
 * additions wait in arrays and are folded into the Map, in order, before any
 * lookup they could change: a miss, or a uid whose bit is set in a filter of
 * the pending uids (no false negatives, so a hit without the bit is the
 * latest entry even if a uid were ever added twice).
 */
export class UidIndex {
  private readonly map = new Map<string, Located>();
  private uids: string[] = [];
  private resources: string[] = [];
  private keys: string[] = [];
  private readonly filter: Int32Array;
  private readonly mask: number;

  /** `filterBits`: log2 of the pending filter's size (tests make it tiny to force collisions). */
  constructor(filterBits = 20) {
    this.filter = new Int32Array(Math.max(1, (1 << filterBits) >>> 5));
    this.mask = (1 << filterBits) - 1;
  }

  add(uid: string, resource: string, key: string): void {
    const h = this.hash(uid);
    this.filter[h >>> 5] |= 1 << (h & 31);
    this.uids.push(uid);
    this.resources.push(resource);
    this.keys.push(key);
  }

  get(uid: string): Located | undefined {
    const loc = this.map.get(uid);
    if (this.uids.length === 0) return loc;
    if (loc !== undefined) {
      const h = this.hash(uid);
      if ((this.filter[h >>> 5] & (1 << (h & 31))) === 0) return loc;
    }
    this.fold();
    return this.map.get(uid);
  }

  /** Forgets `uid` if it is (still) the object at `key`. */
  delete(uid: string, key: string): void {
    if (this.get(uid)?.key === key) this.map.delete(uid);
  }

  private fold(): void {
    const { uids, resources, keys, filter } = this;
    for (let i = 0; i < uids.length; i++) {
      this.map.set(uids[i], { resource: resources[i], key: keys[i] });
      const h = this.hash(uids[i]);
      filter[h >>> 5] = 0;
    }
    this.uids = [];
    this.resources = [];
    this.keys = [];
  }

  /** A few characters of the uid's tail (a generated uid ends in 12 random hex digits). */
  private hash(uid: string): number {
    let h = 0;
    for (let i = Math.max(0, uid.length - 12); i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 0x01000193);
    return (h ^ (h >>> 15)) & this.mask;
  }
}
