import { useTranslation } from 'react-i18next';
import { ClusterArea } from '../cluster/ClusterArea';
import { SplitPane } from '../layout/SplitPane';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { Logo } from '../topbar/Logo';
import { SpeedControl } from '../topbar/SpeedControl';
import { VirtualClock } from '../topbar/VirtualClock';
import { ReplayProgress } from './ReplayProgress';
import { ShareNoticeBar } from './ShareNoticeBar';
import './share.css';

/**
 * `?embed`: a minimal playground for an iframe in a blog or course page —
 * the scenario's cluster view and terminal, speed and clock, and a link
 * that opens the same scenario in the full page. Nothing is saved.
 */
export function EmbedApp({ fullUrl, hasScenario }: { fullUrl: string; hasScenario: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app embed">
      <header className="topbar embed-bar">
        <div className="brand">
          <Logo />
          <span className="brand-name">Kubeplay</span>
        </div>
        <div className="topbar-controls">
          <SpeedControl />
          <VirtualClock />
          <a className="button embed-open" href={fullUrl} target="_blank" rel="noopener noreferrer">
            {t('share.openInKubeplay')}
          </a>
        </div>
      </header>
      {hasScenario ? null : <p className="share-hint embed-note">{t('share.embedNoScenario')}</p>}
      <ShareNoticeBar problemsOnly />
      <ReplayProgress />
      <main className="app-main">
        <SplitPane direction="column" storageKey="kubeplay.split.embed" initial={0.62} min={0.3} max={0.85} label={t('app.resizeTerminal')} first={<ClusterArea />} second={<TerminalPanel minimal />} />
      </main>
    </div>
  );
}
