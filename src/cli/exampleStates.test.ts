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
  return lines.filter((l) => l.trim() && !l.startsWith('No resources found')).map((l) => l.split(/\s+/).slice(0, 3).join(' ').replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}(?= )/, '-<hash>'));
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

  /**
   * Every other example, applied alone (`NAME READY STATUS`, hashes as `*`).
   * Faithful by construction of each file: a claim or ConfigMap another file
   * provides is missing (mysql, configure-pod, pv-pod), a GPU no node has
   * (vllm), an image with no registry prefix (the microservices-demo sources),
   * the liveness demo's restarts.
   */
  it.each([
  ['k8s-examples__AI-vllm-deployment-vllm-deployment.yaml', ['vllm-gemma-deployment-* 0/1 Pending']],
  ['k8s-examples__databases-cassandra-cassandra-service.yaml', []],
  ['k8s-examples__databases-cassandra-cassandra-statefulset.yaml', ['cassandra-0 0/1 Pending']],
  ['k8s-examples__web-guestbook-all-in-one-guestbook-all-in-one.yaml', ['frontend-* 1/1 Running', 'frontend-* 1/1 Running', 'frontend-* 1/1 Running', 'redis-master-* 1/1 Running', 'redis-replica-* 1/1 Running', 'redis-replica-* 1/1 Running']],
  ['k8s-website__admin-namespace-dev.yaml', []],
  ['k8s-website__admin-resource-memory-defaults.yaml', []],
  ['k8s-website__admin-resource-quota-mem-cpu.yaml', []],
  ['k8s-website__application-deployment-retainkeys.yaml', ['retainkeys-demo-* 1/1 Running']],
  ['k8s-website__application-deployment-sidecar.yaml', ['myapp-* 2/2 Running']],
  ['k8s-website__application-hpa-php-apache.yaml', []],
  ['k8s-website__application-job-indexed-job.yaml', ['indexed-job-0-* 0/1 Completed', 'indexed-job-1-* 0/1 Completed', 'indexed-job-2-* 0/1 Completed', 'indexed-job-3-* 0/1 Completed', 'indexed-job-4-* 0/1 Completed']],
  ['k8s-website__application-mysql-mysql-statefulset.yaml', ['mysql-0 0/2 Init:ContainerCreating']],
  ['k8s-website__application-php-apache.yaml', ['php-apache-* 1/1 Running']],
  ['k8s-website__application-zookeeper-zookeeper.yaml', ['zk-0 1/1 Running', 'zk-1 1/1 Running', 'zk-2 1/1 Running']],
  ['k8s-website__configmap-configmaps.yaml', []],
  ['k8s-website__configmap-configure-pod.yaml', ['configmap-demo-pod 0/1 ContainerCreating']],
  ['k8s-website__controllers-daemonset.yaml', []],
  ['k8s-website__controllers-frontend.yaml', ['frontend-* 1/1 Running', 'frontend-* 1/1 Running', 'frontend-* 1/1 Running']],
  ['k8s-website__controllers-nginx-deployment.yaml', ['nginx-deployment-* 1/1 Running', 'nginx-deployment-* 1/1 Running', 'nginx-deployment-* 1/1 Running']],
  ['k8s-website__ja-application-job-cronjob.yaml', ['hello-* 0/1 Completed', 'hello-* 0/1 Completed', 'hello-* 0/1 Completed', 'hello-* 0/1 ContainerCreating']],
  ['k8s-website__pods-pod-with-affinity-preferred-weight.yaml', ['with-affinity-preferred-weight 1/1 Running']],
  ['k8s-website__pods-pod-with-toleration.yaml', ['nginx 1/1 Running']],
  ['k8s-website__pods-probe-http-liveness.yaml', ['liveness-http 0/1 CrashLoopBackOff']],
  ['k8s-website__pods-probe-tcp-liveness-readiness.yaml', ['goproxy 1/1 Running']],
  ['k8s-website__pods-qos-qos-pod.yaml', []],
  ['k8s-website__pods-resource-cpu-request-limit.yaml', []],
  ['k8s-website__pods-resource-memory-request-limit-2.yaml', []],
  ['k8s-website__pods-resource-memory-request-limit-3.yaml', []],
  ['k8s-website__pods-storage-pv-claim.yaml', []],
  ['k8s-website__pods-storage-pv-pod.yaml', ['task-pv-pod 0/1 Pending']],
  ['k8s-website__pods-storage-pv-volume.yaml', []],
  ['k8s-website__secret-basicauth-secret.yaml', []],
  ['k8s-website__service-networking-minimal-ingress.yaml', []],
  ['k8s-website__service-networking-networkpolicy.yaml', []],
  ['k8s-website__storage-storageclass-low-latency.yaml', []],
  ['microservices-demo__kubernetes-manifests-cartservice.yaml', ['cartservice-* 0/1 ImagePullBackOff', 'redis-cart-* 1/1 Running']],
  ['microservices-demo__kubernetes-manifests-frontend.yaml', ['frontend-* 0/1 ImagePullBackOff']],
  ['microservices-demo__release-kubernetes-manifests.yaml', ['adservice-* 1/1 Running', 'cartservice-* 1/1 Running', 'checkoutservice-* 1/1 Running', 'currencyservice-* 1/1 Running', 'emailservice-* 1/1 Running', 'frontend-* 1/1 Running', 'loadgenerator-* 1/1 Running', 'paymentservice-* 1/1 Running', 'productcatalogservice-* 1/1 Running', 'recommendationservice-* 1/1 Running', 'redis-cart-* 1/1 Running', 'shippingservice-* 1/1 Running']],
  ['voting-app__k8s-specifications-db-deployment.yaml', ['db-* 1/1 Running']],
  ['voting-app__k8s-specifications-db-service.yaml', []],
  ['voting-app__k8s-specifications-vote-service.yaml', []],
  ] as [string, string[]][])('%s reaches its state', (file, want) => {
    const got = podStates(reached([file])).map((l) => l.replace('-<hash> ', '-* ').replace(/-[bcdfghjklmnpqrstvwxz2456789]{5} /, '-* '));
    expect(got).toEqual(want);
  });
});
