import { ClusterPanel } from './cluster/ClusterPanel';
import { FilesPanel } from './files/FilesPanel';
import { SplitPane } from './layout/SplitPane';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopBar } from './topbar/TopBar';

/** The app shell: top bar; the editor beside the cluster view; the terminal below both. */
export function App() {
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
          label="Resize the terminal"
          first={
            <SplitPane
              direction="row"
              storageKey="kubeplay.split.files"
              initial={0.4}
              min={0.25}
              max={0.65}
              label="Resize the editor"
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
