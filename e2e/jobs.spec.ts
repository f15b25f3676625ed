import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('COMMAND & runs a watch in the background while the prompt goes on; kill %1 ends it; a link replays the session', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl get pods -w &');
  await expect(kp.output).toContainText('$ kubectl get pods -w &\n[1] 1001\n');
  // The prompt is free at once: the next command runs while the watch goes on.
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await kp.speed.selectOption('10');
  // The background watch prints the pods the Deployment makes, as they change.
  await expect(kp.output).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/, { timeout: 30_000 });
  await kp.speed.selectOption('0');
  await kp.run('jobs');
  await expect(kp.output).toContainText('$ jobs\n[1]+  Running                 kubectl get pods -w &\n');
  await kp.screenshot('terminal-background-job');
  await kp.run('kill %1');
  await expect(kp.output).toContainText('$ kill %1\n[1]+  Terminated              kubectl get pods -w\n');
  await kp.run('sleep 2 && echo slept &');
  await kp.speed.selectOption('1');
  await expect(kp.output).toContainText('slept\n[1]+  Done                    sleep 2 && echo slept\n', { timeout: 10_000 });
  await kp.screenshot('terminal-background-done');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await expect(kp2.output).toContainText('[1]+  Terminated              kubectl get pods -w\n');
  await kp2.run('jobs');
  await expect(kp2.output).toContainText('$ jobs\n');
  await other.close();
});
