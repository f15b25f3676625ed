import { useMemo } from 'react';
import { selectSelectedNode, selectSnapshot } from '../../state/index';
import { buildClusterView, formatCpu, formatMemory } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { usePanelSide } from './usePanelSide';

/** The selected node: what it is, and its actions (each a command in the terminal). */
export function NodePanel() {
  const name = useApp(selectSelectedNode);
  const snapshot = useApp(selectSnapshot);
  const selectNode = useApp((s) => s.selectNode);
  const stopNode = useApp((s) => s.stopNode);
  const startNode = useApp((s) => s.startNode);
  const cordonNode = useApp((s) => s.cordonNode);
  const view = useMemo(() => buildClusterView(snapshot), [snapshot]);
  const node = view.nodes.find((n) => n.name === name);
  const side = usePanelSide('node', name);
  if (!name) return null;
  return (
    <aside id="node-panel" className={`pod-panel on-${side}`} aria-label={`Node ${name}`}>
      <div className="pod-panel-header">
        <h3 className="pod-panel-title">{name}</h3>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => selectNode(undefined)}>
          ×
        </button>
      </div>
      {node ? (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              {node.readiness}
              {node.unschedulable ? ', SchedulingDisabled' : ''}
            </dd>
            <dt>Roles</dt>
            <dd>{node.roles.length > 0 ? node.roles.join(',') : '<none>'}</dd>
            <dt>Taints</dt>
            <dd>{node.taints.length > 0 ? node.taints.join(' ') : <span className="muted">none</span>}</dd>
            <dt>Requests</dt>
            <dd>
              CPU {formatCpu(node.cpu.requested)} of {formatCpu(node.cpu.allocatable)}, memory {formatMemory(node.memory.requested)} of {formatMemory(node.memory.allocatable)}
            </dd>
            <dt>Pods</dt>
            <dd>
              {node.pods.length} / {node.podCapacity}
            </dd>
          </dl>
          <div className="pod-actions">
            <button type="button" className="button danger" onClick={() => stopNode(name)} title={`kubeplay node stop ${name}`}>
              Stop node
            </button>
            <button type="button" className="button" onClick={() => startNode(name)} title={`kubeplay node start ${name}`}>
              Start node
            </button>
            <button type="button" className="button" onClick={() => cordonNode(name, !node.unschedulable)} title={`kubectl ${node.unschedulable ? 'uncordon' : 'cordon'} ${name}`}>
              {node.unschedulable ? 'Uncordon' : 'Cordon'}
            </button>
          </div>
        </>
      ) : (
        <p className="muted pod-gone" role="status">
          This node no longer exists.
        </p>
      )}
    </aside>
  );
}
