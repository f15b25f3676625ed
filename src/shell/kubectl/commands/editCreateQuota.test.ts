import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

describe('kubectl create quota and create namespace', () => {
  it('creates a namespace and a quota in it that admission then enforces', () => {
    const h = clusterShell();
    expect(h.run('kubectl create namespace dev').stdout).toBe('namespace/dev created\n');
    expect(h.run('kubectl create quota small -n dev --hard=cpu=1,memory=1G,pods=2').stdout).toBe('resourcequota/small created\n');
    const q = h.cluster.client().get('resourcequotas', 'dev', 'small') as unknown as { spec: unknown };
    expect(q.spec).toEqual({ hard: { cpu: '1', memory: '1G', pods: '2' } });
    expect(h.run('kubectl create quota pods -n dev --hard=pods=2').stdout).toBe('resourcequota/pods created\n');
    h.run('kubectl delete quota small -n dev');
    h.run('sleep 2s', 2000);
    h.run('kubectl run a -n dev --image=nginx');
    h.run('kubectl run b -n dev --image=nginx');
    h.run('sleep 2s', 2000);
    expect(h.run('kubectl run c -n dev --image=nginx').stderr).toMatch(/^Error from server \(Forbidden\): pods "c" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2/);
  });

  it('prints the generated quota with scopes and checks its arguments', () => {
    const h = clusterShell();
    expect(h.run('kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: v1', 'kind: ResourceQuota', 'metadata:', '  creationTimestamp: null', '  name: best-effort', 'spec:', '  hard:', '    pods: "100"', '  scopes:', '  - BestEffort', 'status: {}', ''].join('\n'),
    );
    expect(h.run('kubectl create quota').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create quota -h' for help and examples\n");
    expect(h.run('kubectl create quota q --hard=pods').stderr).toBe('error: Invalid argument syntax pods, expected <resource>=<value>\n');
    expect(h.run('kubectl create resourcequota q --hard=pods=2').stdout).toBe('resourcequota/q created\n');
  });
});

describe('kubectl edit', () => {
  it('says the terminal has no editor and how to make the change instead', () => {
    const h = clusterShell();
    h.run('kubectl create deployment web --image=nginx');
    const t = h.run('kubectl edit deployment/web');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toBe(
      'error: not simulated: kubectl edit opens a text editor ($KUBE_EDITOR, $EDITOR or vi), and the playground\'s terminal has none.\n' +
        'To change deployment.apps/web: show its YAML with "kubectl get deployment.apps/web -o yaml", copy it into a file in the YAML editor, change it there and press Apply;\n' +
        'or change single fields from here with kubectl patch, kubectl set image|env|resources, kubectl scale, kubectl label or kubectl annotate.\n',
    );
    expect(h.run('kubectl edit deployment/nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
