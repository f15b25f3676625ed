import type { Container, LimitRange, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../../engine/store';
import { amountOf, formatAmount } from '../../controllers/quota/resourceList';
import type { KubeObject } from '../types';

type LR = KubeObject & LimitRange;
type Stored = KubeObject & Pick<Pod, 'spec'>;
const ANNOTATION = 'kubernetes.io/limit-ranger';

const q = (v: unknown) => formatAmount(amountOf(v));
const cmp = (a: unknown, b: unknown) => {
  const x = amountOf(a).nano;
  const y = amountOf(b).nano;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** `mergeContainerResources`: the range's default limits and requests for what the container leaves out. */
function withDefaults(c: Container, item: NonNullable<LimitRange['spec']>['limits'][number], kind: string, notes: string[]): Container {
  const limits: Record<string, string> = { ...(c.resources?.limits as Record<string, string> | undefined) };
  const requests: Record<string, string> = { ...(c.resources?.requests as Record<string, string> | undefined) };
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(item.default ?? {})) {
    if (limits[k] !== undefined) continue;
    limits[k] = String(v);
    setLimits.push(k);
  }
  for (const [k, v] of Object.entries(item.defaultRequest ?? {})) {
    if (requests[k] !== undefined) continue;
    requests[k] = String(v);
    setRequests.push(k);
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${kind} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${kind} ${c.name}`);
  if (!setLimits.length && !setRequests.length) return c;
  const resources: Record<string, unknown> = { ...c.resources };
  if (Object.keys(limits).length) resources.limits = limits;
  if (Object.keys(requests).length) resources.requests = requests;
  return { ...c, resources };
}

/** `minConstraint` / `maxConstraint` for one container (each reports its first problem only). */
function violations(c: Container, item: NonNullable<LimitRange['spec']>['limits'][number]): string[] {
  const errs: string[] = [];
  const req = (c.resources?.requests ?? {}) as Record<string, unknown>;
  const lim = (c.resources?.limits ?? {}) as Record<string, unknown>;
  for (const [k, min] of Object.entries(item.min ?? {})) {
    if (req[k] === undefined) errs.push(`minimum ${k} usage per Container is ${q(min)}.  No request is specified`);
    else if (cmp(req[k], min) < 0) errs.push(`minimum ${k} usage per Container is ${q(min)}, but request is ${q(req[k])}`);
    else if (lim[k] !== undefined && cmp(lim[k], min) < 0) errs.push(`minimum ${k} usage per Container is ${q(min)}, but limit is ${q(lim[k])}`);
  }
  for (const [k, max] of Object.entries(item.max ?? {})) {
    if (lim[k] === undefined) errs.push(`maximum ${k} usage per Container is ${q(max)}.  No limit is specified`);
    else if (cmp(lim[k], max) > 0) errs.push(`maximum ${k} usage per Container is ${q(max)}, but limit is ${q(lim[k])}`);
    else if (req[k] !== undefined && cmp(req[k], max) > 0) errs.push(`maximum ${k} usage per Container is ${q(max)}, but request is ${q(req[k])}`);
  }
  return errs;
}

/**
 * The LimitRanger admission plugin for a new pod: Container-type ranges of
 * the namespace fill in default limits and requests (noted in the
 * `kubernetes.io/limit-ranger` annotation), then min/max are enforced.
 */
export function admitLimitRange(pod: Stored, store: ObjectStore): { ok: true; pod: Stored } | { ok: false; message: string } {
  const ns = pod.metadata.namespace;
  if (!ns || !store.has('limitranges') || store.keysInNamespace('limitranges', ns).size === 0) return { ok: true, pod };
  let spec: PodSpec = pod.spec!;
  const notes: string[] = [];
  const errs: string[] = [];
  const ranges = store.list<LR>('limitranges', ns).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      if (item.type !== 'Container') continue;
      spec = { ...spec, containers: spec.containers.map((c) => withDefaults(c, item, 'container', notes)), ...(spec.initContainers ? { initContainers: spec.initContainers.map((c) => withDefaults(c, item, 'init container', notes)) } : {}) };
    }
  }
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      if (item.type !== 'Container') continue;
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) errs.push(...violations(c, item));
    }
  }
  if (errs.length) return { ok: false, message: errs.length === 1 ? errs[0] : `[${errs.join(', ')}]` };
  if (!notes.length) return { ok: true, pod };
  const annotations = { ...pod.metadata.annotations, [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  return { ok: true, pod: { ...pod, metadata: { ...pod.metadata, annotations }, spec } };
}
