import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { naturalCompare } from './naturalOrder';
import { controllerOf, revisionHue, revisionOf } from './owners';
import { vizText } from '../text';

/** A Deployment and its rollout, as the drawing shows it. */
export interface DeploymentView {
  /** `namespace/name`. */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly desired: number;
  /** status.replicas: pods of every revision. */
  readonly total: number;
  readonly updated: number;
  readonly ready: number;
  readonly available: number;
  /** The rolling-update budget resolved for `desired` (ResolveFenceposts: surge rounds up, unavailable down; 0/0 is 0/1). */
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  readonly strategy: string;
  readonly revision: number | undefined;
  readonly hue: number | undefined;
  /** The new ReplicaSet's available and not-yet-available pods, and the old ReplicaSets' pods. */
  readonly newAvailable: number;
  readonly newUnavailable: number;
  readonly old: number;
  /** Hue of the newest old revision still holding pods. */
  readonly oldHue: number | undefined;
  /** The rollout is under way (kubectl rollout status would still wait). */
  readonly rolling: boolean;
  readonly paused: boolean;
  /** One line: complete, progressing, paused, or the Progressing condition's failure. */
  readonly state: string;
  readonly label: string;
}

/** An endpoint of a Service, from its EndpointSlices. */
export interface EndpointView {
  /** `namespace/name` of the pod behind it, when the slice names one. */
  readonly podKey: string | undefined;
  readonly ip: string;
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface ServiceView {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly clusterIP: string;
  /** `80→8080/TCP`, joined with commas. */
  readonly ports: string;
  readonly endpoints: readonly EndpointView[];
  readonly readyCount: number;
  readonly label: string;
}

export interface WorkloadsSource {
  readonly deployments: readonly Deployment[];
  readonly replicaSets: readonly ReplicaSet[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
}

export interface WorkloadsView {
  readonly deployments: readonly DeploymentView[];
  readonly services: readonly ServiceView[];
}

/** Objects of the system namespace are not the learner's: the drawing leaves them out of this row. */
const HIDDEN_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * `intstr.GetScaledValueFromIntOrPercent`: a count, or a percent of `total`
 * rounded up or down.
 * @example scaled('25%', 10, true) // 3
 */
export function scaled(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.isInteger(Number(value)) ? Number(value) : 0;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** `ResolveFenceposts`. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaled(maxSurge, desired, true);
  let unavailable = scaled(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

const keyOf = (meta: { namespace?: string; name?: string } | undefined) => `${meta?.namespace ?? 'default'}/${meta?.name ?? ''}`;

function deploymentView(d: Deployment, owned: readonly ReplicaSet[]): DeploymentView {
  const name = d.metadata?.name ?? '';
  const namespace = d.metadata?.namespace ?? 'default';
  const desired = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  const strategy = d.spec?.strategy?.type ?? 'RollingUpdate';
  const ru = d.spec?.strategy?.rollingUpdate;
  const [maxSurge, maxUnavailable] = strategy === 'RollingUpdate' ? resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable ?? '25%', desired) : [0, 0];
  const revision = revisionOf(d);
  const newRS = owned.find((rs) => revisionOf(rs) === revision);
  let old = 0;
  let oldRevision: number | undefined;
  for (const rs of owned) {
    if (rs === newRS) continue;
    const n = rs.status?.replicas ?? 0;
    if (n === 0) continue;
    old += n;
    const r = revisionOf(rs);
    if (r !== undefined && (oldRevision === undefined || r > oldRevision)) oldRevision = r;
  }
  const newTotal = newRS?.status?.replicas ?? 0;
  const newAvailable = Math.min(newTotal, newRS?.status?.availableReplicas ?? 0);
  const total = st.replicas ?? 0;
  const updated = st.updatedReplicas ?? 0;
  const available = st.availableReplicas ?? 0;
  const observed = (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
  const rolling = !observed || updated < desired || total > updated || available < updated;
  const paused = d.spec?.paused === true;
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  let state = rolling ? 'rolling out' : 'complete';
  if (paused) state = 'paused';
  else if (progressing?.status === 'False') state = progressing.reason ?? 'not progressing';
  const budget = rolling && strategy === 'RollingUpdate' ? { max: desired + maxSurge, min: Math.max(0, desired - maxUnavailable) } : undefined;
  const label = vizText().deploymentLabel({ name, state: vizText().deploymentState(state), desired, updated, available, revision, budget });
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    desired,
    total,
    updated,
    ready: st.readyReplicas ?? 0,
    available,
    maxSurge,
    maxUnavailable,
    strategy,
    revision,
    hue: revision === undefined ? undefined : revisionHue(revision),
    newAvailable,
    newUnavailable: newTotal - newAvailable,
    old,
    oldHue: oldRevision === undefined ? undefined : revisionHue(oldRevision),
    rolling,
    paused,
    state,
    label,
  };
}

function portsText(svc: Service): string {
  return (svc.spec?.ports ?? []).map((p) => `${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`).join(', ');
}

function serviceView(svc: Service, slices: readonly EndpointSlice[]): ServiceView {
  const name = svc.metadata?.name ?? '';
  const namespace = svc.metadata?.namespace ?? 'default';
  const endpoints: EndpointView[] = [];
  for (const slice of slices) {
    for (const ep of slice.endpoints ?? []) {
      const ref = ep.targetRef;
      endpoints.push({
        podKey: ref?.kind === 'Pod' ? `${ref.namespace ?? namespace}/${ref.name}` : undefined,
        ip: ep.addresses?.[0] ?? '',
        // A missing `ready` means ready (discovery/v1: "nil should be interpreted as true").
        ready: ep.conditions?.ready !== false,
        terminating: ep.conditions?.terminating === true,
      });
    }
  }
  const readyCount = endpoints.filter((e) => e.ready).length;
  const notReady = endpoints.length - readyCount;
  const type = svc.spec?.type ?? 'ClusterIP';
  const clusterIP = svc.spec?.clusterIP ?? '';
  const label = vizText().serviceLabel({ name, type, clusterIP, ready: readyCount, notReady });
  return { key: `${namespace}/${name}`, name, namespace, type, clusterIP, ports: portsText(svc), endpoints, readyCount, label };
}

const byKey = (a: { key: string }, b: { key: string }) => naturalCompare(a.key, b.key);

/**
 * The learner's Deployments (with their rollout) and Services (with their
 * endpoints from EndpointSlices), system namespaces left out.
 */
export function buildWorkloadsView(source: WorkloadsSource): WorkloadsView {
  const rsByOwner = new Map<string, ReplicaSet[]>();
  for (const rs of source.replicaSets) {
    const owner = controllerOf(rs.metadata);
    if (owner?.kind !== 'Deployment') continue;
    const key = `${rs.metadata?.namespace ?? 'default'}/${owner.name}`;
    let list = rsByOwner.get(key);
    if (!list) rsByOwner.set(key, (list = []));
    list.push(rs);
  }
  const slicesBySvc = new Map<string, EndpointSlice[]>();
  for (const slice of source.endpointSlices) {
    const svc = slice.metadata?.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = `${slice.metadata?.namespace ?? 'default'}/${svc}`;
    let list = slicesBySvc.get(key);
    if (!list) slicesBySvc.set(key, (list = []));
    list.push(slice);
  }
  const shown = (meta: { namespace?: string } | undefined) => !HIDDEN_NAMESPACES.has(meta?.namespace ?? 'default');
  return {
    deployments: source.deployments.filter((d) => shown(d.metadata)).map((d) => deploymentView(d, rsByOwner.get(keyOf(d.metadata)) ?? [])).sort(byKey),
    services: source.services.filter((s) => shown(s.metadata)).map((s) => serviceView(s, slicesBySvc.get(keyOf(s.metadata)) ?? [])).sort(byKey),
  };
}
