import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('a learner keeps a pod name in $POD with $(…), uses it in commands and lists, and a share link replays the variable', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.speed.selectOption('10');
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await expect(kp.pods('web-')).toHaveCount(2, { timeout: 30_000 });
  await kp.run("POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')");
  await kp.run('echo "the first pod is $POD"');
  await expect(kp.output).toContainText(/the first pod is web-[a-z0-9]+-[a-z0-9]{5}\n/);
  const text = (await kp.output.textContent()) ?? '';
  const name = /the first pod is (web-[a-z0-9]+-[a-z0-9]{5})/.exec(text)![1];
  await kp.run('kubectl delete pod $POD');
  await expect(kp.output).toContainText(`pod "${name}" deleted`);
  // The ReplicaSet replaces it: two pods again, the deleted name gone.
  await expect(kp.pods(name)).toHaveCount(0, { timeout: 30_000 });
  await expect(kp.pods('web-')).toHaveCount(2, { timeout: 30_000 });
  // A list: the second command only if the first failed.
  await kp.run('kubectl get pod $POD && echo "still there" || echo "gone: $POD"');
  await expect(kp.output).toContainText(`gone: ${name}\n`);
  await kp.speed.selectOption('0');
  await kp.screenshot('terminal-variables');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await kp2.run('echo "replayed: $POD"');
  await expect(kp2.output).toContainText(`replayed: ${name}\n`);
  await expect(kp2.pods(name)).toHaveCount(0);
  await other.close();
});
