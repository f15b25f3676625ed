import type { NodeSpec, NodeStatus, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { findNodeRoles } from '../table/nodeRoles';
import { field, str } from '../table/objectFields';
import { formatTimestamp, since } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describeFields';
import type { DescribeWriter } from './describeWriter';
import { tabbedString } from './describeWriter';
import { podRequestsAndLimits } from './podResources';
import { addResourceList, intValue, milliValue, quantityString, resourceList, type ResourceList } from './quantityMath';

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

/** `describeNodeResource`: the Non-terminated Pods table and the Allocated resources summary. */
function describeNodeResource(pods: KubeObject[], node: KubeObject, w: DescribeWriter, now: number): void {
  const status = (node.status ?? {}) as NodeStatus;
  const allocatable = resourceList(status.allocatable && Object.keys(status.allocatable).length > 0 ? status.allocatable : status.capacity);
  const cpuAlloc = milliValue(allocatable.cpu);
  const memAlloc = intValue(allocatable.memory);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqs: ResourceList = {};
  const limits: ResourceList = {};
  for (const pod of pods) {
    const { requests: r, limits: l } = podRequestsAndLimits((pod.spec ?? {}) as PodSpec);
    addResourceList(reqs, r);
    addResourceList(limits, l);
    w.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${quantityString(r.cpu)} (${pct(milliValue(r.cpu), cpuAlloc)}%)\t${quantityString(l.cpu)} (${pct(milliValue(l.cpu), cpuAlloc)}%)\t${quantityString(r.memory)} (${pct(intValue(r.memory), memAlloc)}%)\t${quantityString(l.memory)} (${pct(intValue(l.memory), memAlloc)}%)\t${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, value: (q: ResourceList) => number, total: number) =>
    w.write(1, `${name}\t${quantityString(reqs[name])} (${pct(value(reqs), total)}%)\t${quantityString(limits[name])} (${pct(value(limits), total)}%)\n`);
  row('cpu', (l) => milliValue(l.cpu), cpuAlloc);
  row('memory', (l) => intValue(l.memory), memAlloc);
  row('ephemeral-storage', (l) => intValue(l['ephemeral-storage']), intValue(allocatable['ephemeral-storage']));
  const names = Object.keys(allocatable);
  for (const hp of names.filter((n) => n.startsWith('hugepages-')).sort()) row(hp, (l) => intValue(l[hp]), intValue(allocatable[hp]));
  for (const ext of names.filter((n) => !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(n) && !n.startsWith('hugepages-')).sort()) {
    w.write(1, `${ext}\t${quantityString(reqs[ext])}\t${quantityString(limits[ext])}\n`);
  }
}

/** The node's Lease in kube-node-lease, as `describeNodeLease` prints it. */
function describeNodeLease(node: KubeObject, ctx: PrintContext, w: DescribeWriter): void {
  const lease = ctx.client.get('leases.coordination.k8s.io', 'kube-node-lease', node.metadata.name);
  if (!lease) {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
    return;
  }
  const renew = field(lease, 'spec', 'renewTime');
  const acquire = field(lease, 'spec', 'acquireTime');
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${str(field(lease, 'spec', 'holderIdentity')) || '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${acquire ? formatTimestamp(acquire) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${renew ? formatTimestamp(renew) : '<unset>'}\n`);
}

/** Events about the node: by uid, and the kubelet's, recorded with the node name as uid. */
function nodeEvents(node: KubeObject, ctx: PrintContext): KubeObject[] {
  const byUid = ctx.cluster.eventsFor(node);
  let byName: KubeObject[] = [];
  try {
    byName = ctx.client.list('events', { namespace: 'default' }).filter((e) => field(e, 'involvedObject', 'kind') === 'Node' && field(e, 'involvedObject', 'name') === node.metadata.name && field(e, 'involvedObject', 'uid') === node.metadata.name);
  } catch {
    byName = [];
  }
  return [...byUid, ...byName.filter((e) => !byUid.includes(e))];
}

/** `describeNode`: `kubectl describe node`. */
export function describeNode(node: KubeObject, ctx: PrintContext): string {
  const spec = (node.spec ?? {}) as NodeSpec;
  const status = (node.status ?? {}) as NodeStatus;
  const pods = ctx.client
    .list('pods', { fieldSelector: { 'spec.nodeName': node.metadata.name } })
    .filter((p) => {
      const phase = (p.status as { phase?: string } | undefined)?.phase;
      return p.spec && (p.spec as PodSpec).nodeName === node.metadata.name && phase !== 'Succeeded' && phase !== 'Failed';
    });
  return tabbedString((w) => {
    w.write(0, `Name:\t${node.metadata.name}\n`);
    const roles = findNodeRoles(node.metadata.labels);
    w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${formatTimestamp(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(0, `Unschedulable:\t${!!spec.unschedulable}\n`);
    describeNodeLease(node, ctx, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(1, `${c.type} \t${c.status} \t${formatTimestamp(c.lastHeartbeatTime)} \t${formatTimestamp(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string> | undefined) => {
      const rl = resourceList(list);
      for (const name of Object.keys(rl).sort()) w.write(0, `  ${name}:\t${quantityString(rl[name])}\n`);
    };
    if (status.capacity && Object.keys(status.capacity).length > 0) {
      w.write(0, 'Capacity:\n');
      printList(status.capacity);
    }
    if (status.allocatable && Object.keys(status.allocatable).length > 0) {
      w.write(0, 'Allocatable:\n');
      printList(status.allocatable);
    }
    const info = status.nodeInfo;
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, ctx.now);
    describeEvents(nodeEvents(node, ctx), w, ctx.now);
  });
}

