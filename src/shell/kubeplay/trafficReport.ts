import { goDuration } from '../../lib/duration';
import type { OutputSink } from '../types';

/** What a `kubeplay traffic` run counted: requests sent, HTTP statuses, answers per pod or task, failures by message. */
export interface TrafficTally {
  sent: number;
  durationMs: number;
  statuses: ReadonlyMap<number, number>;
  /** Answered requests per pod (Services) or task (the swarm's routing mesh). */
  answeredBy: ReadonlyMap<string, number>;
  failures: ReadonlyMap<string, number>;
}

/**
 * The report a traffic run ends with, the same for both clusters: totals,
 * then one row per pod or task (`column`: POD or TASK; `order` sorts the
 * names), then the failures.
 */
export function printTrafficReport(sink: OutputSink, t: TrafficTally, column: string, order: (a: string, b: string) => number): void {
  const answered = [...t.answeredBy.values()].reduce((a, b) => a + b, 0);
  const codes = [...t.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${n}× ${c}`).join(', ');
  sink.stdout(`${t.sent} requests in ${goDuration(t.durationMs)}: ${answered} answered${codes ? ` (${codes})` : ''}, ${t.sent - answered} failed\n`);
  if (t.answeredBy.size) {
    const rows = [...t.answeredBy.entries()].sort((a, b) => order(a[0], b[0]));
    const w = Math.max(column.length, ...rows.map(([name]) => name.length));
    sink.stdout(`${column.padEnd(w)}   REQUESTS   SHARE\n`);
    for (const [name, n] of rows) sink.stdout(`${name.padEnd(w)}   ${String(n).padEnd(8)}   ${((100 * n) / Math.max(1, t.sent)).toFixed(1)}%\n`);
  }
  for (const [m, n] of t.failures) sink.stdout(`failed ×${n}: ${m}\n`);
}
