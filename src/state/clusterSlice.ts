import type { ClusterSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { ClusterSnapshot, ObjectRef } from './types';

/** The three views of one selection, kept consistent (`selectedPod` and `selectedNode` are the same object as `selection`). */
function selectionState(ref: ObjectRef | undefined): Pick<ClusterSlice, 'selection' | 'selectedPod' | 'selectedNode'> {
  return {
    selection: ref,
    selectedPod: ref?.kind === 'Pod' ? { namespace: ref.namespace ?? 'default', name: ref.name } : undefined,
    selectedNode: ref?.kind === 'Node' ? ref.name : undefined,
  };
}

export function createClusterSlice(set: SetState, get: GetState, kit: () => StoreKit, snapshot: ClusterSnapshot): ClusterSlice {
  return {
    snapshot,
    ...selectionState(undefined),
    select(ref) {
      set(selectionState(ref));
    },
    selectPod(pod) {
      set(selectionState(pod ? { kind: 'Pod', namespace: pod.namespace, name: pod.name } : undefined));
    },
    selectNode(name) {
      set(selectionState(name ? { kind: 'Node', name } : undefined));
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
      set({ ...selectionState(undefined), startedAt: now, now, busy: false, commandLog: [] });
      k.publish(true);
      k.emit({ type: 'idle' });
    },
  };
}
