import type { Node, Pod, PodCondition, Taint } from 'kubernetes-types/core/v1';
import { objectKey, type WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './tolerationTime';

type NodeObj = KubeObject & Node;
type PodObj = KubeObject & Pod;

/** A scheduled deletion (`TimedWorker`); kept after it fired so the pod is not deleted twice. */
interface Work {
  createdAt: number;
  fireAt: number;
  fired: boolean;
}

/**
 * The taint eviction controller (`taint-eviction-controller`, split out of
 * the node lifecycle controller since 1.29): pods on a node with NoExecute
 * taints they do not tolerate are deleted at once; pods tolerating them
 * for `tolerationSeconds` are deleted when the shortest of those runs out,
 * counted from when the taint was seen; the deletion is cancelled if the
 * taint goes first. Events: `TaintManagerEviction` "Marking for deletion
 * Pod ns/name" / "Cancelling deletion of Pod ns/name".
 */
export function createTaintEvictionController(): K8sController {
  /** `taintedNodes`: NoExecute taints per node. */
  const tainted = new Map<string, Taint[]>();
  /** `taintEvictionQueue`, by pod key. */
  const work = new Map<string, Work>();

  /** The event is about a namespace/name reference, without uid, exactly as upstream records it. */
  const podRef = (key: string): KubeObject => {
    const i = key.indexOf('/');
    return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: key.slice(0, i), name: key.slice(i + 1) } };
  };

  /** `cancelWorkWithEvent`: only a deletion still pending is worth an event. */
  const cancel = (ctx: K8sContext, key: string): void => {
    const w = work.get(key);
    if (!w) return;
    work.delete(key);
    if (!w.fired) ctx.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  };

  /** `AddWork`: at most one per pod; due now → run now, else a timer. */
  const addWork = (ctx: K8sContext, key: string, createdAt: number, fireAt: number): void => {
    if (work.has(key)) return;
    const w: Work = { createdAt, fireAt, fired: false };
    work.set(key, w);
    if (fireAt <= ctx.clock.now()) fire(ctx, key, w);
    else ctx.wakeAt(`evict:${key}`, fireAt);
  };

  /** `deletePodHandler`: event, `DisruptionTarget` condition, then a normal (graceful) delete. */
  const fire = (ctx: K8sContext, key: string, w: Work): void => {
    w.fired = true;
    ctx.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const pod = ctx.store.get<PodObj>('pods', key);
    if (!pod) return;
    const conditions = withDisruptionTarget(pod.status?.conditions, ctx.clock.timestamp());
    if (conditions) ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions } });
    ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name);
  };

  /** `processPodOnNode`. */
  const processPodOnNode = (ctx: K8sContext, key: string, pod: PodObj, taints: Taint[], now: number): void => {
    if (taints.length === 0) return cancel(ctx, key);
    const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations);
    if (!allTolerated) {
      cancel(ctx, key);
      return addWork(ctx, key, now, now);
    }
    const min = minTolerationMs(used);
    if (min < 0) return cancel(ctx, key);
    let start = now;
    const scheduled = work.get(key);
    if (scheduled && !scheduled.fired) {
      start = scheduled.createdAt;
      if (start + min < now + min) return;
      cancel(ctx, key);
    }
    addWork(ctx, key, start, now + min);
  };

  const handleNode = (ctx: K8sContext, name: string): void => {
    const node = ctx.store.get<NodeObj>('nodes', name);
    const taints = noExecuteTaints(node?.spec?.taints);
    if (taints.length === 0) tainted.delete(name);
    else tainted.set(name, taints);
    if (!node) return;
    const now = ctx.clock.now();
    for (const pod of ctx.store.listByIndex<PodObj>('pods', 'spec.nodeName', name)) {
      const key = objectKey(pod.metadata.namespace, pod.metadata.name);
      if (taints.length === 0) cancel(ctx, key);
      else processPodOnNode(ctx, key, pod, taints, now);
    }
  };

  const handlePod = (ctx: K8sContext, key: string): void => {
    const pod = ctx.store.get<PodObj>('pods', key);
    if (!pod) return cancel(ctx, key);
    const taints = pod.spec?.nodeName ? tainted.get(pod.spec.nodeName) : undefined;
    if (!taints) return;
    processPodOnNode(ctx, key, pod, taints, ctx.clock.now());
  };

  const mapNode = (e: WatchEvent): string | undefined => {
    const now = noExecuteTaints((e.object as NodeObj).spec?.taints);
    if (e.type === 'MODIFIED' && deepEqual(noExecuteTaints((e.old as NodeObj | undefined)?.spec?.taints), now)) return undefined;
    if (e.type === 'ADDED' && now.length === 0) return undefined;
    return `node:${e.key}`;
  };
  /**
   * `PodUpdated`: a pod appearing, moving or changing tolerations on a
   * tainted node; a deleted pod with work scheduled. Status updates never matter.
   */
  const mapPod = (e: WatchEvent): string | undefined => {
    if (e.type === 'DELETED') return work.has(e.key) ? `pod:${e.key}` : undefined;
    if (tainted.size === 0) return undefined;
    const pod = e.object as PodObj;
    const old = e.old as PodObj | undefined;
    if (!pod.spec?.nodeName || !tainted.has(pod.spec.nodeName)) return undefined;
    if (old && (old.spec === pod.spec || (old.spec?.nodeName === pod.spec.nodeName && deepEqual(old.spec?.tolerations, pod.spec.tolerations)))) return undefined;
    return `pod:${e.key}`;
  };

  return {
    name: 'taint-eviction-controller',
    watches: [
      { resource: 'nodes', map: mapNode },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(key, ctx) {
      if (key.startsWith('node:')) return handleNode(ctx, key.slice(5));
      if (key.startsWith('pod:')) return handlePod(ctx, key.slice(4));
      const podKey = key.slice(6);
      const w = work.get(podKey);
      if (w && !w.fired && w.fireAt <= ctx.clock.now()) fire(ctx, podKey, w);
    },
  };
}

/**
 * `UpdatePodCondition` with `DisruptionTarget=True` (`DeletionByTaintManager`);
 * undefined when the pod already has it.
 */
function withDisruptionTarget(conditions: readonly PodCondition[] | undefined, now: string): PodCondition[] | undefined {
  const cond: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === cond.type);
  if (i < 0) return [...list, cond];
  const old = list[i];
  if (old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return undefined;
  list[i] = old.status === cond.status ? { ...cond, lastTransitionTime: old.lastTransitionTime } : cond;
  return list;
}
