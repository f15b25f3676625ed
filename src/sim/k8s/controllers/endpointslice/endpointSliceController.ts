import type { Node } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../../../engine/clock';
import type { WatchEvent } from '../../../engine/store';
import { fromSet, selectFromStore } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import type { PodObj, ServiceObj } from '../endpoints/podEndpoints';
import { ServiceSelectors } from '../endpoints/serviceSelectors';
import { EndpointsLastChangeTriggerTime, TriggerTimeTracker } from '../endpoints/triggerTimeTracker';
import { EndpointSliceControllerName, LabelManagedBy, LabelServiceName, desiredEndpoint, reconcileSlices, type DesiredEndpoint, type NodeInfo, type SliceObj } from './reconcileSlices';

const SLICES = 'endpointslices.discovery.k8s.io';

/** What this controller last wrote, so that its own writes do not wake it again (`EndpointSliceTracker`). */
class SliceTracker {
  private readonly written = new Map<string, string>();
  private readonly deleting = new Set<string>();
  wrote(slice: KubeObject): void {
    this.written.set(`${slice.metadata.namespace}/${slice.metadata.name}`, slice.metadata.resourceVersion ?? '');
  }
  expectDeletion(key: string): void {
    this.deleting.add(key);
    this.written.delete(key);
  }
  /** Whether a watch event on a managed slice is news (someone else's change). */
  shouldSync(e: WatchEvent): boolean {
    if (e.type === 'DELETED') {
      this.written.delete(e.key);
      return !this.deleting.delete(e.key);
    }
    return this.written.get(e.key) !== e.object.metadata.resourceVersion;
  }
}

/** Each pod's endpoint for one version of a service, kept while the pod object (and its IP and zone) stay the same. */
class EndpointMemo {
  private readonly byService = new Map<string, { service: ServiceObj; pods: WeakMap<PodObj, { ip: string; zone: string | undefined; value: DesiredEndpoint }> }>();
  forService(key: string, service: ServiceObj): (pod: PodObj, ip: string, node: NodeInfo | undefined) => DesiredEndpoint {
    let entry = this.byService.get(key);
    if (!entry || entry.service !== service) this.byService.set(key, (entry = { service, pods: new WeakMap() }));
    const pods = entry.pods;
    return (pod, ip, node) => {
      const hit = pods.get(pod);
      if (hit && hit.ip === ip && hit.zone === node?.zone) return hit.value;
      const value = desiredEndpoint(service, pod, ip, node);
      pods.set(pod, { ip, zone: node?.zone, value });
      return value;
    };
  }
  deleteService(key: string): void {
    this.byService.delete(key);
  }
}

/**
 * The EndpointSlice controller (`pkg/controller/endpointslice`): for every
 * service with a selector, EndpointSlices (`<service>-xxxxx`, labelled
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by`,
 * owned by the service) listing each selected pod with an IP, with its
 * ready / serving / terminating conditions. The slices go away with the
 * service (garbage collector).
 */
export function createEndpointSliceController(): K8sController {
  const selectors = new ServiceSelectors();
  const triggers = new TriggerTimeTracker();
  const tracker = new SliceTracker();
  const memo = new EndpointMemo();
  const mapSlice = (e: WatchEvent): string | undefined => {
    const labels = e.object.metadata.labels;
    const service = labels?.[LabelServiceName];
    if (!service || labels?.[LabelManagedBy] !== EndpointSliceControllerName) return undefined;
    return tracker.shouldSync(e) ? `${e.object.metadata.namespace}/${service}` : undefined;
  };
  return {
    name: 'endpointslice-controller',
    watches: [
      {
        resource: 'services',
        map: (e: WatchEvent) => {
          selectors.observe(e);
          return e.key;
        },
      },
      { resource: 'pods', map: (e) => selectors.servicesForPodEvent(e) },
      { resource: SLICES, map: mapSlice },
    ],
    reconcile(key, ctx) {
      const n = syncService(key, ctx, triggers, tracker, memo);
      // a sync costs time in proportion to the pods it looks at; events meanwhile coalesce
      return n > 0 ? 0.1 + n * 0.02 : 0;
    },
  };
}

/** `syncService`; returns how many pods it looked at. */
function syncService(key: string, ctx: K8sContext, triggers: TriggerTimeTracker, tracker: SliceTracker, memo: EndpointMemo): number {
  const service = ctx.store.get<ServiceObj>('services', key);
  if (!service) {
    // the garbage collector deletes the slices the service owned
    triggers.deleteService(key);
    memo.deleteService(key);
    return 0;
  }
  if (service.spec?.type === 'ExternalName') return 0;
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return 0;
  const namespace = service.metadata.namespace!;
  const pods = selectFromStore<PodObj>(ctx.store, 'pods', namespace, fromSet(selector));
  const existing = selectFromStore<SliceObj>(ctx.store, SLICES, namespace, fromSet({ [LabelServiceName]: service.metadata.name, [LabelManagedBy]: EndpointSliceControllerName })).sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  const triggerTime = triggers.compute(key, service, pods);
  const plan = reconcileSlices({
    service,
    pods,
    existing,
    endpointFor: memo.forService(key, service),
    node: (name) => {
      const node = ctx.store.get<KubeObject & Node>('nodes', name);
      if (!node) return undefined;
      const zone = node.metadata.labels?.['topology.kubernetes.io/zone'];
      return zone ? { zone } : {};
    },
  });
  const withTrigger = (s: SliceObj): SliceObj => {
    const annotations = { ...s.metadata.annotations };
    if (triggerTime !== undefined) annotations[EndpointsLastChangeTriggerTime] = toTimestamp(triggerTime);
    else delete annotations[EndpointsLastChangeTriggerTime];
    const metadata = { ...s.metadata };
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
    // empty lists come back from the API as null
    return { ...s, metadata, endpoints: s.endpoints?.length ? s.endpoints : (null as unknown as SliceObj['endpoints']), ports: s.ports?.length ? s.ports : (null as unknown as SliceObj['ports']) };
  };
  const fail = (verb: string, message: string) => {
    ctx.event(service, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${namespace}/${service.metadata.name}: failed to ${verb} EndpointSlice for Service ${namespace}/${service.metadata.name}: ${message}`);
    ctx.wakeAfter(key, 1000);
  };
  // no new slices for a service being deleted (the garbage collector is removing them)
  if (!service.metadata.deletionTimestamp) {
    for (const s of plan.create) {
      const res = ctx.api.create<SliceObj>(withTrigger(s), { trusted: true });
      if (!res.ok) {
        if (res.status.reason !== 'Forbidden') fail('create', res.status.message);
        return pods.length;
      }
      tracker.wrote(res.object);
    }
  }
  for (const s of plan.update) {
    const res = ctx.api.update<SliceObj>(withTrigger(s), { trusted: true });
    if (!res.ok) {
      fail('update', res.status.message);
      return pods.length;
    }
    tracker.wrote(res.object);
  }
  for (const s of plan.delete) {
    tracker.expectDeletion(`${namespace}/${s.metadata.name}`);
    const res = ctx.api.delete(SLICES, namespace, s.metadata.name);
    if (!res.ok && res.status.reason !== 'NotFound') {
      fail('delete', res.status.message);
      return pods.length;
    }
  }
  return pods.length;
}
