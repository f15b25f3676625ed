import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { diskFilesFor } from './diskFiles';
import { runScript } from './runScript';

/** The Kubernetes docs' storage examples (hostPath PV, claim, pod; a StorageClass) behave as on kind. */
const dir = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/examples/kubernetes');

function play(script: string): string {
  let out = '';
  const cluster = createCluster({ seed: 5 });
  runScript(script, { cluster, files: diskFilesFor(dir), write: (t) => (out += t) });
  return out;
}

describe('the storage example manifests', () => {
  it('the docs PV, claim and pod: the claim binds the 10Gi volume and the pod runs with it mounted', () => {
    const out = play(
      [
        'kubectl apply -f k8s-website__pods-storage-pv-volume.yaml',
        'kubectl apply -f k8s-website__pods-storage-pv-claim.yaml',
        'kubectl apply -f k8s-website__pods-storage-pv-pod.yaml',
        'sleep 60s',
        'kubectl get pvc task-pv-claim --no-headers',
        'kubectl get pod task-pv-pod --no-headers',
        "kubectl exec task-pv-pod -- sh -c 'echo hi > /usr/share/nginx/html/index.html'",
        'kubectl delete pod task-pv-pod',
        'kubectl apply -f k8s-website__pods-storage-pv-pod.yaml',
        'sleep 60s',
        'kubectl exec task-pv-pod -- cat /usr/share/nginx/html/index.html',
      ].join('\n'),
    );
    expect(out).toMatch(/task-pv-claim +Bound +task-pv-volume +10Gi +RWO +manual/);
    expect(out).toMatch(/task-pv-pod +1\/1 +Running/);
    expect(out).toMatch(/cat \/usr\/share\/nginx\/html\/index.html\nhi\n/);
  });

  it('the low-latency StorageClass is created, not default, and keeps its settings', () => {
    const out = play('kubectl apply -f k8s-website__storage-storageclass-low-latency.yaml\nkubectl get sc --no-headers');
    expect(out).toContain('storageclass.storage.k8s.io/low-latency created');
    expect(out).toMatch(/low-latency +csi-driver.example-vendor.example +Retain +WaitForFirstConsumer +true/);
    expect(out).toMatch(/standard \(default\) +rancher.io\/local-path/);
  });
});
