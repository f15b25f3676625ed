import type { ClusterOptions } from '../sim/k8s/index';

/** Bounds for a cluster started from the address bar (the drawing stays usable; the engine could go further). */
export const MAX_URL_WORKERS = 200;

/**
 * The cluster's shape from the page address: `?workers=12&node-cpu=8&node-memory=16Gi&seed=7`
 * (the same names as `npm run play`'s flags). Values that are not valid are
 * ignored, so a typo never stops the page from opening.
 * @example parseClusterShape('?workers=12') // { workers: 12 }
 */
export function parseClusterShape(search: string): ClusterOptions {
  const params = new URLSearchParams(search);
  const out: ClusterOptions = {};
  const whole = (name: string, min: number, max: number) => {
    const text = params.get(name);
    if (text === null || !/^\d+$/.test(text)) return undefined;
    const n = Number(text);
    return n >= min && n <= max ? n : undefined;
  };
  const workers = whole('workers', 1, MAX_URL_WORKERS);
  if (workers !== undefined) out.workers = workers;
  const seed = whole('seed', 0, 2 ** 31 - 1);
  if (seed !== undefined) out.seed = seed;
  const cpu = params.get('node-cpu');
  if (cpu !== null && /^\d+(\.\d+)?m?$/.test(cpu)) out.nodeCpu = cpu;
  const memory = params.get('node-memory');
  if (memory !== null && /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(memory)) out.nodeMemory = memory;
  return out;
}

/** `control-plane, worker-1..3`: how the messages name a cluster's nodes. */
export function describeNodes(workers: number): string {
  return workers === 1 ? 'control-plane, worker-1' : `control-plane, worker-1..${workers}`;
}
