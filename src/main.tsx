/**
 * The composition root: the only file that wires the engine, the shell, the
 * store and the React app together.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { KubeObject } from './sim/k8s/index';
import { createAppStore, parseClusterShape, STARTER_FILES, welcomeLines, type KeyValueStorage } from './state/index';
import { App } from './ui/App';
import { EmbedApp } from './ui/share/EmbedApp';
import { linkFragment, shareUrl } from './ui/share/shareUrl';
import { AppStoreContext } from './ui/hooks/useApp';
import i18next from 'i18next';
import { initI18n } from './ui/i18n/index';
import './ui/styles/theme.css';
import './ui/styles/app.css';

/** The browser's localStorage, if this page may use it (a blocked or private-mode storage throws on access or write). */
function browserStorage(): KeyValueStorage | undefined {
  try {
    const storage = window.localStorage;
    storage.setItem('kubeplay.probe', '1');
    storage.removeItem('kubeplay.probe');
    return storage;
  } catch {
    return undefined;
  }
}

// `#v1.…` is a shared scenario (a share link); `?embed` the minimal view for iframes (cluster and terminal).
const embed = new URLSearchParams(window.location.search).has('embed');
const fragment = linkFragment(window.location.hash);

// `?workers=12&node-cpu=8&node-memory=16Gi&seed=7` starts a cluster of another shape.
const shape = parseClusterShape(window.location.search);
const store = createAppStore(
  {
    // The engine and the shell are the largest parts of the app: each is its own chunk,
    // both requested at once, in parallel (with the terminal's); the first screen draws
    // before they arrive ("Starting the cluster…"), and commands typed meanwhile wait.
    loadEngine: () =>
      // The STATUS words come straight from their file, not the printers' index (which would
      // bring every printer along).
      Promise.all([import('./sim/k8s/index'), import('./shell/kubectl/printers/table/podStatus')]).then(([sim, printers]) => ({
        createCluster: (options) => sim.createCluster(options ?? shape),
        podStatusText: (pod, now) => printers.podStatusText(pod as unknown as KubeObject, now),
      })),
    loadShell: () => import('./shell/index').then(({ createShell }) => (cluster, files, shouldYield) => createShell({ cluster, files, shouldYield, interactive: true })),
    // The swarm beside the cluster lives in the shell's chunk: the same swarm `docker` commands meet.
    loadSwarm: () => import('./shell/index').then(({ swarmFor, existingSwarm }) => ({ swarmFor, existingSwarm })),
  },
  {
    files: STARTER_FILES,
    // The welcome waits for the interface's language (below).
    welcome: [],
    // The embedded view keeps nothing in the browser: it is someone else's page.
    storage: embed ? undefined : browserStorage(),
    // The lessons' text and files: their own chunk, fetched when the lesson list first opens.
    lessons: { load: () => import('./ui/lessons/lessonSources').then((m) => m.LESSON_SOURCES) },
  },
);
store.start();
// The interface's language: Chinese is its own small chunk. If it cannot load, the app still starts, in English.
const language = initI18n().catch((err: unknown) => {
  console.error('Kubeplay: the interface language could not be loaded; using English.', err);
});
// The terminal's first lines, in that language, before anything a link or the saved work replays.
const welcomed = language.then(() => store.getState().noteInTerminal(welcomeLines(shape.workers, { welcome: (nodes) => i18next.t('welcome.intro', { nodes }), tryThese: i18next.t('welcome.tryThese') })));
if (fragment !== undefined) {
  // A shared scenario opens beside (never over) the work this browser keeps: as a scenario of its own.
  // A link that cannot be opened says why and leaves the default scenario. Once it is open, the address
  // loses its fragment (except in an iframe), so a reload comes back to the work as it went on.
  void welcomed.then(() => store.getState().openSharedText(fragment, 'link')).then((r) => {
    if (r.ok && !embed) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  });
} else if (!embed) {
  // Autosave: the scenario open last comes back (replayed) once the cluster can run it.
  void Promise.all([store.ready, welcomed]).then(() => store.getState().restoreSaved());
}
// Leaving or hiding the page saves what a short edit pause has not saved yet.
window.addEventListener('pagehide', () => store.getState().saveNow());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.getState().saveNow();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        {embed ? <EmbedApp fullUrl={fragment ? shareUrl(fragment) : shareUrl('').replace(/#$/, '')} hasScenario={fragment !== undefined} /> : <App />}
      </AppStoreContext.Provider>
    </StrictMode>,
  );
// The first render waits for the interface language's strings.
void welcomed.then(render);
