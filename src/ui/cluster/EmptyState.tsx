import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/useApp';

const TRY = 'kubectl create deployment web --image=nginx --replicas=3';

/** What to do when there is nothing to see yet. The button types the command for you. */
export function EmptyState() {
  const { t } = useTranslation();
  const runCommand = useApp((s) => s.runCommand);
  return (
    <div className="empty-state">
      <p>
        {t('cluster.emptyTry')} <code>{TRY}</code>
      </p>
      <button type="button" className="button" onClick={() => runCommand(TRY, 'ui')}>
        {t('cluster.runIt')}
      </button>
    </div>
  );
}
