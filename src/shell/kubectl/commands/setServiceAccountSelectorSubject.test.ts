import { describe, expect, it } from 'vitest';
import { clusterShell, WEB_DEPLOYMENT } from '../../testing/clusterShell';

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: job
            image: busybox
`;

type Obj = { metadata: { resourceVersion?: string }; spec?: Record<string, unknown>; subjects?: unknown[] };
const get = (h: ReturnType<typeof clusterShell>, resource: string, name: string, ns: string | undefined = 'default') => h.cluster.client().get(resource, ns, name) as unknown as Obj;

describe('kubectl set serviceaccount', () => {
  it("sets the pod template's serviceAccountName of a CronJob", () => {
    const h = clusterShell({ 'cj.yaml': CRONJOB });
    h.run('kubectl apply -f cj.yaml');
    expect(h.run('kubectl set sa cronjob nightly robot').stdout).toBe('cronjob.batch/nightly serviceaccount updated\n');
    const jt = get(h, 'cronjobs.batch', 'nightly').spec?.jobTemplate as { spec: { template: { spec: { serviceAccountName?: string } } } };
    expect(jt.spec.template.spec.serviceAccountName).toBe('robot');
  });

  it('with --local prints the changed file object and leaves the cluster alone', () => {
    const h = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    const t = h.run('kubectl set sa -f web.yaml robot --local -o jsonpath={.spec.template.spec.serviceAccountName}');
    expect(t.stdout).toBe('robot');
    expect(h.cluster.client().get('deployments.apps', 'default', 'web')).toBeUndefined();
  });

  it('fails the whole command when one named object is missing', () => {
    const h = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    h.run('kubectl apply -f web.yaml');
    const t = h.run('kubectl set sa deployment web nope robot');
    expect(t.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(t.stdout).toBe('');
  });
});

describe('kubectl set selector', () => {
  it("replaces a Service's whole selector", () => {
    const h = clusterShell();
    h.run('kubectl create service clusterip front --tcp=80:80');
    expect(h.run('kubectl set selector svc front tier=web,env=prod').stdout).toBe('service/front selector updated\n');
    expect(get(h, 'services', 'front').spec?.selector).toEqual({ env: 'prod', tier: 'web' });
  });

  it('with --resource-version writes only when it is the current one', () => {
    const h = clusterShell();
    h.run('kubectl create service clusterip front --tcp=80:80');
    const rv = get(h, 'services', 'front').metadata.resourceVersion!;
    expect(h.run('kubectl set selector svc front a=b --resource-version=1').stderr).toMatch(/^Error from server \(Conflict\): Operation cannot be fulfilled on services "front"/);
    expect(h.run(`kubectl set selector svc front a=b --resource-version=${rv}`).stdout).toBe('service/front selector updated\n');
    expect(get(h, 'services', 'front').spec?.selector).toEqual({ a: 'b' });
  });
});

describe('kubectl set subject', () => {
  it('appends only the subjects the binding lacks, and says nothing when none are new', () => {
    const h = clusterShell();
    h.run('kubectl create namespace team');
    h.run('kubectl -n team create rolebinding rb --clusterrole=view --user=alice');
    expect(h.run('kubectl -n team set subject rolebinding rb --user=alice --user=bob --serviceaccount=:ci').stdout).toBe('rolebinding.rbac.authorization.k8s.io/rb subjects updated\n');
    expect(get(h, 'rolebindings.rbac.authorization.k8s.io', 'rb', 'team').subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'team' },
    ]);
    const again = h.run('kubectl -n team set subject rolebinding rb --user=bob');
    expect([again.stdout, again.stderr, again.exitCode]).toEqual(['', '', 0]);
  });
});
