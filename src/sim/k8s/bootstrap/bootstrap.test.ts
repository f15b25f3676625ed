import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';

describe('bootstrap namespaces', () => {
  it('carry the kubernetes.io/metadata.name label the API server gives every namespace', () => {
    const w = world({ workers: 1 });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      expect(w.client.get('namespaces', undefined, ns)?.metadata.labels, ns).toEqual({ 'kubernetes.io/metadata.name': ns });
    }
  });
});
