import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * The default cluster's four nodes are in view on first load, without scrolling: on a laptop
 * (1280×720) and on a tablet held upright (820×1180), light and dark. A larger cluster still
 * scrolls (or goes dense) as before.
 */

/** Each node card's box, and the part of the drawing in view. */
async function cards(page: Page) {
  return page.evaluate(() => {
    // The drawing scrolls inside its host: the host's box is what is in view.
    const host = document.querySelector<HTMLElement>('.cluster-drawing')!;
    const main = host.getBoundingClientRect();
    const nodes = [...document.querySelectorAll<SVGGElement>('g.node')].map((g) => {
      const r = g.querySelector('.node-card')!.getBoundingClientRect();
      return { name: g.getAttribute('data-key'), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
    return { nodes, view: { top: main.top, bottom: main.bottom, left: main.left, right: main.right }, scrolled: host.scrollTop };
  });
}

const LOOKS = [
  { name: '1280-light', viewport: { width: 1280, height: 720 }, colorScheme: 'light' },
  { name: '1280-dark', viewport: { width: 1280, height: 720 }, colorScheme: 'dark' },
  { name: 'tablet-light', viewport: { width: 820, height: 1180 }, colorScheme: 'light' },
  { name: 'tablet-dark', viewport: { width: 820, height: 1180 }, colorScheme: 'dark' },
] as const;

for (const look of LOOKS) {
  test.describe(look.name, () => {
    test.use({ viewport: look.viewport, colorScheme: look.colorScheme });

    test(`the default cluster’s four node cards are in view on first load (${look.name})`, async ({ kp, page }) => {
      await expect(kp.cluster.getByRole('button', { name: /^worker-3/ })).toBeVisible({ timeout: 30_000 });
      const { nodes, view } = await cards(page);
      expect(nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
      for (const n of nodes) {
        expect(n.top, `${n.name} top`).toBeGreaterThanOrEqual(view.top);
        expect(n.left, `${n.name} left`).toBeGreaterThanOrEqual(view.left);
        expect(n.right, `${n.name} right`).toBeLessThanOrEqual(view.right);
        // Name, readiness, pod count, CPU and memory requests and the node agents: the card's first 110 px.
        expect(n.top + 110, `${n.name} header and bars`).toBeLessThanOrEqual(view.bottom);
      }
      await kp.screenshot(`nodes-in-view-${look.name}`);
    });
  });
}

test('a larger cluster keeps its cards at full width, in rows that scroll', async ({ kp, page }) => {
  for (let i = 4; i <= 8; i++) await kp.run(`kubeplay node add worker-${i}`);
  await expect(kp.cluster.getByRole('button', { name: /^worker-8/ })).toBeVisible({ timeout: 30_000 });
  const { nodes, view } = await cards(page);
  expect(nodes).toHaveLength(9);
  expect(new Set(nodes.map((n) => Math.round(n.top))).size).toBeGreaterThan(2);
  expect(Math.max(...nodes.map((n) => n.bottom))).toBeGreaterThan(view.bottom);
  for (const n of nodes) expect(n.right - n.left, `${n.name} width`).toBeGreaterThanOrEqual(250);
});
