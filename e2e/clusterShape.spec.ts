import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

test('Add node from the dialog: it joins, shows in the view and in kubectl get nodes', async ({ kp, page }) => {
  await page.getByRole('button', { name: 'Add node' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a worker node' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('worker-4');
  await dialog.getByLabel('CPU').fill('8');
  await dialog.getByLabel('Zone').fill('zone-b');
  await dialog.getByLabel('Labels').fill('disk=ssd');
  await expect(dialog).toContainText('kubeplay node add worker-4 --cpu 8 --zone zone-b --label disk=ssd');
  await kp.screenshot('add-node-dialog');
  const axe = await new AxeBuilder({ page }).include('.add-node-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add node' })).toBeFocused();
  await expect(kp.output).toContainText('$ kubeplay node add worker-4 --cpu 8 --zone zone-b --label disk=ssd');
  await expect(kp.output).toContainText('node/worker-4 added (8 CPU, 8Gi memory, 110 pods, zone zone-b)');
  await expect(kp.cluster.getByRole('button', { name: /^worker-4,/ })).toBeVisible();
  await kp.run('kubectl get nodes -L topology.kubernetes.io/zone');
  await expect(kp.output).toContainText(/worker-4\s+Ready\s+<none>\s+\S+\s+v1\.32\.2\s+zone-b/);
  await kp.screenshot('add-node-view');
});

test('A node panel edits labels and taints and removes the node; its pods are rescheduled', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=6');
  const ready = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\)/ });
  await expect(ready).toHaveCount(6, { timeout: 30_000 });
  const onWorker2 = kp.cluster.getByRole('button', { name: /^web-[^,]*, .* on worker-2/ });
  const victims = await onWorker2.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0]));
  expect(victims.length).toBeGreaterThan(0);

  await kp.cluster.getByRole('button', { name: /^worker-2,/ }).click();
  const panel = page.getByRole('complementary', { name: 'Node worker-2' });
  await panel.getByLabel('Label (key=value, or key- to remove)').fill('disk=ssd');
  await panel.getByRole('button', { name: 'Set label' }).click();
  await expect(kp.output).toContainText('$ kubectl label node worker-2 disk=ssd --overwrite');
  await expect(kp.output).toContainText('node/worker-2 labeled');
  await panel.getByLabel('Taint (key=value:Effect)').fill('dedicated=db:NoSchedule');
  await panel.getByRole('button', { name: 'Add taint' }).click();
  await expect(kp.output).toContainText('node/worker-2 tainted');
  await expect(panel.getByRole('button', { name: 'Remove taint dedicated=db:NoSchedule' })).toBeVisible();
  await panel.getByRole('button', { name: 'Remove node' }).scrollIntoViewIfNeeded();
  await kp.screenshot('node-shape-panel');

  await panel.getByRole('button', { name: 'Remove node' }).click();
  await expect(kp.output).toContainText('$ kubeplay node remove worker-2');
  await expect(kp.output).toContainText('node/worker-2 removed');
  await expect(kp.cluster.getByRole('group', { name: /^worker-2,/ })).toHaveCount(0);
  // The pod GC deletes the pods still bound to it 40–60 s of virtual time later; replacements run elsewhere.
  await kp.speed.selectOption('30');
  for (const name of victims) await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${name},`) })).toHaveCount(0, { timeout: 30_000 });
  await expect(ready).toHaveCount(6, { timeout: 30_000 });
  await kp.run('kubectl get pods --field-selector spec.nodeName=worker-2');
  await expect(kp.output).toContainText('No resources found in default namespace.');
  await kp.screenshot('node-removed');
});
