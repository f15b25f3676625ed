import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ListOptions } from '../api/client';
import type { KubeObject } from '../api/types';

/**
 * What the DNS and kube-proxy models read: a read-only view of the API (an
 * `ApiClient` is one). They read Services, EndpointSlices and Namespaces,
 * as CoreDNS and kube-proxy do through their informers.
 */
export interface ClusterView {
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined;
  list<T extends KubeObject = KubeObject>(resource: string, options?: ListOptions): T[];
}

export type ServiceObj = KubeObject & Service;
export type SliceObj = KubeObject & EndpointSlice;

export const SLICES = 'endpointslices.discovery.k8s.io';

/** The EndpointSlices of a service (label `kubernetes.io/service-name`), by name. */
export function slicesOf(view: ClusterView, namespace: string, service: string): SliceObj[] {
  return view.list<SliceObj>(SLICES, { namespace, labelSelector: [{ key: 'kubernetes.io/service-name', operator: 'Equals', values: [service] }] });
}

/** A service with a cluster IP (not headless, not ExternalName). */
export function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return svc.spec?.type !== 'ExternalName' && !!ip && ip !== 'None';
}
