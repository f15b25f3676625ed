import { describe, expect, it } from 'vitest';
import { WATCH_HISTORY_SIZE } from '../../../sim/k8s/index';
import { clusterShell } from '../../testing/clusterShell';

function events(stdout: string): { type: string; object: { metadata: { name: string; resourceVersion: string }; data?: Record<string, string>; message?: string; code?: number } }[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

function rvOf(stdout: string): string {
  return (JSON.parse(stdout) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
}

describe('kubectl get --raw', () => {
  it('gets one object as the server encodes it (compact, kind first)', () => {
    const { run } = clusterShell();
    run('kubectl create configmap c --from-literal=k=v');
    const t = run('kubectl get --raw /api/v1/namespaces/default/configmaps/c');
    expect(t.exitCode).toBe(0);
    expect(t.stdout.startsWith('{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","namespace":"default",')).toBe(true);
    expect(t.stdout.endsWith('"data":{"k":"v"}}\n')).toBe(true);
  });

  it('answers /healthz, /livez and /readyz with a bare ok, /version with the indented version, /api with APIVersions, and an unknown path with the 404', () => {
    const { run } = clusterShell();
    for (const path of ['/healthz', '/livez', '/readyz']) expect(run(`kubectl get --raw ${path}`).stdout).toBe('ok');
    const version = run('kubectl get --raw /version');
    expect(JSON.parse(version.stdout)).toMatchObject({ major: '1', minor: '32', platform: 'linux/amd64' });
    expect(version.stdout.startsWith('{\n  "major": "1",')).toBe(true);
    expect(JSON.parse(run('kubectl get --raw /api').stdout)).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const unknown = run('kubectl get --raw /nothing-here');
    expect([unknown.stderr, unknown.exitCode]).toEqual(['Error from server (NotFound): the server could not find the requested resource\n', 1]);
  });

  it('prints the discovery documents compact, as the server sends them to kubectl', () => {
    const { run } = clusterShell();
    expect(run('kubectl get --raw /apis').stdout.startsWith('{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps",')).toBe(true);
    expect(run('kubectl get --raw /apis/apps/v1').stdout.startsWith('{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[{"name":"controllerrevisions",')).toBe(true);
    expect(JSON.parse(run('kubectl get --raw /api/v1').stdout).resources.some((r: { name: string }) => r.name === 'pods/log')).toBe(true);
    expect(run('kubectl get --raw /apis/nope').stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });

  it('says plainly which paths a real server has that this one does not serve (OpenAPI, metrics, verbose health)', () => {
    const { run } = clusterShell();
    for (const path of ['/openapi/v2', '/metrics', "'/livez?verbose'", '/readyz/etcd']) {
      const t = run(`kubectl get --raw ${path}`);
      expect(t.stderr).toMatch(/^error: not simulated yet: kubectl get --raw \//);
      expect(t.exitCode).toBe(1);
    }
  });

  it('lists a collection with the list resourceVersion and items without kind', () => {
    const { run } = clusterShell();
    run('kubectl create configmap c --from-literal=k=v');
    const t = run('kubectl get --raw /api/v1/namespaces/default/configmaps');
    const list = JSON.parse(t.stdout) as { kind: string; metadata: { resourceVersion: string }; items: { kind?: string; metadata: { name: string } }[] };
    expect(list.kind).toBe('ConfigMapList');
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(list.items.map((i) => i.metadata.name)).toContain('c');
    expect(list.items[0].kind).toBeUndefined();
  });

  it('a watch from an older resourceVersion replays exactly the changes made after it, then follows', () => {
    const { run, cluster } = clusterShell();
    run('kubectl create configmap w --from-literal=mutation=0');
    const rv = rvOf(run('kubectl get --raw /api/v1/namespaces/default/configmaps/w').stdout);
    run(`kubectl patch configmap w -p '{"data":{"mutation":"1"}}'`);
    run(`kubectl patch configmap w -p '{"data":{"mutation":"2"}}'`);
    const t = run(`kubectl get --raw '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=5'`);
    run('kubectl delete configmap w');
    const seen = events(t.stdout).filter((e) => e.object.metadata.name === 'w');
    expect(seen.map((e) => `${e.type} ${e.object.data?.mutation}`)).toEqual(['MODIFIED 1', 'MODIFIED 2', 'DELETED 2']);
    expect(Number(seen[0].object.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
    cluster.advance(6000);
    t.execution.poll();
    expect(t.execution.done).toBe(true);
    expect(t.exitCode).toBe(0);
  });

  it('a watch without a resourceVersion starts with ADDED for the existing objects, filtered by labelSelector', () => {
    const { run } = clusterShell();
    run('kubectl create configmap a');
    run('kubectl create configmap b');
    run('kubectl label configmap a pick=yes');
    const t = run(`kubectl get --raw '/api/v1/namespaces/default/configmaps?watch=true&labelSelector=pick%3Dyes'`);
    run('kubectl label configmap a pick-');
    expect(events(t.stdout).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'DELETED a']);
    t.execution.cancel();
  });

  it('a resourceVersion older than the watch window gets a 410 Expired ERROR event and the stream ends', () => {
    const { run, cluster } = clusterShell();
    run('kubectl create configmap w');
    const client = cluster.client();
    for (let i = 0; i < WATCH_HISTORY_SIZE + 2; i++) {
      const cm = client.get('configmaps', 'default', 'w')!;
      client.update({ ...cm, data: { n: String(i) } });
    }
    const t = run(`kubectl get --raw '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1'`);
    const [e] = events(t.stdout);
    expect(e.type).toBe('ERROR');
    expect(e.object.code).toBe(410);
    expect(e.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
    expect(t.execution.done).toBe(true);
  });

  it('rejects arguments, --output and unknown paths with kubectl\'s errors', () => {
    const { run } = clusterShell();
    expect(run('kubectl get pods --raw /api/v1/pods').stderr).toBe('error: arguments may not be passed when --raw is specified\n');
    expect(run('kubectl get --raw /api/v1/pods -o yaml').stderr).toBe('error: --raw and --output are mutually exclusive\n');
    expect(run('kubectl get --raw /api/v1/widgets').stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(run('kubectl get --raw /api/v1/namespaces/default/configmaps/nope').stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
  });
});
