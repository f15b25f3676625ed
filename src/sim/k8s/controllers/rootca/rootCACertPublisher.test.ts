import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';
import { CLUSTER_CA_PEM, ROOT_CA_CONFIGMAP } from './rootCACertPublisher';

const rootCA = (w: ReturnType<typeof world>, ns: string) => w.client.get<KubeObject & { data?: Record<string, string> }>('configmaps', ns, ROOT_CA_CONFIGMAP);

describe('root CA cert publisher', () => {
  it('every namespace, the bootstrap ones and a new one, has kube-root-ca.crt with ca.crt and the description annotation', () => {
    const w = world({ workers: 1 }).apply('apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n').advance('1s');
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a']) {
      const cm = rootCA(w, ns);
      expect(cm?.data, ns).toEqual({ 'ca.crt': CLUSTER_CA_PEM });
      expect(cm?.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle that can be used to verify the kube-apiserver/);
    }
  });

  it('recreates a deleted one and restores an edited one', () => {
    const w = world({ workers: 1 }).advance('1s');
    const before = rootCA(w, 'default')!;
    expect(w.client.delete('configmaps', 'default', ROOT_CA_CONFIGMAP).ok).toBe(true);
    w.advance('1s');
    const again = rootCA(w, 'default')!;
    expect(again.metadata.uid).not.toBe(before.metadata.uid);
    expect(w.client.update({ ...again, data: { 'ca.crt': 'changed', extra: 'x' } }).ok).toBe(true);
    w.advance('1s');
    expect(rootCA(w, 'default')!.data).toEqual({ 'ca.crt': CLUSTER_CA_PEM });
  });
});
