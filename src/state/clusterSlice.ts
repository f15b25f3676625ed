import type { ClusterSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { ClusterSnapshot } from './types';

export function createClusterSlice(set: SetState, get: GetState, kit: () => StoreKit, snapshot: ClusterSnapshot): ClusterSlice {
  return {
    snapshot,
    selectedPod: undefined,
    selectPod(pod) {
      set({ selectedPod: pod });
    },
    killPod(pod) {
      const ns = pod.namespace && pod.namespace !== 'default' ? ` -n ${pod.namespace}` : '';
      get().runCommand(`kubectl delete pod ${pod.name}${ns} --grace-period=0 --force`, 'ui');
    },
    reset() {
      const k = kit();
      k.runtime.reset();
      const now = k.runtime.now();
      const text = 'Cluster reset: a fresh default cluster (control-plane, worker-1..3); nothing carried over.';
      k.transcript.appendLine(`# ${text}`);
      k.emit({ type: 'notice', text });
      set({ selectedPod: undefined, startedAt: now, now, busy: false, commandLog: [] });
      k.publish(true);
      k.emit({ type: 'idle' });
    },
  };
}
