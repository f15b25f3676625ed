import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/useApp';

/**
 * A replay that takes a while (a long share link or scenario): how many of its commands have
 * run, as a progress bar with its numbers in words. Short replays finish before it shows.
 */
export function ReplayProgress() {
  const { t } = useTranslation();
  const progress = useApp((s) => s.replayProgress);
  if (!progress) return null;
  const text = t('share.replayProgress', { done: progress.done, total: progress.total });
  return (
    <div className="replay-progress">
      <span className="replay-progress-text">{text}</span>
      <div className="replay-progress-track" role="progressbar" aria-label={t('share.replayLabel')} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-valuetext={text}>
        <div className="replay-progress-fill" style={{ width: `${progress.total > 0 ? (100 * progress.done) / progress.total : 0}%` }} />
      </div>
    </div>
  );
}
