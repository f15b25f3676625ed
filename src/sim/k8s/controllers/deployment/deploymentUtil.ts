import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../../engine/clock';
import { stableStringify } from '../../api/objectDiff';
import type { Stored } from '../../api/types';
import { fnv32a } from '../../../../lib/fnv';

/**
 * Pure helpers of the Deployment controller, ported from upstream
 * `pkg/controller/deployment/util/deployment_util.go` under upstream names
 * so the two codebases can be read side by side.
 */
export type DeploymentObj = Stored<Deployment>;
export type ReplicaSetObj = Stored<ReplicaSet>;

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash';
export const LastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
export const RollbackToAnnotation = 'deprecated.deployment.rollback.to';

export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

const MAX_INT32 = 2147483647;

/** `intstr.GetScaledValueFromIntOrPercent`: percent of `total`, rounded up or down. */
export function getScaledValueFromIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) {
    const n = Number(value);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid value "${value}": strconv.Atoi`);
  }
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** `ResolveFenceposts`: surge rounds up, unavailable rounds down; 0/0 becomes 0/1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function replicasOf(obj: { spec?: { replicas?: number } }): number {
  return obj.spec?.replicas ?? 1;
}

function isRollingUpdate(d: DeploymentObj): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * `maxUnavailable` and `maxSurge` per spec object: pure functions of the
 * spec, which a status write keeps (stored objects are immutable), and
 * asked several times per sync.
 */
const maxUnavailableOfSpec = new WeakMap<object, number>();
const maxSurgeOfSpec = new WeakMap<object, number>();

/** `MaxUnavailable`: 0 for Recreate or 0 replicas; never more than replicas. */
export function maxUnavailable(d: DeploymentObj): number {
  const spec = d.spec;
  if (!spec) return computeMaxUnavailable(d);
  let v = maxUnavailableOfSpec.get(spec);
  if (v === undefined) maxUnavailableOfSpec.set(spec, (v = computeMaxUnavailable(d)));
  return v;
}

function computeMaxUnavailable(d: DeploymentObj): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [, unavailable] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

/** `MinAvailable`. */
export function minAvailable(d: DeploymentObj): number {
  if (!isRollingUpdate(d)) return 0;
  return replicasOf(d) - maxUnavailable(d);
}

/** `MaxSurge`: 0 for Recreate. */
export function maxSurge(d: DeploymentObj): number {
  const spec = d.spec;
  if (!spec) return computeMaxSurge(d);
  let v = maxSurgeOfSpec.get(spec);
  if (v === undefined) maxSurgeOfSpec.set(spec, (v = computeMaxSurge(d)));
  return v;
}

function computeMaxSurge(d: DeploymentObj): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [surge] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d));
  return surge;
}

/** `[...oldRSs, newRS]`, sized exactly (an array literal with a spread reserves room to grow: ~0.5 KB per sync). */
export function allReplicaSets<T extends ReplicaSetObj | undefined>(oldRSs: readonly ReplicaSetObj[], newRS: T): (ReplicaSetObj | T)[] {
  if (oldRSs.length === 0) return [newRS];
  const all: (ReplicaSetObj | T)[] = oldRSs.slice();
  all.push(newRS);
  return all;
}

/** Σ spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.spec?.replicas ?? 1;
  return n;
}

/** Σ status.replicas. */
export function getActualReplicaCountForReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.replicas ?? 0;
  return n;
}

export function getReadyReplicaCountForReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.readyReplicas ?? 0;
  return n;
}

export function getAvailableReplicaCountForReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.availableReplicas ?? 0;
  return n;
}

/** `NewRSNewReplicas`: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: DeploymentObj, allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return replicas;
  const newReplicas = newRS.spec?.replicas ?? 1;
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  const maxTotalPods = replicas + maxSurge(d);
  if (currentPodCount >= maxTotalPods) return newReplicas;
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - newReplicas);
  return newReplicas + scaleUpCount;
}

export function revision(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[RevisionAnnotation];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}

export function maxRevision(rss: readonly ReplicaSetObj[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revision(rs));
  return max;
}

/** Oldest first by creationTimestamp, then name (`ReplicaSetsByCreationTimestamp`). */
export function byCreationTimestamp(a: { metadata: { creationTimestamp?: string; name: string } }, b: { metadata: { creationTimestamp?: string; name: string } }): number {
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** `ReplicaSetsByRevision`: by revision, then creation. */
export function byRevision(a: ReplicaSetObj, b: ReplicaSetObj): number {
  const ra = revision(a);
  const rb = revision(b);
  return ra === rb ? byCreationTimestamp(a, b) : ra - rb;
}

const withoutHashCache = new WeakMap<object, string>();

/** The canonical text of a template minus its pod-template-hash label (cached: templates are immutable). */
function templateWithoutHash(t: PodTemplateSpec | undefined): string {
  if (!t) return 'null';
  let text = withoutHashCache.get(t);
  if (text === undefined) withoutHashCache.set(t, (text = computeWithoutHash(t)));
  return text;
}

function computeWithoutHash(t: PodTemplateSpec): string {
  const labels = { ...t.metadata?.labels };
  delete labels[DefaultDeploymentUniqueLabelKey];
  return stableStringify({ ...t, metadata: { ...t.metadata, labels } });
}

/** `EqualIgnoreHash`: pod templates equal except the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return templateWithoutHash(a) === templateWithoutHash(b);
}

/** `FindNewReplicaSet`: the oldest RS whose template equals the deployment's (first by `byCreationTimestamp`, no sorted copy). */
export function findNewReplicaSet(d: DeploymentObj, rsList: readonly ReplicaSetObj[]): ReplicaSetObj | undefined {
  const want = templateWithoutHash(d.spec?.template);
  let found: ReplicaSetObj | undefined;
  for (const rs of rsList) {
    if (templateWithoutHash(rs.spec?.template) !== want) continue;
    if (found === undefined || byCreationTimestamp(rs, found) < 0) found = rs;
  }
  return found;
}

/** `FilterActiveReplicaSets`: spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): ReplicaSetObj[] {
  return rss.filter((rs): rs is ReplicaSetObj => rs !== undefined && (rs.spec?.replicas ?? 1) > 0);
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `rand.SafeEncodeString`: maps each character code onto the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** `controller.ComputeHash`: FNV-1a of the template (+ collisionCount), as the decimal string, safe-encoded. */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv32a(stableStringify(template ?? null));
  if (collisionCount !== undefined && collisionCount !== null) h = fnv32a(String(collisionCount), h);
  return safeEncodeString(String(h >>> 0));
}

/** `HasProgressDeadline`. */
export function hasProgressDeadline(d: DeploymentObj): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== MAX_INT32;
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  const conditions = status?.conditions;
  if (conditions) for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * `SetDeploymentCondition(status, NewDeploymentCondition(…))` without
 * building the condition when the current one has the same status and
 * reason (which leaves status as it is).
 */
export function setNewDeploymentCondition(status: DeploymentStatus, type: string, conditionStatus: string, reason: string, message: string, now: string): void {
  const current = getDeploymentCondition(status, type);
  if (current && current.status === conditionStatus && current.reason === reason) return;
  setDeploymentCondition(status, newDeploymentCondition(type, conditionStatus, reason, message, now));
}

/** `SetDeploymentCondition`: same status and reason → no change; same status → keep the transition time; the new one goes last. */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const c = { ...condition };
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

/** Removes the condition of `type` (the conditions array is replaced, never changed in place: it may be shared with a stored status). */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  if (status.conditions && getDeploymentCondition(status, type)) status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions && status.conditions.length === 0) delete status.conditions;
}

/** `DeploymentComplete`. */
export function deploymentComplete(d: DeploymentObj, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** `DeploymentProgressing`: any of updated up, old down, ready up, available up. */
export function deploymentProgressing(d: DeploymentObj, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** `DeploymentTimedOut`: lastUpdateTime + deadline strictly before now. */
export function deploymentTimedOut(d: DeploymentObj, newStatus: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getDeploymentCondition(newStatus, 'Progressing');
  if (!cond) return false;
  if (cond.reason === NewRSAvailableReason) return false;
  if (cond.reason === TimedOutReason) return true;
  const from = parseTimestamp(cond.lastUpdateTime) ?? 0;
  return from + d.spec!.progressDeadlineSeconds! * 1000 < now;
}

/** `GetDesiredReplicasAnnotation` / max-replicas reader. */
export function intAnnotation(rs: ReplicaSetObj, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/** `IsSaturated`: the new RS holds every replica and all are available. */
export function isSaturated(d: DeploymentObj, rs: ReplicaSetObj | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DesiredReplicasAnnotation);
  const replicas = replicasOf(d);
  return (rs.spec?.replicas ?? 1) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** `getReplicaSetFraction` for proportional scaling. */
export function getReplicaSetFraction(rs: ReplicaSetObj, d: DeploymentObj): number {
  const replicas = replicasOf(d);
  const rsReplicas = rs.spec?.replicas ?? 1;
  if (replicas === 0) return -rsReplicas;
  const deploymentMaxReplicas = replicas + maxSurge(d);
  let before = intAnnotation(rs, MaxReplicasAnnotation);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  const scaledFraction = (rsReplicas * deploymentMaxReplicas) / before;
  return goRound(scaledFraction) - rsReplicas;
}

/** Go's math.Round (half away from zero). */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** `GetProportion`. */
export function getProportion(rs: ReplicaSetObj | undefined, d: DeploymentObj, toAdd: number, added: number): number {
  if (!rs || (rs.spec?.replicas ?? 1) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
