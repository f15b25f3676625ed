import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import type { KindPrinter } from './tableTypes';

type HPAObj = KubeObject & HorizontalPodAutoscaler;

/** `formatHPAMetrics`: `cpu: 12%/50%` per metric (at most three, then `+ N more...`). */
export function formatHPAMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  const list = specs ?? [];
  if (list.length === 0) return '<none>';
  const parts = list.slice(0, 3).map((m, i) => {
    const cur = statuses?.[i];
    if (m.type === 'Resource' && m.resource) {
      const t = m.resource.target;
      const c = cur?.resource?.current;
      if (t.type === 'Utilization') return `${m.resource.name}: ${c?.averageUtilization !== undefined ? `${c.averageUtilization}%` : '<unknown>'}/${t.averageUtilization}%`;
      return `${m.resource.name}: ${c?.averageValue ?? '<unknown>'}/${t.averageValue ?? ''}`;
    }
    return '<unknown>/<unknown>';
  });
  const more = list.length > 3 ? ` + ${list.length - 3} more...` : '';
  return `${parts.join(', ')}${more}`;
}

/** `kubectl get hpa` (`printHorizontalPodAutoscaler`): NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const hpaPrinter: KindPrinter = {
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Reference' }, { name: 'Targets' }, { name: 'MinPods' }, { name: 'MaxPods' }, { name: 'Replicas' }, { name: 'Age' }],
  row: (obj, now) => {
    const h = obj as HPAObj;
    const ref = h.spec?.scaleTargetRef;
    return [
      h.metadata.name,
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHPAMetrics(h.spec?.metrics, h.status?.currentMetrics),
      h.spec?.minReplicas !== undefined ? String(h.spec.minReplicas) : '<unset>',
      String(h.spec?.maxReplicas ?? 0),
      String(h.status?.currentReplicas ?? 0),
      since(h.metadata.creationTimestamp, now),
    ];
  },
};
