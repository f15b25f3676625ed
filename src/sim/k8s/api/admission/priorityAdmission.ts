import type { PodSpec } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../../engine/store';
import type { KubeObject } from '../types';
import { SYSTEM_PRIORITY_CLASS_VALUES } from '../validation/scheduling';

export const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';

type PC = KubeObject & { value?: number; globalDefault?: boolean; preemptionPolicy?: string };

/** `getDefaultPriorityClass`: the globalDefault class (the lowest value if a race left several), by the store's `globalDefault` index. */
export function defaultPriorityClass(store: ObjectStore): PC | undefined {
  if (!store.has(PRIORITY_CLASSES)) return undefined;
  let best: PC | undefined;
  for (const key of store.byIndex(PRIORITY_CLASSES, 'globalDefault', 'true')) {
    const pc = store.get<PC>(PRIORITY_CLASSES, key)!;
    if (!best || (best.value ?? 0) > (pc.value ?? 0)) best = pc;
  }
  return best;
}

/** The Priority plugin's check of a PriorityClass write: only one globalDefault. Returns the Forbidden message, if any. */
export function validatePriorityClassAdmission(pc: PC, store: ObjectStore, operation: 'create' | 'update'): string | undefined {
  if (!pc.globalDefault) return undefined;
  const dpc = defaultPriorityClass(store);
  if (dpc && (operation === 'create' || dpc.metadata.name !== pc.metadata.name)) return `PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`;
  return undefined;
}

/**
 * The Priority plugin on a new pod: `priorityClassName` (or the global
 * default class) resolves to `priority` and `preemptionPolicy`; a pod that
 * sets either to something else is refused. Mutates `spec`; returns the
 * Forbidden message, if any.
 */
export function admitPodPriority(spec: PodSpec, store: ObjectStore): string | undefined {
  let priority: number;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const dpc = defaultPriorityClass(store);
    priority = dpc?.value ?? 0;
    policy = dpc ? dpc.preemptionPolicy : 'PreemptLowerPriority';
    if (dpc) spec.priorityClassName = dpc.metadata.name;
  } else {
    const served = store.has(PRIORITY_CLASSES);
    const pc = served ? store.get<PC>(PRIORITY_CLASSES, spec.priorityClassName) : undefined;
    // A cluster built without the scheduling API still knows the two system classes.
    const system = served ? undefined : SYSTEM_PRIORITY_CLASS_VALUES[spec.priorityClassName];
    if (!pc && system === undefined) return `no PriorityClass with name ${spec.priorityClassName} was found`;
    priority = pc ? (pc.value ?? 0) : system!;
    policy = pc ? pc.preemptionPolicy : 'PreemptLowerPriority';
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    return `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`;
  }
  spec.priority = priority;
  if (policy !== undefined) {
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && spec.preemptionPolicy !== policy) {
      return `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`;
    }
    spec.preemptionPolicy = policy;
  }
  return undefined;
}
