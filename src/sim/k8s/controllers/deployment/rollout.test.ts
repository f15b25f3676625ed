import { describe, expect, it } from 'vitest';
import { world, type World } from '../../../testing/harness';

const deploymentYaml = (replicas: number, image: string, strategy = '') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
${strategy}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const setImage = (w: World, image: string) =>
  w.edit('deployments.apps', 'default', 'web', (d) => {
    const spec = d.spec as { template: { spec: { containers: { image: string }[] } } };
    return { ...d, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers: [{ ...spec.template.spec.containers[0], image }] } } } };
  });

const totalSpecReplicas = (w: World) => w.replicaSets().reduce((n, rs) => n + ((rs.spec?.replicas as number | undefined) ?? 0), 0);
const available = (w: World) => w.deployment('web').status?.availableReplicas ?? 0;
const complete = (w: World) => {
  const d = w.deployment('web');
  const s = d.status ?? {};
  return s.updatedReplicas === d.spec!.replicas && s.replicas === d.spec!.replicas && s.availableReplicas === d.spec!.replicas && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
};

describe('Deployment rolling update', () => {
  it('with defaults on 10 replicas never counts more than 13 pods nor fewer than 8 available, sampled every second', () => {
    const w = world().apply(deploymentYaml(10, 'nginx:1.26'));
    w.until(complete, '5m');
    setImage(w, 'nginx:1.27');
    let maxTotal = 0;
    let minAvailable = Infinity;
    let seconds = 0;
    while (!complete(w)) {
      w.advance('1s');
      seconds++;
      maxTotal = Math.max(maxTotal, totalSpecReplicas(w));
      minAvailable = Math.min(minAvailable, available(w));
      expect(seconds).toBeLessThan(600);
    }
    expect(maxTotal).toBeLessThanOrEqual(13);
    expect(maxTotal).toBe(13); // the surge is actually used
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    const rss = w.replicaSets();
    expect(rss).toHaveLength(2);
    expect(rss.map((rs) => rs.spec?.replicas).sort()).toEqual([0, 10]);
    expect(w.pods('app=web').filter((p) => !p.metadata.deletionTimestamp).every((p) => p.spec?.containers[0].image === 'nginx:1.27')).toBe(true);
  });

  it('records ScalingReplicaSet events with "from … to …" and the Progressing condition reasons', () => {
    const w = world().apply(deploymentYaml(3, 'nginx:1.26')).until(complete);
    const first = w.replicaSets()[0].metadata.name;
    expect(w.events(w.deployment('web')).map((e) => e.message)).toEqual([`Scaled up replica set ${first} from 0 to 3`]);
    setImage(w, 'nginx:1.27');
    expect(w.deployment('web').status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetCreated');
    w.until(complete);
    const d = w.deployment('web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const cond = d.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(cond?.reason).toBe('NewReplicaSetAvailable');
    const second = w.replicaSets().find((rs) => rs.metadata.name !== first)!.metadata.name;
    expect(cond?.message).toBe(`ReplicaSet "${second}" has successfully progressed.`);
    expect(d.status?.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    const messages = w.events(d).map((e) => e.message);
    expect(messages).toContain(`Scaled up replica set ${second} from 0 to 1`);
    expect(messages).toContain(`Scaled down replica set ${first} from 3 to 2`);
    expect(messages[messages.length - 1]).toBe(`Scaled down replica set ${first} from 1 to 0`);
  });

  it('names ReplicaSets <deployment>-<pod-template-hash> and labels pods with the hash', () => {
    const w = world().apply(deploymentYaml(2, 'nginx:1.26')).until(complete);
    const rs = w.replicaSets()[0];
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    for (const p of w.pods('app=web')) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels?.['pod-template-hash']).toBe(hash);
    }
  });

  it('Recreate removes every old pod before it creates new ones', () => {
    const w = world().apply(deploymentYaml(4, 'nginx:1.26', '  strategy: {type: Recreate}')).until(complete);
    setImage(w, 'nginx:1.27');
    let overlapped = false;
    while (!complete(w)) {
      w.advance('200ms');
      const images = new Set(w.pods('app=web').map((p) => p.spec?.containers[0].image));
      if (images.size > 1) overlapped = true;
    }
    expect(overlapped).toBe(false);
  });

  it('rollout undo brings the previous template back as a new revision with revision-history', () => {
    const w = world().apply(deploymentYaml(2, 'nginx:1.26')).until(complete);
    setImage(w, 'nginx:1.27');
    w.until(complete);
    // kubectl rollout undo (client side): copy revision 1's template into the deployment.
    const rev1 = w.replicaSets().find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1')!;
    w.edit('deployments.apps', 'default', 'web', (d) => {
      const labels = { ...rev1.spec!.template!.metadata!.labels };
      delete labels['pod-template-hash'];
      return { ...d, spec: { ...(d.spec as object), template: { ...rev1.spec!.template!, metadata: { ...rev1.spec!.template!.metadata, labels } } } };
    });
    w.until(complete);
    const back = w.replicaSets().find((rs) => rs.metadata.name === rev1.metadata.name)!;
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back.spec?.replicas).toBe(2);
    expect(w.deployment('web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('a paused deployment does not roll out a template change until resumed', () => {
    const w = world().apply(deploymentYaml(2, 'nginx:1.26')).until(complete);
    w.edit('deployments.apps', 'default', 'web', (d) => ({ ...d, spec: { ...(d.spec as object), paused: true } }));
    expect(w.deployment('web').status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(w, 'nginx:1.27');
    w.advance('60s');
    expect(w.replicaSets()).toHaveLength(1);
    w.edit('deployments.apps', 'default', 'web', (d) => ({ ...d, spec: { ...(d.spec as object), paused: false } }));
    w.until(complete);
    expect(w.replicaSets()).toHaveLength(2);
  });

  it('scaling in the middle of a rollout spreads the new replicas proportionally', () => {
    const w = world().apply(deploymentYaml(10, 'nginx:1.26')).until(complete);
    w.edit('deployments.apps', 'default', 'web', (d) => ({ ...d, spec: { ...(d.spec as object), paused: true } }));
    setImage(w, 'nginx:1.27');
    w.edit('deployments.apps', 'default', 'web', (d) => ({ ...d, spec: { ...(d.spec as object), paused: false } }));
    // First step of the rollout: new RS 3, old RS 10 → 8 (13 in total).
    w.advance('1s');
    w.edit('deployments.apps', 'default', 'web', (d) => ({ ...d, spec: { ...(d.spec as object), replicas: 20 } }));
    w.advance('100ms');
    expect(totalSpecReplicas(w)).toBe(25); // 20 + maxSurge 5
    w.until(complete, '10m');
    expect(w.replicaSets().map((rs) => rs.spec?.replicas).sort((a, b) => a! - b!)).toEqual([0, 20]);
  });

  it('reports ProgressDeadlineExceeded when the new pods cannot become available in time', () => {
    const w = world().apply(deploymentYaml(2, 'nginx:1.26', '  progressDeadlineSeconds: 30')).until(complete);
    w.edit('deployments.apps', 'default', 'web', (d) => {
      const spec = d.spec as { template: { spec: { containers: Record<string, unknown>[] } } };
      const c = { ...spec.template.spec.containers[0], image: 'nginx:1.27', resources: { requests: { cpu: '64' } } };
      return { ...d, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers: [c] } } } };
    });
    w.advance('45s');
    const cond = w.deployment('web').status?.conditions?.find((c) => c.type === 'Progressing');
    expect(cond).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(cond?.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
    // The old pods keep serving.
    expect(available(w)).toBeGreaterThanOrEqual(1);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const w = world().apply(deploymentYaml(1, 'nginx:1.20', '  revisionHistoryLimit: 2')).until(complete);
    for (const tag of ['1.21', '1.22', '1.23', '1.24']) {
      setImage(w, `nginx:${tag}`);
      w.until(complete);
    }
    w.advance('5s');
    const revisions = w.replicaSets().map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4', '5']);
  });
});
