import { createCluster, type Cluster } from '../sim/k8s/index';
import { runScript } from './runScript';

/** A default cluster (seed `seed`) and a way to run `play` script lines against it, returning what they print. */
export function scriptSession(seed: number): { cluster: Cluster; run(script: string): string } {
  const cluster = createCluster({ seed });
  return {
    cluster,
    run(script: string) {
      let out = '';
      runScript(script, { cluster, files: { read: () => undefined, list: () => undefined }, write: (t) => (out += t) });
      return out;
    },
  };
}
