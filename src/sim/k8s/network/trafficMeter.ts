/** How one request through a Service ended: the pod that answered, or why it failed. */
export type TrafficOutcome = { readonly pod: string } | { readonly failure: 'refused' | 'timeout' | 'unsupported' | 'resolve' };

/** Requests through one Service over a recent window of virtual time. */
export interface ServiceTraffic {
  /** `namespace/name` of the Service. */
  readonly service: string;
  readonly requests: number;
  /** Requests per second of virtual time over the sliding window */
  readonly rps: number;
  /** Answered requests per pod (`namespace/name`), most first. */
  readonly byPod: readonly { readonly pod: string; readonly requests: number }[];
  /** Failed requests by kind (no ready endpoint is `refused`). */
  readonly failed: readonly { readonly kind: string; readonly requests: number }[];
}

interface Bucket {
  readonly start: number;
  readonly byPod: Map<string, number>;
  readonly failed: Map<string, number>;
}

/** Width of one bucket of virtual time. */
const BUCKET_MS = 250;
/** Buckets older than this are dropped. */
const KEEP_MS = 10_000;

/**
 * Counts requests through Services (what `kubeplay traffic` sends), in
 * buckets of virtual time, so the screen can show where load goes: which
 * ready pods answer and how much fails. Records facts only; it never decides
 * anything (kube-proxy picks the endpoint).
 */
export class TrafficMeter {
  private readonly services = new Map<string, Bucket[]>();
  private recorded = 0;

  /** Requests recorded so far (changes whenever one is). */
  get total(): number {
    return this.recorded;
  }

  /** One request through `service` at virtual time `at`. */
  record(at: number, service: string, outcome: TrafficOutcome): void {
    this.recorded++;
    let buckets = this.services.get(service);
    if (!buckets) this.services.set(service, (buckets = []));
    const start = Math.floor(at / BUCKET_MS) * BUCKET_MS;
    let last = buckets[buckets.length - 1];
    if (!last || last.start !== start) {
      last = { start, byPod: new Map(), failed: new Map() };
      buckets.push(last);
      while (buckets.length > 0 && buckets[0].start < start - KEEP_MS) buckets.shift();
    }
    const into = 'pod' in outcome ? last.byPod : last.failed;
    const key = 'pod' in outcome ? outcome.pod : outcome.failure;
    into.set(key, (into.get(key) ?? 0) + 1);
  }

  /**
   * Each Service's requests over the `windowMs` of virtual time before the
   * bucket `now` falls in (whole buckets only, so a steady rate reads
   * steady), Services with none left out, by name.
   * @example meter.recent(clock.now(), 2000) // [{ service: 'default/web', rps: 20, byPod: [...], failed: [] }]
   */
  recent(now: number, windowMs = 2000): ServiceTraffic[] {
    const end = Math.floor(now / BUCKET_MS) * BUCKET_MS;
    const from = end - windowMs;
    const out: ServiceTraffic[] = [];
    for (const [service, buckets] of this.services) {
      const byPod = new Map<string, number>();
      const failed = new Map<string, number>();
      let requests = 0;
      for (const b of buckets) {
        if (b.start < from || b.start >= end) continue;
        for (const [k, n] of b.byPod) byPod.set(k, (byPod.get(k) ?? 0) + n);
        for (const [k, n] of b.failed) failed.set(k, (failed.get(k) ?? 0) + n);
        for (const n of b.byPod.values()) requests += n;
        for (const n of b.failed.values()) requests += n;
      }
      if (requests === 0) continue;
      const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      out.push({
        service,
        requests,
        rps: (requests * 1000) / windowMs,
        byPod: sorted(byPod).map(([pod, n]) => ({ pod, requests: n })),
        failed: sorted(failed).map(([kind, n]) => ({ kind, requests: n })),
      });
    }
    return out.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  }
}
