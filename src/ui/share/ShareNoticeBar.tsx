import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/useApp';
import './share.css';

/**
 * What happened to the last link or file opened: opened beside the
 * learner's own work, or refused (with the reason, shown as text). A
 * refused link leaves the default scenario on screen.
 */
export function ShareNoticeBar({ problemsOnly = false }: { problemsOnly?: boolean }) {
  const { t } = useTranslation();
  const notice = useApp((s) => s.shareNotice);
  const dismiss = useApp((s) => s.dismissShareNotice);
  if (!notice || (problemsOnly && notice.tone !== 'problem')) return null;
  const text = notice.kind === 'opened' ? t(`share.opened_${notice.origin === 'file' ? 'file' : 'link'}`) : t(`share.refused_${notice.origin === 'file' ? 'file' : 'link'}`, { reason: notice.reason ?? '' });
  return (
    <div className={`share-notice ${notice.tone}`} role={notice.tone === 'problem' ? 'alert' : 'status'}>
      <span className="share-notice-text">{text}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label={t('common.dismiss')} title={t('common.dismiss')}>
        ×
      </button>
    </div>
  );
}
