import type { KubeObject } from '../../sim/k8s/index';

export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';

/**
 * ingress-nginx as minikube's `ingress` add-on installs it (controller
 * v1.11): namespace `ingress-nginx`, the controller Deployment publishing
 * ports 80 and 443 as hostPorts (so the node's address answers), a NodePort
 * Service, and the IngressClass `nginx` marked as the default class, with
 * `--watch-ingress-without-class=true`. Its RBAC objects, ConfigMap and the
 * admission-webhook Jobs are not simulated kinds; minikube's node pinning is
 * dropped (any worker may run the controller).
 */
export function ingressNginxObjects(): KubeObject[] {
  const ns = 'ingress-nginx';
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ingress-nginx', namespace: ns, labels } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels },
      spec: {
        type: 'NodePort',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
        selector: labels,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels },
      spec: {
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: { ...labels, 'gcp-auth-skip-secret': 'true' } },
          spec: {
            containers: [
              {
                name: 'controller',
                image: INGRESS_NGINX_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '/nginx-ingress-controller',
                  '--election-id=ingress-nginx-leader',
                  '--controller-class=k8s.io/ingress-nginx',
                  '--watch-ingress-without-class=true',
                  '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                  '--validating-webhook=:8443',
                  '--validating-webhook-certificate=/usr/local/certificates/cert',
                  '--validating-webhook-key=/usr/local/certificates/key',
                ],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
                ],
                ports: [
                  { containerPort: 80, hostPort: 80, name: 'http', protocol: 'TCP' },
                  { containerPort: 443, hostPort: 443, name: 'https', protocol: 'TCP' },
                  { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
                ],
                livenessProbe: { failureThreshold: 5, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                readinessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                resources: { requests: { cpu: '100m', memory: '90Mi' } },
              },
            ],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 0,
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx', labels, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
  ];
}
