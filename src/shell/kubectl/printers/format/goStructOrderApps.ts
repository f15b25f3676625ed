import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/apps/v1 (types.go).

/** apps/v1: Deployment (`kubectl create deployment`). */
export const APPS_STRUCTS: StructGroup = {
  apiVersion: 'apps/v1',
  kinds: ['Deployment'],
  structs: {
    Deployment: [...TYPED_OBJECT, 'spec:DeploymentSpec', 'status:DeploymentStatus'],
    DeploymentSpec: [
      'replicas', 'selector:LabelSelector', 'template:PodTemplateSpec', 'strategy:DeploymentStrategy', 'minReadySeconds', 'revisionHistoryLimit',
      'paused', 'progressDeadlineSeconds'
    ],
    DeploymentStrategy: ['type', 'rollingUpdate:RollingUpdateDeployment'],
    RollingUpdateDeployment: ['maxUnavailable', 'maxSurge'],
    DeploymentStatus: [
      'observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas',
      'conditions:DeploymentCondition', 'collisionCount'
    ],
    DeploymentCondition: ['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'],
  },
};
