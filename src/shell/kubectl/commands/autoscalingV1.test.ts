import { describe, expect, it } from 'vitest';
import { clusterShell, WEB_DEPLOYMENT } from '../../testing/clusterShell';

const HPA = 'horizontalpodautoscalers.autoscaling';

const HPA_V1 = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  targetCPUUtilizationPercentage: 50
`;

function withV1Autoscaler() {
  const h = clusterShell({ 'web.yaml': WEB_DEPLOYMENT, 'hpa.yaml': HPA_V1 });
  h.run('kubectl apply -f web.yaml');
  return h;
}

const cpuTarget = (obj: unknown) => (obj as { spec: { metrics: { resource: { target: { averageUtilization: number } } }[] } }).spec.metrics[0].resource.target.averageUtilization;

describe('an autoscaling/v1 HorizontalPodAutoscaler through kubectl', () => {
  it('apply creates it, stored at autoscaling/v2, and shows it in kubectl get hpa as any other', () => {
    const { run, cluster } = withV1Autoscaler();
    expect(run('kubectl apply -f hpa.yaml').stdout).toBe('horizontalpodautoscaler.autoscaling/web created\n');
    const stored = cluster.client().get(HPA, 'default', 'web')!;
    expect(stored.apiVersion).toBe('autoscaling/v2');
    expect(cpuTarget(stored)).toBe(50);
    expect(run('kubectl get hpa').stdout).toContain('cpu: <unknown>/50%');
  });

  it('apply compares with the live object at the manifest’s version: unchanged, then configured with the v2 metric changed', () => {
    const { run, cluster, files } = withV1Autoscaler();
    run('kubectl apply -f hpa.yaml');
    expect(run('kubectl apply -f hpa.yaml').stdout).toBe('horizontalpodautoscaler.autoscaling/web unchanged\n');
    files['hpa.yaml'] = HPA_V1.replace('targetCPUUtilizationPercentage: 50', 'targetCPUUtilizationPercentage: 70');
    expect(run('kubectl apply -f hpa.yaml').stdout).toBe('horizontalpodautoscaler.autoscaling/web configured\n');
    expect(cpuTarget(cluster.client().get(HPA, 'default', 'web'))).toBe(70);
    expect(run('kubectl diff -f hpa.yaml').stdout).toBe('');
  });

  it('get prints the preferred version, or the version the resource names', () => {
    const { run } = withV1Autoscaler();
    run('kubectl apply -f hpa.yaml');
    expect(run('kubectl get hpa web -o yaml').stdout).toMatch(/^apiVersion: autoscaling\/v2\n/);
    const v1 = run('kubectl get hpa.v1.autoscaling web -o yaml').stdout;
    expect(v1).toMatch(/^apiVersion: autoscaling\/v1\n/);
    expect(v1).toContain('  targetCPUUtilizationPercentage: 50\n');
    expect(v1).toContain('autoscaling.alpha.kubernetes.io/conditions:');
    expect(run('kubectl get hpa.v1.autoscaling').stdout).toBe(run('kubectl get hpa').stdout);
  });

  it('patch of hpa.v1.autoscaling applies to the v1 form', () => {
    const { run, cluster } = withV1Autoscaler();
    run('kubectl apply -f hpa.yaml');
    expect(run(`kubectl patch hpa.v1.autoscaling web -p '{"spec":{"targetCPUUtilizationPercentage":60}}'`).stdout).toBe('horizontalpodautoscaler.autoscaling/web patched\n');
    expect(cpuTarget(cluster.client().get(HPA, 'default', 'web'))).toBe(60);
  });

  it('rejects a v1 manifest without maxReplicas, naming spec.maxReplicas', () => {
    const { run } = clusterShell({ 'nomax.yaml': HPA_V1.replace('  maxReplicas: 5\n', '') });
    const r = run('kubectl apply -f nomax.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The HorizontalPodAutoscaler "web" is invalid: \n* spec.maxReplicas: Invalid value: 0: must be greater than 0\n');
  });

  it('autoscale creates at autoscaling/v1 and prints the answer at v1, stored at v2', () => {
    const { run, cluster } = withV1Autoscaler();
    const out = run('kubectl autoscale deployment web --max=3 --cpu-percent=40 -o yaml').stdout;
    expect(out).toMatch(/^apiVersion: autoscaling\/v1\n/);
    expect(out).toContain('  targetCPUUtilizationPercentage: 40\n');
    expect(cpuTarget(cluster.client().get(HPA, 'default', 'web'))).toBe(40);
  });

  it('api-versions lists autoscaling/v1 and autoscaling/v2; api-resources the preferred version only', () => {
    const { run } = withV1Autoscaler();
    expect(run('kubectl api-versions').stdout).toContain('autoscaling/v1\nautoscaling/v2\n');
    expect(run('kubectl api-resources --api-group=autoscaling').stdout).toBe(
      'NAME                       SHORTNAMES   APIVERSION       NAMESPACED   KIND\nhorizontalpodautoscalers   hpa          autoscaling/v2   true         HorizontalPodAutoscaler\n',
    );
  });
});
