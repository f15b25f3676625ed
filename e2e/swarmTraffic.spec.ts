import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const swarmOf = (page: Page) => page.getByRole('region', { name: 'Swarm cluster' });

/** Opaque pixels on the Swarm drawing's traffic particles' canvas. */
async function swarmInk(page: Page): Promise<number> {
  return swarmOf(page)
    .locator('canvas.kp-swarm-traffic')
    .evaluate((c: HTMLCanvasElement) => {
      if (c.width === 0 || c.height === 0) return 0;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      return ink;
    });
}

test('kubeplay traffic to a swarm service shows requests travelling from the routing mesh to the three running tasks, and refusals when none runs', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await page.getByRole('radiogroup', { name: 'Cluster mode' }).getByRole('radio', { name: 'Swarm' }).check();
  await expect(swarmOf(page)).toContainText('3 nodes · 0 services');
  await kp.run('docker service create --name web --replicas 3 -p 8080:80 nginx');
  await kp.speed.selectOption('10');
  await expect(swarmOf(page).getByRole('button', { name: /^web\.\d+, running \(running and ready\) on / })).toHaveCount(3, { timeout: 30_000 });
  await kp.speed.selectOption('1');

  const canvas = swarmOf(page).locator('canvas.kp-swarm-traffic');
  await expect.poll(() => swarmInk(page)).toBe(0);
  await kp.run('kubeplay traffic web --rps 10 --for 30s');
  await expect(canvas).toHaveAttribute('data-lines', '3', { timeout: 10_000 });
  await expect(canvas).toHaveAttribute('data-failing', 'false');
  await expect.poll(() => swarmInk(page), { timeout: 5_000 }).toBeGreaterThan(20);
  await kp.screenshot('swarm-traffic-three-tasks');

  // Ctrl+C stops the traffic: the particles go.
  await kp.terminal.press('Control+C');
  await expect.poll(() => swarmInk(page), { timeout: 15_000 }).toBe(0);

  // No running task left: the mesh refuses, and the refusals fall from the mesh bar as red crosses.
  await kp.run('docker service scale --detach web=0');
  await expect(swarmOf(page).getByRole('button', { name: /^web\.\d+, running \(running and ready\) on / })).toHaveCount(0, { timeout: 30_000 });
  await kp.run('kubeplay traffic web --rps 10 --for 30s');
  await expect(canvas).toHaveAttribute('data-failing', 'true', { timeout: 15_000 });
  await expect(canvas).toHaveAttribute('data-lines', '0', { timeout: 15_000 });
  await expect.poll(() => swarmInk(page), { timeout: 5_000 }).toBeGreaterThan(10);
});
