import { useTranslation } from 'react-i18next';
import { KUBERNETES_VERSION } from '../../state/index';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { ResetButton } from '../history/ResetButton';
import { ShareButton } from '../share/ShareButton';
import { LessonsButton } from '../lessons/LessonsButton';
import { Logo } from './Logo';
import { SpeedControl } from './SpeedControl';
import { TimeControls } from './TimeControls';
import { ViewModeSwitch } from './ViewModeSwitch';
import { VirtualClock } from './VirtualClock';

/** Product name, the cluster mode, playback speed, step and fast-forward, the virtual clock, Reset and the language. */
export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Kubeplay</span>
        <span className="brand-sub">{t('app.tagline', { version: KUBERNETES_VERSION.replace(/\.\d+$/, '') })}</span>
      </div>
      <div className="topbar-controls">
        <ViewModeSwitch />
        <SpeedControl />
        <TimeControls />
        <VirtualClock />
        <ResetButton />
        <ShareButton />
        <LessonsButton />
        <LanguageSelect />
      </div>
    </header>
  );
}
