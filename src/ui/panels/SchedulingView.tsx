import { useMemo } from 'react';
import type { SchedulingDecision } from '../../sim/k8s/index';
import { schedulingTable, type SchedulingRow } from '../../viz/index';

const MAX_ROWS = 24;

/** "Why this node?": the scheduler's decision, node by node — filters, scores, the winner; or why nothing fits. */
export function SchedulingView({ decision, podName }: { decision: SchedulingDecision | undefined; podName: string }) {
  const table = useMemo(() => (decision ? schedulingTable(decision) : undefined), [decision]);
  if (!table) return <p className="muted panel-empty">The scheduler has not looked at {podName} yet (or the pod was bound without it).</p>;
  const rows = table.rows.slice(0, MAX_ROWS);
  return (
    <div className="scheduling">
      <p className="scheduling-summary">
        {table.nodeName ? (
          <>
            Bound to <strong>{table.nodeName}</strong>: {table.feasible ?? '?'} of {table.evaluated} evaluated nodes passed every filter
            {table.evaluated < table.total ? ` (the scheduler sampled ${table.evaluated} of ${table.total})` : ''}; the highest total score won.
          </>
        ) : (
          <>
            <strong>No node fits.</strong> {table.message}
          </>
        )}
      </p>
      {table.hints.length > 0 && (
        <div className="scheduling-hints">
          <h4>What would make it fit</h4>
          <ul>
            {table.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
      )}
      {table.truncated && <p className="muted">Only the chosen node is kept for older decisions.</p>}
      <ol className="scheduling-nodes" aria-label="Nodes evaluated">
        {rows.map((row) => (
          <NodeVerdict key={row.node} row={row} />
        ))}
      </ol>
      {table.rows.length > rows.length && <p className="muted">…and {table.rows.length - rows.length} more nodes.</p>}
    </div>
  );
}

const OUTCOME: Record<SchedulingRow['outcome'], string> = { chosen: '✓ chosen', feasible: 'feasible', filtered: '✗ filtered out' };

function NodeVerdict({ row }: { row: SchedulingRow }) {
  return (
    <li className={`verdict is-${row.outcome}`}>
      <div className="verdict-head">
        <span className="verdict-node">{row.node}</span>
        <span className="verdict-outcome">{OUTCOME[row.outcome]}</span>
        {row.total !== undefined && <span className="verdict-total">score {row.total}</span>}
      </div>
      <ul className="verdict-filters" aria-label={`Filters on ${row.node}`}>
        {row.filters.map((f) => (
          <li key={f.plugin} className={`filter is-${f.verdict}`}>
            <span aria-hidden="true">{f.verdict === 'pass' ? '✓' : f.verdict === 'fail' ? '✗' : '–'}</span> {f.plugin}
            {f.reasons.length > 0 && <span className="filter-reason">: {f.reasons.join('; ')}</span>}
            <span className="sr-only"> ({f.verdict === 'pass' ? 'passed' : f.verdict === 'fail' ? 'failed' : 'not run'})</span>
          </li>
        ))}
      </ul>
      {row.scores.length > 0 && (
        <table className="verdict-scores">
          <caption className="sr-only">Scores on {row.node}</caption>
          <thead>
            <tr>
              <th scope="col">Score plugin</th>
              <th scope="col">Score</th>
              <th scope="col" aria-label="Weight">×</th>
              <th scope="col" aria-label="Weighted score">=</th>
            </tr>
          </thead>
          <tbody>
            {row.scores.map((s) => (
              <tr key={s.plugin}>
                <td>{s.plugin}</td>
                <td className="num">{s.score}</td>
                <td className="num">×{s.weight}</td>
                <td className="num">{s.weighted}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="num">{row.total}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </li>
  );
}
