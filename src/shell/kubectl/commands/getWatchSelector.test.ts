import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

describe('kubectl get -w with a label selector', () => {
  it('an object leaving the selector is DELETED for the watch, and ADDED when it comes back (the API server watch filter)', () => {
    const { run, cluster } = shellHarness();
    cluster.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default', labels: { watch: 'yes' } } });
    cluster.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'default' } });
    const t = run('kubectl get configmaps -l watch=yes -w --output-watch-events');
    run('kubectl label configmap a watch-');
    run('kubectl label configmap other extra=1');
    run('kubectl label configmap a watch=yes');
    run('kubectl label configmap a extra=1');
    const rows = t.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(rows).toEqual(['EVENT NAME', 'ADDED a', 'DELETED a', 'ADDED a', 'MODIFIED a']);
    t.execution.cancel();
  });

  it('--output-watch-events with -o jsonpath reads the WatchEvent ({.type}, {.object...})', () => {
    const { run, cluster } = shellHarness();
    cluster.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    const t = run(`kubectl get configmaps -w --output-watch-events -o jsonpath='{.type} {.object.metadata.name}{"\\n"}'`);
    run('kubectl delete configmap a');
    expect(t.stdout).toBe('ADDED a\nDELETED a\n');
    t.execution.cancel();
  });
});
