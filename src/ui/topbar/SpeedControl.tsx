import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SPEEDS, selectSpeed, type Speed } from '../../state/index';
import { useApp } from '../hooks/useApp';

function speedLabel(speed: Speed, t: TFunction): string {
  return speed === 0 ? t('topbar.paused') : `${speed}×`;
}

/** Playback speed of virtual time: a select named "Speed" plus a pause/resume button. */
export function SpeedControl() {
  const { t } = useTranslation();
  const speed = useApp(selectSpeed);
  const setSpeed = useApp((s) => s.setSpeed);
  const togglePause = useApp((s) => s.togglePause);
  const paused = speed === 0;
  return (
    <div className="speed">
      <button type="button" className="icon-button" onClick={togglePause} aria-label={paused ? t('topbar.resume') : t('topbar.pause')} title={paused ? t('topbar.resumeTitle') : t('topbar.pauseTitle')}>
        {paused ? (
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" />
          </svg>
        )}
      </button>
      <label className="speed-label">
        <span className="speed-caption">{t('topbar.speedCaption')}</span>
        <select aria-label="Speed" value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s, t)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
