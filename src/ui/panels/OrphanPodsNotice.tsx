import { useTranslation } from 'react-i18next';
import { selectSnapshot } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { orphanPods } from './orphanPods';

/** Pods listed in the notice at most (the rest are counted). */
const LISTED = 12;

/**
 * Says which pods are still bound to a deleted node — listed by kubectl,
 * absent from the drawing — each selectable, until the pod GC deletes them.
 * Renders nothing when there are none (on `node`, when given).
 */
export function OrphanPodsNotice({ node, compact = false }: { node?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const selectPod = useApp((s) => s.selectPod);
  const all = orphanPods(snapshot);
  const pods = node === undefined ? all : all.filter((p) => p.nodeName === node);
  if (pods.length === 0) return null;
  const nodes = [...new Set(pods.map((p) => p.nodeName))].join(', ');
  return (
    <div className={compact ? 'orphan-pods is-compact' : 'orphan-pods'}>
      <p>{t(compact ? 'orphans.short' : 'orphans.notice', { count: pods.length, nodes })}</p>
      <ul className="pod-list" aria-label={t('orphans.list')}>
        {pods.slice(0, LISTED).map((p) => (
          <li key={p.key}>
            <button type="button" className="link-button" onClick={() => selectPod({ namespace: p.namespace, name: p.name })}>
              <span className="status-dot look-unknown" aria-hidden="true" />
              {p.name}
            </button>{' '}
            <span className="muted">{p.status}</span>
          </li>
        ))}
      </ul>
      {pods.length > LISTED && <p className="muted">{t('orphans.more', { count: pods.length - LISTED })}</p>}
    </div>
  );
}
