import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectTimeline } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { formatElapsed } from '../topbar/VirtualClock';

/**
 * What the session bar says about history: looking at the past (and what a
 * command would do there), a fork that Undo can take back, a replay running
 * or failing, or where the work is saved.
 */
export function PastNotice() {
  const { t } = useTranslation();
  const past = useApp((s) => s.past);
  const fork = useApp((s) => s.fork);
  const replaying = useApp((s) => s.replaying);
  const error = useApp((s) => s.historyError);
  const autosave = useApp((s) => s.autosave);
  const backToNow = useApp((s) => s.backToNow);
  const { commandsAfter } = useApp(useShallow(selectTimeline));

  if (past) {
    return (
      <div className="session-notice past" role="status">
        <strong>{t('session.viewingPast', { time: formatElapsed(past.at) })}</strong>
        <span className="session-notice-hint">{t('session.viewingPastHint', { count: commandsAfter })}</span>
        <button type="button" className="button" onClick={() => void backToNow()}>
          {t('session.backToNow')}
        </button>
      </div>
    );
  }
  if (error) return <div className="session-notice error" role="alert">{t('session.failed', { error })}</div>;
  if (replaying) return <div className="session-notice" role="status">{t('session.replaying')}</div>;
  if (fork) return <div className="session-notice fork" role="status">{t('session.forked', { time: formatElapsed(fork.at), count: fork.commandsDropped })}</div>;
  const saved = autosave === 'on' ? t('session.autosaveOn') : autosave === 'full' ? t('session.autosaveFull') : t('session.autosaveOff');
  return <div className={`session-notice saved ${autosave}`} role="status">{saved}</div>;
}
