import type { ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { controllerRef, formatLabelSelector, fromLabelSelector, type KubeObject } from '../../../../sim/k8s/index';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { writePodTemplate } from './describePodTemplate';
import { tabbedString } from './describeWriter';

/** `getPodStatusForController`: pods selected and controlled by `owner`, counted by phase. */
export function podPhaseCounts(owner: KubeObject, selector: Parameters<typeof fromLabelSelector>[0], ctx: PrintContext): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const sel = fromLabelSelector(selector);
  const pods = ctx.client.list('pods', { namespace: owner.metadata.namespace, labelSelector: sel });
  for (const p of pods) {
    if (controllerRef(p.metadata)?.uid !== owner.metadata.uid) continue;
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Running') counts[0]++;
    else if (phase === 'Pending') counts[1]++;
    else if (phase === 'Succeeded') counts[2]++;
    else if (phase === 'Failed') counts[3]++;
  }
  return counts;
}

/** `describeReplicaSet`: `kubectl describe replicaset`. */
export function describeReplicaSet(rs: KubeObject, ctx: PrintContext): string {
  const spec = (rs.spec ?? {}) as ReplicaSetSpec;
  const status = (rs.status ?? {}) as ReplicaSetStatus;
  const [running, waiting, succeeded, failed] = podPhaseCounts(rs, spec.selector, ctx);
  return tabbedString((w) => {
    w.write(0, `Name:\t${rs.metadata.name}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const owner = controllerRef(rs.metadata);
    if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
    w.write(0, 'Pods Status:\t');
    w.write(0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
    writePodTemplate(spec.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(ctx.cluster.eventsFor(rs), w, ctx.now);
  });
}
