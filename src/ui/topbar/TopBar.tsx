import { useTranslation } from 'react-i18next';
import { KUBERNETES_VERSION, selectStarted } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { Logo } from './Logo';
import { SpeedControl } from './SpeedControl';
import { TimeControls } from './TimeControls';
import { VirtualClock } from './VirtualClock';

/** Product name, playback speed, step and fast-forward, the virtual clock, Reset and the language. */
export function TopBar() {
  const { t } = useTranslation();
  const reset = useApp((s) => s.reset);
  // Nothing to reset while the first cluster is starting (or if it could not).
  const started = useApp(selectStarted);
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Kubeplay</span>
        <span className="brand-sub">{t('app.tagline', { version: KUBERNETES_VERSION.replace(/\.\d+$/, '') })}</span>
      </div>
      <div className="topbar-controls">
        <SpeedControl />
        <TimeControls />
        <VirtualClock />
        <button type="button" className="button" onClick={reset} disabled={!started} title={t('topbar.resetTitle')}>
          {t('topbar.reset')}
        </button>
        <LanguageSelect />
      </div>
    </header>
  );
}
