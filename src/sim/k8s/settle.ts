import type { WatchEvent } from '../engine/store';
import { isCalm } from './calm';
import type { Cluster } from './index';

/**
 * How long nothing visible may change before the cluster counts as settled:
 * just over 5 minutes, the longest any default Kubernetes delay keeps a
 * cluster quiet before it acts again — the kubelet's crash-loop and image-pull
 * back-offs cap at 300 s, the scheduler retries unschedulable pods after 5
 * minutes, the default `not-ready`/`unreachable` toleration is 300 s. A
 * shorter window would call a CrashLoopBackOff "settled" between restarts.
 */
export const SETTLE_QUIET_MS = 310_000;

/**
 * The quiet window when the cluster is calm (`isCalm`): nothing in it is
 * waiting to act on its own later, so half a minute without a change is
 * enough and the clock does not run five minutes past the end of a rollout.
 */
export const SETTLE_CALM_QUIET_MS = 30_000;

/** Default cap on how far one fast-forward runs the clock. */
export const SETTLE_MAX_MS = 10 * 60_000;

export interface SettleOptions {
  /** Give up after this much virtual time (default 10 minutes). */
  maxMs?: number;
  /** Quiet window (default SETTLE_QUIET_MS). */
  quietMs?: number;
  /** Quiet window when the cluster is calm (default SETTLE_CALM_QUIET_MS). */
  calmQuietMs?: number;
}

/** One object that kept changing, for the "did not settle" message. */
export interface Changing {
  /** `pod/default/web-7d4b9-x2x8q`, `deployment.apps/default/web`… as `resource/key`. */
  resource: string;
  key: string;
  /** Visible changes to it during the last quiet window */
  count: number;
}

/**
 * How a fast-forward ended: `settled` when nothing visible changed for the
 * quiet window (`settledAt` is the time of the last change), `cap` when the
 * cluster was still changing at the cap (`changing`: what changed most
 * recently, most changes first, Events after the objects they report on).
 */
export type SettleResult =
  | { type: 'settled'; startedAt: number; settledAt: number; endedAt: number; changes: number }
  | { type: 'cap'; startedAt: number; endedAt: number; changes: number; changing: Changing[] };

const LEASES = 'leases.coordination.k8s.io';

/**
 * Whether a write is only a heartbeat, which a learner does not see as the
 * cluster changing: a Lease renewal, or a node status report whose only news
 * is `lastHeartbeatTime` or the node's image list (pulls show on the pods;
 * the kubelet reports the list with its next status).
 */
export function isHeartbeatOnly(e: WatchEvent): boolean {
  if (e.type !== 'MODIFIED') return false;
  if (e.resource === LEASES) return true;
  if (e.resource !== 'nodes' || !e.old) return false;
  return sameWithoutHeartbeat(e.old, e.object);
}

type Loose = { metadata: Record<string, unknown>; spec?: unknown; status?: { conditions?: { lastHeartbeatTime?: string }[] } & Record<string, unknown> };

function sameWithoutHeartbeat(a: object, b: object): boolean {
  const x = a as Loose;
  const y = b as Loose;
  if (json(x.spec) !== json(y.spec)) return false;
  const { resourceVersion: _ra, managedFields: _ma, ...metaA } = x.metadata;
  const { resourceVersion: _rb, managedFields: _mb, ...metaB } = y.metadata;
  if (json(metaA) !== json(metaB)) return false;
  return json(withoutHeartbeats(x.status)) === json(withoutHeartbeats(y.status));
}

function withoutHeartbeats(status: Loose['status']): unknown {
  if (!status) return status;
  const { images: _i, ...rest } = status;
  return { ...rest, conditions: status.conditions?.map(({ lastHeartbeatTime: _h, ...c }) => c) };
}

function json(v: unknown): string {
  return JSON.stringify(v) ?? '';
}

/**
 * A fast-forward ("until nothing changes"): runs the cluster from timer to
 * timer, as fast as the engine goes, until no object a learner can see has
 * changed for the quiet window (30 s when the cluster is calm, see `isCalm`;
 * 5m10s otherwise), or until the cap. Work can be done in slices
 * (`run(shouldYield)` returns undefined while unfinished), so a browser can
 * draw between them; where the slices fall does not change the outcome.
 * @example const s = new Settler(cluster); const r = s.run(); // { type: 'settled', … }
 */
export class Settler {
  readonly startedAt: number;
  private readonly maxMs: number;
  private readonly quietMs: number;
  private readonly calmQuietMs: number;
  /** The last change after which calm was checked (once per quiet spell). */
  private calmCheckedAfter = -Infinity;
  private lastChange: number;
  private changes = 0;
  /** Visible changes per object, in the current quiet window */
  private recent = new Map<string, Changing>();
  private recentSince: number;
  private previous = new Map<string, Changing>();
  private readonly unwatch: () => void;
  private result: SettleResult | undefined;

  constructor(
    private readonly cluster: Pick<Cluster, 'now' | 'nextWakeAt' | 'advanceTo' | 'watchAll' | 'client' | 'isNodeStopped'>,
    options: SettleOptions = {},
  ) {
    this.startedAt = cluster.now();
    this.maxMs = options.maxMs ?? SETTLE_MAX_MS;
    this.quietMs = options.quietMs ?? SETTLE_QUIET_MS;
    this.calmQuietMs = Math.min(options.calmQuietMs ?? SETTLE_CALM_QUIET_MS, this.quietMs);
    this.lastChange = this.startedAt;
    this.recentSince = this.startedAt;
    this.unwatch = cluster.watchAll((e) => this.observe(e));
  }

  private observe(e: WatchEvent): void {
    if (isHeartbeatOnly(e)) return;
    const now = this.cluster.now();
    this.lastChange = now;
    this.changes++;
    // Keep two windows of per-object counts: enough to say what kept the cluster busy at the cap.
    if (now - this.recentSince >= this.quietMs) {
      this.previous = this.recent;
      this.recent = new Map();
      this.recentSince = now;
    }
    const id = `${e.resource}|${e.key}`;
    const c = this.recent.get(id);
    if (c) c.count++;
    else this.recent.set(id, { resource: e.resource, key: e.key, count: 1 });
  }

  /** The result once finished. */
  get done(): SettleResult | undefined {
    return this.result;
  }

  /**
   * Runs until settled, capped, or `shouldYield()` says to hand control back
   * (checked after each instant with due timers). Returns the result once
   * finished, undefined while there is more to do.
   */
  run(shouldYield: () => boolean = () => false): SettleResult | undefined {
    while (!this.result) {
      const now = this.cluster.now();
      const cap = this.startedAt + this.maxMs;
      const quiet = now - this.lastChange;
      const calmDue = this.calmCheckedAfter !== this.lastChange;
      if (calmDue && quiet >= this.calmQuietMs) {
        this.calmCheckedAfter = this.lastChange;
        if (isCalm(this.cluster)) return this.settled(now);
      }
      if (quiet >= this.quietMs) return this.settled(now);
      if (now >= cap) return this.finish({ type: 'cap', startedAt: this.startedAt, endedAt: now, changes: this.changes, changing: this.changing() });
      const limit = Math.min(this.lastChange + (calmDue ? this.calmQuietMs : this.quietMs), cap);
      const next = this.cluster.nextWakeAt();
      // Nothing is due before the limit: jump straight there (exact, as nothing can change meanwhile).
      this.cluster.advanceTo(next === undefined || next > limit ? limit : Math.max(next, now));
      if (shouldYield()) break;
    }
    return this.result;
  }

  /** Stops watching (called on finish; call it when abandoning a run). */
  dispose(): void {
    this.unwatch();
  }

  private settled(now: number): SettleResult {
    return this.finish({ type: 'settled', startedAt: this.startedAt, settledAt: this.lastChange, endedAt: now, changes: this.changes });
  }

  private finish(result: SettleResult): SettleResult {
    this.result = result;
    this.dispose();
    return result;
  }

  private changing(): Changing[] {
    const merged = new Map(this.previous);
    for (const [id, c] of this.recent) merged.set(id, { ...c, count: c.count + (merged.get(id)?.count ?? 0) });
    // Events only report what their objects do (a crash loop's BackOff counts up every 10 s): the objects come first.
    const report = (c: Changing) => (c.resource === 'events' ? 1 : 0);
    return [...merged.values()].sort((a, b) => report(a) - report(b) || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
