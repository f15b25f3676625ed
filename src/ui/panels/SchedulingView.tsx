import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { withEmphasis } from '../i18n/emphasis';
import { PreemptionNote } from './PreemptionNote';
import type { SchedulingDecision } from '../../sim/k8s/index';
import { schedulingTable, type SchedulingRow } from '../../viz/index';

const MAX_ROWS = 24;

/** "Why this node?": the scheduler's decision, node by node — filters, scores, the winner; or why nothing fits. */
export function SchedulingView({ decision, podName }: { decision: SchedulingDecision | undefined; podName: string }) {
  const { t } = useTranslation();
  const table = useMemo(() => (decision ? schedulingTable(decision) : undefined), [decision]);
  if (!table) return <p className="muted panel-empty">{t('scheduling.notYet', { pod: podName })}</p>;
  const rows = table.rows.slice(0, MAX_ROWS);
  return (
    <div className="scheduling">
      <p className="scheduling-summary">
        {table.nodeName ? (
          withEmphasis(
            t('scheduling.boundTo', {
              node: table.nodeName,
              feasible: table.feasible ?? '?',
              evaluated: table.evaluated,
              sampled: table.evaluated < table.total ? t('scheduling.sampled', { evaluated: table.evaluated, total: table.total }) : '',
            }),
          )
        ) : (
          <>
            <strong>{t('scheduling.noFit')}</strong> {table.message}
          </>
        )}
      </p>
      {decision?.preemption && <PreemptionNote preemption={decision.preemption} boundTo={decision.nodeName} />}
      {table.hints.length > 0 && (
        <div className="scheduling-hints">
          <h4>{t('scheduling.hints')}</h4>
          <ul>
            {table.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
      )}
      {table.truncated && <p className="muted">{t('scheduling.truncated')}</p>}
      <ol className="scheduling-nodes" aria-label={t('scheduling.nodes')}>
        {rows.map((row) => (
          <NodeVerdict key={row.node} row={row} t={t} />
        ))}
      </ol>
      {table.rows.length > rows.length && <p className="muted">{t('scheduling.more', { count: table.rows.length - rows.length })}</p>}
    </div>
  );
}

function NodeVerdict({ row, t }: { row: SchedulingRow; t: TFunction }) {
  return (
    <li className={`verdict is-${row.outcome}`}>
      <div className="verdict-head">
        <span className="verdict-node">{row.node}</span>
        <span className="verdict-outcome">{t(`scheduling.${row.outcome}`)}</span>
        {row.total !== undefined && <span className="verdict-total">{t('scheduling.score', { total: row.total })}</span>}
      </div>
      <ul className="verdict-filters" aria-label={t('scheduling.filtersOn', { node: row.node })}>
        {row.filters.map((f) => (
          <li key={f.plugin} className={`filter is-${f.verdict}`}>
            <span aria-hidden="true">{f.verdict === 'pass' ? '✓' : f.verdict === 'fail' ? '✗' : '–'}</span> {f.plugin}
            {f.reasons.length > 0 && <span className="filter-reason">: {f.reasons.join('; ')}</span>}
            <span className="sr-only"> ({f.verdict === 'pass' ? t('scheduling.passed') : f.verdict === 'fail' ? t('scheduling.failed') : t('scheduling.notRun')})</span>
          </li>
        ))}
      </ul>
      {row.scores.length > 0 && (
        <table className="verdict-scores">
          <caption className="sr-only">{t('scheduling.scoresOn', { node: row.node })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scheduling.plugin')}</th>
              <th scope="col">{t('scheduling.scoreCol')}</th>
              <th scope="col" aria-label={t('scheduling.weight')}>×</th>
              <th scope="col" aria-label={t('scheduling.weighted')}>=</th>
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
                {t('scheduling.total')}
              </th>
              <td className="num">{row.total}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </li>
  );
}
