import type { Pod } from 'kubernetes-types/core/v1';
import { useTranslation } from 'react-i18next';
import { humanDuration } from '../../lib/duration';
import { selectNow, selectSnapshot, type ObjectRef } from '../../state/index';
import { clusterViewOf } from '../cluster/useClusterView';
import { useApp } from '../hooks/useApp';
import { fixedName } from '../i18n/index';
import { Labels } from './Labels';
import { OwnerChain } from './OwnerChain';
import { orphanPods } from './orphanPods';

/** A pod at a glance, and its actions (each a command in the terminal). */
export function PodOverview({ target }: { target: ObjectRef }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const now = useApp(selectNow);
  const killPod = useApp((s) => s.killPod);
  const crashContainer = useApp((s) => s.crashContainer);
  const selectNode = useApp((s) => s.selectNode);
  const ns = target.namespace ?? 'default';
  const raw = snapshot.pods.find((p) => p.metadata?.name === target.name && (p.metadata?.namespace ?? 'default') === ns);
  const view = clusterViewOf(snapshot);
  const key = `${ns}/${target.name}`;
  const orphan = orphanPods(snapshot).find((p) => p.key === key);
  const pod = view.nodes.flatMap((n) => n.pods).find((p) => p.key === key) ?? view.unscheduled.find((p) => p.key === key) ?? (orphan && orphanFacts(orphan.pod, orphan.status));
  if (!raw || !pod) return <Gone what="Pod" />;
  const ref = { namespace: ns, name: target.name };
  return (
    <>
      {orphan && (
        <p className="orphan-pods" role="status">
          {t('orphans.pod', { node: orphan.nodeName })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('inspector.status')}</dt>
        <dd>
          <span className={`status-dot look-${pod.look}`} aria-hidden="true" />
          {pod.status} <span className="muted">({t(`look.${pod.look}`)})</span>
        </dd>
        <dt>{t('inspector.ready')}</dt>
        <dd>{pod.ready}</dd>
        <dt>{t('inspector.node')}</dt>
        <dd>
          {orphan ? (
            <>
              <span className="mono">{orphan.nodeName}</span> <span className="muted">{t('orphans.nodeDeleted')}</span>
            </>
          ) : pod.nodeName ? (
            <button type="button" className="link-button" onClick={() => selectNode(pod.nodeName)}>
              {pod.nodeName}
            </button>
          ) : (
            <span className="muted">{t('inspector.notScheduled')}</span>
          )}
        </dd>
        <dt>{t('inspector.ip')}</dt>
        <dd>{pod.podIP ?? <span className="muted">{t('inspector.noneYet')}</span>}</dd>
        <dt>{t('inspector.restarts')}</dt>
        <dd>{pod.restarts}</dd>
        <dt>{t('inspector.age')}</dt>
        <dd>{pod.createdAt !== undefined ? humanDuration(now - pod.createdAt) : '—'}</dd>
        <dt>{t('inspector.owners')}</dt>
        <dd>
          <OwnerChain meta={raw.metadata} />
        </dd>
        <dt>{t('inspector.labels')}</dt>
        <dd>
          <Labels labels={raw.metadata?.labels} />
        </dd>
        {(raw.spec?.ephemeralContainers?.length ?? 0) > 0 && (
          <>
            <dt>{t('inspector.ephemeral')}</dt>
            <dd>
              <EphemeralList pod={raw} />
            </dd>
          </>
        )}
      </dl>
      <div className="panel-actions">
        <button type="button" className="button danger" onClick={() => killPod(ref)} aria-label={fixedName('Kill pod', t('visible.killPod'))} title={`kubectl delete pod ${target.name} --grace-period=0 --force`}>
          {t('visible.killPod')}
        </button>
        {!orphan && (
          <button type="button" className="button" onClick={() => crashContainer(ref)} title={`kubeplay container crash ${target.name}`}>
            {t('inspector.crashContainer')}
          </button>
        )}
      </div>
    </>
  );
}

/** The pod's ephemeral containers (`kubectl debug`): each one's name and whether it runs, starts or has exited. */
function EphemeralList({ pod }: { pod: Pod }) {
  const { t } = useTranslation();
  const statuses = pod.status?.ephemeralContainerStatuses ?? [];
  return (
    <ul className="plain-list">
      {(pod.spec?.ephemeralContainers ?? []).map((c) => {
        const state = statuses.find((s) => s.name === c.name)?.state;
        const said = state?.running ? t('inspector.ephemeralState.running') : state?.terminated ? t('inspector.ephemeralState.terminated', { code: state.terminated.exitCode }) : t('inspector.ephemeralState.waiting');
        return (
          <li key={c.name}>
            <span className="mono">{c.name}</span> <span className="muted">({said})</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The overview's facts for a pod bound to a deleted node (the view model has
 * no node to hold it): its last written status, and no kubelet reporting —
 * the look of a pod on a node that stopped reporting.
 */
function orphanFacts(pod: Pod, status: string) {
  const statuses = pod.status?.containerStatuses ?? [];
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '');
  return {
    look: 'unknown' as const,
    status,
    ready: `${statuses.filter((c) => c.ready).length}/${pod.spec?.containers?.length ?? statuses.length}`,
    nodeName: pod.spec?.nodeName,
    podIP: pod.status?.podIP,
    restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    createdAt: Number.isNaN(created) ? undefined : created,
  };
}

/** What a panel says when its object was deleted while open. */
export function Gone({ what }: { what: 'Pod' | 'Node' | 'Deployment' | 'Service' }) {
  const { t } = useTranslation();
  return (
    <p className="muted panel-empty" role="status">
      {t(`inspector.gone.${what}`)}
    </p>
  );
}
