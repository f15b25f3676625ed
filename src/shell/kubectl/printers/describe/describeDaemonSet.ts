import type { DaemonSetSpec, DaemonSetStatus, StatefulSetSpec, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { formatLabels, selectorAsString } from '../table/objectFields';
import { formatTimestamp } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { writePodTemplate } from './describePodTemplate';
import { podPhaseCounts } from './describeReplicaSet';
import { tabbedString, type DescribeWriter } from './describeWriter';

/** `describeDaemonSet`: `kubectl describe daemonset`. */
export function describeDaemonSet(ds: KubeObject, ctx: PrintContext): string {
  const spec = (ds.spec ?? {}) as DaemonSetSpec;
  const status = (ds.status ?? {}) as Partial<DaemonSetStatus>;
  const [running, waiting, succeeded, failed] = podPhaseCounts(ds, spec.selector, ctx);
  return tabbedString((w) => {
    w.write(0, `Name:\t${ds.metadata.name}\n`);
    w.write(0, `Selector:\t${selectorAsString(spec.selector)}\n`);
    w.write(0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
    w.write(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
    w.write(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
    w.write(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
    writePodTemplate(spec.template, w);
    describeEvents(ctx.cluster.eventsFor(ds), w, ctx.now);
  });
}

function describeVolumeClaimTemplates(templates: PersistentVolumeClaim[] | undefined, w: DescribeWriter): void {
  if (!templates?.length) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    const cls = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    w.write(1, `StorageClass:\t${cls}\n`);
    printLabelsMultiline(w, '  Labels', pvc.metadata?.labels);
    printLabelsMultiline(w, '  Annotations', pvc.metadata?.annotations);
    w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** `describeStatefulSet`: `kubectl describe statefulset`. */
export function describeStatefulSet(sts: KubeObject, ctx: PrintContext): string {
  const spec = (sts.spec ?? {}) as StatefulSetSpec;
  const status = (sts.status ?? {}) as Partial<StatefulSetStatus>;
  const [running, waiting, succeeded, failed] = podPhaseCounts(sts, spec.selector, ctx);
  return tabbedString((w) => {
    w.write(0, `Name:\t${sts.metadata.name}\n`);
    w.write(0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${formatTimestamp(sts.metadata.creationTimestamp)}\n`);
    w.write(0, `Selector:\t${selectorAsString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${status.replicas ?? 0} total\n`);
    w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
    writePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    describeEvents(ctx.cluster.eventsFor(sts), w, ctx.now);
  });
}
