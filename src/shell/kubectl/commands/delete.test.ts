import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('kubectl delete', () => {
  it('waits until a gracefully deleted pod is gone', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('web'));
    const t = run('kubectl delete pod web');
    expect(t.stdout).toBe('pod "web" deleted\n');
    expect(t.execution.done).toBe(false);
    const later = run('kubectl delete pod other');
    expect(later.stderr).toBe('Error from server (NotFound): pods "other" not found\n');
    cluster.advance(5000);
    expect(t.execution.poll()).toBe(true);
    expect(t.execution.exitCode).toBe(0);
  });

  it('returns at once with --wait=false', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('web'));
    const t = run('kubectl delete pod web --wait=false');
    expect(t.execution.done).toBe(true);
  });

  it('force deletes with the exact warning', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('web'));
    const t = run('kubectl delete pod web --grace-period=0 --force');
    expect(t.stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(t.stdout).toBe('pod "web" force deleted\n');
    expect(t.exitCode).toBe(0);
  });

  it('deletes by selector and says when nothing matched', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a', { app: 'web' }));
    cluster.add(pod('b', { app: 'db' }));
    expect(run('kubectl delete pods -l app=web --wait=false').stdout).toBe('pod "a" deleted\n');
    expect(run('kubectl delete pods -l app=none').stdout).toBe('No resources found\n');
    expect(run('kubectl delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
  });

  it('prints dry runs without deleting', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('web'));
    expect(run('kubectl delete pod web --dry-run=client').stdout).toBe('pod "web" deleted (dry run)\n');
    expect(cluster.client().get('pods', 'default', 'web')).toBeDefined();
  });

  it('rejects a bad --cascade value', () => {
    const { run } = shellHarness();
    expect(run('kubectl delete pod web --cascade=sideways').stderr).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n');
  });
});
