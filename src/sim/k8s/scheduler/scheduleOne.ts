import type { PodCondition } from 'kubernetes-types/core/v1';
import type { K8sContext } from '../controllers/context';
import type { KubeObject } from '../api/types';
import { cycleCostMs } from './cycleCost';
import { fitErrorMessage, truncateEventMessage } from './fitError';
import { runDefaultPreemption } from './preemption/defaultPreemption';
import { PodInfo, type PodObject } from './podInfo';
import type { SchedulerCore } from './schedulerCore';
import type { QueuedPod } from './schedulingQueue';
import { preBindVolumes } from './plugins/volumeBinding';

/**
 * `UpdatePodCondition` + `updatePod`: PodScheduled False/Unschedulable with the
 * message; keeps lastTransitionTime while the status stays False; writes
 * nothing when the condition is unchanged.
 */
function markUnschedulable(ctx: K8sContext, pod: PodObject, message: string): void {
  const conditions = pod.status?.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === 'PodScheduled');
  const old = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime: ctx.clock.timestamp(), reason: 'Unschedulable', message };
  if (old && old.status === next.status) next.lastTransitionTime = old.lastTransitionTime;
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message && old.lastProbeTime == null && old.lastTransitionTime === next.lastTransitionTime) return;
  const list = conditions.slice();
  if (i >= 0) list[i] = next;
  else list.push(next);
  ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions: list } } as KubeObject);
}

/**
 * `scheduleOne`: one scheduling cycle for a popped pod — run the framework,
 * then either assume + bind + `Scheduled` event, or requeue + `FailedScheduling`
 * event + PodScheduled=False. Returns the virtual time the cycle cost.
 */
export function scheduleOne(core: SchedulerCore, ctx: K8sContext, q: QueuedPod): number {
  const pod = q.pod;
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name;
  // skipPodSchedule: deleted or already bound meanwhile.
  if (pod.metadata.deletionTimestamp || pod.spec?.nodeName) {
    core.queue.delete(q.key);
    return 0;
  }
  const info = (q.info ??= new PodInfo(pod, undefined, q.key));
  const now = ctx.clock.now();
  const o = core.framework.schedulePod(info, core.cache, ctx.rng, core.nextStartIndex, core.decisions.nextBuffers());
  core.nextStartIndex = o.nextStartIndex;
  core.decisions.record(q.key, pod.metadata.uid ?? '', now, o, q);
  const cost = cycleCostMs(o.evaluated);

  if (o.kind === 'scheduled' && o.node) {
    const host = o.node.name;
    // Assume: the cache counts the pod on its node before the binding lands (the bound version replaces `info.pod` then).
    // The queue hands the pod (and its decision row) to the cache, whose entry replaces the queue's in their shared map.
    core.queue.handOver(q, info);
    core.nominator.delete(q.key);
    core.cache.assumePod(info, o.node);
    preBindVolumes(ctx.api, ctx.store, pod, host);
    core.binding = info;
    const res = ctx.api.bind(ns, name, host);
    core.binding = null;
    if (!res.ok) {
      core.cache.removePod(q.key);
      const current = ctx.store.get<PodObject>('pods', q.key);
      if (current && !current.spec?.nodeName) {
        const again = core.queue.get(q.key) ?? core.queue.add(current, now);
        core.queue.failed(again, new Set(), now);
        ctx.event(pod as KubeObject, 'Warning', 'FailedScheduling', truncateEventMessage(`Binding rejected: ${res.status.message}`));
      }
      return cost;
    }
    ctx.event(pod as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${host}`);
    const total = o.scored ? ` (score ${o.buffers.totalAt(o.chosenIndex)})` : '';
    ctx.note(`bound ${name} to ${host}${total}`, q.key);
    return cost;
  }

  // PostFilter: DefaultPreemption may nominate a node and evict lower-priority pods; its verdict ends the message.
  let message = o.message ?? '';
  if (o.kind === 'unschedulable' && o.diagnosis) {
    const p = runDefaultPreemption(ctx, core.cache, info, o, core.nominator);
    message = fitErrorMessage(o.numAllNodes, o.diagnosis, p.postFilterMsg);
    core.decisions.notePreemption(q.key, message, p);
  }
  core.queue.failed(q, o.unschedulablePlugins, now);
  ctx.event(pod as KubeObject, 'Warning', 'FailedScheduling', truncateEventMessage(message));
  markUnschedulable(ctx, core.queue.get(q.key)?.pod ?? pod, message);
  ctx.note(`${name} unschedulable: ${message}`, q.key);
  return cost;
}
