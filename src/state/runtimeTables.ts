/** The sim bridge's fixed tables: how selectable kinds are read, and the empty drawing. */
import type { Execution } from '../shell/types';
import type { ClusterSnapshot, SelectableKind } from './types';

/** How each selectable kind is read and described. */
export const KINDS: Readonly<Record<SelectableKind, { resource: string; word: string; namespaced: boolean }>> = {
  Pod: { resource: 'pods', word: 'pod', namespaced: true },
  Node: { resource: 'nodes', word: 'node', namespaced: false },
  Deployment: { resource: 'deployments.apps', word: 'deployment', namespaced: true },
  Service: { resource: 'services', word: 'service', namespaced: true },
};

/** Enough for the drawing to tell a burst's story without holding thousands of entries. */
export const ACTIVITY_PER_SNAPSHOT = 300;
export const NOTES_KEPT = 50;

/** What the cluster view draws while the cluster is starting. */
export const EMPTY_SNAPSHOT: ClusterSnapshot = {
  now: 0,
  nodes: [],
  pods: [],
  podStatus: {},
  deployments: [],
  replicaSets: [],
  services: [],
  endpointSlices: [],
  stoppedNodes: [],
  activity: [],
  notes: [],
  events: [],
  version: 0,
};

/** A command that is over before it began (an error said so). */
export function finished(exitCode: number): Execution {
  return { done: true, exitCode, deadline: undefined, poll: () => true, cancel: () => {} };
}
