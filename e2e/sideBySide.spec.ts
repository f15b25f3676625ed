import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Every node card of a region lies inside the region, its drawing's scroller (no scrolling) and the window. */
async function expectNodesInView(page: Page, region: Locator, cards: Locator, count: number): Promise<void> {
  await expect(cards).toHaveCount(count);
  const window = page.viewportSize()!;
  const outer = (await region.boundingBox())!;
  const scroller = (await region.locator('.cluster-drawing').boundingBox())!;
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!;
    const name = await card.getAttribute('aria-label');
    for (const [what, frame] of [
      ['region', outer],
      ['drawing', scroller],
      ['window', { x: 0, y: 0, width: window.width, height: window.height }],
    ] as const) {
      expect(box.x, `${name} inside the ${what} (left)`).toBeGreaterThanOrEqual(frame.x - 0.5);
      expect(box.y, `${name} inside the ${what} (top)`).toBeGreaterThanOrEqual(frame.y - 0.5);
      expect(box.x + box.width, `${name} inside the ${what} (right)`).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
      expect(box.y + box.height, `${name} inside the ${what} (bottom)`).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
    }
  }
}

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
  // At 1280×720 both clusters' nodes, with their pods and tasks, show without scrolling.
  await expectNodesInView(page, kp.cluster, kp.cluster.locator('g.node'), 4);
  await expectNodesInView(page, swarm, swarm.locator('g.snode'), 3);
  await kp.screenshot('side-by-side-deployed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.screenshot('side-by-side-deployed-dark');
  await page.emulateMedia({ colorScheme: 'light' });

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
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.screenshot('side-by-side-recovered-dark');
  await page.emulateMedia({ colorScheme: 'light' });

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
