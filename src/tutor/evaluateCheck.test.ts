import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { createShell, preloadShellData } from '../shell/index';
import { evaluateCheck, formatCheckResult } from './evaluateCheck';
import type { Check } from './types';

beforeAll(preloadShellData);

const check = (probes: Check['probes']): Check => ({ line: 1, probes });
const world = () => {
  const cluster = createCluster({ workers: 1 });
  return { cluster, shell: createShell({ cluster, files: { read: () => undefined } }) };
};

describe('evaluateCheck', () => {
  it('runs each probe through the shell and compares its trimmed output', () => {
    const { shell } = world();
    const c = check([{ command: 'kubectl get nodes -o name', line: 2, expectations: [{ type: 'lines', op: '==', value: 2 }, { type: 'contains', text: 'node/worker-1' }] }]);
    const r = evaluateCheck(c, shell);
    expect(r.pass).toBe(true);
    expect(r.probes[0].expectations).toEqual([
      { text: 'exit 0', pass: true },
      { text: 'lines == 2', pass: true },
      { text: '~ node/worker-1', pass: true },
    ]);
  });

  it('fails a probe whose command fails unless an exit expectation allows it, and shows what was seen', () => {
    const { shell } = world();
    const missing = { command: 'kubectl get deployment web -o name', line: 2 };
    const r = evaluateCheck(check([{ ...missing, expectations: [{ type: 'equals', text: 'deployment.apps/web' }] }]), shell);
    expect(r.pass).toBe(false);
    expect(formatCheckResult(r)).toBe(
      '$ kubectl get deployment web -o name\n  Error from server (NotFound): deployments.apps "web" not found\n  ✗ exit 0\n  ✗ = deployment.apps/web\n',
    );
    expect(evaluateCheck(check([{ ...missing, expectations: [{ type: 'exit', code: 1 }] }]), shell).pass).toBe(true);
  });

  it('every probe must pass, and every probe is run so the learner sees them all', () => {
    const { shell } = world();
    const r = evaluateCheck(
      check([
        { command: 'kubectl get nodes -o name', line: 2, expectations: [{ type: 'lines', op: '>', value: 5 }] },
        { command: 'kubectl get namespaces -o name', line: 4, expectations: [{ type: 'contains', text: 'namespace/default' }] },
      ]),
      shell,
    );
    expect(r.pass).toBe(false);
    expect(r.probes.map((p) => p.pass)).toEqual([false, true]);
  });

  it('a command that would wait fails the probe at once, without moving the clock', () => {
    const { shell, cluster } = world();
    const before = cluster.now();
    const r = evaluateCheck(check([{ command: 'sleep 10s', line: 2, expectations: [{ type: 'exit', code: 0 }] }]), shell);
    expect(r.pass).toBe(false);
    expect(r.probes[0].problem).toMatch(/a check must answer at once/);
    expect(cluster.now()).toBe(before);
  });
});
