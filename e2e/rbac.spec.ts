import { expect, test } from './support/fixtures';

test('kubectl --as acts as a service account through RBAC: Forbidden until a RoleBinding grants it, and auth can-i agrees', async ({ kp }) => {
  await kp.run('kubectl create serviceaccount ci');
  await kp.run('kubectl get pods --as=system:serviceaccount:default:ci');
  await expect(kp.output).toContainText('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:ci" cannot list resource "pods" in API group "" in the namespace "default"');
  await kp.run('kubectl auth can-i list pods --as=system:serviceaccount:default:ci');
  await expect(kp.output).toContainText('$ kubectl auth can-i list pods --as=system:serviceaccount:default:ci\nno\n');
  await kp.run('kubectl create rolebinding ci-view --clusterrole=view --serviceaccount=default:ci');
  await expect(kp.output).toContainText('rolebinding.rbac.authorization.k8s.io/ci-view created');
  await kp.run('kubectl auth can-i list pods --as=system:serviceaccount:default:ci');
  await expect(kp.output).toContainText('$ kubectl auth can-i list pods --as=system:serviceaccount:default:ci\nyes\n');
  await kp.run('kubectl auth whoami');
  await expect(kp.output).toContainText('Username    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
  await kp.screenshot('terminal-rbac');
});
