import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Opaque pixels on the traffic particles' canvas. */
async function canvasInk(page: Page): Promise<{ ink: number }> {
  return page.locator('canvas.kp-cluster-traffic').evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0 || c.height === 0) return { ink: 0 };
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return { ink };
  });
}

/**
 * Of three tries, how many times the canvas showed the same picture two
 * animation frames apart (looked at in the page, so no round trip falls
 * between the looks). Moving particles change it every frame.
 */
async function stillAcrossFrames(page: Page): Promise<number> {
  return page.locator('canvas.kp-cluster-traffic').evaluate(async (c: HTMLCanvasElement) => {
    const print = () => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) h = (h * 31 + i + data[i]) % 1_000_000_007;
      return h;
    };
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    let still = 0;
    for (let i = 0; i < 3; i++) {
      const before = print();
      await frame();
      await frame();
      if (print() === before) still++;
    }
    return still;
  });
}

async function serviceWithThreePods(kp: import('./support/fixtures').KubeplayPage): Promise<void> {
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.speed.selectOption('10');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, ClusterIP [\d.]+, 3 ready endpoints$/ })).toBeVisible({ timeout: 30_000 });
}

test('kubeplay traffic shows requests travelling to the ready pods only, and failures when none is ready', async ({ kp, page }) => {
  await serviceWithThreePods(kp);
  // A pod that matches the selector but is never ready: in the slice, kept out of traffic.
  await kp.run('kubectl run bad --image=busybox --labels=app=web -- sh -c "exit 1"');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, ClusterIP [\d.]+, 3 ready endpoints, 1 not ready$/ })).toBeVisible({ timeout: 30_000 });
  const status = page.getByRole('status', { name: 'Traffic' });
  await expect(status).toHaveText('');
  await kp.speed.selectOption('1');
  await kp.run('kubeplay traffic web --rps 20 --for 10m');
  await expect(kp.output).toContainText('Sending 20 requests/s to service/web');
  // The window fills over two seconds of virtual time: then the rate reads steady (± one request), over the 3 ready pods.
  await expect(status).toHaveText(/^⇢ web: (19\.5|20|21) req\/s → 3 pods$/, { timeout: 15_000 });
  const canvas = page.locator('canvas.kp-cluster-traffic');
  await expect(canvas).toHaveAttribute('data-lines', '3');
  await expect(canvas).toHaveAttribute('data-failing', 'false');
  // Particles are drawn, and they move.
  await expect.poll(async () => (await canvasInk(page)).ink, { timeout: 5_000 }).toBeGreaterThan(20);
  expect(await stillAcrossFrames(page)).toBeLessThan(3);
  await kp.screenshot('traffic-three-pods');

  // Ctrl+C stops the traffic: the caption and the particles go.
  await kp.terminal.press('Control+C');
  await expect(status).toHaveText('', { timeout: 15_000 });
  await expect.poll(async () => (await canvasInk(page)).ink).toBe(0);

  // No ready endpoint: every request is refused, drawn as red crosses under the Service card.
  await kp.run('kubectl scale deployment web --replicas=0');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, ClusterIP [\d.]+, 0 ready endpoints, 1 not ready$/ })).toBeVisible({ timeout: 30_000 });
  await kp.run('kubeplay traffic web --rps 20 --for 10m');
  await expect(status).toHaveText(/^⇢ web: (19\.5|20|21) req\/s, all failing \(connection refused\)$/, { timeout: 15_000 });
  await expect(canvas).toHaveAttribute('data-failing', 'true');
  await expect(canvas).toHaveAttribute('data-lines', '0');
  await expect.poll(async () => (await canvasInk(page)).ink, { timeout: 5_000 }).toBeGreaterThan(10);
  await kp.screenshot('traffic-all-failing');
  await kp.terminal.press('Control+C');
});

test('with reduced motion traffic is a rate on each line, and nothing moves', async ({ kp, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await serviceWithThreePods(kp);
  await kp.speed.selectOption('1');
  await kp.run('kubeplay traffic web --rps 30 --for 10m');
  await expect(page.getByRole('status', { name: 'Traffic' })).toHaveText(/^⇢ web: (29\.5|30|31) req\/s → 3 pods$/, { timeout: 15_000 });
  await expect.poll(async () => (await canvasInk(page)).ink, { timeout: 5_000 }).toBeGreaterThan(100);
  // Nothing travels: the rates hold still from frame to frame.
  expect(await stillAcrossFrames(page)).toBeGreaterThan(0);
  await kp.screenshot('traffic-reduced-motion');
});

test('in the dense drawing, requests still travel from the Service card to the cells that answered', async ({ kp, page }) => {
  test.setTimeout(150_000);
  await page.goto('/?workers=4');
  await expect(kp.terminal).toBeVisible();
  await kp.run('kubectl create deployment big --image=nginx --replicas=320');
  await kp.run('kubectl expose deployment big --port=80');
  await kp.speed.selectOption('10');
  await expect(page.locator('svg.kp-cluster.is-dense')).toBeAttached({ timeout: 30_000 });
  await expect(kp.cluster.getByRole('button', { name: /^Deployment big, complete: 320 desired, 320 updated, 320 available/ })).toBeVisible({ timeout: 90_000 });
  await kp.speed.selectOption('1');
  await kp.run('kubeplay traffic big --rps 50 --for 10m');
  const canvas = page.locator('canvas.kp-cluster-traffic');
  // No lines are drawn among hundreds of cells, but the particles follow where they would go.
  await expect(page.locator('.kp-cluster .svc-link')).toHaveCount(0);
  await expect.poll(async () => Number(await canvas.getAttribute('data-lines')), { timeout: 15_000 }).toBeGreaterThan(10);
  // Each of the ~80 answering cells gets a particle every second or two: give a loaded machine time to draw some.
  await expect.poll(async () => (await canvasInk(page)).ink, { timeout: 15_000 }).toBeGreaterThan(20);
  expect(await stillAcrossFrames(page)).toBeLessThan(3);
  await kp.screenshot('traffic-dense');
});

test('traffic through an Ingress is drawn along its backend Service’s lines, as traffic to the Service is', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubeplay addon enable ingress-nginx');
  await serviceWithThreePods(kp);
  await kp.run('kubectl create ingress web --rule="web.test/*=web:80"');
  await kp.speed.selectOption('30');
  // The controller publishes the Ingress's address once it runs (and on its 60 s status sync).
  await expect
    .poll(
      async () => {
        await kp.run('kubectl get ingress web -o jsonpath={.status.loadBalancer.ingress[0].ip}');
        return (await kp.output.textContent()) ?? '';
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toMatch(/jsonpath=\{\.status\.loadBalancer\.ingress\[0\]\.ip\}\n172\.18\.0\.\d+/);
  await kp.speed.selectOption('1');
  await kp.run('kubeplay traffic ingress/web --rps 20 --for 10m');
  await expect(kp.output).toContainText('Sending 20 requests/s to ingress/web');
  const status = page.getByRole('status', { name: 'Traffic' });
  await expect(status).toHaveText(/^⇢ web: (19\.5|20|21) req\/s → 3 pods$/, { timeout: 15_000 });
  const canvas = page.locator('canvas.kp-cluster-traffic');
  await expect(canvas).toHaveAttribute('data-lines', '3');
  await expect.poll(async () => (await canvasInk(page)).ink, { timeout: 5_000 }).toBeGreaterThan(20);
  expect(await stillAcrossFrames(page)).toBeLessThan(3);
  await kp.screenshot('traffic-through-ingress');
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.screenshot('traffic-through-ingress-dark');
  await kp.terminal.press('Control+C');
});
