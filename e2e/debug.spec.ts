import { expect, test } from './support/fixtures';

test('kubectl debug -it adds an ephemeral container with the tools nginx lacks, opens its shell beside nginx, and the pod panel lists it', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl run web --image=nginx:1.27');
  await kp.speed.selectOption('10');
  await kp.run('kubectl wait --for=condition=Ready pod/web');
  await expect(kp.output).toContainText('pod/web condition met', { timeout: 30_000 });
  await kp.run('kubectl debug -it web --image=busybox:1.36 --target=web');
  await expect(kp.output).toContainText(/Defaulting debug container name to debugger-[a-z0-9]{5}\.\nIf you don't see a command prompt, try pressing enter\.\n/, { timeout: 30_000 });
  await kp.speed.selectOption('1');
  // The debug container shares the pod's network: nginx answers on localhost.
  await kp.run('wget -qO- localhost | grep title');
  await expect(kp.output).toContainText('/ # wget -qO- localhost | grep title\n<title>Welcome to nginx!</title>\n');
  await kp.run('nslookup kubernetes');
  await expect(kp.output).toContainText('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  await kp.screenshot('terminal-debug-shell');
  await kp.run('exit');
  await expect(kp.output).toContainText(/Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c debugger-[a-z0-9]{5} -i -t' if it is still running\n/);
  await kp.run('kubectl get pod web');
  await expect(kp.output).toContainText(/web\s+1\/1\s+Running/);

  await kp.cluster.getByRole('button', { name: /^web, Running/ }).click();
  const panel = page.getByRole('complementary', { name: 'Pod web' });
  await expect(panel).toContainText(/Debug containers\s*debugger-[a-z0-9]{5} \(exited 0\)/);
  await page.waitForTimeout(1500);
  await kp.screenshot('inspector-debug-container');
  await panel.getByRole('tab', { name: 'Describe' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('Ephemeral Containers:');
});
