/** The real engine and shell behind the store, for state tests that need kubectl's own output. */
import { podStatusText } from '../shell/kubectl/printers/table/podStatus';
import { createShell, existingSwarm, swarmFor } from '../shell/index';
import { createCluster, type KubeObject } from '../sim/k8s/index';
import { createAppStore, type AppStore, type AppStoreOptions } from './appStore';
import type { WorldFactory } from './types';

export const realFactory: WorldFactory = {
  loadEngine: () => Promise.resolve({ createCluster: (options) => createCluster(options), podStatusText: (pod, now) => podStatusText(pod as unknown as KubeObject, now) }),
  loadShell: () => Promise.resolve((cluster, files, shouldYield) => createShell({ cluster, files, shouldYield })),
  loadSwarm: () => Promise.resolve({ swarmFor, existingSwarm }),
};

/** A store over the real default cluster with `files`, its engine and shell loaded. */
export async function realStore(files: Readonly<Record<string, string>>, wallNow?: () => number, lessons?: AppStoreOptions['lessons']): Promise<AppStore> {
  const store = createAppStore(realFactory, { files, welcome: [], wallNow, lessons });
  await store.ready;
  return store;
}
