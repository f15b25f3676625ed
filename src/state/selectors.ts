import type { AppState } from './appState';

/** Module-level selectors (stable references, as zustand recommends). */
export const selectSpeed = (s: AppState) => s.speed;
export const selectSettling = (s: AppState) => s.settling;
export const selectNow = (s: AppState) => s.now;
export const selectStartedAt = (s: AppState) => s.startedAt;
export const selectSnapshot = (s: AppState) => s.snapshot;
export const selectBooting = (s: AppState) => s.booting;
export const selectBootError = (s: AppState) => s.bootError;
/** The cluster exists: the engine has loaded (not still starting, not failed). */
export const selectStarted = (s: AppState) => !s.booting && s.bootError === undefined;
export const selectTraffic = (s: AppState) => s.traffic;
export const selectViewMode = (s: AppState) => s.viewMode;
export const selectSwarm = (s: AppState) => s.swarm;
export const selectSwarmSelection = (s: AppState) => s.swarmSelection;
export const selectSwarmInspector = (s: AppState) => s.swarmInspector;
export const selectSelectedPod = (s: AppState) => s.selectedPod;
export const selectSelectedNode = (s: AppState) => s.selectedNode;
export const selectSelection = (s: AppState) => s.selection;
export const selectInspector = (s: AppState) => s.inspector;
export const selectEvents = (s: AppState) => s.snapshot.events;
export const selectNotes = (s: AppState) => s.snapshot.notes;
export const selectTranscript = (s: AppState) => s.transcript;
export const selectBusy = (s: AppState) => s.busy;
export const selectHistory = (s: AppState) => s.history;
export const selectFiles = (s: AppState) => s.files;

/** Elapsed virtual time since the cluster started, in ms. */
export const selectElapsed = (s: AppState) => Math.max(0, s.now - s.startedAt);

/**
 * Memoises a derived value on one input's identity (the snapshot's arrays are
 * replaced, never mutated): components that select it re-render only when the
 * derived value itself changes, not on every snapshot.
 */
function memoOn<K extends object, V>(derive: (input: K) => V): (input: K) => V {
  const memo = new WeakMap<K, V>();
  return (input) => {
    if (memo.has(input)) return memo.get(input) as V;
    const value = derive(input);
    memo.set(input, value);
    return value;
  };
}

const warningsIn = memoOn((events: AppState['snapshot']['events']) => events.filter((e) => e.type === 'Warning').length);
/** How many warnings the events feed holds (the feed button's badge). */
export const selectWarningCount = (s: AppState) => warningsIn(s.snapshot.events);

const noWorkloadPods = memoOn((pods: AppState['snapshot']['pods']) => !pods.some((p) => p.metadata?.namespace !== 'kube-system'));
/** No pods but the system's: the cluster view shows its empty state. */
export const selectNoWorkloadPods = (s: AppState) => noWorkloadPods(s.snapshot.pods);

/** Elapsed whole seconds of virtual time (what the clock shows: it re-renders once a second, not once a snapshot). */
export const selectElapsedSeconds = (s: AppState) => Math.floor(selectElapsed(s) / 1000);
/** Virtual time to the whole second. */
export const selectNowSecond = (s: AppState) => Math.floor(s.now / 1000) * 1000;

const readyNodes = memoOn((nodes: AppState['snapshot']['nodes']) => nodes.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length);
const runningPods = memoOn((pods: AppState['snapshot']['pods']) => pods.filter((p) => p.status?.phase === 'Running').length);
/** The counts above the drawing as one string key (`ready/total/pods/running`): equal counts, no re-render. */
export const selectClusterCounts = (s: AppState) => `${readyNodes(s.snapshot.nodes)}/${s.snapshot.nodes.length}/${s.snapshot.pods.length}/${runningPods(s.snapshot.pods)}`;

/** The snapshot's version while something is selected (the inspector refreshes on it), else 0. */
export const selectInspectedVersion = (s: AppState) => (s.selection ? s.snapshot.version : 0);
