/**
 * Where a Chromium trace's frame time went: self time per event name on the
 * renderer's main thread and on the compositor and raster threads, so
 * `npm run bench:ui -- --trace FILE` says whether a slow frame was
 * script, style, layout, paint or raster.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string; readonly functionName?: string } };
}

export interface ThreadSummary {
  readonly thread: string;
  /** Milliseconds of busy time (top-level events). */
  readonly busyMs: number;
  /** Self time per event name, largest first. */
  readonly self: ReadonlyArray<readonly [string, number]>;
}

/** Threads worth reading for frame time. */
const THREADS = /^(CrRendererMain|Compositor|CompositorTileWorker|VizCompositorThread|ThreadPoolForegroundWorker)/;

/** Self time of complete events, per thread name, in milliseconds. */
export function summarizeTrace(path: string, top = 14): ThreadSummary[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const name = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (!THREADS.test(name)) continue;
    const key = `${name.replace(/\d+$/, '')}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const out: ThreadSummary[] = [];
  for (const [thread, list] of byThread) {
    // Events of one thread nest; several threads of one name (raster workers) are summed.
    const groups = new Map<string, TraceEvent[]>();
    for (const e of list) {
      const k = `${e.pid}:${e.tid}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(e);
    }
    const self = new Map<string, number>();
    let busy = 0;
    for (const g of groups.values()) {
      g.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const stack: { e: TraceEvent; end: number; child: number }[] = [];
      const close = (until: number) => {
        while (stack.length > 0 && stack[stack.length - 1].end <= until) {
          const top = stack.pop()!;
          self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur! - top.child));
          if (stack.length > 0) stack[stack.length - 1].child += top.e.dur!;
        }
      };
      for (const e of g) {
        close(e.ts);
        if (stack.length === 0) busy += e.dur!;
        stack.push({ e, end: e.ts + e.dur!, child: 0 });
      }
      close(Number.POSITIVE_INFINITY);
    }
    const sorted = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([n, us]) => [n, Math.round(us / 100) / 10] as const);
    out.push({ thread, busyMs: Math.round(busy / 1000), self: sorted });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}

/** The summary as lines of text. */
export function formatTraceSummary(summary: readonly ThreadSummary[]): string {
  const lines: string[] = [];
  for (const t of summary) {
    lines.push(`${t.thread}: ${t.busyMs} ms busy`);
    for (const [name, ms] of t.self) lines.push(`  ${String(ms).padStart(8)} ms  ${name}`);
  }
  return lines.join('\n');
}
