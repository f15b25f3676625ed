import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { diskFilesFor } from './diskFiles';
import { runScript } from './runScript';

/**
 * The state each shared example reaches on the default cluster (kind-like:
 * a control plane and three 4-CPU/8Gi workers, the `standard` local-path
 * StorageClass, no ingress controller) five virtual minutes after
 * `kubectl apply -f`, as `kubectl get pods --no-headers` shows it
 * (NAME READY STATUS, ages and restarts left out).
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/examples/kubernetes');

function reached(files: string[], extra: string[] = []): string {
  let out = '';
  const cluster = createCluster({ seed: 1 });
  const script = [...files.map((f) => `kubectl apply -f ${f}`), 'sleep 300s', 'kubectl get pods --no-headers', ...extra].join('\n');
  runScript(script, { cluster, files: diskFilesFor(dir), write: (t) => (out += t) });
  return out;
}

/** `NAME READY STATUS` of each pod line after `kubectl get pods --no-headers`. */
function podStates(out: string): string[] {
  const lines = out.split('\n$ kubectl get pods --no-headers\n')[1]?.split('\n$ ')[0]?.split('\n') ?? [];
  return lines.filter((l) => l.trim()).map((l) => l.split(/\s+/).slice(0, 3).join(' ').replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}(?= )/, '-<hash>'));
}

describe('the state each example reaches on the default cluster', () => {
  it('zookeeper: the three ensemble members run and pass `zookeeper-ready 2181`, started in order', () => {
    const out = reached(['k8s-website__application-zookeeper-zookeeper.yaml'], ['kubectl get pdb zk-pdb --no-headers']);
    expect(podStates(out)).toEqual(['zk-0 1/1 Running', 'zk-1 1/1 Running', 'zk-2 1/1 Running']);
    expect(out).toMatch(/zk-pdb +N\/A +1 +1 /);
    expect(out).not.toContain('Unhealthy');
  });

  it('cassandra: the claim names the `fast` class (beta annotation) whose minikube provisioner kind lacks, so cassandra-0 waits Pending', () => {
    const out = reached(['k8s-examples__databases-cassandra-cassandra-service.yaml', 'k8s-examples__databases-cassandra-cassandra-statefulset.yaml'], [
      'kubectl get pvc --no-headers',
      'kubectl describe pod cassandra-0',
    ]);
    expect(podStates(out)).toEqual(['cassandra-0 0/1 Pending']);
    expect(out).toMatch(/cassandra-data-cassandra-0 +Pending +fast /);
    expect(out).toContain('default-scheduler  0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.');
  });

  it('minimal-ingress: served, but its class nginx-example has no controller on a fresh cluster, so no address', () => {
    const out = reached(['k8s-website__service-networking-minimal-ingress.yaml'], ['kubectl get ingress --no-headers']);
    expect(out).toContain('ingress.networking.k8s.io/minimal-ingress created');
    expect(out).toMatch(/minimal-ingress +nginx-example +\* +80 +5m/);
  });
});
