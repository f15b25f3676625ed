import type { WatchEvent } from '../../../engine/store';
import { fromSet, selectFromStore } from '../../api/selectors';
import type { K8sContext, K8sController } from '../context';
import type { ServiceObj } from '../endpoints/podEndpoints';
import { LabelSkipMirror, MirroringControllerName, mirrorEndpoints, type EndpointsObj } from './mirrorEndpoints';
import { LabelManagedBy, LabelServiceName, type SliceObj } from './reconcileSlices';

const SLICES = 'endpointslices.discovery.k8s.io';

/**
 * The EndpointSlice mirroring controller (`pkg/controller/endpointslicemirroring`):
 * Endpoints written by hand for a Service without a selector get mirrored
 * EndpointSlices, so that everything reading slices (kube-proxy, DNS) sees
 * them too. Endpoints labelled `endpointslice.kubernetes.io/skip-mirror`,
 * and those of services with a selector (the EndpointSlice controller's
 * job), are not mirrored.
 */
export function createEndpointSliceMirroringController(): K8sController {
  const mapSlice = (e: WatchEvent): string | undefined => {
    const labels = e.object.metadata.labels;
    if (labels?.[LabelManagedBy] !== MirroringControllerName || !labels[LabelServiceName]) return undefined;
    return `${e.object.metadata.namespace}/${labels[LabelServiceName]}`;
  };
  return {
    name: 'endpointslicemirroring-controller',
    watches: [
      { resource: 'endpoints', map: (e) => e.key },
      { resource: 'services', map: (e) => e.key },
      // only someone else's change to a mirrored slice matters; our own writes find nothing to do
      { resource: SLICES, map: mapSlice },
    ],
    reconcile(key, ctx) {
      syncEndpoints(key, ctx);
    },
  };
}

function syncEndpoints(key: string, ctx: K8sContext): void {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const ep = ctx.store.get<EndpointsObj>('endpoints', key);
  const svc = ctx.store.get<ServiceObj>('services', key);
  const selector = svc?.spec?.selector;
  const mirror = ep && svc && !(selector && Object.keys(selector).length > 0) && ep.metadata.labels?.[LabelSkipMirror] !== 'true';
  const existing = selectFromStore<SliceObj>(ctx.store, SLICES, namespace, fromSet({ [LabelServiceName]: name, [LabelManagedBy]: MirroringControllerName })).sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  if (!mirror && existing.length === 0) return;
  const plan = mirrorEndpoints(mirror ? ep : undefined, existing);
  const nullIfEmpty = (s: SliceObj): SliceObj => ({ ...s, endpoints: s.endpoints?.length ? s.endpoints : (null as unknown as SliceObj['endpoints']), ports: s.ports?.length ? s.ports : (null as unknown as SliceObj['ports']) });
  for (const s of plan.create) if (!ctx.api.create(nullIfEmpty(s), { trusted: true }).ok) return ctx.wakeAfter(key, 1000);
  for (const s of plan.update) if (!ctx.api.update(nullIfEmpty(s), { trusted: true }).ok) return ctx.wakeAfter(key, 1000);
  for (const s of plan.delete) ctx.api.delete(SLICES, namespace, s.metadata.name);
}
