import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { deepEqual } from '../../api/objectDiff';
import type { KubeObject } from '../../api/types';
import { newControllerRef } from '../controllerRefManager';
import { findPort, isPodReady, isServiceIPSet, podIPv4, shouldPodBeInEndpoints, shouldSetHostname, type PodObj, type ServiceObj } from '../endpoints/podEndpoints';

export type SliceObj = KubeObject & EndpointSlice;

/** The controller name written in `endpointslice.kubernetes.io/managed-by`. */
export const EndpointSliceControllerName = 'endpointslice-controller.k8s.io';
export const LabelServiceName = 'kubernetes.io/service-name';
export const LabelManagedBy = 'endpointslice.kubernetes.io/managed-by';
export const IsHeadlessService = 'service.kubernetes.io/headless';
/** `--max-endpoints-per-slice` default. */
export const MaxEndpointsPerSlice = 100;

const RESERVED_LABELS = new Set([LabelServiceName, LabelManagedBy, IsHeadlessService]);

export interface NodeInfo {
  /** `topology.kubernetes.io/zone`, when the node has one. */
  zone?: string;
}

export interface SliceReconcileInput {
  service: ServiceObj;
  /** Pods matching the service's selector. */
  pods: readonly PodObj[];
  /** Slices labelled for this service and managed by this controller, by name. */
  existing: readonly SliceObj[];
  /** The node a pod runs on, or undefined when it does not exist. */
  node(name: string): NodeInfo | undefined;
  maxEndpointsPerSlice?: number;
  /**
   * A memo of `desiredEndpoint` (the controller keeps one per service, so an
   * unchanged pod yields the very same endpoint object and comparisons are
   * instant). Defaults to computing it.
   */
  endpointFor?(pod: PodObj, ip: string, node: NodeInfo | undefined): DesiredEndpoint;
}

/** What a pod contributes: its endpoint and the ports it serves. */
export interface DesiredEndpoint {
  endpoint: Endpoint;
  ports: EndpointPort[];
}

/** The endpoint and ports of one pod (`podToEndpoint` + `getEndpointPorts`). */
export function desiredEndpoint(service: ServiceObj, pod: PodObj, ip: string, node: NodeInfo | undefined): DesiredEndpoint {
  return { endpoint: podToEndpoint(pod, node, service, ip), ports: getEndpointPorts(service, pod) };
}

/** What to write: new slices (named by generateName), changed ones, ones to delete. */
export interface SlicePlan {
  create: SliceObj[];
  update: SliceObj[];
  delete: SliceObj[];
}

/** `getEndpointPorts`: the service ports this pod can serve, resolved to its container ports. */
export function getEndpointPorts(service: ServiceObj, pod: PodObj): EndpointPort[] {
  const out: EndpointPort[] = [];
  const ports = service.spec?.ports ?? [];
  if (ports.length === 0 && service.spec?.clusterIP === 'None') return out;
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/**
 * `podToEndpoint`: serving = the pod is Ready, terminating = it is being
 * deleted, ready = serving and not terminating — or always, when the service
 * publishes not-ready addresses.
 */
export function podToEndpoint(pod: PodObj, node: NodeInfo | undefined, service: ServiceObj, ip: string): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  if (node?.zone) ep.zone = node.zone;
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec!.hostname;
  return ep;
}

/** `setEndpointSliceLabels`: the service's labels (reserved keys excepted) plus service-name, managed-by and headless. */
export function endpointSliceLabels(slice: SliceObj | undefined, service: ServiceObj): { labels: Record<string, string>; changed: boolean } {
  const sliceLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!RESERVED_LABELS.has(k)) sliceLabels[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) if (!RESERVED_LABELS.has(k)) labels[k] = v;
  const changed = !deepEqual(sliceLabels, labels);
  if (!isServiceIPSet(service)) labels[IsHeadlessService] = '';
  labels[LabelServiceName] = service.metadata.name;
  labels[LabelManagedBy] = EndpointSliceControllerName;
  return { labels, changed };
}

/** `newEndpointSlice`: an unnamed slice (`<service>-` + 5 random characters) owned by the service. */
export function newEndpointSlice(service: ServiceObj, ports: EndpointPort[]): SliceObj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: '', generateName: `${service.metadata.name}-`, namespace: service.metadata.namespace, labels: endpointSliceLabels(undefined, service).labels, ownerReferences: [newControllerRef(service)] },
    addressType: 'IPv4',
    endpoints: [],
    ports,
  };
}

function ownedBy(slice: SliceObj, service: ServiceObj): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === service.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

// Keys of stored (immutable) endpoints and port lists, computed once per object.
const endpointKeys = new WeakMap<Endpoint, string>();
const portKeys = new WeakMap<readonly EndpointPort[], string>();

/** The identity of an endpoint (`hashEndpoint`): addresses, hostname and the pod it points to. */
function endpointKey(ep: Endpoint): string {
  let k = endpointKeys.get(ep);
  if (k === undefined) {
    const addrs = ep.addresses.length === 1 ? ep.addresses[0] : [...ep.addresses].sort().join(',');
    k = `${addrs}|${ep.hostname ?? ''}|${ep.targetRef?.namespace ?? ''}/${ep.targetRef?.name ?? ''}`;
    endpointKeys.set(ep, k);
  }
  return k;
}

/** `NewPortMapKey`: the same set of ports gives the same key, whatever their order. */
export function portMapKey(ports: readonly EndpointPort[] | null | undefined): string {
  if (!ports) return '';
  let k = portKeys.get(ports);
  if (k === undefined) {
    k = ports.map((p) => `${p.name ?? ''}/${p.port ?? ''}/${p.protocol ?? ''}/${p.appProtocol ?? ''}`).sort().join(';');
    portKeys.set(ports, k);
  }
  return k;
}

/**
 * The desired endpoints (`EndpointSet`). Those left over once the existing
 * slices took theirs are popped in address order, so new slices list them
 * as a reader expects.
 */
class EndpointSet {
  private readonly items = new Map<string, Endpoint>();
  private order: Endpoint[] | undefined;
  insert(ep: Endpoint): void {
    this.items.set(endpointKey(ep), ep);
  }
  get(ep: Endpoint): Endpoint | undefined {
    return this.items.get(endpointKey(ep));
  }
  delete(ep: Endpoint): void {
    this.items.delete(endpointKey(ep));
  }
  popAny(): Endpoint {
    if (!this.order) this.order = [...this.items.values()].sort((a, b) => (a.addresses[0] < b.addresses[0] ? -1 : a.addresses[0] > b.addresses[0] ? 1 : 0)).reverse();
    const ep = this.order.pop()!;
    this.items.delete(endpointKey(ep));
    return ep;
  }
  get size(): number {
    return this.items.size;
  }
}

/**
 * The EndpointSlice reconciler (`k8s.io/endpointslice` `Reconciler.Reconcile`
 * for the IPv4 address type), as a kernel: from the selected pods and the
 * existing slices, the slices to create, update and delete. Existing slices
 * keep their endpoints where possible; new endpoints fill slices already
 * being updated, then the closest-fitting unchanged slice, then new slices
 * of at most 100. A service without endpoints keeps one empty placeholder.
 */
export function reconcileSlices(input: SliceReconcileInput): SlicePlan {
  const { service, pods, node } = input;
  const max = input.maxEndpointsPerSlice ?? MaxEndpointsPerSlice;
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const existingByPortMap = new Map<string, SliceObj[]>();
  const ipv4 = input.existing.filter((s) => {
    if (s.addressType === 'IPv4') return true;
    plan.delete.push(s);
    return false;
  });
  for (const s of ipv4) {
    if (!ownedBy(s, service)) {
      plan.delete.push(s);
      continue;
    }
    const key = portMapKey(s.ports);
    const list = existingByPortMap.get(key);
    if (list) list.push(s);
    else existingByPortMap.set(key, [s]);
  }
  const desired = new Map<string, { ports: EndpointPort[]; set: EndpointSet }>();
  const endpointFor = input.endpointFor ?? ((pod: PodObj, ip: string, n: NodeInfo | undefined) => desiredEndpoint(service, pod, ip, n));
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ip = podIPv4(pod);
    if (!ip) continue;
    const n = node(pod.spec?.nodeName ?? '');
    const { endpoint, ports } = endpointFor(pod, ip, n);
    const key = portMapKey(ports);
    let d = desired.get(key);
    if (!d) desired.set(key, (d = { ports, set: new EndpointSet() }));
    // a pod on a node that does not exist is skipped, unless the service publishes not-ready addresses
    if (!n && service.spec?.publishNotReadyAddresses !== true) continue;
    d.set.insert(endpoint);
  }
  for (const [key, d] of desired) {
    const r = reconcileByPortMapping(service, existingByPortMap.get(key) ?? [], d.set, d.ports, max);
    plan.create.push(...r.create);
    plan.update.push(...r.update);
    plan.delete.push(...r.delete);
  }
  for (const [key, slices] of existingByPortMap) if (!desired.has(key)) plan.delete.push(...slices);
  // when no slice would exist, keep (or make) an empty placeholder
  if (ipv4.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = newEndpointSlice(service, []);
    if (plan.delete.length === 1 && placeholderEqual(plan.delete[0], placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }
  return finalizePlan(plan, service);
}

/** `placeholderSliceCompare`: same namespace, labels, owners, address type, and no ports or endpoints. */
function placeholderEqual(slice: SliceObj, placeholder: SliceObj): boolean {
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    deepEqual(slice.metadata.labels ?? {}, placeholder.metadata.labels ?? {}) &&
    deepEqual(slice.metadata.ownerReferences ?? [], placeholder.metadata.ownerReferences ?? []) &&
    slice.addressType === placeholder.addressType &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  );
}

/** `finalize`'s first step: a slice to create and one to delete of the same service become one update. */
function finalizePlan(plan: SlicePlan, service: ServiceObj): SlicePlan {
  const create = [...plan.create];
  const update = [...plan.update];
  const del = [...plan.delete];
  for (let i = 0; i < del.length; ) {
    if (create.length === 0) break;
    const slice = create[create.length - 1];
    if (del[i].addressType === slice.addressType && ownedBy(del[i], service)) {
      const old = del[i];
      create.pop();
      const meta = { ...slice.metadata, name: old.metadata.name, resourceVersion: old.metadata.resourceVersion };
      delete meta.generateName;
      update.push({ ...slice, metadata: meta });
      del.splice(i, 1);
    } else i++;
  }
  return { create, update, delete: del };
}

function copySlice(s: SliceObj): SliceObj {
  return { ...s, metadata: { ...s.metadata }, endpoints: [...(s.endpoints ?? [])] };
}

/** `reconcileByPortMapping`. */
function reconcileByPortMapping(service: ServiceObj, existing: readonly SliceObj[], desired: EndpointSet, ports: EndpointPort[], max: number): SlicePlan {
  const byName = new Map<string, SliceObj>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];
  // 1. keep the endpoints still desired (refreshed), drop the others, follow the service's labels
  for (const s of existing) {
    byName.set(s.metadata.name, s);
    const kept: Endpoint[] = [];
    let updated = false;
    for (const ep of s.endpoints ?? []) {
      const got = desired.get(ep);
      if (!got) continue;
      kept.push(got);
      if (!deepEqual(got, ep)) updated = true;
      desired.delete(ep);
    }
    const { labels, changed } = endpointSliceLabels(s, service);
    if (updated || kept.length !== (s.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(s.metadata.name);
      else {
        const copy = copySlice(s);
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        byName.set(s.metadata.name, copy);
        toUpdate.push(s.metadata.name);
      }
    } else if (changed) {
      const copy = copySlice(s);
      copy.metadata.labels = labels;
      byName.set(s.metadata.name, copy);
      toUpdate.push(s.metadata.name);
    } else unchanged.push(s.metadata.name);
  }
  // 2. fill the slices being updated anyway, fullest first
  if (desired.size > 0 && toUpdate.length > 0) {
    const slices = toUpdate.map((n) => byName.get(n)!).sort((a, b) => (b.endpoints ?? []).length - (a.endpoints ?? []).length);
    for (const s of slices) while (desired.size > 0 && s.endpoints!.length < max) s.endpoints!.push(desired.popAny());
  }
  // 3. the rest into the closest-fitting unchanged slice, or new slices
  const create: SliceObj[] = [];
  while (desired.size > 0) {
    let fill: SliceObj | undefined;
    if (desired.size < max && unchanged.length > 0) {
      const found = getSliceToFill(unchanged.map((n) => byName.get(n)!), desired.size, max);
      if (found) {
        fill = copySlice(found);
        byName.set(fill.metadata.name, fill);
      }
    }
    if (!fill) fill = newEndpointSlice(service, ports);
    while (desired.size > 0 && fill.endpoints!.length < max) fill.endpoints!.push(desired.popAny());
    if (fill.metadata.name) {
      if (!toUpdate.includes(fill.metadata.name)) toUpdate.push(fill.metadata.name);
      unchanged.splice(unchanged.indexOf(fill.metadata.name), 1);
    } else create.push(fill);
  }
  return { create, update: toUpdate.map((n) => byName.get(n)!), delete: toDelete.map((n) => byName.get(n)!) };
}

/** `getSliceToFill`: the slice whose free room is closest to what is left to place. */
function getSliceToFill(slices: readonly SliceObj[], numEndpoints: number, max: number): SliceObj | undefined {
  let closestDiff = max;
  let closest: SliceObj | undefined;
  for (const s of slices) {
    const diff = max - (numEndpoints + (s.endpoints ?? []).length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return closest;
    }
  }
  return closest;
}
