import { createSwarm, type Swarm, type SwarmOptions } from './swarm';
import { defaultServiceSpec } from './defaults';
import type { ServiceSpec, SwarmService, SwarmTask } from './types';

/** Test helpers: a swarm and a one-line way to create services from a partial spec. */
export function testSwarm(options: SwarmOptions = {}): Swarm & { svc(name: string, image: string, patch?: Partial<ServiceSpec>): SwarmService; live(id: string): SwarmTask[] } {
  const s = createSwarm({ seed: 1, ...options });
  return Object.assign(s, {
    svc(name: string, image: string, patch: Partial<ServiceSpec> = {}) {
      const r = s.createService({ ...defaultServiceSpec(name, image), ...patch });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    },
    live(id: string) {
      return s.tasks({ serviceId: id }).filter((t) => t.desiredState === 'running' || t.desiredState === 'ready');
    },
  });
}

export const replicas = (n: number): Partial<ServiceSpec> => ({ mode: { replicated: { replicas: n } } });
