import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { selectSnapshot, selectStarted } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** One line of counts above the drawing: nodes ready, pods running. */
export function ClusterSummary() {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const started = useApp(selectStarted);
  const text = useMemo(() => {
    const ready = snapshot.nodes.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    const running = snapshot.pods.filter((p) => p.status?.phase === 'Running').length;
    return t('cluster.summary', { ready, total: snapshot.nodes.length, pods: t('cluster.pods', { count: snapshot.pods.length }), running });
  }, [snapshot, t]);
  // No counts before there is a cluster to count (the drawing's frame says it is starting).
  return <p className="cluster-summary">{started ? text : ''}</p>;
}
