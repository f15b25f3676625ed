import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectTimeline } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { formatElapsed } from '../topbar/VirtualClock';

/**
 * The session along virtual time: a slider named "Timeline" over marks for
 * each command (tall: changes the cluster; short: only looks) and warning
 * events. Dragging it replays the session up to that moment; reaching the
 * end again returns to now.
 */
export function Timeline() {
  const { t } = useTranslation();
  const legend = useId();
  const view = useApp(useShallow(selectTimeline));
  const started = useApp((s) => !s.booting && s.bootError === undefined);
  const viewAt = useApp((s) => s.viewAt);
  const backToNow = useApp((s) => s.backToNow);
  const inPast = useApp((s) => s.past !== undefined);
  const end = Math.max(view.end, 1);
  const pct = (at: number) => `${Math.min(100, (at / end) * 100)}%`;
  const valueText = t('session.timelineValue', { time: formatElapsed(view.at), end: formatElapsed(view.end), count: view.commandsBefore });

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    // Page Up/Down move ten seconds, arrows one: the input's own step is one second.
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      viewAt(view.at + (e.key === 'PageUp' ? 10_000 : -10_000));
    }
  };
  const commit = (value: number) => {
    if (inPast && value >= view.end) void backToNow();
  };

  return (
    <div className="timeline" title={t('session.timelineTitle')}>
      <div className="timeline-track" aria-hidden="true">
        <div className="timeline-fill" style={{ width: pct(view.at) }} />
        {view.marks.map((m, i) => (
          <span key={`${m.at}-${i}`} className={`timeline-mark ${m.type}`} style={{ left: pct(m.at) }} title={`${formatElapsed(m.at)} ${m.text}`} />
        ))}
      </div>
      <input
        type="range"
        className="timeline-input"
        aria-label={t('session.timeline')}
        aria-valuetext={valueText}
        aria-describedby={legend}
        min={0}
        max={view.end}
        step={1000}
        value={view.at}
        disabled={!started}
        onChange={(e) => viewAt(Number(e.target.value))}
        onKeyDown={onKeyDown}
        onPointerUp={(e) => commit(Number(e.currentTarget.value))}
        onKeyUp={(e) => commit(Number(e.currentTarget.value))}
      />
      <span id={legend} className="sr-only">
        {t('session.timelineLegend')}
      </span>
    </div>
  );
}
