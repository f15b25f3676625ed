import { beforeAll, describe, expect, it } from 'vitest';
import { createShell, preloadShellData } from '../shell/index';
import { createCluster } from '../sim/k8s/index';
import { driveSlice } from './drive';

beforeAll(preloadShellData);

describe('driveSlice', () => {
  it('hands control back when the slice is spent and finishes the wait over later slices', () => {
    const cluster = createCluster({ workers: 1 });
    const shell = createShell({ cluster, files: { read: () => undefined } });
    const start = cluster.now();
    const exec = shell.run('sleep 6m', { stdout: () => {}, stderr: () => {} });
    let budget = 3;
    expect(driveSlice(cluster, exec, () => budget-- <= 0)).toBe('yielded');
    expect(exec.done).toBe(false);
    expect(cluster.now()).toBeGreaterThan(start);
    let slices = 1;
    let result: string;
    do {
      budget = 3;
      result = driveSlice(cluster, exec, () => budget-- <= 0);
      slices++;
    } while (result === 'yielded' && slices < 10_000);
    expect(result).toBe('done');
    expect(exec.exitCode).toBe(0);
    expect(cluster.now() - start).toBeGreaterThanOrEqual(6 * 60_000);
    expect(cluster.now() - start).toBeLessThan(6 * 60_000 + 1000);
  });

  it('returns done at once for a command that has finished', () => {
    const cluster = createCluster({ workers: 1 });
    const shell = createShell({ cluster, files: { read: () => undefined } });
    const exec = shell.run('kubectl get nodes', {
      stdout: () => {},
      stderr: () => {},
    });
    const before = cluster.now();
    expect(driveSlice(cluster, exec, () => false)).toBe('done');
    expect(cluster.now()).toBe(before);
  });
});
