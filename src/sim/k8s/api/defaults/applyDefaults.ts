import type { ResourceInfo } from '../resources';
import type { KubeObject } from '../types';
import { defaultDaemonSet, defaultStatefulSet } from './appsDefaults';
import { defaultCronJob, defaultJob } from './batchDefaults';
import { cloneJson } from './clone';
import { defaultSecret } from './configDefaults';
import { defaultNamespace, defaultNode, defaultService } from './coreDefaults';
import { defaultEndpointSlice, defaultEndpoints } from './endpointDefaults';
import { defaultPod } from './podDefaults';
import { defaultLimitRange } from './quotaDefaults';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storageDefaults';
import { defaultDeployment, defaultReplicaSet } from './workloadDefaults';
import { defaultHorizontalPodAutoscaler } from './autoscalingDefaults';
import { defaultIngressClass, defaultPriorityClass } from './networkingDefaults';

type Defaulter = (obj: Record<string, unknown>) => void;

/**
 * Defaulting functions by `group/Kind` (core kinds as `/Kind`). Add a kind's
 * SetDefaults_* here when the kind is served (StatefulSet, Job, …).
 */
export const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  '/Pod': defaultPod,
  '/Service': defaultService,
  '/Namespace': defaultNamespace,
  '/Node': defaultNode,
  '/Endpoints': defaultEndpoints,
  '/Secret': defaultSecret,
  '/LimitRange': defaultLimitRange,
  '/PersistentVolume': defaultPersistentVolume,
  '/PersistentVolumeClaim': defaultPersistentVolumeClaim,
  'storage.k8s.io/StorageClass': defaultStorageClass,
  'apps/Deployment': defaultDeployment,
  'autoscaling/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/DaemonSet': defaultDaemonSet,
  'apps/StatefulSet': defaultStatefulSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  'networking.k8s.io/IngressClass': defaultIngressClass,
  'scheduling.k8s.io/PriorityClass': defaultPriorityClass,
};

/** The object with the API server's defaults applied, as a new object (the input is never mutated). */
export function applyDefaults(obj: KubeObject, info: ResourceInfo): KubeObject {
  const copy = cloneJson(obj);
  DEFAULTERS[`${info.group}/${info.kind}`]?.(copy as Record<string, unknown>);
  return copy;
}
