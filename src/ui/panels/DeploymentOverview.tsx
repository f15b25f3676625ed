import { useTranslation } from 'react-i18next';
import { selectSnapshot, type ObjectRef } from '../../state/index';
import { revisionOf } from '../../viz/index';
import { workloadsViewOf } from '../cluster/useClusterView';
import { useApp } from '../hooks/useApp';
import { Labels } from './Labels';
import { Gone } from './PodOverview';

/** A Deployment's rollout in numbers, its ReplicaSets, and its actions. */
export function DeploymentOverview({ target }: { target: ObjectRef }) {
  const { t } = useTranslation();
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
        <dt>{t('deployment.rollout')}</dt>
        <dd>
          {d.state}
          {d.revision !== undefined ? t('deployment.revision', { revision: d.revision }) : ''}
        </dd>
        <dt>{t('deployment.replicas')}</dt>
        <dd>
          {t('deployment.replicasValue', { desired: d.desired, updated: d.updated, total: d.total, available: d.available, unavailable: Math.max(0, d.total - d.available) })}
        </dd>
        <dt>{t('deployment.strategy')}</dt>
        <dd>{d.strategy === 'RollingUpdate' ? t('deployment.rollingUpdate', { surge: d.maxSurge, unavailable: d.maxUnavailable }) : d.strategy}</dd>
        {d.strategy === 'RollingUpdate' && (
          <>
            <dt>{t('deployment.budget')}</dt>
            <dd>
              {t('deployment.budgetValue', { max: d.desired + d.maxSurge, min: floor })}
            </dd>
          </>
        )}
        <dt>{t('inspector.labels')}</dt>
        <dd>
          <Labels labels={raw.metadata?.labels} />
        </dd>
      </dl>
      <div className="panel-actions">
        <button type="button" className="button" onClick={() => scale(target, d.desired - 1)} disabled={d.desired === 0} title={`kubectl scale deployment ${d.name} --replicas=${Math.max(0, d.desired - 1)}`}>
          {t('deployment.scaleDown')}
        </button>
        <button type="button" className="button" onClick={() => scale(target, d.desired + 1)} title={`kubectl scale deployment ${d.name} --replicas=${d.desired + 1}`}>
          {t('deployment.scaleUp')}
        </button>
        <button type="button" className="button" onClick={() => restart(target)} title={`kubectl rollout restart deployment/${d.name}`}>
          {t('deployment.restart')}
        </button>
        <button type="button" className="button" onClick={() => undo(target)} disabled={replicaSets.length < 2} title={`kubectl rollout undo deployment/${d.name}`}>
          {t('deployment.undo')}
        </button>
      </div>
      <h4 className="panel-subhead">ReplicaSets</h4>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">{t('deployment.name')}</th>
            <th scope="col">{t('deployment.revisionCol')}</th>
            <th scope="col">{t('deployment.desired')}</th>
            <th scope="col">{t('deployment.current')}</th>
            <th scope="col">{t('deployment.readyCol')}</th>
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
