import { defaultPodTemplate } from './podDefaults';

/**
 * apps/v1 defaults for DaemonSet and StatefulSet (`pkg/apis/apps/v1/defaults.go`).
 * Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const unset = (v: unknown) => v === undefined || v === null;

function specOf(obj: Obj): Obj {
  if (!isObj(obj.spec)) obj.spec = {};
  return obj.spec as Obj;
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10. */
export function defaultDaemonSet(obj: Obj): void {
  const spec = specOf(obj);
  if (!isObj(spec.updateStrategy)) spec.updateStrategy = {};
  const strategy = spec.updateStrategy as Obj;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as Obj;
    if (unset(ru.maxUnavailable)) ru.maxUnavailable = 1;
    if (unset(ru.maxSurge)) ru.maxSurge = 0;
  }
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  defaultPodTemplate(spec.template);
}

/** SetDefaults_StatefulSet: replicas 1, OrderedReady, RollingUpdate partition 0, revisionHistoryLimit 10, Retain claims. */
export function defaultStatefulSet(obj: Obj): void {
  const spec = specOf(obj);
  if (unset(spec.replicas)) spec.replicas = 1;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  if (!isObj(spec.updateStrategy)) spec.updateStrategy = {};
  const strategy = spec.updateStrategy as Obj;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as Obj;
    if (unset(ru.partition)) ru.partition = 0;
  }
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  if (!isObj(spec.persistentVolumeClaimRetentionPolicy)) spec.persistentVolumeClaimRetentionPolicy = {};
  const retention = spec.persistentVolumeClaimRetentionPolicy as Obj;
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates) {
      if (!isObj(t)) continue;
      if (!isObj(t.spec)) t.spec = {};
      const s = t.spec as Obj;
      if (!s.volumeMode) s.volumeMode = 'Filesystem';
      if (!isObj(t.status)) t.status = { phase: 'Pending' };
    }
  }
  defaultPodTemplate(spec.template);
}
