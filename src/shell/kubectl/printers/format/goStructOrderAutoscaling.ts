import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/autoscaling/v1 (types.go).

/** autoscaling/v1: HorizontalPodAutoscaler (`kubectl autoscale`). */
export const AUTOSCALING_STRUCTS: StructGroup = {
  apiVersion: 'autoscaling/v1',
  kinds: ['HorizontalPodAutoscaler'],
  structs: {
    HorizontalPodAutoscaler: [...TYPED_OBJECT, 'spec:HorizontalPodAutoscalerSpec', 'status:HorizontalPodAutoscalerStatus'],
    HorizontalPodAutoscalerSpec: ['scaleTargetRef:CrossVersionObjectReference', 'minReplicas', 'maxReplicas', 'targetCPUUtilizationPercentage'],
    CrossVersionObjectReference: ['kind', 'name', 'apiVersion'],
    HorizontalPodAutoscalerStatus: ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas', 'currentCPUUtilizationPercentage'],
  },
};
