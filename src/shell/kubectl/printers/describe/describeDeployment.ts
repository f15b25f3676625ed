import type { DeploymentSpec, DeploymentStatus, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { selectorAsString } from '../table/objectFields';
import { formatTimestamp } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { writePodTemplate } from './describePodTemplate';
import { tabbedString } from './describeWriter';
import { replicaSetsOf } from './replicaSetsOf';

/** `printReplicaSetsByLabels`: `name (current/desired replicas created)`, comma-joined, `<none>` when empty. */
function replicaSetList(rss: KubeObject[]): string {
  const parts = rss.map((rs) => `${rs.metadata.name} (${(rs.status as ReplicaSetStatus | undefined)?.replicas ?? 0}/${(rs.spec as ReplicaSetSpec | undefined)?.replicas ?? 1} replicas created)`);
  return parts.length === 0 ? '<none>' : parts.join(', ');
}

/** `describeDeployment`: `kubectl describe deployment`. */
export function describeDeployment(d: KubeObject, ctx: PrintContext): string {
  const spec = (d.spec ?? {}) as DeploymentSpec;
  const status = (d.status ?? {}) as DeploymentStatus;
  const rss = replicaSetsOf(d, ctx);
  return tabbedString((w) => {
    w.write(0, `Name:\t${d.metadata.name}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${formatTimestamp(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(0, `Selector:\t${selectorAsString(spec.selector)}\n`);
    w.write(
      0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '<nil>'} max unavailable, ${ru.maxSurge ?? '<nil>'} max surge\n`);
    writePodTemplate(spec.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (rss) {
      w.write(0, `OldReplicaSets:\t${replicaSetList(rss.allOldRSs)}\n`);
      w.write(0, `NewReplicaSet:\t${replicaSetList(rss.newRS ? [rss.newRS] : [])}\n`);
    }
    describeEvents(ctx.cluster.eventsFor(d), w, ctx.now);
  });
}
