import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { selectSnapshot } from '../../state/index';
import { ownerChain } from '../../viz/index';
import { useApp } from '../hooks/useApp';

/** "Controlled by" up the chain: ReplicaSet (revision) → Deployment; a Deployment is a button that selects it. */
export function OwnerChain({ meta }: { meta: ObjectMeta | undefined }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const select = useApp((s) => s.select);
  const chain = ownerChain(meta, snapshot);
  if (chain.length === 0) return <span className="muted">{t('inspector.bare', { what: meta ? t('inspector.bareObject') : t('inspector.barePod') })}</span>;
  return (
    <ol className="owner-chain" aria-label={t('inspector.ownerChain')}>
      {chain.map((link) => (
        <li key={`${link.kind}/${link.name}`}>
          {link.kind === 'Deployment' && link.exists ? (
            <button type="button" className="link-button" onClick={() => select({ kind: 'Deployment', namespace: link.namespace, name: link.name })}>
              Deployment {link.name}
            </button>
          ) : (
            <span>
              {link.kind} {link.name}
              {link.revision !== undefined ? <span className="muted"> {t('inspector.revision', { revision: link.revision })}</span> : null}
              {!link.exists ? <span className="muted"> {t('inspector.ownerGone')}</span> : null}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
