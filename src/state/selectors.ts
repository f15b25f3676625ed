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
