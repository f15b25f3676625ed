import type { EndpointAddress, Endpoints } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { deepEqual } from '../../api/objectDiff';
import type { KubeObject } from '../../api/types';
import { newControllerRef } from '../controllerRefManager';
import { LabelManagedBy, LabelServiceName, MaxEndpointsPerSlice, portMapKey, type SliceObj, type SlicePlan } from './reconcileSlices';

export type EndpointsObj = KubeObject & Endpoints;

/** The controller name of mirrored slices. */
export const MirroringControllerName = 'endpointslicemirroring-controller.k8s.io';
/** Label that keeps an Endpoints object from being mirrored (the API server's own `kubernetes` Endpoints carry it). */
export const LabelSkipMirror = 'endpointslice.kubernetes.io/skip-mirror';
/** Most addresses of one subset that get mirrored (`maxEndpointsPerSubset`). */
const MaxEndpointsPerSubset = 1000;

const SKIPPED_ANNOTATIONS = new Set(['endpoints.kubernetes.io/last-change-trigger-time', 'kubectl.kubernetes.io/last-applied-configuration']);

/** `addressToEndpoint`. */
function addressToEndpoint(a: EndpointAddress, ready: boolean): Endpoint {
  const ep: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.nodeName) ep.nodeName = a.nodeName;
  if (a.targetRef) ep.targetRef = a.targetRef;
  return ep;
}

/** The metadata of a slice mirroring `ep`: its labels and annotations (some excepted), owned by it. */
function mirrorMeta(ep: EndpointsObj): Pick<SliceObj['metadata'], 'labels' | 'annotations' | 'ownerReferences'> {
  const labels: Record<string, string> = { ...ep.metadata.labels, [LabelServiceName]: ep.metadata.name, [LabelManagedBy]: MirroringControllerName };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  const meta: Pick<SliceObj['metadata'], 'labels' | 'annotations' | 'ownerReferences'> = { labels, ownerReferences: [newControllerRef(ep)] };
  if (Object.keys(annotations).length) meta.annotations = annotations;
  return meta;
}

/**
 * The EndpointSlice mirroring controller's plan (`pkg/controller/endpointslicemirroring`)
 * for a selector-less Service's hand-made Endpoints: each subset's addresses
 * (ready, and not-ready ones with `ready: false`, at most 1000 a subset) in
 * IPv4 slices of at most 100 per port set, named `<service>-xxxxx`, owned
 * by the Endpoints. Existing mirrored slices are reused in name order;
 * `ep` undefined means the mirror must go.
 */
export function mirrorEndpoints(ep: EndpointsObj | undefined, existing: readonly SliceObj[]): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const desired = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  for (const ss of ep?.subsets ?? []) {
    const ports: EndpointPort[] = (ss.ports ?? []).map((p) => {
      const out: EndpointPort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
      if (p.appProtocol) out.appProtocol = p.appProtocol;
      return out;
    });
    const key = portMapKey(ports);
    let d = desired.get(key);
    if (!d) desired.set(key, (d = { ports, endpoints: [] }));
    const all = [...(ss.addresses ?? []).map((a) => addressToEndpoint(a, true)), ...(ss.notReadyAddresses ?? []).map((a) => addressToEndpoint(a, false))];
    // only IPv4 addresses go into the IPv4 slices
    for (const e of all.slice(0, MaxEndpointsPerSubset)) if (/^\d+\.\d+\.\d+\.\d+$/.test(e.addresses[0])) d.endpoints.push(e);
  }
  const wanted: SliceObj[] = [];
  if (ep) {
    const meta = mirrorMeta(ep);
    for (const { ports, endpoints } of desired.values()) {
      for (let i = 0; i < endpoints.length; i += MaxEndpointsPerSlice) {
        wanted.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: '', generateName: `${ep.metadata.name}-`, namespace: ep.metadata.namespace, ...meta }, addressType: 'IPv4', endpoints: endpoints.slice(i, i + MaxEndpointsPerSlice), ports });
      }
    }
  }
  const free = [...existing];
  for (const w of wanted) {
    const reuse = free.shift();
    if (!reuse) {
      plan.create.push(w);
      continue;
    }
    const same = deepEqual(reuse.endpoints ?? [], w.endpoints) && deepEqual(reuse.ports ?? [], w.ports) && deepEqual(reuse.metadata.labels ?? {}, w.metadata.labels) && deepEqual(reuse.metadata.annotations ?? {}, w.metadata.annotations ?? {}) && reuse.addressType === w.addressType;
    if (!same) plan.update.push({ ...w, metadata: { ...reuse.metadata, labels: w.metadata.labels, annotations: w.metadata.annotations, ownerReferences: w.metadata.ownerReferences } });
  }
  plan.delete.push(...free);
  return plan;
}
