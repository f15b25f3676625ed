import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/scheduling/v1 (types.go).

/** scheduling.k8s.io/v1: PriorityClass (`kubectl create priorityclass`). */
export const SCHEDULING_STRUCTS: StructGroup = {
  apiVersion: 'scheduling.k8s.io/v1',
  kinds: ['PriorityClass'],
  structs: {
    PriorityClass: [...TYPED_OBJECT, 'value', 'globalDefault', 'description', 'preemptionPolicy'],
  },
};
