import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../../../sim/k8s/index';
import { formatTimestamp } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { describeEvents } from './describeEvents';
import { tabbedString } from './describeWriter';

/** `describeHorizontalPodAutoscalerV2`. */
export function describeHPA(obj: KubeObject, ctx: PrintContext): string {
  const h = obj as KubeObject & HorizontalPodAutoscaler;
  const spec = h.spec!;
  return tabbedString((w) => {
    w.write(0, `Name:\t${h.metadata.name}\n`);
    w.write(0, `Namespace:\t${h.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', h.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', h.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${formatTimestamp(h.metadata.creationTimestamp)}\n`);
    w.write(0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
    w.write(0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((m, i) => {
      if (m.type !== 'Resource' || !m.resource) {
        w.write(1, `"${m.type}" (unsupported here):\t<unknown>\n`);
        return;
      }
      const cur = h.status?.currentMetrics?.[i]?.resource?.current;
      const t = m.resource.target;
      if (t.type === 'Utilization') {
        const current = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}% (${cur.averageValue ?? '0'})` : '<unknown>';
        w.write(1, `resource ${m.resource.name} on pods  (as a percentage of request):\t${current} / ${t.averageUtilization}%\n`);
      } else {
        w.write(1, `resource ${m.resource.name} on pods:\t${cur?.averageValue ?? '<unknown>'} / ${t.averageValue ?? ''}\n`);
      }
    });
    w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
    if (spec.behavior) {
      w.write(0, 'Behavior:\n');
      for (const [label, rules] of [['Scale Up', spec.behavior.scaleUp], ['Scale Down', spec.behavior.scaleDown]] as const) {
        if (!rules) continue;
        w.write(1, `${label}:\n`);
        w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds ?? 0} seconds\n`);
        w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
        w.write(2, 'Policies:\n');
        for (const p of rules.policies ?? []) w.write(3, `- Type: ${p.type}  Value: ${p.value}  Period: ${p.periodSeconds} seconds\n`);
      }
    }
    w.write(0, `${spec.scaleTargetRef.kind} pods:\t${h.status?.currentReplicas ?? 0} current / ${h.status?.desiredReplicas ?? 0} desired\n`);
    const conds = h.status?.conditions ?? [];
    if (conds.length) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tReason\tMessage\n');
      w.write(1, '----\t------\t------\t-------\n');
      for (const c of conds) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    describeEvents(ctx.cluster.eventsFor(h), w, ctx.now);
  });
}
