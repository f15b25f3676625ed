import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

// Expected texts match kubectl v1.32 run with the same arguments.
describe('kubectl create priorityclass', () => {
  it('always sends value and preemptionPolicy, globalDefault and description only when set', () => {
    const h = clusterShell();
    expect(h.run('kubectl create pc high -n dev --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata:', '  creationTimestamp: null', '  name: high', 'preemptionPolicy: PreemptLowerPriority', 'value: 0', ''].join('\n'),
    );
    expect(h.run("kubectl create priorityclass high --value=-5 --global-default --description='d' --preemption-policy=Never --dry-run=client -o yaml").stdout).toBe(
      ['apiVersion: scheduling.k8s.io/v1', 'description: d', 'globalDefault: true', 'kind: PriorityClass', 'metadata:', '  creationTimestamp: null', '  name: high', 'preemptionPolicy: Never', 'value: -5', ''].join('\n'),
    );
  });

  it('parses --value as an int32 flag', () => {
    expect(clusterShell().run('kubectl create pc high --value=99999999999').stderr).toBe(
      `error: invalid argument "99999999999" for "--value" flag: strconv.ParseInt: parsing "99999999999": value out of range\nSee 'kubectl create priorityclass --help' for usage.\n`,
    );
  });

  it('creates the cluster-scoped class and leaves value checks to the API server', () => {
    const h = clusterShell();
    expect(h.run('kubectl create pc high --value=1000').stdout).toBe('priorityclass.scheduling.k8s.io/high created\n');
    expect(h.run('kubectl create pc high --value=1000').stderr).toBe('error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "high" already exists\n');
    expect(h.run('kubectl create pc huge --value=2000000000').stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
  });
});
