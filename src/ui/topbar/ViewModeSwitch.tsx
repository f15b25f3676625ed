import './viewMode.css';
import { useTranslation } from 'react-i18next';
import { selectViewMode, type ViewMode } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** The three modes, their accessible names (the same in every language, as "Speed") and their glyphs. */
const MODES: readonly { mode: ViewMode; name: string; caption: 'kubernetes' | 'swarm' | 'sideBySide'; icon: string }[] = [
  // A heptagon: the Kubernetes wheel's outline.
  { mode: 'kubernetes', name: 'Kubernetes', caption: 'kubernetes', icon: 'M8 1.5l5 2.4 1.2 5.4-3.4 4.3H5.2L1.8 9.3 3 3.9z' },
  // Three stacked boxes: a swarm's nodes.
  { mode: 'swarm', name: 'Swarm', caption: 'swarm', icon: 'M2 9h5v5H2zM9 9h5v5H9zM5.5 2h5v5h-5z' },
  // Two panes.
  { mode: 'side-by-side', name: 'Side by side', caption: 'sideBySide', icon: 'M1.5 2.5h6v11h-6zM8.5 2.5h6v11h-6z' },
];

/**
 * The cluster area's mode: a radio group named "Cluster mode" (Kubernetes,
 * Swarm, Side by side) drawn as a segmented control. Narrow screens keep the
 * glyphs only; the names stay.
 */
export function ViewModeSwitch() {
  const { t } = useTranslation();
  const mode = useApp(selectViewMode);
  const setViewMode = useApp((s) => s.setViewMode);
  return (
    <div className="view-mode" role="radiogroup" aria-label="Cluster mode">
      {MODES.map((m) => (
        <label key={m.mode} className={m.mode === mode ? 'view-mode-option checked' : 'view-mode-option'} title={t(`viewMode.${m.caption}Title`)}>
          <input type="radio" name="kp-view-mode" className="view-mode-input" value={m.mode} checked={m.mode === mode} aria-label={m.name} onChange={() => setViewMode(m.mode)} />
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d={m.icon} fill={m.mode === 'kubernetes' ? 'none' : 'currentColor'} stroke="currentColor" strokeWidth={m.mode === 'kubernetes' ? 1.6 : 0} strokeLinejoin="round" />
          </svg>
          <span className="view-mode-caption" aria-hidden="true">
            {t(`viewMode.${m.caption}`)}
          </span>
        </label>
      ))}
    </div>
  );
}
