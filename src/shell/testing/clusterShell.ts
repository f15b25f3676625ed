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

/** A two-replica nginx Deployment `web` (app=web), as command tests apply it from `web.yaml`. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
