import type { Scenario } from './scenario';

/** A typical learner's session: three ordinary manifests and twenty commands. */
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          envFrom:
            - configMapRef:
                name: web-config
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /
              port: 80
            initialDelaySeconds: 2
            periodSeconds: 5
`;

export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
`;

export const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  GREETING: "Hello from Kubeplay"
  LOG_LEVEL: info
  FEATURE_FLAGS: "search,checkout"
`;

const LINES = [
  'kubectl apply -f configmap.yaml',
  'kubectl apply -f deployment.yaml',
  'kubectl apply -f service.yaml',
  'kubectl get pods -o wide',
  'kubectl rollout status deployment/web',
  'kubectl get deployments',
  'kubectl describe service web',
  'kubectl scale deployment web --replicas=5',
  'kubectl get pods -l app=web',
  'kubectl set image deployment/web nginx=nginx:1.28',
  'kubectl rollout status deployment/web',
  'kubectl rollout history deployment/web',
  'kubectl get rs',
  'kubeplay node stop worker-2',
  'kubectl get nodes',
  'kubectl get pods -o wide',
  'kubeplay node start worker-2',
  'kubectl rollout undo deployment/web',
  'kubectl get endpointslices',
  'kubectl get events --sort-by=.lastTimestamp',
];

export function typicalScenario(): Scenario {
  return {
    version: 1,
    files: [
      { name: 'configmap.yaml', content: CONFIGMAP },
      { name: 'deployment.yaml', content: DEPLOYMENT },
      { name: 'service.yaml', content: SERVICE },
    ],
    cluster: {},
    seed: 42,
    log: LINES.map((line, i) => ({ at: 4000 + i * 7310, line })),
    endAt: 4000 + LINES.length * 7310,
  };
}
