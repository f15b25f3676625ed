import type { FieldError } from '../fieldErrors';
import type { ResourceInfo } from '../resources';
import type { KubeObject } from '../types';
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from './configKinds';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import { validateLeaseSpec, validateNamespaceSpec, validateNodeSpec } from './coreKinds';
import { validateDaemonSetSpec, validateStatefulSetSpec, validateStatefulSetUpdate } from './daemonStatefulSet';
import { validateEndpointSlice, validateEndpointSliceUpdate, validateEndpoints } from './endpoints';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validatePodCreate, validatePodSpec } from './podSpec';
import { validatePodDisruptionBudget } from './policy';
import { validateHorizontalPodAutoscaler } from './autoscaling';
import { validatePodSpecUpdate } from './podUpdate';
import { validateServiceSpec, validateServiceUpdate } from './service';
import { validateLimitRange, validateResourceQuota } from './quota';
import { validateIngressClass, validateIngressClassUpdate, validateIngressCreate, validateIngressSpec } from './networking';
import { nameIsPathSegment, validateBindingUpdate, validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac';
import { validatePriorityClass, validatePriorityClassUpdate } from './scheduling';
import { validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate, validatePersistentVolumeUpdate, validateStorageClass, validateStorageClassUpdate } from './storage';
import { validateDeploymentSpec, validateReplicaSetSpec, validateSelectorImmutable } from './workloads';

/** How one kind is validated: its name rule, its spec checks, and extra update rules. */
export interface KindValidator {
  name: NameValidator;
  spec?: (obj: KubeObject) => FieldError[];
  /** Create-only checks that replace `spec` on create (as ValidateIngressCreate extends ValidateIngressSpec). */
  create?: (obj: KubeObject) => FieldError[];
  /** Extra checks on update (immutable fields), before the spec checks of the new object. */
  update?: (obj: KubeObject, old: KubeObject) => FieldError[];
  /** Run the update rules before the spec checks (as ValidateServiceUpdate does). */
  updateFirst?: boolean;
}

/** Validators by `group/Kind` (core kinds as `/Kind`); StatefulSet, Job, … plug in here. */
export const VALIDATORS: Readonly<Record<string, KindValidator>> = {
  '/Namespace': { name: nameIsDNSLabel, spec: validateNamespaceSpec },
  '/Node': { name: nameIsDNSSubdomain, spec: validateNodeSpec },
  '/Pod': { name: nameIsDNSSubdomain, spec: (o) => validatePodSpec(o.spec, 'spec'), create: (o) => validatePodCreate(o.spec), update: validatePodSpecUpdate },
  '/Service': { name: nameIsDNS1035Label, spec: validateServiceSpec, update: validateServiceUpdate, updateFirst: true },
  '/ServiceAccount': { name: nameIsDNSSubdomain },
  '/ConfigMap': { name: nameIsDNSSubdomain, spec: validateConfigMap, update: validateConfigMapUpdate, updateFirst: true },
  '/Secret': { name: nameIsDNSSubdomain, spec: validateSecret, update: validateSecretUpdate, updateFirst: true },
  '/Event': { name: nameIsDNSSubdomain },
  '/ResourceQuota': { name: nameIsDNSSubdomain, spec: validateResourceQuota },
  '/LimitRange': { name: nameIsDNSSubdomain, spec: validateLimitRange },
  '/PersistentVolume': { name: nameIsDNSSubdomain, spec: validatePersistentVolume, update: validatePersistentVolumeUpdate },
  '/PersistentVolumeClaim': { name: nameIsDNSSubdomain, spec: validatePersistentVolumeClaim, update: validatePersistentVolumeClaimUpdate, updateFirst: true },
  'storage.k8s.io/StorageClass': { name: nameIsDNSSubdomain, spec: validateStorageClass, update: validateStorageClassUpdate },
  '/Endpoints': { name: nameIsDNSSubdomain, spec: validateEndpoints },
  'apps/Deployment': { name: nameIsDNSSubdomain, spec: validateDeploymentSpec, update: validateSelectorImmutable },
  'apps/ReplicaSet': { name: nameIsDNSSubdomain, spec: validateReplicaSetSpec, update: validateSelectorImmutable },
  'apps/DaemonSet': { name: nameIsDNSSubdomain, spec: validateDaemonSetSpec, update: validateSelectorImmutable },
  'apps/StatefulSet': { name: nameIsDNSSubdomain, spec: validateStatefulSetSpec, update: validateStatefulSetUpdate },
  'apps/ControllerRevision': { name: nameIsDNSSubdomain },
  'batch/Job': { name: nameIsDNSSubdomain, spec: validateJob, update: validateJobUpdate },
  'batch/CronJob': { name: nameIsDNSSubdomain, spec: validateCronJob },
  'coordination.k8s.io/Lease': { name: nameIsDNSSubdomain, spec: validateLeaseSpec },
  'policy/PodDisruptionBudget': { name: nameIsDNSSubdomain, spec: validatePodDisruptionBudget },
  'autoscaling/HorizontalPodAutoscaler': { name: nameIsDNSSubdomain, spec: validateHorizontalPodAutoscaler },
  'networking.k8s.io/Ingress': { name: nameIsDNSSubdomain, spec: validateIngressSpec, create: validateIngressCreate },
  'networking.k8s.io/IngressClass': { name: nameIsDNSSubdomain, spec: validateIngressClass, update: validateIngressClassUpdate, updateFirst: true },
  'rbac.authorization.k8s.io/Role': { name: nameIsPathSegment, spec: validateRole },
  'rbac.authorization.k8s.io/ClusterRole': { name: nameIsPathSegment, spec: validateClusterRole },
  'rbac.authorization.k8s.io/RoleBinding': { name: nameIsPathSegment, spec: validateRoleBinding, update: validateBindingUpdate },
  'rbac.authorization.k8s.io/ClusterRoleBinding': { name: nameIsPathSegment, spec: validateClusterRoleBinding, update: validateBindingUpdate },
  'scheduling.k8s.io/PriorityClass': { name: nameIsDNSSubdomain, spec: validatePriorityClass, update: validatePriorityClassUpdate, updateFirst: true },
  'discovery.k8s.io/EndpointSlice': { name: nameIsDNSSubdomain, spec: validateEndpointSlice, update: validateEndpointSliceUpdate },
};

const FALLBACK: KindValidator = { name: nameIsDNSSubdomain };

function validatorFor(info: ResourceInfo): KindValidator {
  return VALIDATORS[`${info.group}/${info.kind}`] ?? FALLBACK;
}

/** The API server's create validation of a (defaulted) object: metadata, then the kind's spec rules. */
export function validateCreate(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const v = validatorFor(info);
  return [...validateObjectMeta(obj.metadata, info.namespaced, v.name), ...((v.create ?? v.spec)?.(obj) ?? [])];
}

/** The API server's update validation: immutable metadata, the kind's update rules, then its spec rules. */
export function validateUpdate(obj: KubeObject, old: KubeObject, info: ResourceInfo): FieldError[] {
  const v = validatorFor(info);
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  const updateErrs = v.update?.(obj, old) ?? [];
  if (v.updateFirst) errs.push(...updateErrs);
  if (v.spec) errs.push(...v.spec(obj));
  if (!v.updateFirst) errs.push(...updateErrs);
  return errs;
}
