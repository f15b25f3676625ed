import { useTranslation } from 'react-i18next';
import { selectBootError, selectBooting } from '../../state/index';
import { useApp } from '../hooks/useApp';

/**
 * While the engine loads, the cluster view's frame says the cluster is
 * starting (faded in after a moment, so a fast load shows nothing); if the
 * engine cannot load, it says so.
 */
export function BootState() {
  const { t } = useTranslation();
  const booting = useApp(selectBooting);
  const error = useApp(selectBootError);
  if (error !== undefined) {
    return (
      <div className="boot-state boot-failed" role="alert">
        <p>{t('cluster.bootFailed', { error })}</p>
      </div>
    );
  }
  if (!booting) return null;
  return (
    <div className="boot-state" role="status">
      <span className="boot-spinner" aria-hidden="true" />
      <p>{t('cluster.starting')}</p>
    </div>
  );
}
