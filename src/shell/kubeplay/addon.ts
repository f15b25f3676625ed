import { kindGroup, storageName, type KubeObject } from '../../sim/k8s/index';
import { ingressNginxObjects } from './ingressNginxAddon';
import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';

/**
 * metrics-server as its release manifest (components.yaml v0.7.2) installs
 * it, with `--kubelet-insecure-tls` as kind and minikube users add: the
 * ServiceAccount, the Deployment and the Service in kube-system. (Its RBAC
 * objects and the APIService are not simulated kinds: the metrics API is
 * served while its pod is Ready.)
 */
function metricsServerObjects(): KubeObject[] {
  const labels = { 'k8s-app': 'metrics-server' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'metrics-server', namespace: 'kube-system', labels } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'metrics-server', namespace: 'kube-system', labels },
      spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: labels },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'metrics-server', namespace: 'kube-system', labels },
      spec: {
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxUnavailable: 0 } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'metrics-server',
                image: METRICS_SERVER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s', '--kubelet-insecure-tls'],
                ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
                livenessProbe: { failureThreshold: 3, httpGet: { path: '/livez', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10 },
                readinessProbe: { failureThreshold: 3, httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 20, periodSeconds: 10 },
                resources: { requests: { cpu: '100m', memory: '200Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000 },
              },
            ],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'metrics-server',
          },
        },
      },
    },
  ];
}

/** The add-ons, each with the Deployment whose presence means "enabled". */
const ADDONS: Record<string, { summary: string; objects: () => KubeObject[]; deployment: [string, string] }> = {
  'ingress-nginx': { summary: 'an ingress controller: Ingresses of class nginx get an address and route traffic', objects: ingressNginxObjects, deployment: ['ingress-nginx', 'ingress-nginx-controller'] },
  'metrics-server': { summary: 'resource usage for kubectl top and autoscaling (metrics.k8s.io)', objects: metricsServerObjects, deployment: ['kube-system', 'metrics-server'] },
};

/**
 * `kubeplay addon list|enable|disable NAME`: installs or removes a cluster
 * add-on, as `minikube addons enable` does — the same objects its release
 * manifest creates, through the API like any other client.
 */
export function runAddon(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  const [verb, name] = args;
  const client = env.cluster.client('kubeplay');
  if (verb === 'list' || verb === undefined) {
    const width = Math.max(...Object.keys(ADDONS).map((n) => n.length));
    for (const [n, a] of Object.entries(ADDONS)) {
      const on = client.get('deployments.apps', a.deployment[0], a.deployment[1]) !== undefined;
      sink.stdout(`${n.padEnd(width)}   ${on ? 'enabled ' : 'disabled'}   ${a.summary}\n`);
    }
    return finished(0);
  }
  if ((verb !== 'enable' && verb !== 'disable') || !name || args.length > 2) {
    sink.stderr('kubeplay: usage: kubeplay addon list | kubeplay addon enable|disable NAME\n');
    return finished(1);
  }
  const addon = ADDONS[name];
  if (!addon) {
    sink.stderr(`kubeplay: unknown addon "${name}" (known: ${Object.keys(ADDONS).join(', ')})\n`);
    return finished(1);
  }
  const objects = addon.objects();
  // Removed in reverse order: the namespace (if the add-on has one) last.
  for (const obj of verb === 'enable' ? objects : objects.reverse()) {
    const info = env.cluster.resources.forKind(obj.apiVersion, obj.kind)!;
    const resource = storageName(info);
    const ref = `${kindGroup(info)}/${obj.metadata.name}`;
    if (verb === 'enable') {
      const r = client.create(obj);
      sink.stdout(r.ok ? `${ref} created\n` : `${ref} unchanged\n`);
    } else {
      const r = client.delete(resource, obj.metadata.namespace, obj.metadata.name);
      if (r.ok) sink.stdout(`${ref} deleted\n`);
    }
  }
  env.cluster.runUntilIdle();
  return finished(0);
}
