import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/policy/v1 (types.go).

/** policy/v1: PodDisruptionBudget (`kubectl create pdb`). */
export const POLICY_STRUCTS: StructGroup = {
  apiVersion: 'policy/v1',
  kinds: ['PodDisruptionBudget'],
  structs: {
    PodDisruptionBudget: [...TYPED_OBJECT, 'spec:PodDisruptionBudgetSpec', 'status:PodDisruptionBudgetStatus'],
    PodDisruptionBudgetSpec: ['minAvailable', 'selector:LabelSelector', 'maxUnavailable', 'unhealthyPodEvictionPolicy'],
    PodDisruptionBudgetStatus: [
      'observedGeneration', 'disruptedPods', 'disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods', 'conditions:Condition',
    ],
  },
};
