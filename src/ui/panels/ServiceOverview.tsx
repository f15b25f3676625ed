import { useTranslation } from 'react-i18next';
import { selectSnapshot, type ObjectRef } from '../../state/index';
import { workloadsViewOf } from '../cluster/useClusterView';
import { useApp } from '../hooks/useApp';
import { Labels } from './Labels';
import { Gone } from './PodOverview';

/** A Service: address, selector, and its endpoints — ready ones get traffic, the others do not. */
export function ServiceOverview({ target }: { target: ObjectRef }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const selectPod = useApp((s) => s.selectPod);
  const ns = target.namespace ?? 'default';
  const svc = workloadsViewOf(snapshot).services.find((x) => x.name === target.name && x.namespace === ns);
  const raw = snapshot.services.find((x) => x.metadata?.name === target.name && (x.metadata?.namespace ?? 'default') === ns);
  if (!svc || !raw) return <Gone what="Service" />;
  const selector = Object.entries(raw.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return (
    <>
      <dl className="facts">
        <dt>{t('service.type')}</dt>
        <dd>{svc.type}</dd>
        <dt>{t('service.clusterIP')}</dt>
        <dd>{svc.clusterIP || <span className="muted">{t('common.none')}</span>}</dd>
        <dt>{t('service.ports')}</dt>
        <dd>{svc.ports || <span className="muted">{t('common.none')}</span>}</dd>
        <dt>{t('service.selector')}</dt>
        <dd>{selector || <span className="muted">{t('service.noSelector')}</span>}</dd>
        <dt>{t('inspector.labels')}</dt>
        <dd>
          <Labels labels={raw.metadata?.labels} />
        </dd>
      </dl>
      <h4 className="panel-subhead">
        {t('service.endpoints', { ready: svc.readyCount })}
        {svc.endpoints.length > svc.readyCount ? t('service.notReadyEndpoints', { count: svc.endpoints.length - svc.readyCount }) : ''}
      </h4>
      {svc.endpoints.length === 0 ? (
        <p className="muted">{t('service.noEndpoints')}</p>
      ) : (
        <ul className="pod-list">
          {svc.endpoints.map((ep, i) => (
            <li key={`${ep.ip}#${i}`}>
              <span className={`status-dot ${ep.ready ? 'look-ready' : 'look-notReady'}`} aria-hidden="true" />
              <span className="mono">{ep.ip}</span>{' '}
              {ep.podKey ? (
                <button type="button" className="link-button" onClick={() => selectPod({ namespace: ep.podKey!.split('/')[0], name: ep.podKey!.split('/')[1] })}>
                  {ep.podKey.split('/')[1]}
                </button>
              ) : null}{' '}
              <span className="muted">{ep.ready ? t('service.epReady') : ep.terminating ? t('service.epTerminating') : t('service.epNotReady')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
