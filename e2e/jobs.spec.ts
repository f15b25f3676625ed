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

test('kubectl port-forward svc/web 8080:80 & lets curl at the prompt reach nginx; the forward says each connection', async ({ kp }) => {
  test.setTimeout(90_000);
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.speed.selectOption('10');
  await kp.run('kubectl rollout status deployment/web');
  await expect(kp.output).toContainText('deployment "web" successfully rolled out', { timeout: 30_000 });
  await kp.speed.selectOption('1');
  await kp.run('curl web');
  await expect(kp.output).toContainText('curl: (6) Could not resolve host: web\nkubeplay: this prompt is your own machine, outside the cluster');
  await kp.run('kubectl port-forward svc/web 8080:80 &');
  await expect(kp.output).toContainText(/\[1\] \d+\nForwarding from 127\.0\.0\.1:8080 -> 80\nForwarding from \[::1\]:8080 -> 80\n/);
  await kp.run('curl -s localhost:8080 | grep -i welcome');
  await expect(kp.output).toContainText('Handling connection for 8080\n<title>Welcome to nginx!</title>\n<h1>Welcome to nginx!</h1>\n');
  await kp.screenshot('terminal-port-forward');
  await kp.run('kill %1');
  await expect(kp.output).toContainText('[1]+  Terminated              kubectl port-forward svc/web 8080:80\n');
});
