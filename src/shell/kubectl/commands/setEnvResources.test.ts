import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        env:
        - {name: MODE, value: dev}
`;

type Container = { name: string; env?: unknown[]; resources?: unknown };

function withWeb() {
  const h = clusterShell({ 'web.yaml': WEB });
  h.run('kubectl apply -f web.yaml');
  h.run('sleep 20s', 20_000);
  return h;
}

const container = (h: ReturnType<typeof withWeb>) => (h.cluster.client().get('deployments.apps', 'default', 'web') as unknown as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec.containers[0];
const replicaSets = (h: ReturnType<typeof withWeb>) => h.cluster.client().list('replicasets.apps', { namespace: 'default' }).length;

describe('kubectl set env', () => {
  it('sets, replaces in place and removes variables, and the change rolls out', () => {
    const h = withWeb();
    expect(h.run('kubectl set env deployment/web LEVEL=debug MODE=prod').stdout).toBe('deployment.apps/web env updated\n');
    expect(container(h).env).toEqual([
      { name: 'MODE', value: 'prod' },
      { name: 'LEVEL', value: 'debug' },
    ]);
    expect(replicaSets(h)).toBe(2);
    expect(h.run('kubectl set env deployment/web MODE-').stdout).toBe('deployment.apps/web env updated\n');
    expect(container(h).env).toEqual([{ name: 'LEVEL', value: 'debug' }]);
  });

  it('prints nothing when nothing changes, and lists without writing', () => {
    const h = withWeb();
    expect(h.run('kubectl set env deployment/web MODE=dev').stdout).toBe('');
    h.run('kubectl create configmap cfg --from-literal=db-host=db --from-literal=port=5432');
    expect(h.run('kubectl set env deployment/web --from=configmap/cfg --list').stdout).toBe('# Deployment web, container nginx\nMODE=dev\n# DB_HOST from configmap cfg, key db-host\n# PORT from configmap cfg, key port\n');
    expect(container(h).env).toEqual([{ name: 'MODE', value: 'dev' }]);
    expect(h.run('kubectl set env deployment/web --from=configmap/cfg --keys=port --prefix=APP_').stdout).toBe('deployment.apps/web env updated\n');
    expect(container(h).env).toEqual([
      { name: 'MODE', value: 'dev' },
      { name: 'APP_PORT', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'port' } } },
    ]);
  });

  it('resolves references with --resolve and says which cannot be read', () => {
    const h = withWeb();
    h.run('kubectl create configmap cfg --from-literal=port=5432');
    h.run('kubectl create secret generic pw --from-literal=password=s3cret');
    h.run('kubectl set env deployment/web --from=configmap/cfg');
    h.run('kubectl set env deployment/web --from=secret/pw');
    h.run('kubectl delete configmap cfg');
    const t = h.run('kubectl set env deployment/web --list --resolve');
    expect(t.stdout).toBe('# Deployment web, container nginx\nMODE=dev\n# PORT from configmap cfg, key port\nPASSWORD=s3cret\n');
    expect(t.stderr).toBe('error retrieving reference for PORT: configmaps "cfg" not found\n');
  });

  it('refuses to overwrite with --overwrite=false and checks its arguments', () => {
    const h = withWeb();
    expect(h.run('kubectl set env deployment/web MODE=prod --overwrite=false').stderr).toBe("error: deployments/web 'MODE' already has a value (dev), and --overwrite is false\n");
    expect(h.run('kubectl set env MODE=prod deployment/web').stderr).toBe('error: all resources must be specified before environment changes: MODE=prod deployment/web\n');
    expect(h.run('kubectl set env deployment/web A=1 A-').stderr).toBe('error: can not both modify and remove an environment variable in the same command\n');
    expect(h.run('kubectl set env deployment/web 1A=x').stderr).toMatch(/^error: "1A" is not a valid key name: a valid environment variable name must consist of/);
    expect(h.run('kubectl set env deployment/web --keys=a A=1').stderr).toBe('error: when specifying --keys, a configmap or secret must be provided with --from\n');
    expect(h.run('kubectl set env deployment/web --from=service/kubernetes').stderr).toBe('error: unsupported resource specified in --from\n');
    expect(h.run('kubectl set env deployment/web -c sidecar A=1').stderr).toBe('warning: Deployment/web does not have any containers matching "sidecar"\n');
  });

  it('cannot change a running pod', () => {
    const h = withWeb();
    h.run('kubectl run p --image=nginx');
    expect(h.run('kubectl set env pod/p A=1').stderr).toMatch(/^error: failed to patch env update to pod template: Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });
});

describe('kubectl set resources', () => {
  it('sets limits and requests on the selected containers and rolls out', () => {
    const h = withWeb();
    expect(h.run('kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi').stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(container(h).resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' } });
    expect(h.run('kubectl set resources deployment web --requests=cpu=100m').stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(container(h).resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } });
    h.run('sleep 5s', 5000);
    expect(replicaSets(h)).toBe(3);
    expect(h.run('kubectl set resources deployment web --requests=cpu=100m').stdout).toBe('');
  });

  it('words its errors as kubectl does', () => {
    const h = withWeb();
    expect(h.run('kubectl set resources deployment web').stderr).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect(h.run('kubectl set resources deployment web --limits=cpu').stderr).toBe('error: Invalid argument syntax cpu, expected <resource>=<value>\n');
    expect(h.run('kubectl set resources deployment web --limits=cpu=lots').stderr).toBe("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n");
    expect(h.run('kubectl set resources deployment web -c=db --limits=cpu=1').stderr).toBe('error: unable to find container named db\n');
    expect(h.run('kubectl set resources deployment web --limits=memory=10Mi --requests=memory=20Mi').stderr).toMatch(/^error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers\[0\].resources.requests: Invalid value: "20Mi": must be less than or equal to memory limit/);
    h.run('kubectl run p --image=nginx');
    expect(h.run('kubectl set resources po/p --limits=cpu=200m').stderr).toMatch(/^error: failed to patch resources update to pod template Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });
});
