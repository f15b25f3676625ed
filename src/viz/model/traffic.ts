/** Requests through one Service lately, as the engine's traffic meter counts them (the shape the store publishes). */
export interface ServiceTrafficInput {
  /** `namespace/name` of the Service. */
  readonly service: string;
  /** Requests per second of virtual time. */
  readonly rps: number;
  readonly requests: number;
  /** Answered requests per pod (`namespace/name`). */
  readonly byPod: readonly { readonly pod: string; readonly requests: number }[];
  /** Failed requests by kind (`refused`: no ready endpoint, or nothing listening). */
  readonly failed: readonly { readonly kind: string; readonly requests: number }[];
}

/** Where one Service's requests go: each answering pod's rate and share, and the rate that fails. */
export interface TrafficFlow {
  /** `namespace/name` of the Service. */
  readonly service: string;
  readonly name: string;
  /** Requests per second (virtual time), answered and failed. */
  readonly rps: number;
  /** Answering pods, most first: their rate and their share of all requests. */
  readonly pods: readonly { readonly key: string; readonly rps: number; readonly share: number }[];
  /** Requests per second that fail, and the kinds of failure. */
  readonly failedRps: number;
  readonly failures: readonly string[];
}

/**
 * The flows to draw from the meter's counts: each Service's rate split over
 * the pods that answered, and what failed.
 * @example trafficFlows([{ service: 'default/web', rps: 20, requests: 40, byPod: [...], failed: [] }])
 */
export function trafficFlows(services: readonly ServiceTrafficInput[]): TrafficFlow[] {
  return services.map((s) => {
    const perRequest = s.requests > 0 ? s.rps / s.requests : 0;
    const failed = s.failed.reduce((a, f) => a + f.requests, 0);
    return {
      service: s.service,
      name: s.service.slice(s.service.indexOf('/') + 1),
      rps: s.rps,
      pods: s.byPod.map((p) => ({ key: p.pod, rps: p.requests * perRequest, share: s.requests > 0 ? p.requests / s.requests : 0 })),
      failedRps: failed * perRequest,
      failures: s.failed.map((f) => f.kind),
    };
  });
}

/** Words for the parts of a traffic summary (translated by the caller). */
export interface TrafficWords {
  /** `web: 20 req/s → 3 pods` */
  toPods(name: string, rps: number, pods: number): string;
  /** `, 5 req/s failing` after the pods, or `web: 10 req/s, all failing` with none. */
  failing(rps: number): string;
  allFailing(name: string, rps: number): string;
  /** Why requests fail: `connection refused` for `refused`, … */
  reason(kind: string): string;
}

/** Rates as people read them: whole numbers, one decimal under 10. */
export function formatRps(rps: number): string {
  return rps >= 9.95 ? String(Math.round(rps)) : String(Math.round(rps * 10) / 10);
}

/**
 * One line per Service for screen readers and the caption: where the
 * requests go and what fails.
 * @example trafficSummary(flows, words) // "web: 20 req/s → 3 pods"
 */
export function trafficSummary(flows: readonly TrafficFlow[], words: TrafficWords): string {
  return flows
    .map((f) => {
      const reasons = f.failures.length > 0 ? ` (${f.failures.map((k) => words.reason(k)).join(', ')})` : '';
      if (f.pods.length === 0) return `${words.allFailing(f.name, f.rps)}${reasons}`;
      const answered = words.toPods(f.name, f.rps, f.pods.length);
      return f.failedRps > 0 ? `${answered}${words.failing(f.failedRps)}${reasons}` : answered;
    })
    .join('; ');
}
