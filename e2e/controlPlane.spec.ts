import { expect, test } from './support/fixtures';

test('the control plane is drawn as its components, and a controller says what it does', async ({ kp }) => {
  const band = kp.cluster.getByRole('group', { name: 'Control plane' });
  for (const name of ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']) {
    await expect(band.getByRole('img', { name: new RegExp(`^${name}:`) })).toBeVisible();
  }
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await expect(band).toContainText(/replicaset-controller: ReplicaSet web-\w+: 0 of 3 pods → creating 3|default-scheduler: bound web-/);
  await kp.screenshot('control-plane-acting');
});
