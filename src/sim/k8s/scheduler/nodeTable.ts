import { grown } from '../../../lib/grown';
/** `NodeTable.flags` bits. */
export const FLAG_UNSCHEDULABLE = 1;
/** The node has a NoSchedule or NoExecute taint. */
export const FLAG_DO_NOT_SCHEDULE_TAINTS = 2;
export const FLAG_PREFER_NO_SCHEDULE_TAINTS = 4;
export const FLAG_HOSTNAME_LABEL = 8;
/** Entries of `NodeTable.changeLog` (a power of two). */
const CHANGE_LOG = 1024;

/**
 * The numbers every filter and score reads, one typed array per field,
 * indexed by `NodeInfo.index`: a plugin's pass over 500 nodes reads a few
 * dense arrays instead of touching 500 objects. Zones are interned
 * (`zoneId`, -1 without a zone label).
 */
export class NodeTable {
  capacity = 0;
  allocCpu = new Float64Array(0);
  allocMemory = new Float64Array(0);
  allocEphemeralStorage = new Float64Array(0);
  allocPods = new Float64Array(0);
  reqCpu = new Float64Array(0);
  reqMemory = new Float64Array(0);
  reqEphemeralStorage = new Float64Array(0);
  nonZeroCpu = new Float64Array(0);
  nonZeroMemory = new Float64Array(0);
  podCount = new Int32Array(0);
  /** allocatable − requested (may go negative when a node shrank), and pods still allowed. */
  freeCpu = new Float64Array(0);
  freeMemory = new Float64Array(0);
  freeEphemeralStorage = new Float64Array(0);
  podRoom = new Float64Array(0);

  flags = new Uint8Array(0);
  /** How many slots carry each flag bit (index = bit position): lets a filter skip a pass nobody can fail. */
  readonly flagCounts = new Int32Array(8);
  zoneId = new Int32Array(0);
  /**
   * Per-slot memo for the default-profile kernel: the Fit and BalancedAllocation
   * scores last computed for request signature `memoKey` (-1: none; reset
   * whenever the slot's numbers change).
   */
  memoKey = new Int32Array(0);
  /**
   * Per-slot memo for the default filters' quick check: the id of the last
   * (cpu, memory) request the slot was seen to have room for, not cordoned
   * and without a NoSchedule/NoExecute taint (-1: none; reset whenever the
   * slot's numbers or flags change).
   */
  passKey = new Int32Array(0);
  memoFit = new Float64Array(0);
  memoBalanced = new Float64Array(0);
  /**
   * The slots whose numbers, flags or matching-pod counts changed, oldest
   * first: a ring of the last `CHANGE_LOG` entries; `changes` counts every
   * entry ever written (a reader that fell further behind rereads everything).
   */
  readonly changeLog = new Int32Array(CHANGE_LOG);
  changes = 0;
  private readonly zoneIds = new Map<string, number>();
  readonly zones: string[] = [];

  constructor(capacity = 64) {
    this.grow(capacity);
  }

  grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    const f64 = (a: Float64Array<ArrayBuffer>) => grown(a, capacity);
    this.allocCpu = f64(this.allocCpu);
    this.allocMemory = f64(this.allocMemory);
    this.allocEphemeralStorage = f64(this.allocEphemeralStorage);
    this.allocPods = f64(this.allocPods);
    this.reqCpu = f64(this.reqCpu);
    this.reqMemory = f64(this.reqMemory);
    this.reqEphemeralStorage = f64(this.reqEphemeralStorage);
    this.nonZeroCpu = f64(this.nonZeroCpu);
    this.nonZeroMemory = f64(this.nonZeroMemory);
    this.freeCpu = f64(this.freeCpu);
    this.freeMemory = f64(this.freeMemory);
    this.freeEphemeralStorage = f64(this.freeEphemeralStorage);
    this.podRoom = f64(this.podRoom);
    this.memoFit = f64(this.memoFit);
    this.memoBalanced = f64(this.memoBalanced);
    this.memoKey = new Int32Array(capacity).fill(-1);
    this.passKey = new Int32Array(capacity).fill(-1);

    this.podCount = grown(this.podCount, capacity);
    this.flags = grown(this.flags, capacity);
    this.zoneId = grown(this.zoneId, capacity, -1);
    this.capacity = capacity;
  }

  /** Sets a slot's flags, keeping `flagCounts` in step. */
  setFlags(i: number, flags: number): void {
    const old = this.flags[i];
    if (old === flags) return;
    this.passKey[i] = -1;
    this.touch(i);
    for (let b = 0; b < 8; b++) {
      const m = 1 << b;
      if ((old & m) !== (flags & m)) this.flagCounts[b] += flags & m ? 1 : -1;
    }
    this.flags[i] = flags;
  }

  /** Whether any slot has this flag. */
  any(flag: number): boolean {
    return this.flagCounts[31 - Math.clz32(flag)] > 0;
  }

  /** Zeroes a slot for reuse. */
  clear(i: number): void {
    this.setFlags(i, 0);
    this.allocCpu[i] = this.allocMemory[i] = this.allocEphemeralStorage[i] = this.allocPods[i] = 0;
    this.reqCpu[i] = this.reqMemory[i] = this.reqEphemeralStorage[i] = this.nonZeroCpu[i] = this.nonZeroMemory[i] = 0;
    this.podCount[i] = 0;
    this.zoneId[i] = -1;
    this.refreshFree(i);
  }

  /** Recomputes a slot's free amounts after its allocatable or requests changed, and drops its memo. */
  refreshFree(i: number): void {
    this.touch(i);
    this.memoKey[i] = -1;
    this.passKey[i] = -1;
    this.freeCpu[i] = this.allocCpu[i] - this.reqCpu[i];
    this.freeMemory[i] = this.allocMemory[i] - this.reqMemory[i];
    this.freeEphemeralStorage[i] = this.allocEphemeralStorage[i] - this.reqEphemeralStorage[i];
    this.podRoom[i] = this.allocPods[i] - this.podCount[i];
  }

  /** Notes in `changeLog` that slot `i` changed. */
  touch(i: number): void {
    this.changeLog[this.changes & (CHANGE_LOG - 1)] = i;
    this.changes++;
  }

  /** The id of a zone value, interning it on first sight. */
  internZone(zone: string): number {
    let id = this.zoneIds.get(zone);
    if (id === undefined) {
      id = this.zones.length;
      this.zones.push(zone);
      this.zoneIds.set(zone, id);
    }
    return id;
  }
}
