import { createCluster, type Cluster } from '../../sim/k8s/index';
import { createShell } from '../index';
import type { Shell } from '../types';
import { lineRunner, memoryFiles, type Transcript } from './shellHarness';

/**
 * A shell over the real simulated cluster (controllers, scheduler, kubelets),
 * for command tests whose meaning depends on the engine: `run(line)` runs a
 * command and lets virtual time pass while it waits, up to `waitMs`.
 */
export function clusterShell(files: Record<string, string> = {}, seed = 1): { shell: Shell; cluster: Cluster; files: Record<string, string>; run(line: string, waitMs?: number): Transcript } {
  const cluster = createCluster({ seed });
  const shell = createShell({ cluster, files: memoryFiles(files) });
  return { shell, cluster, files, run: lineRunner(shell, cluster) };
}
