import type { PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { K8sContext } from '../../controllers/context';
import { fitErrorMessage, preemptionMessage } from '../fitError';
import type { ScheduleOutcome } from '../framework';
import type { NodeInfo } from '../nodeInfo';
import type { PodNominator } from '../nominator';
import type { PodInfo, PodObject } from '../podInfo';
import type { SchedulingSnapshot } from '../schedulingSnapshot';
import type { Status } from '../status';
import { NOT_HELPFUL, pickOneNodeForPreemption, selectVictimsOnNode, type Candidate, type PdbView } from './selectVictims';

const PLUGIN = 'DefaultPreemption';
const PDBS = 'poddisruptionbudgets.policy';
/** The filters whose rejections a dry run can re-check without the victims. */
const SIMULATED = new Set(['NodeResourcesFit', 'NodePorts']);

/** What DefaultPreemption did for one unschedulable pod (also kept in the decision log). */
export interface PreemptionOutcome {
  /** The PostFilter message appended to the FailedScheduling text; absent when preemption succeeded. */
  postFilterMsg?: string;
  /** The node the pod is nominated to, after its victims were told to go. */
  nominatedNode?: string;
  /** The victims, `namespace/name`, most important first. */
  victims: string[];
  /** Each victim's `spec.priority`, in the order of `victims`. */
  victimPriorities: number[];
  /** The preemptor's `spec.priority`. */
  priority: number;
}

const status = (reasons: string[], unresolvable = true): Status => ({ code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons, plugin: PLUGIN });

/** `podTerminatingByPreemption`: being deleted after a scheduler preempted it. */
function terminatingByPreemption(p: PodInfo): boolean {
  return p.terminating && (p.pod.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
}

/** The PodDisruptionBudgets as preemption reads them. */
function pdbViews(ctx: K8sContext): PdbView[] {
  if (!ctx.store.has(PDBS)) return [];
  return ctx.store.list<KubeObject & { spec?: { selector?: PdbView['selector'] }; status?: { disruptionsAllowed?: number; disruptedPods?: Record<string, string> } }>(PDBS).map((p) => ({
    namespace: p.metadata.namespace ?? 'default',
    selector: p.spec?.selector,
    disruptionsAllowed: p.status?.disruptionsAllowed ?? 0,
    disruptedPods: new Set(Object.keys(p.status?.disruptedPods ?? {})),
  }));
}

/** Each node's filter status in this cycle (the evaluated ones; every node failed, or there would be no PostFilter). */
function nodeStatuses(o: ScheduleOutcome): Map<NodeInfo, Status> {
  const out = new Map<NodeInfo, Status>();
  const b = o.buffers;
  for (let i = 0; i < o.evaluated; i++) {
    const st = b.evalStatus[i];
    const node = o.nodesBySlot[b.slotAt(i)];
    if (st && node) out.set(node, st);
  }
  return out;
}

/**
 * DefaultPreemption's PostFilter (`preempt`): is the pod eligible, which
 * nodes could take it if lower-priority pods left (a dry run per node,
 * starting at a random offset as upstream does), and — for the least
 * harmful candidate — the victims get the DisruptionTarget condition, a
 * graceful delete and a `Preempted` event, and the pod is nominated to the
 * node. Returns the message for the FailedScheduling event otherwise.
 */
export function runDefaultPreemption(ctx: K8sContext, snapshot: SchedulingSnapshot, pod: PodInfo, o: ScheduleOutcome, nominator?: PodNominator): PreemptionOutcome {
  const spec = pod.pod.spec;
  if (spec?.preemptionPolicy === 'Never') return { postFilterMsg: 'preemption: not eligible due to preemptionPolicy=Never.', victims: [], victimPriorities: [], priority: pod.priority };
  const d = o.diagnosis;
  if (!d || d.preFilterMsg) return { postFilterMsg: d ? preemptionMessage(o.numAllNodes, d, spec?.preemptionPolicy) : undefined, victims: [], victimPriorities: [], priority: pod.priority };
  const statuses = nodeStatuses(o);
  // The queued PodInfo may predate the status write that nominated it: read the pod as it is now.
  const nominated = (ctx.store.get<PodObject>('pods', pod.key) ?? pod.pod).status?.nominatedNodeName;
  if (nominated) {
    const node = snapshot.nodes.find((n) => n.name === nominated);
    const st = node ? statuses.get(node) : undefined;
    if (node && st?.code !== 'UnschedulableAndUnresolvable' && node.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p))) {
      return { postFilterMsg: 'preemption: not eligible due to a terminating pod on the nominated node.', victims: [], victimPriorities: [], priority: pod.priority };
    }
  }
  // nodesWherePreemptionMightHelp, then the dry run from a random offset.
  const verdicts: Status[] = [];
  const potential: NodeInfo[] = [];
  for (const node of snapshot.nodes) {
    const st = statuses.get(node) ?? d.absentStatus;
    if (!st || st.code === 'UnschedulableAndUnresolvable') verdicts.push(status([NOT_HELPFUL]));
    else potential.push(node);
  }
  const pdbs = pdbViews(ctx);
  // The dry run counts the pods nominated to a node (same or higher priority) as running there.
  const loads = nominator?.loadsFor(pod);
  const candidates: Candidate[] = [];
  const offset = potential.length > 1 ? ctx.rng.int(potential.length) : 0;
  for (let k = 0; k < potential.length; k++) {
    const node = potential[(offset + k) % potential.length];
    const st = statuses.get(node) ?? d.absentStatus!;
    const r = selectVictimsOnNode(pod, node, pdbs, loads?.get(node.name));
    if ('victims' in r && SIMULATED.has(st.plugin)) candidates.push({ node, ...r });
    else if ('victims' in r) verdicts.push(status([...st.reasons], false));
    else verdicts.push(status(r.reasons, r.unresolvable));
  }
  const best = pickOneNodeForPreemption(candidates);
  if (!best) return { postFilterMsg: `preemption: ${fitErrorMessage(o.numAllNodes, { nodeStatuses: verdicts })}`, victims: [], victimPriorities: [], priority: pod.priority };
  prepareCandidate(ctx, pod, best, nominator);
  return { nominatedNode: best.node.name, victims: best.victims.map((v) => v.key), victimPriorities: best.victims.map((v) => v.priority), priority: pod.priority };
}

/** `PrepareCandidate`: each victim gets DisruptionTarget, a graceful delete and a `Preempted` event; the pod is nominated. */
function prepareCandidate(ctx: K8sContext, pod: PodInfo, c: Candidate, nominator: PodNominator | undefined): void {
  const schedulerName = pod.pod.spec?.schedulerName ?? 'default-scheduler';
  for (const v of c.victims) {
    const victim = ctx.store.get<PodObject>('pods', v.key);
    if (!victim) continue;
    const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: ctx.clock.timestamp(), reason: 'PreemptionByScheduler', message: `${schedulerName}: preempting to accommodate a higher priority pod` };
    const conditions = [...(victim.status?.conditions ?? []).filter((x) => x.type !== 'DisruptionTarget'), condition];
    ctx.api.updateStatus({ ...victim, status: { ...victim.status, conditions } } as KubeObject);
    ctx.api.delete('pods', v.namespace, v.name);
    ctx.event(victim as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${pod.uid} on node ${c.node.name}`);
  }
  // Lower-priority pods nominated to the node lose their nomination: the room is this pod's now.
  for (const key of nominator?.lowerPriorityOn(c.node.name, pod.priority) ?? []) {
    const other = ctx.store.get<PodObject>('pods', key);
    if (!other?.status?.nominatedNodeName) continue;
    const { nominatedNodeName: _dropped, ...status } = other.status;
    ctx.api.updateStatus({ ...other, status } as KubeObject);
  }
  const current = ctx.store.get<PodObject>('pods', pod.key);
  if (current && current.status?.nominatedNodeName !== c.node.name) ctx.api.updateStatus({ ...current, status: { ...current.status, nominatedNodeName: c.node.name } } as KubeObject);
  ctx.note(`${pod.name} preempts ${c.victims.map((v) => v.name).join(', ')} on ${c.node.name}`, pod.key);
}
