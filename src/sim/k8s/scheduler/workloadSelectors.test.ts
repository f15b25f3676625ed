import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { PodInfo } from './podInfo';
import { pod } from './testFixtures';
import { WorkloadSelectors } from './workloadSelectors';

function replicaSet(selector: Record<string, unknown>, status?: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { selector }, status } as KubeObject;
}

describe('WorkloadSelectors', () => {
  it("follows a ReplicaSet's selector through status updates, a changed selector and deletion", () => {
    const w = new WorkloadSelectors();
    const web = new PodInfo(pod('web-1', { labels: { app: 'web' } }));
    const selector = { matchLabels: { app: 'web' } };
    w.setLabelSelector('replicasets.apps', replicaSet(selector), false);
    expect(w.defaultSelector(web)).toEqual([{ key: 'app', operator: 'Equals', values: ['web'] }]);
    // A status update carries the same selector object: still selects the pod.
    w.setLabelSelector('replicasets.apps', replicaSet(selector, { replicas: 3 }), false);
    expect(w.defaultSelector(web)).toEqual([{ key: 'app', operator: 'Equals', values: ['web'] }]);
    // A new selector (a new object) is read again.
    w.setLabelSelector('replicasets.apps', replicaSet({ matchLabels: { app: 'api' } }), false);
    expect(w.defaultSelector(web)).toBeUndefined();
    w.setLabelSelector('replicasets.apps', replicaSet(selector), false);
    expect(w.defaultSelector(web)).toBeDefined();
    w.setLabelSelector('replicasets.apps', replicaSet(selector), true);
    expect(w.defaultSelector(web)).toBeUndefined();
    // Re-created with the very same selector object after its deletion: selects again.
    w.setLabelSelector('replicasets.apps', replicaSet(selector), false);
    expect(w.defaultSelector(web)).toBeDefined();
  });
});
