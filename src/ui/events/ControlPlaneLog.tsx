import { useTranslation } from 'react-i18next';
import { humanDuration } from '../../lib/duration';
import { selectNotes, selectNow } from '../../state/index';
import { noteLines } from '../../viz/index';
import { useApp } from '../hooks/useApp';

/** What each component said it did, oldest first: the control loops at work. */
export function ControlPlaneLog() {
  const { t } = useTranslation();
  const notes = useApp(selectNotes);
  const now = useApp(selectNow);
  const lines = noteLines(notes);
  if (lines.length === 0) return <p className="muted panel-empty">{t('feed.cpEmpty')}</p>;
  return (
    <ol className="cp-log" aria-label={t('feed.controlPlane')}>
      {lines.map((l) => (
        <li key={l.seq}>
          <span className="cp-log-age mono">{humanDuration(now - l.at)}</span> <span className="cp-log-actor">{l.actor}</span> <span className="cp-log-text">{l.text}</span>
        </li>
      ))}
    </ol>
  );
}
