/**
 * The composition root: the only file that wires the engine, the shell, the
 * store and the React app together.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Straight from its file, not the printers' index: through the index the bundler would put
// every printer in the first chunk (the rest of the shell is loaded lazily, below).
import { podStatusText } from './shell/kubectl/printers/table/podStatus';
import { createCluster, type KubeObject } from './sim/k8s/index';
import { createAppStore, parseClusterShape, STARTER_FILES, welcomeLines } from './state/index';
import { App } from './ui/App';
import { AppStoreContext } from './ui/hooks/useApp';
import { initI18n } from './ui/i18n/index';
import './ui/styles/theme.css';
import './ui/styles/app.css';

// `?workers=12&node-cpu=8&node-memory=16Gi&seed=7` starts a cluster of another shape.
const shape = parseClusterShape(window.location.search);
const store = createAppStore(
  {
    createCluster: () => createCluster(shape),
    // The shell (kubectl, printers, the YAML parser) is the largest part: its own chunk,
    // requested at once, in parallel with the terminal's.
    loadShell: () => import('./shell/index').then(({ createShell }) => (cluster, files, shouldYield) => createShell({ cluster, files, shouldYield })),
    podStatusText: (pod, now) => podStatusText(pod as unknown as KubeObject, now),
  },
  { files: STARTER_FILES, welcome: welcomeLines(shape.workers) },
);
store.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>
    </StrictMode>,
  );
// The first render waits for the interface language's strings (Chinese is its own small chunk);
// if they cannot load, the app still starts, in English.
initI18n().then(render, (err: unknown) => {
  console.error('Kubeplay: the interface language could not be loaded; using English.', err);
  render();
});
