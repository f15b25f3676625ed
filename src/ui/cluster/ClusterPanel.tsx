import { useMemo } from 'react';
import { selectSnapshot } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { ClusterDrawing } from './ClusterDrawing';
import { ClusterSummary } from './ClusterSummary';
import { EmptyState } from './EmptyState';
import { Inspector } from '../panels/Inspector';

/** The cluster view: a region named "Cluster" with the drawing, the empty state and the pod panel. */
export function ClusterPanel() {
  const snapshot = useApp(selectSnapshot);
  const empty = useMemo(() => !snapshot.pods.some((p) => p.metadata?.namespace !== 'kube-system'), [snapshot]);
  return (
    <section className="panel cluster" aria-labelledby="cluster-title">
      <div className="panel-header">
        <h2 id="cluster-title" className="panel-title">
          Cluster
        </h2>
        <ClusterSummary />
      </div>
      <div className="cluster-body">
        <div className="cluster-main">
          {empty && <EmptyState />}
          <ClusterDrawing />
        </div>
        <Inspector />
      </div>
    </section>
  );
}
