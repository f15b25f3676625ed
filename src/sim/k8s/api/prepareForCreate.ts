import { extend } from '../../../lib/extend';
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { podQOSClass } from './admission/qos';
import type { ResourceInfo } from './resources';
import type { KubeObject } from './types';

/** The status a pod starts with. */
export function initialPodStatus(spec: PodSpec): NonNullable<Pod['status']> {
  return { phase: 'Pending', qosClass: podQOSClass(spec) };
}

/** The status an object starts with (each kind's PrepareForCreate). */
export function prepareForCreate(obj: KubeObject, info: ResourceInfo): KubeObject {
  switch (info.kind) {
    case 'Pod':
      return extend(obj, { status: initialPodStatus((obj as KubeObject & Pod).spec!) });
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'CronJob':
      return extend(obj, { status: {} });
    case 'Service':
    case 'Ingress':
      return extend(obj, { status: { loadBalancer: {} } });
    case 'DaemonSet':
      return extend(obj, { status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 } });
    case 'Job':
      return extend(obj, { status: {} });
    case 'Namespace':
      return extend(obj, { status: { phase: 'Active' } });
    case 'PodDisruptionBudget':
      return extend(obj, { status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 } });
    default:
      return obj;
  }
}
