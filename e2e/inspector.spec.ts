import { expect, test } from './support/fixtures';

test('a pod\'s panel: overview, kubectl describe, its events, and why the scheduler chose its node', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.speed.selectOption('10');
  const pod = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\)/ }).first();
  await expect(pod).toBeVisible({ timeout: 30_000 });
  const name = ((await pod.getAttribute('aria-label')) ?? '').split(',')[0];
  const node = /on (worker-\d)/.exec((await pod.getAttribute('aria-label')) ?? '')![1];
  await pod.click();
  const panel = page.getByRole('complementary', { name: `Pod ${name}` });
  await expect(panel.getByRole('list', { name: 'Owner chain' })).toContainText(/ReplicaSet web-\w+ \(revision 1\)/);
  await expect(panel.getByRole('list', { name: 'Labels' })).toContainText('app=web');

  await panel.getByRole('tab', { name: 'Describe' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText(`Name:             ${name}`);
  await expect(panel.getByRole('tabpanel')).toContainText('Controlled By:  ReplicaSet/web-');

  await panel.getByRole('tab', { name: /^Events/ }).click();
  await expect(panel.getByRole('tabpanel')).toContainText(`Successfully assigned default/${name} to ${node}`);

  await panel.getByRole('tab', { name: 'Why this node?' }).click();
  const tab = panel.getByRole('tabpanel');
  await expect(tab).toContainText(`Bound to ${node}`);
  await expect(tab.getByRole('list', { name: 'Filters on control-plane' })).toContainText('TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  await expect(tab.getByRole('table', { name: `Scores on ${node}` })).toContainText('NodeResourcesBalancedAllocation');
  await kp.screenshot('inspector-why-this-node');

  // Keyboard: the tabs move with the arrow keys, Escape closes the panel.
  await panel.getByRole('tab', { name: 'Why this node?' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('tab', { name: /^Events/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('a pod that fits nowhere says why, and what would make it fit', async ({ kp, page }) => {
  for (const node of ['worker-1', 'worker-2', 'worker-3']) await kp.run(`kubectl cordon ${node}`);
  await expect(kp.output).toContainText('node/worker-3 cordoned');
  await kp.run('kubectl run lonely --image=nginx');
  const pending = kp.cluster.getByRole('button', { name: /^lonely, Pending \(waiting to be scheduled\)/ });
  await expect(pending).toHaveCount(1, { timeout: 30_000 });
  await pending.click();
  const panel = page.getByRole('complementary', { name: 'Pod lonely' });
  await panel.getByRole('tab', { name: 'Why this node?' }).click();
  await expect(panel).toContainText('No node fits.');
  await expect(panel).toContainText('0/4 nodes are available');
  await expect(panel).toContainText('worker-1, worker-2, worker-3: node(s) were unschedulable — the node is cordoned: kubectl uncordon NODE');
  await expect(panel).toContainText('kubectl taint nodes control-plane node-role.kubernetes.io/control-plane-');
  await kp.screenshot('inspector-pending-why');
});

test('a Deployment\'s panel shows its rollout and scales it through the terminal; a Service\'s lists its endpoints', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.speed.selectOption('10');
  await kp.cluster.getByRole('button', { name: /^Deployment web, complete/ }).click({ timeout: 30_000 });
  const panel = page.getByRole('complementary', { name: 'Deployment web' });
  await expect(panel).toContainText('2 desired | 2 updated | 2 total | 2 available | 0 unavailable');
  await expect(panel).toContainText('RollingUpdate: max surge 1, max unavailable 0');
  await panel.getByRole('button', { name: 'Scale up' }).click();
  await expect(kp.output).toContainText('$ kubectl scale deployment web --replicas=3');
  await expect(kp.output).toContainText('deployment.apps/web scaled');
  await expect(panel).toContainText('3 desired', { timeout: 30_000 });
  await kp.screenshot('inspector-deployment');

  await kp.cluster.getByRole('button', { name: /^Service web,/ }).click();
  const svc = page.getByRole('complementary', { name: 'Service web' });
  await expect(svc).toContainText('Endpoints: 3 ready', { timeout: 30_000 });
  await expect(svc).toContainText('app=web');
});
