import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../sim/k8s/index';
import { createShell } from '../../index';
import { memoryFiles } from '../../testing/shellHarness';

/** A shell over a real simulated cluster (expose needs the API server's allocation and the endpoint controllers). */
function harness() {
  const cluster: Cluster = createCluster({ seed: 5 });
  const shell = createShell({ cluster, files: memoryFiles({}) });
  const run = (line: string) => {
    let stdout = '';
    let stderr = '';
    const ex = shell.run(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    while (!ex.done) {
      cluster.advance(100);
      ex.poll();
    }
    return { stdout, stderr, exitCode: ex.exitCode };
  };
  return { cluster, run };
}

describe('kubectl expose', () => {
  it('exposes a deployment with its selector and labels, the target port defaulting to the port', () => {
    const { run, cluster } = harness();
    run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=8080');
    expect(run('kubectl expose deployment web --port=80')).toMatchObject({ stdout: 'service/web exposed\n', exitCode: 0 });
    const svc = cluster.client().get('services', 'default', 'web')!;
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
  });

  it('conformance "Kubectl, create service": --port=1234 --target-port=6379 and the endpoints list the pods at 6379', () => {
    const { run, cluster } = harness();
    run('kubectl create deployment redis --image=redis:7 --port=6379');
    expect(run('kubectl expose deployment redis --name=rm2 --port=1234 --target-port=6379').stdout).toBe('service/rm2 exposed\n');
    cluster.advance(60_000);
    const pod = cluster.client().list('pods', { namespace: 'default' })[0];
    const ip = (pod.status as { podIP: string }).podIP;
    expect(run('kubectl get endpoints rm2').stdout.split('\n')[1]).toMatch(new RegExp(`^rm2 +${ip.replace(/\./g, '\\.')}:6379 +60s$`));
  });

  it('takes the ports of the exposed object when --port is missing, names them when there are several', () => {
    const { run, cluster } = harness();
    run('kubectl run two --image=nginx:1.27 --port=80');
    run('kubectl expose pod two');
    expect(cluster.client().get('services', 'default', 'two')!.spec).toMatchObject({ selector: { run: 'two' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(run('kubectl expose pod two --name=again --type=NodePort --port=80 --dry-run=client -o yaml').stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    run: two
  name: again
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: two
  type: NodePort
status:
  loadBalancer: {}
`);
  });

  it('says what it cannot expose, with kubectl’s words', () => {
    const { run } = harness();
    run('kubectl run bare --image=nginx:1.27 --labels=');
    run('kubectl create deployment noport --image=nginx:1.27');
    expect(run('kubectl expose node worker-1 --port=80').stderr).toBe('error: cannot expose a Node\n');
    expect(run('kubectl expose deployment noport').stderr).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(run('kubectl expose deployment nope --port=80').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(run('kubectl expose deployment noport --port=80 --session-affinity=Sticky').stderr).toBe('error: unknown session affinity: Sticky\n');
    expect(run('kubectl expose deployment noport --port=80 --type=Foo').stderr).toBe(
      'The Service "noport" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
  });
});

describe('kubectl create service', () => {
  it('creates the four types with app=NAME labels and selector', () => {
    const { run, cluster } = harness();
    expect(run('kubectl create service clusterip my-cs --tcp=5678:8080').stdout).toBe('service/my-cs created\n');
    expect(run('kubectl create service nodeport my-ns --tcp=5678:8080 --node-port=30123').stdout).toBe('service/my-ns created\n');
    expect(run('kubectl create service loadbalancer my-lbs --tcp=5678:8080').stdout).toBe('service/my-lbs created\n');
    expect(run('kubectl create service externalname my-en --external-name bar.com').stdout).toBe('service/my-en created\n');
    const get = (n: string) => cluster.client().get('services', 'default', n)!.spec as Record<string, unknown>;
    expect(get('my-cs')).toMatchObject({ type: 'ClusterIP', selector: { app: 'my-cs' }, ports: [{ name: '5678-8080', port: 5678, targetPort: 8080, protocol: 'TCP' }] });
    expect(get('my-ns')).toMatchObject({ type: 'NodePort', ports: [{ nodePort: 30123 }] });
    expect(get('my-en')).toMatchObject({ type: 'ExternalName', externalName: 'bar.com' });
    const table = run('kubectl get svc my-lbs my-en').stdout.split('\n');
    expect(table[1]).toMatch(/^my-lbs +LoadBalancer +10\.\d+\.\d+\.\d+ +<pending> +5678:3\d{4}\/TCP +0s$/);
    expect(table[2]).toMatch(/^my-en +ExternalName +<none> +bar\.com +<none> +0s$/);
  });

  it('checks its flags as kubectl does', () => {
    const { run } = harness();
    expect(run('kubectl create service clusterip x').stderr).toBe('error: at least one tcp port specifier must be provided\n');
    expect(run('kubectl create service nodeport x --clusterip=None').stderr).toMatch(/^error: unknown flag: --clusterip\n/);
    expect(run('kubectl create service externalname x --external-name=Bad_Name').stderr).toBe('error: invalid service external name Bad_Name\n');
    expect(run('kubectl create service clusterip').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n");
    expect(run('kubectl create service clusterip h --clusterip=None').stdout).toBe('service/h created\n');
  });
});
