/** The files a new session starts with; `kubectl apply -f web.yaml` works out of the box. */
export const STARTER_FILES: Readonly<Record<string, string>> = {
  'web.yaml': `apiVersion: apps/v1
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
          resources:
            requests:
              cpu: 250m
              memory: 128Mi
`,
};

/** A starting manifest for one kind, offered by the editor's Templates menu. */
export interface Template {
  readonly kind: string;
  readonly apiVersion: string;
  /** The file a new tab from it is called (made unique). */
  readonly fileName: string;
  /** One line: what the kind is for. */
  readonly summary: string;
  readonly text: string;
}

/**
 * Real manifests for the common kinds, written as the Kubernetes docs write
 * them (v1.32 API versions), small enough to read at a glance. The names fit
 * together: the Service, Ingress and HorizontalPodAutoscaler point at the
 * Deployment `hello`.
 */
export const TEMPLATES: readonly Template[] = [
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    fileName: 'deployment.yaml',
    summary: 'Keeps a number of identical pods running; rolls out changes.',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  labels:
    app: hello
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
            limits:
              memory: 128Mi
`,
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    fileName: 'service.yaml',
    summary: 'One stable address in front of the pods a selector picks.',
    text: `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  type: ClusterIP
  selector:
    app: hello
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: 80
`,
  },
  {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    fileName: 'configmap.yaml',
    summary: 'Configuration as key/value pairs or whole files, for pods to read.',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: hello-config
data:
  LOG_LEVEL: info
  GREETING: Hello from a ConfigMap
  app.properties: |
    color=blue
    retries=3
`,
  },
  {
    kind: 'Secret',
    apiVersion: 'v1',
    fileName: 'secret.yaml',
    summary: 'Small sensitive values (passwords, tokens); stringData is stored base64-encoded.',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: hello-credentials
type: Opaque
stringData:
  username: admin
  password: change-me
`,
  },
  {
    kind: 'Pod',
    apiVersion: 'v1',
    fileName: 'pod.yaml',
    summary: 'One or more containers scheduled together; usually made by a controller.',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: hello-pod
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      readinessProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 5
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
`,
  },
  {
    kind: 'Job',
    apiVersion: 'batch/v1',
    fileName: 'job.yaml',
    summary: 'Runs pods until a number of them complete successfully.',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 1
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
`,
  },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    fileName: 'cronjob.yaml',
    summary: 'Creates a Job on a schedule (cron syntax).',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello-cron
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: hello
              image: busybox:1.36
              command: ["sh", "-c", "date; echo Hello from the Kubernetes cluster"]
`,
  },
  {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    fileName: 'daemonset.yaml',
    summary: 'One pod on every (matching) node: log shippers, node agents.',
    text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  labels:
    app: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sh", "-c", "while true; do date; sleep 60; done"]
          resources:
            requests:
              cpu: 50m
              memory: 32Mi
            limits:
              memory: 64Mi
`,
  },
  {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    fileName: 'statefulset.yaml',
    summary: 'Pods with stable names (db-0, db-1…) and their own volumes, started in order.',
    text: `apiVersion: v1
kind: Service
metadata:
  name: db
  labels:
    app: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: redis
      port: 6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: redis
          image: redis:7.4
          ports:
            - name: redis
              containerPort: 6379
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`,
  },
  {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    fileName: 'ingress.yaml',
    summary: 'HTTP routes from outside the cluster to Services, by host and path.',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hello
spec:
  rules:
    - host: hello.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: hello
                port:
                  number: 80
`,
  },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    fileName: 'pvc.yaml',
    summary: 'A request for storage that a pod can mount.',
    text: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: hello-data
spec:
  accessModes:
    - ReadWriteOnce
  volumeMode: Filesystem
  resources:
    requests:
      storage: 1Gi
`,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    fileName: 'hpa.yaml',
    summary: 'Scales a Deployment between bounds to hold a target CPU use.',
    text: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: hello
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: hello
  minReplicas: 1
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
`,
  },
];
