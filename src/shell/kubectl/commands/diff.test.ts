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
});
