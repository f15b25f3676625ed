import { useTranslation } from 'react-i18next';
import { selectElapsedSeconds, selectNowSecond, selectStarted } from '../../state/index';
import { useApp } from '../hooks/useApp';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Elapsed virtual time as `H:MM:SS` (hours grow as needed). */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** The virtual clock: time since the cluster started; the full timestamp on hover. */
export function VirtualClock() {
  const { t } = useTranslation();
  // Whole seconds: the clock re-renders once a second, not on every snapshot.
  const elapsed = useApp(selectElapsedSeconds) * 1000;
  const now = useApp(selectNowSecond);
  // Before the cluster exists there is no virtual date to name: the clock reads 00:00:00 and nothing more.
  const started = useApp(selectStarted);
  const iso = started ? new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z') : undefined;
  return (
    <div className="clock" title={iso && t('topbar.clockTitle', { iso })}>
      <span className="clock-caption">{t('topbar.clockCaption')}</span>
      <time className="clock-value" dateTime={iso} aria-label={t('topbar.clockLabel', { elapsed: formatElapsed(elapsed) })}>
        {formatElapsed(elapsed)}
      </time>
    </div>
  );
}
