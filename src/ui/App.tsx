import { useTranslation } from 'react-i18next';
import { ClusterPanel } from './cluster/ClusterPanel';
import { FilesPanel } from './files/FilesPanel';
import { SplitPane } from './layout/SplitPane';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopBar } from './topbar/TopBar';

/** The app shell: top bar; the editor beside the cluster view; the terminal below both. */
export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <TopBar />
      <main className="app-main">
        <SplitPane
          direction="column"
          storageKey="kubeplay.split.terminal"
          initial={0.68}
          min={0.3}
          max={0.85}
          label={t('app.resizeTerminal')}
          first={
            <SplitPane
              direction="row"
              storageKey="kubeplay.split.files"
              initial={0.4}
              min={0.25}
              max={0.65}
              label={t('app.resizeEditor')}
              first={<FilesPanel />}
              second={<ClusterPanel />}
            />
          }
          second={<TerminalPanel />}
        />
      </main>
    </div>
  );
}
