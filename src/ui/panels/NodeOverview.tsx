import { useTranslation } from 'react-i18next';
import { selectSnapshot, type ObjectRef } from '../../state/index';
import { formatCpu, formatMemory } from '../../viz/index';
import { clusterViewOf } from '../cluster/useClusterView';
import { useApp } from '../hooks/useApp';
import { fixedName } from '../i18n/index';
import { Labels } from './Labels';
import { NodeShapeControls } from './NodeShapeControls';
import { OrphanPodsNotice } from './OrphanPodsNotice';
import { Gone } from './PodOverview';

/** Pods listed in the node panel (enough to reach any pod from the keyboard in the dense drawing). */
const PODS_LISTED = 60;

/** A node at a glance, its pods, and its actions. */
export function NodeOverview({ target }: { target: ObjectRef }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const stopNode = useApp((s) => s.stopNode);
  const startNode = useApp((s) => s.startNode);
  const cordonNode = useApp((s) => s.cordonNode);
  const drainNode = useApp((s) => s.drainNode);
  const selectPod = useApp((s) => s.selectPod);
  const name = target.name;
  const node = clusterViewOf(snapshot).nodes.find((n) => n.name === name);
  const raw = snapshot.nodes.find((n) => n.metadata?.name === name);
  if (!node || !raw)
    return (
      <>
        <Gone what="Node" />
        <OrphanPodsNotice node={name} />
      </>
    );
  return (
    <>
      <dl className="facts">
        <dt>{t('inspector.status')}</dt>
        <dd>
          {node.readiness}
          {node.unschedulable ? ', SchedulingDisabled' : ''}
          {node.stopped ? <span className="muted"> {t('node.poweredOff')}</span> : null}
        </dd>
        <dt>{t('node.roles')}</dt>
        <dd>{node.roles.length > 0 ? node.roles.join(',') : '<none>'}</dd>
        <dt>{t('node.taints')}</dt>
        <dd>{node.taints.length > 0 ? node.taints.join(' ') : <span className="muted">{t('common.none')}</span>}</dd>
        <dt>{t('node.requests')}</dt>
        <dd>
          {t('node.requestsValue', { cpu: formatCpu(node.cpu.requested), cpuAllocatable: formatCpu(node.cpu.allocatable), memory: formatMemory(node.memory.requested), memoryAllocatable: formatMemory(node.memory.allocatable) })}
        </dd>
        <dt>{t('node.pods')}</dt>
        <dd>
          {node.pods.length} / {node.podCapacity}
        </dd>
        <dt>{t('inspector.labels')}</dt>
        <dd>
          <Labels labels={raw.metadata?.labels} />
        </dd>
      </dl>
      <div className="panel-actions">
        <button type="button" className="button danger" onClick={() => stopNode(name)} aria-label={fixedName('Stop node', t('visible.stopNode'))} title={`kubeplay node stop ${name}`}>
          {t('visible.stopNode')}
        </button>
        <button type="button" className="button" onClick={() => startNode(name)} title={`kubeplay node start ${name}`}>
          {t('node.startNode')}
        </button>
        <button type="button" className="button" onClick={() => cordonNode(name, !node.unschedulable)} title={`kubectl ${node.unschedulable ? 'uncordon' : 'cordon'} ${name}`}>
          {node.unschedulable ? t('node.uncordon') : t('node.cordon')}
        </button>
        <button type="button" className="button" onClick={() => drainNode(name)} title={`kubectl drain ${name} --ignore-daemonsets`}>
          {t('node.drain')}
        </button>
      </div>
      <NodeShapeControls node={raw} />
      {node.pods.length > 0 && (
        <>
          <h4 className="panel-subhead">{t('node.podsOn', { name })}</h4>
          <ul className="pod-list">
            {node.pods.slice(0, PODS_LISTED).map((p) => (
              <li key={p.key}>
                <button type="button" className="link-button" onClick={() => selectPod({ namespace: p.namespace, name: p.name })}>
                  <span className={`status-dot look-${p.look}`} aria-hidden="true" />
                  {p.name}
                </button>{' '}
                <span className="muted">{p.status}</span>
              </li>
            ))}
          </ul>
          {node.pods.length > PODS_LISTED && <p className="muted">{t('node.more', { count: node.pods.length - PODS_LISTED, name })}</p>}
        </>
      )}
    </>
  );
}
