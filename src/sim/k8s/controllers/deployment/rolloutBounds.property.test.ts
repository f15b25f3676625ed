import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import { resolveFenceposts } from './deploymentUtil';

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`));

describe('rolling update bounds (property)', () => {
  it('never exceeds replicas + maxSurge pods nor drops below replicas − maxUnavailable available, for any strategy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), intOrPercent, intOrPercent, fc.integer({ min: 1, max: 1000 }), (replicas, maxSurge, maxUnavailable, seed) => {
        const [surge, unavailable] = resolveFenceposts(maxSurge, maxUnavailable, replicas);
        // Validation rejects both being explicitly zero.
        const isZero = (v: number | string) => v === 0 || v === '0%';
        fc.pre(!(isZero(maxSurge) && isZero(maxUnavailable)));
        const q = (v: number | string) => (typeof v === 'number' ? String(v) : `'${v}'`);
        const w = world({ seed }).apply(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: ${q(maxSurge)}, maxUnavailable: ${q(maxUnavailable)}}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: 'nginx:1.26'}]}
`);
        const done = () => {
          const s = w.deployment('web').status ?? {};
          return s.updatedReplicas === replicas && s.replicas === replicas && s.availableReplicas === replicas && (s.observedGeneration ?? 0) >= (w.deployment('web').metadata.generation ?? 0);
        };
        w.until(done, '10m');
        w.edit('deployments.apps', 'default', 'web', (d) => {
          const spec = d.spec as { template: { spec: { containers: { image: string }[] } } };
          return { ...d, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers: [{ ...spec.template.spec.containers[0], image: 'nginx:1.27' }] } } } };
        });
        const cap = Math.min(unavailable, replicas);
        for (let t = 0; t < 900 && !done(); t++) {
          w.advance('500ms');
          const total = w.replicaSets().reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
          expect(total).toBeLessThanOrEqual(replicas + surge);
          expect(w.deployment('web').status?.availableReplicas ?? 0).toBeGreaterThanOrEqual(replicas - cap);
        }
        expect(done()).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
