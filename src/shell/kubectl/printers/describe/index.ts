import type { KubeObject, ResourceInfo } from '../../../../sim/k8s/index';
import type { PrintContext } from '../types';
import { describeConfigMap } from './describeConfigMap';
import { describeDaemonSet, describeStatefulSet } from './describeDaemonSet';
import { describeDeployment } from './describeDeployment';
import { describeEndpointSlice } from './describeEndpointSlice';
import { describeEndpoints } from './describeEndpoints';
import { describeGeneric } from './describeGeneric';
import { describeCronJob, describeJob } from './describeJob';
import { describeNamespace } from './describeNamespace';
import { describeNode } from './describeNode';
import { describePod } from './describePod';
import { describePodDisruptionBudget } from './describePodDisruptionBudget';
import { describeHPA } from './describeHPA';
import { describeReplicaSet } from './describeReplicaSet';
import { describeSecret } from './describeSecret';
import { describeLimitRange, describeResourceQuota } from './describeQuota';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './describeStorage';
import { describeService } from './describeService';
import { describeServiceAccount } from './describeServiceAccount';
import { describeIngress, describeIngressClass, describePriorityClass } from './describeNetworking';
import { describeRole, describeRoleBinding } from './describeRbac';

interface Describer {
  group: string;
  kind: string;
  describe(obj: KubeObject, ctx: PrintContext): string;
}

/**
 * The describers kubectl has for our kinds (`describerMap`). Event and
 * Lease have none in kubectl either: they go through the generic describer.
 */
export const DESCRIBERS: readonly Describer[] = [
  { group: '', kind: 'Pod', describe: describePod },
  { group: 'apps', kind: 'Deployment', describe: describeDeployment },
  { group: 'apps', kind: 'ReplicaSet', describe: describeReplicaSet },
  { group: '', kind: 'Node', describe: describeNode },
  { group: '', kind: 'Service', describe: describeService },
  { group: '', kind: 'Endpoints', describe: describeEndpoints },
  { group: 'discovery.k8s.io', kind: 'EndpointSlice', describe: describeEndpointSlice },
  { group: '', kind: 'Namespace', describe: describeNamespace },
  { group: '', kind: 'ServiceAccount', describe: describeServiceAccount },
  { group: 'policy', kind: 'PodDisruptionBudget', describe: describePodDisruptionBudget },
  { group: 'apps', kind: 'DaemonSet', describe: describeDaemonSet },
  { group: 'apps', kind: 'StatefulSet', describe: describeStatefulSet },
  { group: 'batch', kind: 'Job', describe: describeJob },
  { group: 'batch', kind: 'CronJob', describe: describeCronJob },
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', describe: describeHPA },
  { group: '', kind: 'ConfigMap', describe: describeConfigMap },
  { group: '', kind: 'Secret', describe: describeSecret },
  { group: '', kind: 'ResourceQuota', describe: describeResourceQuota },
  { group: '', kind: 'LimitRange', describe: describeLimitRange },
  { group: '', kind: 'PersistentVolume', describe: describePersistentVolume },
  { group: '', kind: 'PersistentVolumeClaim', describe: describePersistentVolumeClaim },
  { group: 'storage.k8s.io', kind: 'StorageClass', describe: describeStorageClass },
  { group: 'networking.k8s.io', kind: 'Ingress', describe: describeIngress },
  { group: 'networking.k8s.io', kind: 'IngressClass', describe: describeIngressClass },
  { group: 'scheduling.k8s.io', kind: 'PriorityClass', describe: describePriorityClass },
  { group: 'rbac.authorization.k8s.io', kind: 'Role', describe: describeRole },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', describe: describeRole },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding', describe: describeRoleBinding },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', describe: describeRoleBinding },
];

/** `kubectl describe` of one object. */
export function describe(info: ResourceInfo, obj: KubeObject, ctx: PrintContext): string {
  const d = DESCRIBERS.find((x) => x.group === info.group && x.kind === info.kind);
  return d ? d.describe(obj, ctx) : describeGeneric(obj, ctx);
}
