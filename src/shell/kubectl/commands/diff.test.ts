import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe('kubectl diff', () => {
  it('shows the changed image between the live and the dry-run applied Deployment, exits 1 and changes nothing', () => {
    const { run, cluster } = clusterShell({ 'web.yaml': deployment('nginx:1.27'), 'web-2.yaml': deployment('nginx:1.28') });
    run('kubectl apply -f web.yaml', 5000);
    const before = cluster.client().get('deployments.apps', 'default', 'web')!;
    const t = run('kubectl diff -f web-2.yaml');
    expect(t.exitCode).toBe(1);
    const lines = t.stdout.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-/);
    expect(lines).toContain('-      - image: nginx:1.27');
    expect(lines).toContain('+      - image: nginx:1.28');
    expect(lines).toContain('-  generation: 1');
    expect(lines).toContain('+  generation: 2');
    const after = cluster.client().get('deployments.apps', 'default', 'web')!;
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('prints nothing and exits 0 when the file matches the live object', () => {
    const { run } = clusterShell({ 'web.yaml': deployment('nginx:1.27') });
    run('kubectl apply -f web.yaml', 5000);
    const t = run('kubectl diff -f web.yaml');
    expect(t.stdout).toBe('');
    expect(t.exitCode).toBe(0);
  });

  it('diffs an object that does not exist yet against an empty file dated the epoch', () => {
    const { run } = clusterShell({ 'web.yaml': deployment('nginx:1.27') });
    const t = run('kubectl diff -f web.yaml');
    expect(t.exitCode).toBe(1);
    const lines = t.stdout.split('\n');
    expect(lines[1]).toMatch(/\t1970-01-01 00:00:00\.000000000 \+0000$/);
    expect(lines[3]).toMatch(/^@@ -0,0 \+1,\d+ @@$/);
    expect(lines).toContain('+kind: Deployment');
  });

  it('reproduces the same directory numbers for the same seed and time', () => {
    const a = clusterShell({ 'web.yaml': deployment('nginx:1.27') }).run('kubectl diff -f web.yaml').stdout;
    const b = clusterShell({ 'web.yaml': deployment('nginx:1.27') }).run('kubectl diff -f web.yaml').stdout;
    expect(a).toBe(b);
  });

  it('exits above 1 with the error when the object is invalid', () => {
    const { run } = clusterShell({ 'bad.yaml': deployment('') });
    const t = run('kubectl diff -f bad.yaml');
    expect(t.exitCode).toBe(2);
    expect(t.stderr).toMatch(/Invalid value|Required value/);
  });

  it('masks a Secret\'s values, marking the ones that change before and after', () => {
    const secret = (password: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  user: admin\n  password: ${password}\n`;
    const { run } = clusterShell({ 'a.yaml': secret('one'), 'b.yaml': secret('two') });
    run('kubectl apply -f a.yaml');
    const lines = run('kubectl diff -f b.yaml').stdout.split('\n');
    expect(lines).toContain("-  password: '*** (before)'");
    expect(lines).toContain("+  password: '*** (after)'");
    expect(lines).toContain("   user: '***'");
    expect(lines.join('\n')).not.toContain('b25l');
  });

  it('keeps only the files\' objects -l matches', () => {
    const cm = (name: string, tier: string, v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n    tier: ${tier}\ndata:\n  v: "${v}"\n`;
    const { run } = clusterShell({ 'v1.yaml': `${cm('a', 'web', '1')}---\n${cm('b', 'db', '1')}`, 'v2.yaml': `${cm('a', 'web', '2')}---\n${cm('b', 'db', '2')}` });
    run('kubectl apply -f v1.yaml');
    const t = run('kubectl diff -f v2.yaml -l tier=db');
    expect(t.exitCode).toBe(1);
    expect(t.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.b /);
    expect(t.stdout).not.toContain('ConfigMap.default.a');
    expect(run('kubectl diff -f v2.yaml -l tier=none').exitCode).toBe(0);
  });

  it('--prune adds the applied objects the files no longer hold, as deletions from LIVE', () => {
    const { run } = clusterShell({ 'web.yaml': deployment('nginx:1.27'), 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\ndata:\n  a: b\n' });
    run('kubectl apply -f web.yaml -f cm.yaml', 5000);
    const t = run('kubectl diff -f web.yaml --prune --prune-allowlist=core/v1/ConfigMap --prune-allowlist=apps/v1/Deployment');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toBe('');
    const lines = t.stdout.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.old \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.old$/);
    expect(lines[2]).toMatch(/^\+\+\+ .*\t1970-01-01 00:00:00\.000000000 \+0000$/);
    expect(lines).toContain('-  name: old');
    expect(lines.filter((l) => l.startsWith('diff '))).toHaveLength(1);
    // The default allowlist warns, as klog does, that it still prunes cluster-scoped kinds.
    expect(run('kubectl diff -f web.yaml --prune').stderr).toMatch(/^W\d{4} [\d:.]+ +\d+ prune\.go:71\] Deprecated: kubectl apply will no longer prune non-namespaced resources/);
  });

  it('exits 2 on its errors, --force-conflicts only with --server-side', () => {
    const { run } = clusterShell({ 'web.yaml': deployment('nginx:1.27') });
    expect(run('kubectl diff')).toMatchObject({ stderr: 'error: must specify one of -f and -k\n', exitCode: 2 });
    expect(run('kubectl diff -f web.yaml --force-conflicts')).toMatchObject({ stderr: 'error: --force-conflicts only works with --server-side\n', exitCode: 2 });
    expect(run('kubectl diff -f web.yaml --prune --prune-allowlist=apps/v1/deployment')).toMatchObject({ stderr: 'error: no matches for kind "deployment" in version "apps/v1"\n', exitCode: 2 });
    expect(run('kubectl diff -f web.yaml --server-side').stderr).toMatch(/^error: not simulated: kubectl diff --server-side/);
  });
});
