import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('a learner lays out a kustomize base and overlay in folders, applies the overlay from its folder, and a share link replays the folders and the working folder', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('mkdir -p base overlays/dev');
  await kp.run('cd base');
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --dry-run=client -o yaml > deployment.yaml');
  for (const line of ['cat > kustomization.yaml <<EOF', 'resources:', '- deployment.yaml', 'EOF']) await kp.run(line);
  await kp.run('cd ../overlays/dev');
  await kp.run('pwd');
  // Away from home, the prompt says where the terminal is.
  await expect(kp.output).toContainText('~/overlays/dev $ pwd\n/home/learner/overlays/dev');
  for (const line of ['cat > kustomization.yaml <<EOF', 'resources:', '- ../../base', 'namePrefix: dev-', 'EOF']) await kp.run(line);

  // The editor's tabs name each file by its path from the home folder.
  const tabs = page.getByRole('tablist', { name: 'Open files' });
  await expect(tabs.getByRole('tab', { name: 'base/deployment.yaml', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'overlays/dev/kustomization.yaml', exact: true })).toBeVisible();

  await kp.run('kubectl apply -k .');
  await expect(kp.output).toContainText('deployment.apps/dev-web created');
  await kp.run('ls -R ~');
  await expect(kp.output).toContainText('/home/learner/overlays/dev:\nkustomization.yaml');
  await kp.speed.selectOption('10');
  await expect(kp.pods('dev-web-')).toHaveCount(2, { timeout: 30_000 });
  await kp.speed.selectOption('0');
  await kp.screenshot('folders-overlay');

  // rm closes the file's tab; the folder stays.
  await kp.run('rm ../../base/kustomization.yaml');
  await expect(tabs.getByRole('tab', { name: 'base/kustomization.yaml', exact: true })).toHaveCount(0);
  await kp.run('ls -F ~/base');
  await expect(kp.output).toContainText(/\$ ls -F ~\/base\ndeployment\.yaml\n/);

  // mv renames the file in its tab.
  await kp.run('mv ~/base/deployment.yaml ~/base/web.yaml');
  await expect(tabs.getByRole('tab', { name: 'base/web.yaml', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'base/deployment.yaml', exact: true })).toHaveCount(0);
  await kp.run('mv ~/base/web.yaml ~/base/deployment.yaml');

  const { kp: kp2, page: fresh, context } = await openSharedInFreshBrowser(page, browser);
  await expect(kp2.pods('dev-web-')).toHaveCount(2);
  await kp2.run('pwd');
  await expect(kp2.output).toContainText('/home/learner/overlays/dev');
  await kp2.run('ls ../..');
  await expect(kp2.output).toContainText(/base\s+overlays/);
  await expect(fresh.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: 'base/deployment.yaml', exact: true })).toBeVisible();
  await context.close();
});
