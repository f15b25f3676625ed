import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCreationTimestamp, findNewReplicaSet, type DeploymentObj, type ReplicaSetObj } from './deploymentUtil';
import { newRSAnnotationsInStep, setNewReplicaSetAnnotations } from './replicaSets';

const revision = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 5 }).map(String), fc.constantFrom('x', '', '2.5', ' 3 '));
const annotations = fc.dictionary(fc.constantFrom('team', 'owner', 'deployment.kubernetes.io/revision', 'deployment.kubernetes.io/revision-history', 'kubectl.kubernetes.io/last-applied-configuration'), fc.constantFrom('a', 'b', '1', '2'));

describe('newRSAnnotationsInStep (the copy-free check before SetNewReplicaSetAnnotations)', () => {
  it('says "in step" only when SetNewReplicaSetAnnotations on a copy would report no change', () => {
    fc.assert(
      fc.property(annotations, annotations, revision, fc.integer({ min: 1, max: 6 }), (dAnn, rsAnn, rsRevision, newRevision) => {
        const rsAnnotations: Record<string, string> = { ...rsAnn };
        if (rsRevision === undefined) delete rsAnnotations['deployment.kubernetes.io/revision'];
        else rsAnnotations['deployment.kubernetes.io/revision'] = rsRevision;
        const d = { metadata: { name: 'web', annotations: dAnn }, spec: { replicas: 3 } } as unknown as DeploymentObj;
        const rs = { metadata: { name: 'web-1', annotations: rsAnnotations } } as unknown as ReplicaSetObj;
        if (newRSAnnotationsInStep(d, rs, String(newRevision))) expect(setNewReplicaSetAnnotations(d, { ...rsAnnotations }, String(newRevision), true)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findNewReplicaSet', () => {
  it('picks the first matching ReplicaSet in creation order (name breaks ties), as sorting then finding does', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const other = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'httpd' }] } };
    const rs = fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), at: fc.integer({ min: 0, max: 3 }), same: fc.boolean() }).map(({ name, at, same }) => ({ metadata: { name, creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, at)).toISOString() }, spec: { template: same ? template : other } }) as unknown as ReplicaSetObj);
    fc.assert(
      fc.property(fc.array(rs, { maxLength: 6 }), (list) => {
        const d = { metadata: { name: 'web' }, spec: { template } } as unknown as DeploymentObj;
        const expected = [...list].sort(byCreationTimestamp).find((r) => r.spec!.template === template);
        expect(findNewReplicaSet(d, list)).toBe(expected);
      }),
    );
  });
});
