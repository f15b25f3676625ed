import type { Rng } from '../../lib/rng';
import type { VirtualClock } from '../engine/clock';
import type { Controller } from '../engine/controllerManager';
import type { ObjectStore } from '../engine/store';
import type { SwarmNode, SwarmService, SwarmTask, TaskState } from './types';

/** Resource tables of the swarm's store (the managers' Raft-replicated state). */
export const NODES = 'nodes';
export const SERVICES = 'services';
export const TASKS = 'tasks';

/** Store indexes on tasks. */
export const BY_SERVICE = 'service';
export const BY_NODE = 'node';
export const BY_STATE = 'state';

/** What every swarm controller gets: the store, the clock and the seeded generator. */
export interface SwarmContext {
  store: ObjectStore;
  clock: VirtualClock;
  rng: Rng;
  /** Next creation sequence number for tasks. */
  nextSeq(): number;
  /** Next host number for a virtual IP on the ingress network (10.0.0.x). */
  nextVip(): number;
  /** Whether the node's machine is powered off (`kubeplay node stop`): its agent does nothing. */
  isStopped(nodeId: string): boolean;
  /** When the node's machine was powered off, or undefined while it runs. */
  stoppedAt(nodeId: string): number | undefined;
  /** Whether the Raft group has a leader (orchestration runs on it). */
  hasLeader(): boolean;
  /** Wakes `key` of controller `name` after `ms`. */
  wakeAfter(name: string, key: string, ms: number): void;
  wakeAt(name: string, key: string, at: number): void;
}

export type SwarmController = Controller<SwarmContext>;

export function getNode(ctx: SwarmContext, id: string): SwarmNode | undefined {
  return ctx.store.get<SwarmNode>(NODES, id);
}

export function getService(ctx: SwarmContext, id: string): SwarmService | undefined {
  return ctx.store.get<SwarmService>(SERVICES, id);
}

/** Tasks of a service in creation order. */
export function serviceTasks(ctx: SwarmContext, serviceId: string): SwarmTask[] {
  return ctx.store.listByIndex<SwarmTask>(TASKS, BY_SERVICE, serviceId).sort((a, b) => a.seq - b.seq);
}

/** Tasks assigned to a node in creation order. */
export function nodeTasks(ctx: SwarmContext, nodeId: string): SwarmTask[] {
  return ctx.store.listByIndex<SwarmTask>(TASKS, BY_NODE, nodeId).sort((a, b) => a.seq - b.seq);
}

/** Nodes in a stable order (by hostname, then ID). */
export function allNodes(store: ObjectStore): SwarmNode[] {
  return store.list<SwarmNode>(NODES).sort((a, b) => a.description.hostname.localeCompare(b.description.hostname) || a.id.localeCompare(b.id));
}

/** Writes a task in a new state (states only move forward; a backward move is ignored). */
export function setTaskState(ctx: SwarmContext, task: SwarmTask, state: TaskState, message: string, extra: Partial<SwarmTask['status']> = {}, sim?: SwarmTask['sim']): SwarmTask {
  const next: SwarmTask = { ...task, status: { ...task.status, state, timestamp: ctx.clock.now(), message, ...extra }, sim: sim ?? task.sim };
  ctx.store.put(TASKS, next);
  return next;
}

/** Writes a task's desired state. */
export function setDesiredState(ctx: SwarmContext, task: SwarmTask, desiredState: TaskState): SwarmTask {
  const next: SwarmTask = { ...task, desiredState };
  ctx.store.put(TASKS, next);
  return next;
}

/** A task counts as live while it is meant to run and has not ended. */
export function isLive(t: SwarmTask): boolean {
  return (t.desiredState === 'running' || t.desiredState === 'ready') && !['complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'].includes(t.status.state);
}
