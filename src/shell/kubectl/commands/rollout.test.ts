import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/k8s/index';
import { shellHarness } from '../../testing/shellHarness';

const template = (image: string, hash?: string) => ({ metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } }, spec: { containers: [{ name: 'nginx', image }] } });

function withDeployment() {
  const h = shellHarness();
  const d = h.cluster.add({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': '2' } }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.26') } });
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid!, controller: true }];
  h.cluster.add({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-aaa', namespace: 'default', ownerReferences: owner, annotations: { 'deployment.kubernetes.io/revision': '1', 'kubernetes.io/change-cause': 'first' } }, spec: { replicas: 0, template: template('nginx:1.25', 'aaa') } });
  h.cluster.add({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-bbb', namespace: 'default', ownerReferences: owner, annotations: { 'deployment.kubernetes.io/revision': '2' } }, spec: { replicas: 3, template: template('nginx:1.26', 'bbb') } });
  return h;
}

const status = (s: Record<string, unknown>) => ({ observedGeneration: 1, ...s });

describe('kubectl rollout', () => {
  it('status prints a progress line for every watch event (repeats included, as upstream), then succeeds', () => {
    const { run, cluster } = withDeployment();
    cluster.setStatus('deployments.apps', 'default', 'web', status({ replicas: 1, updatedReplicas: 1, availableReplicas: 0 }));
    const t = run('kubectl rollout status deployment/web');
    expect(t.execution.done).toBe(false);
    cluster.setStatus('deployments.apps', 'default', 'web', status({ replicas: 4, updatedReplicas: 3, availableReplicas: 2 }));
    cluster.setStatus('deployments.apps', 'default', 'web', status({ replicas: 4, updatedReplicas: 3, availableReplicas: 3 }));
    cluster.setStatus('deployments.apps', 'default', 'web', status({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }));
    cluster.setStatus('deployments.apps', 'default', 'web', status({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }));
    t.execution.poll();
    expect(t.execution.exitCode).toBe(0);
    expect(t.stdout).toBe(
      [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
  });

  it('status fails on an exceeded progress deadline and on --timeout', () => {
    const { run, cluster } = withDeployment();
    cluster.setStatus('deployments.apps', 'default', 'web', status({ updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }));
    expect(run('kubectl rollout status deploy/web').stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    cluster.setStatus('deployments.apps', 'default', 'web', status({ updatedReplicas: 1 }));
    const t = run('kubectl rollout status deploy/web --timeout=5s', 10_000);
    expect(t.stderr).toBe('error: timed out waiting for the condition\n');
    expect(t.exitCode).toBe(1);
  });

  it('history lists revisions with their change cause', () => {
    const { run } = withDeployment();
    expect(run('kubectl rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n');
    expect(run('kubectl rollout history deployment/web --revision=7').stderr).toBe('error: unable to find the specified revision\n');
  });

  it('undo copies the previous template without the hash label and its annotations', () => {
    const { run, cluster } = withDeployment();
    expect(run('kubectl rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    const d = cluster.client().get('deployments.apps', 'default', 'web') as KubeObject & { spec: { template: unknown } };
    expect(d.spec.template).toEqual(template('nginx:1.25'));
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'first' });
    expect(run('kubectl rollout undo deployment/web --to-revision=1').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 1)\n');
    expect(run('kubectl rollout undo deployment/web --to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history\n');
  });

  it('restart stamps the template; pause and resume toggle spec.paused', () => {
    const { run, cluster } = withDeployment();
    expect(run('kubectl rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    const d = cluster.client().get('deployments.apps', 'default', 'web') as KubeObject & { spec: { template: { metadata: { annotations: Record<string, string> } } } };
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2025-01-01T10:00:00Z');
    expect(run('kubectl rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    expect(run('kubectl rollout pause deployment/web').stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect(run('kubectl rollout undo deployment/web').stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n");
    expect(run('kubectl rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(run('kubectl rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
  });

  it('needs a resource', () => {
    const { run } = withDeployment();
    expect(run('kubectl rollout status').stderr).toBe("error: Required resource not specified.\nSee 'kubectl rollout status -h' for help and examples\n");
    expect(run('kubectl rollout status pod/x').stderr).toBe('Error from server (NotFound): pods "x" not found\n');
  });
});
