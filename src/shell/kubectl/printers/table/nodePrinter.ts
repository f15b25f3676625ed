import type { NodeAddress, NodeSpec, NodeStatus } from 'kubernetes-types/core/v1';
import { since } from '../text/timeFormat';
import { findNodeRoles } from './nodeRoles';
import type { KindPrinter } from './tableTypes';

function address(addresses: NodeAddress[] | undefined, type: string): string {
  return (addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

/** Node STATUS: `Ready`/`NotReady`/`Unknown`, then `SchedulingDisabled` when cordoned. */
export function nodeStatusText(spec: NodeSpec | undefined, status: NodeStatus | undefined): string {
  const parts: string[] = [];
  let ready: { status: string } | undefined;
  for (const c of status?.conditions ?? []) if (c.type === 'Ready') ready = c;
  if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (parts.length === 0) parts.push('Unknown');
  if (spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** `kubectl get nodes`: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME). */
export const nodePrinter: KindPrinter = {
  group: '',
  kind: 'Node',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  row(obj, now) {
    const spec = obj.spec as NodeSpec | undefined;
    const status = obj.status as NodeStatus | undefined;
    const info = status?.nodeInfo;
    const roles = findNodeRoles(obj.metadata.labels).join(',');
    return [
      obj.metadata.name,
      nodeStatusText(spec, status),
      roles || '<none>',
      since(obj.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      address(status?.addresses, 'InternalIP'),
      address(status?.addresses, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
