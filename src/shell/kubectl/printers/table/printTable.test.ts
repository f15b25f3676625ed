import { describe, expect, it } from 'vitest';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago, obj, runningPod } from '../testing/objects';
import { printTable } from './printTable';

const ctx = fakeContext([], NOW);
const DAY = 86400;

const deployment = (name: string, age: number, replicas: number, ready: number) =>
  obj('apps/v1', 'Deployment', name, age, {
    spec: { replicas, selector: { matchLabels: { app: 'nginx' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } } },
    status: { replicas, readyReplicas: ready || undefined, updatedReplicas: ready, availableReplicas: ready || undefined },
  }, { namespace: 'default' });

const replicaSet = (name: string, age: number, n: number) =>
  obj('apps/v1', 'ReplicaSet', name, age, {
    spec: { replicas: n, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': name.split('-').pop() } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } } },
    status: { replicas: n, readyReplicas: n },
  }, { namespace: 'default' });

const service = (name: string, age: number, spec: Record<string, unknown>, namespace = 'default') => obj('v1', 'Service', name, age, { spec, status: { loadBalancer: {} } }, { namespace });

const kubernetesSvc = (age: number) => service('kubernetes', age, { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });

describe('printTable reproduces real kubectl get output', () => {
  it('prints `kubectl get all` tables with kind prefixes', () => {
    const pods = ['7rcc5', '8gzpg', 'ccgxd'].map((s) => runningPod(`nginx-deployment-596ff98864-${s}`, 51));
    expect(printTable(info('pods'), pods, { withKindPrefix: true }, ctx)).toBe(
      'NAME                                    READY   STATUS    RESTARTS   AGE\n' +
        'pod/nginx-deployment-596ff98864-7rcc5   1/1     Running   0          51s\n' +
        'pod/nginx-deployment-596ff98864-8gzpg   1/1     Running   0          51s\n' +
        'pod/nginx-deployment-596ff98864-ccgxd   1/1     Running   0          51s\n',
    );
    expect(printTable(info('services'), [kubernetesSvc(5 * DAY + 11 * 3600 + 7)], { withKindPrefix: true }, ctx)).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' + 'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5d11h\n',
    );
    expect(printTable(info('deployments.apps'), [deployment('nginx-deployment', 51, 3, 3)], { withKindPrefix: true }, ctx)).toBe(
      'NAME                               READY   UP-TO-DATE   AVAILABLE   AGE\n' + 'deployment.apps/nginx-deployment   3/3     3            3           51s\n',
    );
    expect(printTable(info('replicasets.apps'), [replicaSet('nginx-deployment-596ff98864', 51, 3)], { withKindPrefix: true }, ctx)).toBe(
      'NAME                                          DESIRED   CURRENT   READY   AGE\n' + 'replicaset.apps/nginx-deployment-596ff98864   3         3         3       51s\n',
    );
  });

  it('prints a fresh deployment as 0/3 with zero counts', () => {
    expect(printTable(info('deployments.apps'), [deployment('nginx-deployment', 1, 3, 0)], {}, ctx)).toBe(
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE\n' + 'nginx-deployment   0/3     0            0           1s\n',
    );
  });

  it('prints a LoadBalancer without ingress as <pending> and node ports as port:nodePort/PROTO', () => {
    const lb = service('my-app', 29, { type: 'LoadBalancer', clusterIP: '10.111.158.147', clusterIPs: ['10.111.158.147'], ports: [{ port: 5000, nodePort: 31133, protocol: 'TCP' }], selector: { app: 'my-app' } });
    expect(printTable(info('services'), [kubernetesSvc(21 * 60), lb], { withKindPrefix: true }, ctx)).toBe(
      'NAME                 TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)          AGE\n' +
        'service/kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP          21m\n' +
        'service/my-app       LoadBalancer   10.111.158.147   <pending>     5000:31133/TCP   29s\n',
    );
  });

  it('puts NAMESPACE first with -A and prints restarts with their age', () => {
    const pods = [
      runningPod('kube-apiserver-docker-desktop', 45 * 3600, { namespace: 'kube-system', restarts: 39, lastRestartAgo: 39 * 60 }),
      runningPod('kube-proxy-4nrg8', 45 * 3600, { namespace: 'kube-system', restarts: 1, lastRestartAgo: 39 * 60 }),
    ];
    expect(printTable(info('pods'), pods, { allNamespaces: true, withKindPrefix: true }, ctx)).toBe(
      'NAMESPACE     NAME                                READY   STATUS    RESTARTS       AGE\n' +
        'kube-system   pod/kube-apiserver-docker-desktop   1/1     Running   39 (39m ago)   45h\n' +
        'kube-system   pod/kube-proxy-4nrg8                1/1     Running   1 (39m ago)    45h\n',
    );
    const dns = service('kube-dns', 45 * 3600, { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }] }, 'kube-system');
    expect(printTable(info('services'), [kubernetesSvc(45 * 3600), dns], { allNamespaces: true, withKindPrefix: true }, ctx)).toBe(
      'NAMESPACE     NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        'default       service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  45h\n' +
        'kube-system   service/kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   45h\n',
    );
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const pods = [runningPod('broken-pod', 16 * 3600, { node: 'ub18c2', ip: '5.5.5.4' }), runningPod('sa-pod', 3 * 3600 + 56 * 60, { node: 'ub18c1', ip: '5.5.5.196' })];
    expect(printTable(info('pods'), pods, { wide: true, withKindPrefix: true }, ctx)).toBe(
      'NAME             READY   STATUS    RESTARTS   AGE     IP          NODE     NOMINATED NODE   READINESS GATES\n' +
        'pod/broken-pod   1/1     Running   0          16h     5.5.5.4     ub18c2   <none>           <none>\n' +
        'pod/sa-pod       1/1     Running   0          3h56m   5.5.5.196   ub18c1   <none>           <none>\n',
    );
  });

  it('appends sorted labels with --show-labels', () => {
    const pod = runningPod('nginx-deployment-75675f5897-7ci7o', 18, { labels: { 'pod-template-hash': '75675f5897', app: 'nginx' } });
    expect(printTable(info('pods'), [pod], { showLabels: true }, ctx)).toBe(
      'NAME                                READY   STATUS    RESTARTS   AGE   LABELS\n' + 'nginx-deployment-75675f5897-7ci7o   1/1     Running   0          18s   app=nginx,pod-template-hash=75675f5897\n',
    );
  });

  it('adds one upper-cased column per -L key, empty when the label is missing', () => {
    const pods = [runningPod('a', 5, { labels: { app: 'web', 'app.kubernetes.io/tier': 'front' } }), runningPod('b', 5)];
    expect(printTable(info('pods'), pods, { labelColumns: ['app', 'app.kubernetes.io/tier'] }, ctx)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   APP   TIER\n' + 'a      1/1     Running   0          5s    web   front\n' + 'b      1/1     Running   0          5s          \n',
    );
  });

  it('prints namespaces and omits the NAMESPACE column for cluster-scoped kinds even with -A', () => {
    const age = 3 * DAY + 3600;
    const nss = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((n) => obj('v1', 'Namespace', n, age, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }));
    expect(printTable(info('namespaces'), nss, { allNamespaces: true }, ctx)).toBe(
      'NAME              STATUS   AGE\n' + 'default           Active   3d1h\n' + 'kube-node-lease   Active   3d1h\n' + 'kube-public       Active   3d1h\n' + 'kube-system       Active   3d1h\n',
    );
  });

  it('drops the header with --no-headers and returns nothing for no objects', () => {
    expect(printTable(info('pods'), [runningPod('web', 70)], { noHeaders: true }, ctx)).toBe('web   1/1   Running   0     70s\n');
    expect(printTable(info('pods'), [], {}, ctx)).toBe('');
  });

  it('prints node status with SchedulingDisabled and roles from labels', () => {
    const node = (name: string, ready: string, extra: { labels?: Record<string, string>; unschedulable?: boolean }) =>
      obj('v1', 'Node', name, 3600, {
        spec: { unschedulable: extra.unschedulable },
        status: {
          conditions: [{ type: 'Ready', status: ready }],
          addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: name }],
          nodeInfo: { kubeletVersion: 'v1.32.2', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-1015', containerRuntimeVersion: 'containerd://1.7.24' },
        },
      }, { labels: extra.labels });
    const nodes = [
      node('control-plane', 'True', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
      node('worker-1', 'True', { unschedulable: true }),
      node('worker-2', 'Unknown', { unschedulable: true, labels: { 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/gpu': 'true' } }),
    ];
    expect(printTable(info('nodes'), nodes, {}, ctx)).toBe(
      'NAME            STATUS                        ROLES           AGE   VERSION\n' +
        'control-plane   Ready                         control-plane   60m   v1.32.2\n' +
        'worker-1        Ready,SchedulingDisabled      <none>          60m   v1.32.2\n' +
        'worker-2        NotReady,SchedulingDisabled   edge,gpu        60m   v1.32.2\n',
    );
    expect(printTable(info('nodes'), nodes.slice(0, 1), { wide: true }, ctx)).toBe(
      'NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME\n' +
        'control-plane   Ready    control-plane   60m   v1.32.2   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1015       containerd://1.7.24\n',
    );
  });

  it('prints deployment and replica set wide columns with the selector', () => {
    expect(printTable(info('deployments.apps'), [deployment('nginx-deployment', 18, 3, 3)], { wide: true }, ctx)).toBe(
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES         SELECTOR\n' + 'nginx-deployment   3/3     3            3           18s   nginx        nginx:1.14.2   app=nginx\n',
    );
    expect(printTable(info('replicasets.apps'), [replicaSet('nginx-deployment-75675f5897', 18, 3)], { wide: true }, ctx)).toBe(
      'NAME                          DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES         SELECTOR\n' +
        'nginx-deployment-75675f5897   3         3         3       18s   nginx        nginx:1.14.2   app=nginx,pod-template-hash=75675f5897\n',
    );
  });

  it('prints events with object kind/name, trimmed messages, and series counts in wide', () => {
    const ev = (name: string, rest: Record<string, unknown>) => obj('v1', 'Event', name, 60, rest, { namespace: 'default' });
    const events = [
      ev('web-1.181', { involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' }, reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned default/web-1 to worker-1', eventTime: '2025-01-06T14:23:00.000000Z', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-control-plane', source: {} }),
      ev('web-1.182', { involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' }, reason: 'Pulling', type: 'Normal', message: 'Pulling image "nginx"\n', firstTimestamp: ago(90), lastTimestamp: ago(30), count: 3, source: { component: 'kubelet', host: 'worker-1' } }),
    ];
    expect(printTable(info('events'), events, {}, ctx)).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT      MESSAGE\n' +
        '60s         Normal   Scheduled   pod/web-1   Successfully assigned default/web-1 to worker-1\n' +
        '30s         Normal   Pulling     pod/web-1   Pulling image "nginx"\n',
    );
    expect(printTable(info('events'), events, { wide: true }, ctx)).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT      SUBOBJECT              SOURCE                                               MESSAGE                                           FIRST SEEN   COUNT   NAME\n' +
        '60s         Normal   Scheduled   pod/web-1                          default-scheduler, default-scheduler-control-plane   Successfully assigned default/web-1 to worker-1   60s          1       web-1.181\n' +
        '30s         Normal   Pulling     pod/web-1   spec.containers{app}   kubelet, worker-1                                    Pulling image "nginx"                             90s          3       web-1.182\n',
    );
  });

  it('prints rows in the order given (get sorts with --sort-by first) and cuts multi-line cells', () => {
    const pods = [runningPod('b', 10), runningPod('a', 20)];
    expect(printTable(info('pods'), pods, {}, ctx).split('\n')[1].startsWith('b ')).toBe(true);
    const cm = obj('v1', 'Lease', 'x\ny', 5, { spec: { holderIdentity: 'me' } }, { namespace: 'default' });
    expect(printTable(info('leases.coordination.k8s.io'), [cm], {}, ctx)).toBe('NAME   HOLDER   AGE\n' + 'x...   me       5s\n');
  });
});
