import type { Endpoints } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../../../engine/clock';
import type { ObjectStore, WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import { fromSet, selectFromStore } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { endpointSubsets, podAddress, type PodAddress } from './endpointSubsets';
import { isServiceIPSet, type PodObj, type ServiceObj } from './podEndpoints';
import { EndpointsOverCapacity, capacityAnnotationSetCorrectly, truncateEndpoints } from './repackSubsets';
import { ServiceSelectors } from './serviceSelectors';
import { EndpointsLastChangeTriggerTime, TriggerTimeTracker } from './triggerTimeTracker';

type EndpointsObj = KubeObject & Endpoints;

/** `service.kubernetes.io/headless`: set on the Endpoints of a service without a cluster IP. */
export const IsHeadlessService = 'service.kubernetes.io/headless';

/** Each pod's address for one version of a service, kept while the pod object stays the same. */
class AddressMemo {
  private readonly byService = new Map<string, { service: ServiceObj; pods: WeakMap<PodObj, PodAddress | null> }>();
  forService(key: string, service: ServiceObj): (pod: PodObj) => PodAddress | undefined {
    let entry = this.byService.get(key);
    if (!entry || entry.service !== service) this.byService.set(key, (entry = { service, pods: new WeakMap() }));
    const pods = entry.pods;
    return (pod) => {
      let a = pods.get(pod);
      if (a === undefined) pods.set(pod, (a = podAddress(service, pod) ?? null));
      return a ?? undefined;
    };
  }
  deleteService(key: string): void {
    this.byService.delete(key);
  }
}

/**
 * The Endpoints controller (`pkg/controller/endpoint`): for every service
 * with a selector, an Endpoints object of the same name listing the
 * selected pods' addresses — ready ones under `addresses`, the others under
 * `notReadyAddresses` — per port. Deleting the service deletes it.
 */
export function createEndpointsController(store: ObjectStore): K8sController {
  const selectors = new ServiceSelectors();
  const tracker = new TriggerTimeTracker();
  const memo = new AddressMemo();
  return {
    name: 'endpoint-controller',
    watches: [
      {
        resource: 'services',
        map: (e: WatchEvent) => {
          selectors.observe(e);
          return e.key;
        },
      },
      { resource: 'pods', map: (e) => selectors.servicesForPodEvent(e) },
      // a deleted Endpoints of a selector service comes back
      { resource: 'endpoints', map: (e) => (e.type === 'DELETED' && store.get('services', e.key) ? e.key : undefined) },
    ],
    reconcile(key, ctx) {
      const n = syncService(key, ctx, tracker, memo);
      // a sync costs time in proportion to the pods it looks at; events meanwhile coalesce
      return n > 0 ? 0.1 + n * 0.02 : 0;
    },
  };
}

/** `syncService`; returns how many pods it looked at. */
function syncService(key: string, ctx: K8sContext, tracker: TriggerTimeTracker, memo: AddressMemo): number {
  const service = ctx.store.get<ServiceObj>('services', key);
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (!service) {
    // the service is gone: so is its Endpoints object
    if (ctx.store.get('endpoints', key)) ctx.api.delete('endpoints', namespace, name);
    tracker.deleteService(key);
    memo.deleteService(key);
    return 0;
  }
  // ExternalName services and services without a selector get no endpoints from this controller
  if (service.spec?.type === 'ExternalName') return 0;
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return 0;
  const pods = selectFromStore<PodObj>(ctx.store, 'pods', namespace, fromSet(selector));
  // computed before the no-op check so the tracker's state moves on even when nothing is written
  const triggerTime = tracker.compute(key, service, pods);
  const subsets = endpointSubsets(service, pods, memo.forService(key, service));
  const current = ctx.store.get<EndpointsObj>('endpoints', key);
  const labels = service.metadata.labels;
  if (current) {
    const { [IsHeadlessService]: _headless, ...compareLabels } = current.metadata.labels ?? {};
    if (deepEqual(current.subsets ?? [], subsets) && deepEqual(compareLabels, labels ?? {}) && capacityAnnotationSetCorrectly(current.metadata.annotations, current.subsets)) return pods.length;
  }
  const annotations: Record<string, string> = { ...current?.metadata.annotations };
  if (triggerTime !== undefined) annotations[EndpointsLastChangeTriggerTime] = toTimestamp(triggerTime);
  else delete annotations[EndpointsLastChangeTriggerTime];
  if (truncateEndpoints(subsets)) annotations[EndpointsOverCapacity] = 'truncated';
  else delete annotations[EndpointsOverCapacity];
  const newLabels: Record<string, string> = { ...labels };
  if (!isServiceIPSet(service)) newLabels[IsHeadlessService] = '';
  else delete newLabels[IsHeadlessService];
  const metadata: EndpointsObj['metadata'] = current ? { ...current.metadata } : { name, namespace };
  if (Object.keys(newLabels).length) metadata.labels = newLabels;
  else delete metadata.labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const desired: EndpointsObj = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (subsets.length) desired.subsets = subsets;
  const res = current ? ctx.api.update(desired, { trusted: true }) : ctx.api.create(desired, { trusted: true });
  if (!res.ok) {
    // a terminating namespace refuses new objects: nothing to do
    if (!current && res.status.reason === 'Forbidden') return pods.length;
    if (current) ctx.event(desired, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${res.status.message}`);
    else ctx.event(desired, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${res.status.message}`);
    ctx.wakeAfter(key, 1000);
  }
  return pods.length;
}
