import { expect, test } from './support/fixtures';

/** The voting app's pods: vote ×2, worker ×2, result, redis, db. */
const APP_POD = /^(vote|worker|result|redis|db)-[^,]*, Running \(running and ready\)/;

test('side by side: Deploy on both, Stop a node on both, and both clusters recover their own way', async ({ kp, page }) => {
  test.setTimeout(240_000);
  await page.getByRole('radiogroup', { name: 'Cluster mode' }).getByRole('radio', { name: 'Side by side' }).check();
  const swarm = page.getByRole('region', { name: 'Swarm cluster' });
  const both = page.getByRole('group', { name: 'Actions on both clusters' });
  await expect(swarm).toBeVisible();
  await expect(both.getByRole('button', { name: 'Stop a node on both' })).toBeDisabled();

  // One click, two commands typed into the terminal: the manifests on Kubernetes, the stack on the swarm.
  await both.getByRole('button', { name: 'Deploy on both' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f voting-app.yaml');
  await expect(kp.output).toContainText('$ docker stack deploy -c docker-stack.yml vote');
  await expect(kp.output).toContainText('Creating service vote_vote');
  await expect(page.getByRole('status').filter({ hasText: 'routing mesh' })).toBeVisible();
  await kp.speed.selectOption('30');
  const ready = kp.cluster.getByRole('button', { name: APP_POD });
  await expect(ready).toHaveCount(7, { timeout: 60_000 });
  await expect(swarm).toContainText('7 running tasks', { timeout: 30_000 });
  await kp.screenshot('side-by-side-deployed');

  await kp.speed.selectOption('0');
  await both.getByRole('button', { name: 'Stop a node on both' }).click();
  await expect(kp.output).toContainText(/\$ kubeplay node stop worker-\d/);
  await expect(kp.output).toContainText(/\$ kubeplay node stop worker\d/);
  const transcript = (await kp.output.textContent()) ?? '';
  const k8sNode = /\$ kubeplay node stop (worker-\d)/.exec(transcript)![1];
  const swarmNode = /\$ kubeplay node stop (worker\d)/.exec(transcript)![1];
  const onNode = kp.cluster.getByRole('button', { name: new RegExp(`^(vote|worker|result|redis|db)-[^,]*, .* on ${k8sNode}`) });
  const victims = await onNode.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0]));
  expect(victims.length, `app pods on ${k8sNode}`).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: 'heartbeat' })).toContainText('300 s');
  await kp.screenshot('side-by-side-node-stopped');

  // Fast-forward: Kubernetes marks the node Unknown after 50 s and evicts its pods 300 s later; the swarm
  // marks its node Down 15 s after the last heartbeat and reschedules the tasks at once.
  await page.getByRole('button', { name: 'Fast-forward until nothing changes' }).click();
  await expect(kp.output).toContainText('$ kubeplay clock settle');
  await expect(page.getByRole('button', { name: 'Fast-forward until nothing changes' })).toBeEnabled({ timeout: 150_000 });
  await expect(kp.cluster.getByRole('group', { name: new RegExp(`^${k8sNode}, Unknown`) })).toBeVisible();
  await expect(ready).toHaveCount(7, { timeout: 30_000 });
  // The evicted pods stay Terminating on the unreachable node (its kubelet cannot confirm); replacements run elsewhere.
  for (const name of victims) await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${name}, Running \\(running and ready\\)`) })).toHaveCount(0);
  await expect(kp.cluster.getByRole('button', { name: new RegExp(`^(vote|worker|result|redis|db)-[^,]*, Running \\(running and ready\\) on ${k8sNode}`) })).toHaveCount(0);
  await kp.screenshot('side-by-side-recovered');

  // The swarm's drawing: the node Down, seven tasks running and ready on the other two nodes.
  await expect(swarm.getByRole('group', { name: new RegExp(`^${swarmNode}, worker, Down, Active, powered off`) })).toBeVisible();
  const swarmReady = swarm.getByRole('button', { name: /^vote_\w+\.\d+, running \(running and ready\) on / });
  await expect(swarmReady).toHaveCount(7);
  for (const name of await swarmReady.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(name).not.toMatch(new RegExp(` on ${swarmNode}$`));

  await kp.run('docker node ls');
  await expect(kp.output).toContainText(new RegExp(`${swarmNode}\\s+Down\\s+Active`));
  await kp.run('docker stack ps vote --filter desired-state=running');
  await expect(kp.output).toContainText(/vote_db\.1 /);
  const after = (await kp.output.textContent()) ?? '';
  const table = after.slice(after.lastIndexOf('$ docker stack ps vote --filter desired-state=running'));
  const rows = table.split('\n').filter((l) => /^\w{12}\s+vote_/.test(l));
  expect(rows, 'seven tasks meant to run').toHaveLength(7);
  for (const row of rows) expect(row, 'none left on the Down node').not.toContain(` ${swarmNode} `);
  for (const row of rows) expect(row).toMatch(/Running\s+Running/);
});
