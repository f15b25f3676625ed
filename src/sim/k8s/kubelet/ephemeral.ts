import type { Container, ContainerStatus, EphemeralContainer } from 'kubernetes-types/core/v1';
import { parseImageRef } from '../images/imageRef';
import { stepContainer, type StepEnv } from './containerLifecycle';
import { unstartedProbeState } from './probes';
import { ContainerRuntime, type PodRuntime } from './runtime';

/**
 * An ephemeral container's runtime record (its own class: event field
 * paths and status lists tell it apart; pods without one never meet it).
 */
export class EphemeralContainerRuntime extends ContainerRuntime {}

/**
 * Ephemeral containers (`kubectl debug`): the kubelet starts each one the
 * pod's spec gained once the sandbox is up, init containers or not, and
 * never restarts it (whatever the pod's restartPolicy): it runs until its
 * process ends, or the pod does. It has no probes and does not count for the
 * pod's phase or readiness.
 */
export function stepEphemeral(env: StepEnv, specs: EphemeralContainer[]): number {
  const rt = env.rt;
  const list = (rt.ephemeral ??= []);
  let next = Infinity;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as Container;
    let c = list.find((r) => r.name === spec.name);
    if (c === undefined) {
      c = new EphemeralContainerRuntime(spec.name, i, false, parseImageRef(spec.image ?? ''), unstartedProbeState(spec));
      list.push(c);
    }
    next = Math.min(next, stepContainer(c, spec, env, 'Never'));
  }
  return next;
}

/**
 * `status.ephemeralContainerStatuses`: as the kubelet converts them, with
 * `ready` always false and no `started` (the prober, which sets both, looks
 * only at app and init containers). Undefined for a pod without any.
 */
export function ephemeralStatuses(rt: PodRuntime, specs: EphemeralContainer[] | undefined, old: ContainerStatus[] | undefined, statusOf: (c: EphemeralContainerRuntime, image: string) => ContainerStatus): ContainerStatus[] | undefined {
  const list = rt.ephemeral;
  if (list === undefined || list.length === 0) return undefined;
  const out = list.map((c) => {
    const { started: _, ...s } = statusOf(c, specs?.find((e) => e.name === c.name)?.image ?? '');
    return { ...s, ready: false };
  });
  return old !== undefined && JSON.stringify(old) === JSON.stringify(out) ? old : out;
}

/** `spec.ephemeralContainers{name}`, the event field path of an ephemeral container. */
export function ephemeralFieldPath(name: string): string {
  return `spec.ephemeralContainers{${name}}`;
}
