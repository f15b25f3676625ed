import type { PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import { since } from '../text/timeFormat';
import { podCells } from './podStatus';
import type { KindPrinter } from './tableTypes';

/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES). */
export const podPrinter: KindPrinter = {
  group: '',
  kind: 'Pod',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row(pod, now) {
    const spec = (pod.spec ?? {}) as PodSpec;
    const status = (pod.status ?? {}) as PodStatus;
    const cells = podCells(pod, now);
    const ip = status.podIPs?.[0]?.ip || '<none>';
    let gates = '<none>';
    if (spec.readinessGates && spec.readinessGates.length > 0) {
      let trueConditions = 0;
      for (const gate of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x) => x.type === gate.conditionType);
        if (c && c.status === 'True') trueConditions++;
      }
      gates = `${trueConditions}/${spec.readinessGates.length}`;
    }
    return [
      pod.metadata.name,
      cells.ready,
      cells.status,
      cells.restarts,
      since(pod.metadata.creationTimestamp, now),
      ip,
      spec.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      gates,
    ];
  },
};
