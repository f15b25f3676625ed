import type { Rng } from '../../../lib/rng';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';

/** kind's default StorageClass: the local-path provisioner, bound when the first pod is scheduled. */
export const STANDARD_STORAGE_CLASS: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

/**
 * Creates the `standard` StorageClass as kind does after kubeadm. Its uid is
 * drawn from a generator forked off the cluster's, so the names and uids of
 * everything made later stay what they were before the class existed.
 */
export function bootstrapStorageClass(server: ApiClient, rng: Rng): void {
  const saved = rng.getState();
  rng.setState([saved[0] ^ 0x5c1a55, saved[1] ^ 0x57a2d, saved[2], saved[3] ^ 0x10ca1]);
  const res = server.create(STANDARD_STORAGE_CLASS, { trusted: true });
  rng.setState(saved);
  if (!res.ok) throw new Error(`bootstrap: ${res.status.message}`);
}
