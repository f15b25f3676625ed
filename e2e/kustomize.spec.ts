import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('a learner writes a kustomization into the editor, prints its build with kubectl kustomize, applies it with -k, and a share link replays it; the editor flags a misspelt kustomize field', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --dry-run=client -o yaml > web.yaml');
  for (const line of ['cat > kustomization.yaml <<EOF', 'resources:', '- web.yaml', 'namePrefix: dev-', 'configMapGenerator:', '- name: greeting', '  literals:', '  - MESSAGE=hello', 'EOF']) await kp.run(line);
  const tabs = page.getByRole('tablist', { name: 'Open files' });
  await expect(tabs.getByRole('tab', { name: 'kustomization.yaml', exact: true })).toBeVisible();
  await kp.run('kubectl kustomize');
  // The generated ConfigMap's name carries kustomize's hash of its contents; the Deployment gets the prefix.
  await expect(kp.output).toContainText('  name: dev-greeting-');
  await expect(kp.output).toContainText('  name: dev-web\n');
  await kp.run('kubectl apply -k .');
  await expect(kp.output).toContainText(/configmap\/dev-greeting-[a-z0-9]{10} created\ndeployment.apps\/dev-web created/);
  await kp.speed.selectOption('10');
  await expect(kp.pods('dev-web-')).toHaveCount(2, { timeout: 30_000 });
  await kp.speed.selectOption('0');
  await kp.screenshot('kustomize-apply');

  const { kp: kp2, page: fresh, context: other } = await openSharedInFreshBrowser(page, browser);
  await expect(kp2.pods('dev-web-')).toHaveCount(2);
  await expect(fresh.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: 'kustomization.yaml', exact: true })).toBeVisible();
  await kp2.run('kubectl get configmaps -o name');
  await expect(kp2.output).toContainText(/configmap\/dev-greeting-[a-z0-9]{10}\n/);
  await other.close();

  // The editor knows kustomize's fields: a misspelt one is marked, and the build refuses it in kustomize's words.
  for (const line of ['cat > kustomization.yaml <<EOF', 'resource:', '- web.yaml', 'EOF']) await kp.run(line);
  await expect(page.getByText('Loading the Kubernetes schema…')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.editor-status-problems')).toContainText(/1 (error|warning)/);
  await kp.run('kubectl kustomize');
  await expect(kp.output).toContainText('error: invalid Kustomization: json: unknown field "resource"');
  await kp.screenshot('kustomize-misspelt-field');
});
