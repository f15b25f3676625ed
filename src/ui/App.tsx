import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterArea } from './cluster/ClusterArea';
import { FilesPanel } from './files/FilesPanel';
import { useApp } from './hooks/useApp';
import { useMediaQuery } from './hooks/useMediaQuery';
import { PHONE_QUERY } from './layout/phone';
import { PhonePanels } from './layout/PhonePanels';
import { SplitPane } from './layout/SplitPane';
import { useSavedProgress } from './lessons/useSavedProgress';
import { FileDropZone } from './share/FileDropZone';
import { ReplayProgress } from './share/ReplayProgress';
import { ShareNoticeBar } from './share/ShareNoticeBar';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopBar } from './topbar/TopBar';

// The lesson column (its Markdown renderer, list and view) loads when a lesson panel first opens.
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));

/** Portrait and narrow: side by side would leave each pane too thin. */
const STACKED = '(orientation: portrait) and (max-width: 900px)';

/**
 * The app shell: top bar; the editor beside the cluster view; the terminal below both. On a
 * narrow portrait screen (a tablet held upright) the editor sits above the cluster view instead.
 * A lesson opens as a column beside all of them (above them when stacked). Every split is
 * resizable and remembered (per arrangement). On a phone each of them fills the screen in turn.
 */
export function App() {
  const { t } = useTranslation();
  const stacked = useMediaQuery(STACKED);
  const phone = useMediaQuery(PHONE_QUERY);
  const lessonOpen = useApp((s) => s.lessonPanel !== 'closed');
  // Side by side, two cluster views share the room: the editor starts narrower (its own remembered split).
  const pair = useApp((s) => s.viewMode === 'side-by-side') && !stacked;
  useSavedProgress();
  const lesson = (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  );
  const files = (
    <FileDropZone>
      <FilesPanel />
    </FileDropZone>
  );
  const playground = (
    <SplitPane
      key={stacked ? 'stacked' : 'side'}
      direction="column"
      storageKey={stacked ? 'kubeplay.split.terminal.stacked' : 'kubeplay.split.terminal'}
      // The cluster view gets the room for a row of node cards at 1280×720; the terminal keeps eight lines.
      initial={stacked ? 0.77 : 0.71}
      min={0.3}
      max={0.85}
      label={t('app.resizeTerminal')}
      first={
        <SplitPane
          direction={stacked ? 'column' : 'row'}
          storageKey={stacked ? 'kubeplay.split.files.stacked' : pair ? 'kubeplay.split.files.pair' : 'kubeplay.split.files'}
          initial={stacked ? 0.4 : pair ? 0.26 : 0.37}
          min={stacked ? 0.15 : 0.25}
          max={stacked ? 0.7 : 0.65}
          label={t('app.resizeEditor')}
          first={files}
          second={<ClusterArea />}
        />
      }
      second={<TerminalPanel />}
    />
  );
  return (
    <div className="app">
      <TopBar />
      <ShareNoticeBar />
      <ReplayProgress />
      <main className="app-main">
        {phone ? (
          <PhonePanels panels={{ lesson, files, cluster: <ClusterArea />, terminal: <TerminalPanel /> }} />
        ) : (
          // The lesson column sits beside the whole playground; closing it keeps the playground mounted.
          <SplitPane
            key={stacked ? 'lesson-stacked' : 'lesson-side'}
            direction={stacked ? 'column' : 'row'}
            storageKey={stacked ? 'kubeplay.split.lesson.stacked' : 'kubeplay.split.lesson'}
            initial={stacked ? 0.4 : 0.3}
            min={0.2}
            max={0.6}
            label={t('lessons.resize')}
            firstClosed={!lessonOpen}
            first={lesson}
            second={playground}
          />
        )}
      </main>
    </div>
  );
}
