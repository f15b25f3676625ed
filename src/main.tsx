/**
 * The composition root: the only file that wires the engine, the shell, the
 * store and the React app together.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { KubeObject } from './sim/k8s/index';
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
    // The engine and the shell are the largest parts of the app: each is its own chunk,
    // both requested at once, in parallel (with the terminal's); the first screen draws
    // before they arrive ("Starting the cluster…"), and commands typed meanwhile wait.
    loadEngine: () =>
      // The STATUS words come straight from their file, not the printers' index (which would
      // bring every printer along).
      Promise.all([import('./sim/k8s/index'), import('./shell/kubectl/printers/table/podStatus')]).then(([sim, printers]) => ({
        createCluster: () => sim.createCluster(shape),
        podStatusText: (pod, now) => printers.podStatusText(pod as unknown as KubeObject, now),
      })),
    loadShell: () => import('./shell/index').then(({ createShell }) => (cluster, files, shouldYield) => createShell({ cluster, files, shouldYield })),
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
