import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
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
        image: nginx:1.25
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    const files: Record<string, string> = { 'web.yaml': WEB };
    const { run, cluster } = shellHarness(files);
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web created\n');
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged\n');
    files['web.yaml'] = WEB.replace('replicas: 2', 'replicas: 3');
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web configured\n');
    const live = cluster.client().get('deployments.apps', 'default', 'web')!;
    expect((live.spec as { replicas: number }).replicas).toBe(3);
    expect(live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('"replicas":3');
  });

  it('builds -k DIR as kubectl does, and a kustomization that fails changes nothing', () => {
    const { run, cluster } = shellHarness({ 'web.yaml': WEB, 'kustomization.yaml': 'resources:\n- web.yaml\nnamePrefix: dev-\n' });
    expect(run('kubectl apply -k .').stdout).toBe('deployment.apps/dev-web created\n');
    expect(run('kubectl apply -k ./').stdout).toBe('deployment.apps/dev-web unchanged\n');
    const broken = shellHarness({ 'web.yaml': WEB, 'kustomization.yaml': 'resources:\n- web.yaml\n- gone.yaml\n' });
    const t = broken.run('kubectl apply -k .');
    expect([t.stderr, t.exitCode]).toEqual([
      "error: accumulating resources: accumulation err='accumulating resources from 'gone.yaml': evalsymlink failure on '/home/learner/gone.yaml' : lstat /home/learner/gone.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/home/learner/gone.yaml' : lstat /home/learner/gone.yaml: no such file or directory\n",
      1,
    ]);
    expect(broken.cluster.client().get('deployments.apps', 'default', 'web')).toBeUndefined();
    expect(cluster.client().get('deployments.apps', 'default', 'dev-web')).toBeDefined();
  });

  it('records the change cause only with --record, as kubectl writes the command: arguments, then each flag as --name=value', () => {
    const { run, cluster } = shellHarness({ 'web.yaml': WEB });
    run('kubectl apply -f web.yaml');
    expect(cluster.client().get('deployments.apps', 'default', 'web')!.metadata.annotations?.['kubernetes.io/change-cause']).toBeUndefined();
    run('kubectl apply -f web.yaml --record');
    expect(cluster.client().get('deployments.apps', 'default', 'web')!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('kubectl apply --filename=web.yaml --record=true');
    // pflag warns as it sets the deprecated flag.
    expect(run('kubectl apply -f web.yaml --record').stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
  });

  it('applies every file of a directory and several -f', () => {
    const svc = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';
    const { run } = shellHarness({ 'app/web.yaml': WEB, 'app/sa.yaml': svc, 'other.yaml': svc.replace('builder', 'deployer') });
    expect(run('kubectl apply -f app/ -f other.yaml').stdout).toBe('serviceaccount/builder created\ndeployment.apps/web created\nserviceaccount/deployer created\n');
  });

  it('says --dry-run=client without writing', () => {
    const { run, cluster } = shellHarness({ 'web.yaml': WEB });
    expect(run('kubectl apply -f web.yaml --dry-run=client').stdout).toBe('deployment.apps/web created (dry run)\n');
    expect(cluster.client().get('deployments.apps', 'default', 'web')).toBeUndefined();
  });

  it('reports an unknown kind as a missing resource mapping, with where it is', () => {
    const { run } = shellHarness({ 'crd.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n' });
    const t = run('kubectl apply -f crd.yaml');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "crd.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n  --> crd.yaml:1:1 (apiVersion)\n',
    );
  });

  it('prints several failures one per block, without the error: prefix, after applying the rest', () => {
    const text = `apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: a\n---\n${WEB}---\napiVersion: example.com/v1\nkind: Bar\nmetadata:\n  name: b\n`;
    const { run } = shellHarness({ 'all.yaml': text });
    const t = run('kubectl apply -f all.yaml');
    expect(t.stdout).toBe('deployment.apps/web created\n');
    expect(t.stderr.split('\n')[0]).toBe('resource mapping not found for name: "a" namespace: "" from "all.yaml": no matches for kind "Foo" in version "example.com/v1"');
    expect(t.stderr).toContain('ensure CRDs are installed first\n  --> all.yaml:');
  });

  it('refuses a missing file and URLs honestly', () => {
    const { run } = shellHarness();
    expect(run('kubectl apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect(run('kubectl apply -f https://k8s.io/examples/pod.yaml').stderr).toContain('not simulated: no network access');
    expect(run('kubectl apply').stderr).toBe('error: must specify one of -f and -k\n');
  });

  it('applies the kubernetes.io examples the docs give by URL, from the copies it serves offline', () => {
    const { run } = shellHarness();
    expect(run('kubectl apply -f https://k8s.io/examples/application/php-apache.yaml').stdout).toBe('deployment.apps/php-apache created\nservice/php-apache created\n');
    expect(run('kubectl apply -f https://kubernetes.io/examples/controllers/nginx-deployment.yaml').stdout).toBe('deployment.apps/nginx-deployment created\n');
    expect(run('kubectl create -f https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/admin/namespace-dev.yaml').stdout).toBe('namespace/development created\n');
    expect(run('kubectl apply -f https://k8s.io/examples/nothing-here.yaml').stderr).toMatch(/^error: not simulated: no network access in the playground; cannot read "https:\/\/k8s\.io\/examples\/nothing-here\.yaml" \(of https:\/\/k8s\.io\/examples\/ it serves \d+ files offline/);
  });

  it('formats a single Invalid status the way checkErr does', () => {
    const { run, cluster } = shellHarness({ 'web.yaml': WEB });
    const c = cluster.client();
    const original = c.create.bind(c);
    cluster.client = () => ({
      ...c,
      create: () => ({
        ok: false,
        status: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          reason: 'Invalid',
          code: 422,
          message: 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]',
          details: {
            name: 'web',
            group: 'apps',
            kind: 'Deployment',
            causes: [
              { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
              { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
            ],
          },
        },
      }),
    });
    void original;
    expect(run('kubectl apply -f web.yaml').stderr).toBe(
      'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.containers[0].image: Required value\n  --> web.yaml:6:3 (spec.replicas)\n',
    );
  });
});
