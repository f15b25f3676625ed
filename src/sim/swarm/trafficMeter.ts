/**
 * Requests through the routing mesh (`swarm.route`), for the screen: per
 * published service, in one-second buckets of virtual time — which task
 * answered, which node the request came in by, and what failed. Read-only
 * facts; the Kubernetes side keeps the same for its Services.
 */

/** Requests to one service over the recent seconds asked for. */
export interface SwarmServiceTraffic {
  readonly serviceId: string;
  readonly requests: number;
  /** Requests per second of virtual time over those seconds. */
  readonly rps: number;
  /** Answered requests per task ID, most first. */
  readonly byTask: readonly { readonly task: string; readonly requests: number }[];
  /** Requests per node they came in by (node ID), most first. */
  readonly byEntry: readonly { readonly node: string; readonly requests: number }[];
  /** Failed requests by the client's error, most first. */
  readonly failed: readonly { readonly error: string; readonly requests: number }[];
}

const BUCKET_MS = 1000;
/** Buckets kept per service (a minute): older ones are dropped as new ones open. */
const KEPT = 60;

interface Bucket {
  start: number;
  byTask: Map<string, number>;
  byEntry: Map<string, number>;
  failed: Map<string, number>;
}

const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const mostFirst = <K extends string>(m: Map<string, number>, key: K) =>
  [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, requests]) => ({ [key]: k, requests }) as { [P in K]: string } & { requests: number });

export class SwarmTrafficMeter {
  private readonly services = new Map<string, Bucket[]>();
  /** Requests counted so far (changes whenever one is). */
  total = 0;

  /** Counts one request to `serviceId` that came in by `entry`: answered by `task`, or failed with `error`. */
  count(serviceId: string, at: number, entry: string, outcome: { task: string } | { error: string }): void {
    this.total++;
    const start = Math.floor(at / BUCKET_MS) * BUCKET_MS;
    let buckets = this.services.get(serviceId);
    if (!buckets) this.services.set(serviceId, (buckets = []));
    let b = buckets[buckets.length - 1];
    if (!b || b.start !== start) {
      buckets.push((b = { start, byTask: new Map(), byEntry: new Map(), failed: new Map() }));
      if (buckets.length > KEPT) buckets.shift();
    }
    add(b.byEntry, entry);
    if ('task' in outcome) add(b.byTask, outcome.task);
    else add(b.failed, outcome.error);
  }

  /** Requests in the whole seconds of the `windowMs` before `now`, per service with any. */
  recent(now: number, windowMs = 2000): SwarmServiceTraffic[] {
    const end = Math.floor(now / BUCKET_MS) * BUCKET_MS;
    const from = end - windowMs;
    const out: SwarmServiceTraffic[] = [];
    for (const [serviceId, buckets] of this.services) {
      const byTask = new Map<string, number>();
      const byEntry = new Map<string, number>();
      const failed = new Map<string, number>();
      let requests = 0;
      for (const b of buckets) {
        if (b.start < from || b.start >= end) continue;
        for (const [k, n] of b.byTask) byTask.set(k, (byTask.get(k) ?? 0) + n);
        for (const [k, n] of b.failed) failed.set(k, (failed.get(k) ?? 0) + n);
        for (const [k, n] of b.byEntry) {
          byEntry.set(k, (byEntry.get(k) ?? 0) + n);
          requests += n;
        }
      }
      if (requests === 0) continue;
      out.push({ serviceId, requests, rps: requests / (windowMs / 1000), byTask: mostFirst(byTask, 'task'), byEntry: mostFirst(byEntry, 'node'), failed: mostFirst(failed, 'error') });
    }
    return out;
  }
}
