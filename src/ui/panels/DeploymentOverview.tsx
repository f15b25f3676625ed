import { selectSnapshot, type ObjectRef } from '../../state/index';
import { revisionOf } from '../../viz/index';
import { workloadsViewOf } from '../cluster/useClusterView';
import { useApp } from '../hooks/useApp';
import { Labels } from './Labels';
import { Gone } from './PodOverview';

/** A Deployment's rollout in numbers, its ReplicaSets, and its actions. */
export function DeploymentOverview({ target }: { target: ObjectRef }) {
  const snapshot = useApp(selectSnapshot);
  const scale = useApp((s) => s.scaleDeployment);
  const restart = useApp((s) => s.restartDeployment);
  const undo = useApp((s) => s.undoDeployment);
  const ns = target.namespace ?? 'default';
  const d = workloadsViewOf(snapshot).deployments.find((x) => x.name === target.name && x.namespace === ns);
  const raw = snapshot.deployments.find((x) => x.metadata?.name === target.name && (x.metadata?.namespace ?? 'default') === ns);
  if (!d || !raw) return <Gone what="Deployment" />;
  const uid = raw.metadata?.uid;
  const replicaSets = snapshot.replicaSets
    .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.controller))
    .map((rs) => ({ name: rs.metadata?.name ?? '', revision: revisionOf(rs), desired: rs.spec?.replicas ?? 0, ready: rs.status?.readyReplicas ?? 0, current: rs.status?.replicas ?? 0 }))
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0));
  const floor = Math.max(0, d.desired - d.maxUnavailable);
  return (
    <>
      <dl className="facts">
        <dt>Rollout</dt>
        <dd>
          {d.state}
          {d.revision !== undefined ? `, revision ${d.revision}` : ''}
        </dd>
        <dt>Replicas</dt>
        <dd>
          {d.desired} desired | {d.updated} updated | {d.total} total | {d.available} available | {Math.max(0, d.total - d.available)} unavailable
        </dd>
        <dt>Strategy</dt>
        <dd>{d.strategy === 'RollingUpdate' ? `RollingUpdate: max surge ${d.maxSurge}, max unavailable ${d.maxUnavailable}` : d.strategy}</dd>
        {d.strategy === 'RollingUpdate' && (
          <>
            <dt>Budget</dt>
            <dd>
              at most {d.desired + d.maxSurge} pods, at least {floor} available
            </dd>
          </>
        )}
        <dt>Labels</dt>
        <dd>
          <Labels labels={raw.metadata?.labels} />
        </dd>
      </dl>
      <div className="panel-actions">
        <button type="button" className="button" onClick={() => scale(target, d.desired - 1)} disabled={d.desired === 0} title={`kubectl scale deployment ${d.name} --replicas=${Math.max(0, d.desired - 1)}`}>
          Scale down
        </button>
        <button type="button" className="button" onClick={() => scale(target, d.desired + 1)} title={`kubectl scale deployment ${d.name} --replicas=${d.desired + 1}`}>
          Scale up
        </button>
        <button type="button" className="button" onClick={() => restart(target)} title={`kubectl rollout restart deployment/${d.name}`}>
          Restart
        </button>
        <button type="button" className="button" onClick={() => undo(target)} disabled={replicaSets.length < 2} title={`kubectl rollout undo deployment/${d.name}`}>
          Undo rollout
        </button>
      </div>
      <h4 className="panel-subhead">ReplicaSets</h4>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Revision</th>
            <th scope="col">Desired</th>
            <th scope="col">Current</th>
            <th scope="col">Ready</th>
          </tr>
        </thead>
        <tbody>
          {replicaSets.map((rs) => (
            <tr key={rs.name}>
              <td className="mono">{rs.name}</td>
              <td className="num">{rs.revision ?? '—'}</td>
              <td className="num">{rs.desired}</td>
              <td className="num">{rs.current}</td>
              <td className="num">{rs.ready}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
