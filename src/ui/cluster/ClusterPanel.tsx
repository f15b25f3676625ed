import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { selectNoWorkloadPods, selectSelection, selectStarted } from '../../state/index';
import { EventsFeed, useWarningCount } from '../events/EventsFeed';
import { useApp } from '../hooks/useApp';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { NARROW_QUERY } from '../layout/phone';
import { SplitPane } from '../layout/SplitPane';
import { Inspector } from '../panels/Inspector';
import { AddNodeButton } from './AddNodeDialog';
import { BootState } from './BootState';
import { ClusterDrawing } from './ClusterDrawing';
import { ClusterSummary } from './ClusterSummary';
import { EmptyState } from './EmptyState';
import { TrafficStatus } from './TrafficStatus';

/**
 * The cluster view: a region named "Cluster" with the drawing (and the empty
 * state, or while the engine loads the starting state), the events feed under it when open, and the inspector beside it
 * (under it on a phone, where beside would leave both too thin to read).
 */
export function ClusterPanel({ title, sideBySide = false }: { title?: string; sideBySide?: boolean } = {}) {
  const { t } = useTranslation();
  const started = useApp(selectStarted);
  // Booleans and counts, not the snapshot: the panel (and all it holds) re-renders when they change, not on every snapshot.
  const empty = useApp(selectNoWorkloadPods);
  const [feedOpen, setFeedOpen] = useState(false);
  const phone = useMediaQuery(NARROW_QUERY);
  const warnings = useWarningCount();
  const selection = useApp(selectSelection);
  return (
    <section className="panel cluster" aria-label="Cluster">
      <div className="panel-header">
        <h2 id="cluster-title" className="panel-title">
          {title ?? t('visible.cluster')}
        </h2>
        <ClusterSummary />
        <TrafficStatus />
        <button type="button" className="button events-toggle" aria-expanded={feedOpen} aria-controls={feedOpen ? 'events-feed' : undefined} onClick={() => setFeedOpen((o) => !o)}>
          {t('cluster.events')}
          {warnings > 0 && (
            <span className="events-badge">
              <span aria-hidden="true">⚠ </span>
              {warnings}
              <span className="sr-only"> {t('cluster.warnings')}</span>
            </span>
          )}
        </button>
        <AddNodeButton />
      </div>
      <div className="cluster-body">
        {/* The inspector beside the drawing, resizable; closed, the drawing takes the room (and stays mounted). */}
        <SplitPane
          key={phone ? 'phone' : 'beside'}
          direction={phone ? 'column' : 'row'}
          storageKey={phone ? 'kubeplay.split.inspector.phone' : 'kubeplay.split.inspector'}
          initial={phone ? 0.45 : 0.52}
          min={0.3}
          max={0.8}
          label={t('app.resizeInspector')}
          className="cluster-split"
          collapsed={!selection}
          first={
            <div className="cluster-main">
              {started ? empty && <EmptyState /> : <BootState />}
              <ClusterDrawing sideBySide={sideBySide} />
              {feedOpen && <EventsFeed onClose={() => setFeedOpen(false)} />}
            </div>
          }
          second={<Inspector />}
        />
      </div>
    </section>
  );
}
