import type { ClusterSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { ClusterSnapshot } from './types';

export function createClusterSlice(set: SetState, get: GetState, kit: () => StoreKit, snapshot: ClusterSnapshot): ClusterSlice {
  return {
    snapshot,
    selectedPod: undefined,
    selectedNode: undefined,
    selectPod(pod) {
      set({ selectedPod: pod, selectedNode: undefined });
    },
    selectNode(name) {
      set({ selectedNode: name, selectedPod: undefined });
    },
    stopNode(name) {
      get().runCommand(`kubeplay node stop ${name}`, 'ui');
    },
    startNode(name) {
      get().runCommand(`kubeplay node start ${name}`, 'ui');
    },
    cordonNode(name, cordon) {
      get().runCommand(`kubectl ${cordon ? 'cordon' : 'uncordon'} ${name}`, 'ui');
    },
    killPod(pod) {
      const ns = pod.namespace && pod.namespace !== 'default' ? ` -n ${pod.namespace}` : '';
      get().runCommand(`kubectl delete pod ${pod.name}${ns} --grace-period=0 --force`, 'ui');
    },
    crashContainer(pod) {
      const ns = pod.namespace && pod.namespace !== 'default' ? ` -n ${pod.namespace}` : '';
      get().runCommand(`kubeplay container crash ${pod.name}${ns}`, 'ui');
    },
    reset() {
      const k = kit();
      k.runtime.reset();
      const now = k.runtime.now();
      const text = 'Cluster reset: a fresh default cluster (control-plane, worker-1..3); nothing carried over.';
      k.transcript.appendLine(`# ${text}`);
      k.emit({ type: 'notice', text });
      set({ selectedPod: undefined, selectedNode: undefined, startedAt: now, now, busy: false, commandLog: [] });
      k.publish(true);
      k.emit({ type: 'idle' });
    },
  };
}
