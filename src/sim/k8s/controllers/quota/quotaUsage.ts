import type { Container, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../../engine/store';
import type { KubeObject } from '../../api/types';
import { add, amountOf, count, type Amount, type Amounts } from './resourceList';

type PodObj = KubeObject & Pod;
export type QuotaObj = KubeObject & ResourceQuota;

/** Core kinds a quota counts by their plain name (`pods`, `services`, …), with their storage names. */
export const COUNTED: Readonly<Record<string, string>> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  resourcequotas: 'resourcequotas',
  replicationcontrollers: 'replicationcontrollers',
};

/** The storage name a `count/<resource>[.<group>]` or plain quota resource counts, if any. */
export function countedResource(name: string): string | undefined {
  if (name.startsWith('count/')) return name.slice(6);
  return COUNTED[name];
}

/** `IsPodTerminal`-ish: finished pods no longer use quota. */
function podActive(pod: PodObj): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** `PodRequests`/`PodLimits`: containers summed, then the larger of that and any one init container. */
function podResource(pod: PodObj, kind: 'requests' | 'limits', name: string): Amount | undefined {
  let sum: Amount | undefined;
  const of = (c: Container) => (c.resources?.[kind] as Record<string, unknown> | undefined)?.[name];
  for (const c of pod.spec?.containers ?? []) {
    const v = of(c);
    if (v === undefined) continue;
    const a = amountOf(v);
    sum = sum ? { nano: sum.nano + a.nano, format: sum.format } : a;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const v = of(c);
    if (v === undefined) continue;
    const a = amountOf(v);
    if (!sum || a.nano > sum.nano) sum = sum ? { nano: a.nano, format: sum.format } : a;
  }
  return sum;
}

function isBestEffort(pod: PodObj): boolean {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].every(
    (c) => Object.keys(c.resources?.requests ?? {}).length === 0 && Object.keys(c.resources?.limits ?? {}).length === 0,
  );
}

/** Whether a pod is in every one of the quota's scopes. */
export function podMatchesScopes(pod: PodObj, scopes: readonly string[]): boolean {
  for (const s of scopes) {
    const terminating = pod.spec?.activeDeadlineSeconds !== undefined && pod.spec?.activeDeadlineSeconds !== null;
    if (s === 'BestEffort' && !isBestEffort(pod)) return false;
    if (s === 'NotBestEffort' && isBestEffort(pod)) return false;
    if (s === 'Terminating' && !terminating) return false;
    if (s === 'NotTerminating' && terminating) return false;
  }
  return true;
}

/** The compute resources a quota can track on pods, and the pod field each reads. */
const POD_COMPUTE: Readonly<Record<string, ['requests' | 'limits', string]>> = {
  cpu: ['requests', 'cpu'],
  memory: ['requests', 'memory'],
  'requests.cpu': ['requests', 'cpu'],
  'requests.memory': ['requests', 'memory'],
  'requests.ephemeral-storage': ['requests', 'ephemeral-storage'],
  'limits.cpu': ['limits', 'cpu'],
  'limits.memory': ['limits', 'memory'],
  'limits.ephemeral-storage': ['limits', 'ephemeral-storage'],
};

/** What one object uses of the quota's resources (`Evaluator.Usage`); empty when out of scope. */
export function usageOf(obj: KubeObject, resource: string, quota: QuotaObj): Amounts {
  const out: Amounts = new Map();
  const hard = Object.keys(quota.spec?.hard ?? {});
  const scopes = quota.spec?.scopes ?? [];
  if (resource === 'pods') {
    const pod = obj as PodObj;
    if (!podActive(pod) || !podMatchesScopes(pod, scopes)) return out;
    for (const h of hard) {
      if (h === 'pods' || h === 'count/pods') add(out, h, count(1));
      const compute = POD_COMPUTE[h];
      if (compute) {
        const a = podResource(pod, compute[0], compute[1]);
        if (a) add(out, h, a);
      }
    }
    return out;
  }
  if (scopes.length > 0) return out;
  for (const h of hard) {
    if (countedResource(h) === resource) add(out, h, count(1));
  }
  if (resource === 'services') {
    const type = (obj.spec as { type?: string } | undefined)?.type;
    const ports = ((obj.spec as { ports?: unknown[] } | undefined)?.ports ?? []).length;
    if (hard.includes('services.nodeports') && (type === 'NodePort' || type === 'LoadBalancer')) add(out, 'services.nodeports', count(ports));
    if (hard.includes('services.loadbalancers') && type === 'LoadBalancer') add(out, 'services.loadbalancers', count(1));
  }
  if (resource === 'persistentvolumeclaims' && hard.includes('requests.storage')) {
    add(out, 'requests.storage', amountOf((obj.spec as { resources?: { requests?: { storage?: string } } } | undefined)?.resources?.requests?.storage));
  }
  return out;
}

/** The storage names whose objects a quota's hard list makes it count. */
export function trackedResources(quota: QuotaObj): Set<string> {
  const out = new Set<string>();
  for (const h of Object.keys(quota.spec?.hard ?? {})) {
    const r = countedResource(h);
    if (r) out.add(r);
    if (POD_COMPUTE[h]) out.add('pods');
    if (h.startsWith('services.')) out.add('services');
    if (h === 'requests.storage') out.add('persistentvolumeclaims');
  }
  return out;
}

/** `status.used`: every tracked resource summed over the namespace's objects (zero when none). */
export function computeUsed(quota: QuotaObj, store: ObjectStore): Amounts {
  const ns = quota.metadata.namespace ?? 'default';
  const used: Amounts = new Map();
  for (const h of Object.keys(quota.spec?.hard ?? {})) used.set(h, { nano: 0n, format: 'DecimalSI' });
  for (const resource of trackedResources(quota)) {
    if (!store.has(resource)) continue;
    for (const obj of store.list<KubeObject>(resource, ns)) {
      if (resource !== 'pods' && obj.metadata.deletionTimestamp) continue;
      for (const [k, a] of usageOf(obj, resource, quota)) {
        const cur = used.get(k)!;
        used.set(k, cur.nano === 0n && cur.format === 'DecimalSI' ? a : { nano: cur.nano + a.nano, format: cur.format });
      }
    }
  }
  return used;
}
