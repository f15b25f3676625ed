import { useMemo } from 'react';
import { selectSnapshot } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** One line of counts above the drawing: nodes ready, pods running. */
export function ClusterSummary() {
  const snapshot = useApp(selectSnapshot);
  const text = useMemo(() => {
    const ready = snapshot.nodes.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    const running = snapshot.pods.filter((p) => p.status?.phase === 'Running').length;
    const nodes = `${ready}/${snapshot.nodes.length} nodes ready`;
    const pods = `${snapshot.pods.length} ${snapshot.pods.length === 1 ? 'pod' : 'pods'}, ${running} running`;
    return `${nodes} · ${pods}`;
  }, [snapshot]);
  return <p className="cluster-summary">{text}</p>;
}
