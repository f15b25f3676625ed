import type { ClusterSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import { describeNodes } from './clusterShape';
import { nodeAddCommand, nodeLabelCommand, nodeSetCommand, nodeTaintCommand, shellWord } from './nodeCommands';
import type { ClusterOptions } from '../sim/k8s/index';
import type { ClusterSnapshot, ObjectRef } from './types';

/** The three views of one selection, kept consistent (`selectedPod` and `selectedNode` are the same object as `selection`). */
function selectionState(ref: ObjectRef | undefined): Pick<ClusterSlice, 'selection' | 'selectedPod' | 'selectedNode'> {
  return {
    selection: ref,
    selectedPod: ref?.kind === 'Pod' ? { namespace: ref.namespace ?? 'default', name: ref.name } : undefined,
    selectedNode: ref?.kind === 'Node' ? ref.name : undefined,
  };
}

/** ` -n NS` unless the namespace is the default one (commands read as a person would type them). */
/** `-n NS` unless NS is where the terminal's kubectl works anyway (the current context's namespace, `default` unless changed). */
function nsFlag(namespace: string | undefined, current = 'default'): string {
  const ns = namespace || 'default';
  return ns !== current ? ` -n ${ns}` : '';
}

export function createClusterSlice(set: SetState, get: GetState, kit: () => StoreKit, snapshot: ClusterSnapshot): ClusterSlice {
  return {
    booting: true,
    bootError: undefined,
    snapshot,
    traffic: { services: [], at: snapshot.now },
    ...selectionState(undefined),
    inspector: undefined,
    select(ref) {
      set({ ...selectionState(ref), inspector: ref ? kit().runtime.inspect(ref) : undefined });
    },
    selectPod(pod) {
      get().select(pod ? { kind: 'Pod', namespace: pod.namespace, name: pod.name } : undefined);
    },
    selectNode(name) {
      get().select(name ? { kind: 'Node', name } : undefined);
    },
    refreshInspector() {
      const ref = get().selection;
      set({ inspector: ref ? kit().runtime.inspect(ref) : undefined });
    },
    addNode(form) {
      get().runCommand(nodeAddCommand(form), 'ui');
    },
    removeNode(name) {
      get().runCommand(`kubeplay node remove ${shellWord(name)}`, 'ui');
    },
    resizeNode(name, size) {
      const line = nodeSetCommand(name, size);
      if (line) get().runCommand(line, 'ui');
    },
    labelNode(name, change) {
      if (change.trim()) get().runCommand(nodeLabelCommand(name, change), 'ui');
    },
    taintNode(name, change) {
      if (change.trim()) get().runCommand(nodeTaintCommand(name, change), 'ui');
    },
    drainNode(name) {
      get().runCommand(`kubectl drain ${name} --ignore-daemonsets`, 'ui');
    },
    scaleDeployment(ref, replicas) {
      get().runCommand(`kubectl scale deployment ${ref.name}${nsFlag(ref.namespace, kit().runtime.namespace())} --replicas=${Math.max(0, Math.floor(replicas))}`, 'ui');
    },
    restartDeployment(ref) {
      get().runCommand(`kubectl rollout restart deployment/${ref.name}${nsFlag(ref.namespace, kit().runtime.namespace())}`, 'ui');
    },
    undoDeployment(ref) {
      get().runCommand(`kubectl rollout undo deployment/${ref.name}${nsFlag(ref.namespace, kit().runtime.namespace())}`, 'ui');
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
      get().runCommand(`kubectl delete pod ${pod.name}${nsFlag(pod.namespace, kit().runtime.namespace())} --grace-period=0 --force`, 'ui');
    },
    crashContainer(pod) {
      get().runCommand(`kubeplay container crash ${pod.name}${nsFlag(pod.namespace)}`, 'ui');
    },
    reset() {
      resetWorld(set, kit, undefined, (workers) => `Cluster reset: a fresh ${workers === 3 ? 'default ' : ''}cluster (${describeNodes(workers)}); nothing carried over.`);
    },
  };
}

/**
 * Throws the cluster away for a fresh one (the page's shape, or `options`), says so in the
 * terminal with `notice(workers)`, and clears what belonged to the old one (selection, log).
 * Returns false, changing nothing, while the first cluster is still starting.
 */
export function resetWorld(set: SetState, kit: () => StoreKit, options: ClusterOptions | undefined, notice: (workers: number) => string): boolean {
  const k = kit();
  const fresh = k.runtime.reset(options);
  if (!fresh) return false;
  const { now, workers } = fresh;
  const text = notice(workers);
  k.transcript.appendLine(`# ${text}`);
  k.emit({ type: 'notice', text });
  const startedAt = k.runtime.origin()?.startTime ?? now;
  set({ ...selectionState(undefined), inspector: undefined, startedAt, now, busy: false, commandLog: [], lessonStep: undefined, sessionOrigin: 'local', traffic: { services: [], at: now } });
  k.publish(true);
  k.emit({ type: 'idle' });
  return true;
}
