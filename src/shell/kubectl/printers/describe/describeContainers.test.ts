import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as d } from './index';
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'liveness-http', namespace: 'default', uid: 'p', labels: { test: 'liveness' } },
    spec: { nodeName: 'worker-1', serviceAccountName: 'default', priority: 0,
      initContainers: [{ name: 'init-myservice', image: 'busybox:1.28', command: ['sh', '-c', 'until nslookup myservice; do echo waiting; sleep 2; done'] }],
      containers: [{ name: 'liveness', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'], ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090, protocol: 'UDP', hostPort: 9090 }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP', httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
        env: [{ name: 'MY_NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }, { name: 'GREETING', value: 'hi' }, { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }, { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }],
        envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'S_', secretRef: { name: 'sec', optional: true } }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/cfg', readOnly: true, subPath: 'app.conf' }] }],
      volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } }, { name: 'claim', persistentVolumeClaim: { claimName: 'pvc-1' } }, { name: 'sec', secret: { secretName: 'sec', defaultMode: 420 } }] },
    status: { phase: 'Running', hostIP: '172.18.0.3', podIP: '10.244.1.7', podIPs: [{ ip: '10.244.1.7' }], startTime: ago(300), qosClass: 'Burstable',
      initContainerStatuses: [{ name: 'init-myservice', ready: true, restartCount: 0, image: 'busybox:1.28', imageID: 'docker.io/library/busybox@sha256:141c', containerID: 'containerd://aaa', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(290), finishedAt: ago(280) } } }],
      containerStatuses: [{ name: 'liveness', ready: false, restartCount: 4, image: 'x', imageID: 'y', containerID: 'containerd://bbb', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } }, lastState: { terminated: { exitCode: 2, reason: 'Error', startedAt: ago(60), finishedAt: ago(40) } } }] } } as unknown as KubeObject;

describe('kubectl describe pod: containers and volumes', () => {
  // Layout checked line by line against describe.go (describeContainers, DescribeProbe,
  // describeEnvFrom/EnvVars, the volume printers) and its tabwriter column blocks.
  it('prints init containers, last state, probes, env sources, mounts and volume sources', () => {
    expect(d(info('pods'), pod, fakeContext([pod], NOW))).toBe(`Name:             liveness-http
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-1/172.18.0.3
Start Time:       Mon, 06 Jan 2025 14:19:00 +0000
Labels:           test=liveness
Annotations:      <none>
Status:           Running
IP:               10.244.1.7
IPs:
  IP:  10.244.1.7
Init Containers:
  init-myservice:
    Container ID:  containerd://aaa
    Image:         busybox:1.28
    Image ID:      docker.io/library/busybox@sha256:141c
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      until nslookup myservice; do echo waiting; sleep 2; done
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 06 Jan 2025 14:19:10 +0000
      Finished:     Mon, 06 Jan 2025 14:19:20 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Containers:
  liveness:
    Container ID:  containerd://bbb
    Image:         registry.k8s.io/e2e-test-images/agnhost:2.40
    Image ID:      y
    Ports:         8080/TCP, 9090/UDP
    Host Ports:    0/TCP, 9090/UDP
    Args:
      liveness
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    2
      Started:      Mon, 06 Jan 2025 14:23:00 +0000
      Finished:     Mon, 06 Jan 2025 14:23:20 +0000
    Ready:          False
    Restart Count:  4
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      250m
      memory:   64Mi
    Liveness:   http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3
    Readiness:  exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
    Startup:    tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=30
    Environment Variables from:
      cfg  ConfigMap                Optional: false
      sec  Secret with prefix 'S_'  Optional: true
    Environment:
      MY_NODE:   worker-1 (v1:spec.nodeName)
      GREETING:  hi
      PASS:      <set to the key 'password' in secret 'db'>  Optional: false
      CPU:       500 (limits.cpu)
    Mounts:
      /data from data (rw)
      /etc/cfg from cfg (ro,path="app.conf")
Volumes:
  data:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  cfg:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      cfg
    Optional:  false
  host:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log
    HostPathType:  Directory
  claim:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  pvc-1
    ReadOnly:   false
  sec:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  sec
    Optional:    false
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`);
  });
});
