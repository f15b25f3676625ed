import { describe, expect, it } from 'vitest';
import { shellHarness } from './testing/shellHarness';

describe('tab completion', () => {
  it('completes command names, subcommands and flags from the registry', () => {
    const { shell } = shellHarness();
    expect(shell.complete('kub', 3)).toEqual(['kubectl', 'kubeplay']);
    expect(shell.complete('kubectl ro', 10)).toEqual(['rollout']);
    expect(shell.complete('kubectl rollout st', 18)).toEqual(['status']);
    expect(shell.complete('kubectl get --show-l', 20)).toEqual(['--show-labels']);
  });

  it('completes job specs for the job builtins, and contexts for kubectl config', () => {
    const { shell } = shellHarness();
    const sink = { stdout: () => undefined, stderr: () => undefined };
    shell.run('sleep 30 &', sink);
    shell.run('sleep 60 &', sink);
    expect(shell.complete('kill %', 6)).toEqual(['%1', '%2']);
    expect(shell.complete('fg ', 3)).toEqual(['%1', '%2']);
    expect(shell.complete('jo', 2)).toEqual(['jobs']);
    shell.run('kubectl config set-context lab --cluster=kind-kubeplay --user=kind-kubeplay', sink);
    expect(shell.complete('kubectl config use-context ', 27)).toEqual(['kind-kubeplay', 'lab']);
    expect(shell.complete('kubectl config use', 18)).toEqual(['use-context']);
  });

  it('completes resource types and live object names', () => {
    const { shell, cluster } = shellHarness();
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: {} });
    expect(shell.complete('kubectl get dep', 15)).toEqual(['deployments']);
    expect(shell.complete('kubectl get pods w', 18)).toEqual(['web-1']);
    expect(shell.complete('kubectl describe pod/', 21)).toEqual(['pod/web-1']);
    expect(shell.complete('kubectl drain worker-', 21)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(shell.complete('kubectl get pods -n kube-', 25)).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('completes a pod name first for the commands that take one (exec, logs, attach, debug, port-forward), TYPE/ still a kind', () => {
    const { shell, cluster } = shellHarness();
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: {} });
    expect(shell.complete('kubectl exec w', 14)).toEqual(['web-1']);
    expect(shell.complete('kubectl debug -it w', 19)).toEqual(['web-1']);
    expect(shell.complete('kubectl debug node/worker-', 26)).toEqual(['node/worker-1', 'node/worker-2', 'node/worker-3']);
    expect(shell.complete('kubectl logs pod/w', 18)).toEqual(['pod/web-1']);
  });

  it('completes the command after a pipe: filters and kubectl, not the words before the |', () => {
    const { shell, cluster } = shellHarness();
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: {} });
    expect(shell.complete('kubectl get pods | gr', 21)).toEqual(['grep']);
    expect(shell.complete('kubectl get pods|hea', 20)).toEqual(['head']);
    expect(shell.complete('echo x | kubectl get pods w', 27)).toEqual(['web-1']);
    expect(shell.complete(`echo 'a|b' kub`, 14)).toEqual([]);
  });
});
