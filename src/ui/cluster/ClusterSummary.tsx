import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { selectClusterCounts, selectStarted } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** One line of counts above the drawing: nodes ready, pods running. */
export function ClusterSummary() {
  const { t } = useTranslation();
  // The counts as one string: a snapshot that changes none of them re-renders nothing here.
  const counts = useApp(selectClusterCounts);
  const started = useApp(selectStarted);
  const text = useMemo(() => {
    const [ready, total, pods, running] = counts.split('/').map(Number);
    return t('cluster.summary', { ready, total, pods: t('cluster.pods', { count: pods }), running });
  }, [counts, t]);
  // No counts before there is a cluster to count (the drawing's frame says it is starting).
  return <p className="cluster-summary">{started ? text : ''}</p>;
}
