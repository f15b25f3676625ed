import { defaultPodTemplate } from './podDefaults';

/**
 * apps/v1 defaults (`pkg/apis/apps/v1/defaults.go`): Deployment and
 * ReplicaSet, with their pod templates defaulted as PodSpecs. Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function specOf(obj: Obj): Obj {
  if (!isObj(obj.spec)) obj.spec = {};
  return obj.spec as Obj;
}

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(obj: Obj): void {
  const spec = specOf(obj);
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (!isObj(spec.strategy)) spec.strategy = {};
  const strategy = spec.strategy as Obj;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as Obj;
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  defaultPodTemplate(spec.template);
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function defaultReplicaSet(obj: Obj): void {
  const spec = specOf(obj);
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  defaultPodTemplate(spec.template);
}
