import type { Page } from '@playwright/test';
import { expect, test, type KubeplayPage } from './support/fixtures';

/** One page that fits the window: no page scroll, every panel on screen and reachable. */

async function pageScroll(page: Page) {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollHeight: el.scrollHeight, scrollWidth: el.scrollWidth, innerHeight: window.innerHeight, innerWidth: window.innerWidth };
  });
}

async function expectNoPageScroll(page: Page) {
  const m = await pageScroll(page);
  expect(m.scrollHeight, 'page height').toBeLessThanOrEqual(m.innerHeight);
  expect(m.scrollWidth, 'page width').toBeLessThanOrEqual(m.innerWidth);
}

/** The element's box lies inside the window. */
async function expectOnScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const view = page.viewportSize()!;
  expect(box, selector).not.toBeNull();
  expect(box!.x, `${selector} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${selector} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${selector} right`).toBeLessThanOrEqual(view.width + 1);
  expect(box!.y + box!.height, `${selector} bottom`).toBeLessThanOrEqual(view.height + 1);
  expect(box!.width, `${selector} width`).toBeGreaterThan(120);
  expect(box!.height, `${selector} height`).toBeGreaterThan(40);
}

async function busyClusterWithInspector(kp: KubeplayPage, page: Page) {
  await kp.run('kubectl create deployment web --image=nginx --replicas=4');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.speed.selectOption('10');
  const pod = kp.pods('web-').first();
  await expect(pod).toBeVisible({ timeout: 30_000 });
  await kp.speed.selectOption('0');
  await pod.click();
  await expect(page.getByRole('complementary', { name: /^Pod web-/ })).toBeVisible();
}

test('at 1280×720 the page fits the window with the inspector open beside the cluster view, in both themes and languages', async ({ kp, page }) => {
  await expectNoPageScroll(page);
  await busyClusterWithInspector(kp, page);
  await expectNoPageScroll(page);
  for (const panel of ['.editor-panel', '.cluster', '.terminal', '#inspector', '.topbar']) await expectOnScreen(page, panel);
  // Beside, not below: the inspector's top is level with the drawing's, and it sits to its right.
  const drawing = (await page.locator('.cluster-drawing').boundingBox())!;
  const inspector = (await page.locator('#inspector').boundingBox())!;
  expect(inspector.x).toBeGreaterThanOrEqual(drawing.x + drawing.width - 1);
  expect(Math.abs(inspector.y - drawing.y)).toBeLessThan(24);
  expect(drawing.width, 'the drawing keeps room beside the inspector').toBeGreaterThan(280);
  // The inspector narrows the drawing and pushes the cards down: the drawing scrolls so the selected pod and its node's card stay in view.
  const selectedPod = kp.cluster.locator('g.pod[aria-expanded="true"]');
  const selected = (await selectedPod.boundingBox())!;
  expect(selected.y, 'selected pod below the top of the drawing').toBeGreaterThanOrEqual(drawing.y);
  expect(selected.y + selected.height, 'selected pod above the bottom of the drawing').toBeLessThanOrEqual(drawing.y + drawing.height);
  // `web-…, <status> (<what it means>) on worker-N, …`: whatever its status when it was clicked.
  const nodeName = /\) on ([^,]+)/.exec((await selectedPod.getAttribute('aria-label')) ?? '')![1];
  const card = (await kp.cluster.getByRole('group', { name: new RegExp(`^${nodeName},`) }).boundingBox())!;
  expect(card.y, "the selected pod's node card, header and all, in view").toBeGreaterThanOrEqual(drawing.y - 1);

  const language = page.getByRole('combobox', { name: /Language/ });
  for (const [lang, scheme] of [['en', 'light'], ['en', 'dark'], ['zh-CN', 'light'], ['zh-CN', 'dark']] as const) {
    await language.selectOption(lang);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoPageScroll(page);
    await kp.screenshot(`layout-1280x720-${lang}-${scheme}`);
  }
  // The events feed joins the cluster view without pushing the page.
  await page.getByRole('button', { name: /^(Events|事件)/ }).first().click();
  await expectNoPageScroll(page);
  await kp.screenshot('layout-1280x720-zh-CN-dark-events');
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`a tablet at ${size.width}×${size.height}: no page scroll, editor, cluster, inspector and terminal all reachable`, async ({ kp, page }) => {
    await page.setViewportSize(size);
    await expectNoPageScroll(page);
    await busyClusterWithInspector(kp, page);
    await expectNoPageScroll(page);
    for (const panel of ['.editor-panel', '.cluster', '.terminal', '#inspector', '.topbar']) await expectOnScreen(page, panel);
    // The top bar's controls all fit (nothing pushed off the edge).
    for (const control of [kp.speed, page.getByRole('button', { name: 'Reset' }), page.getByRole('combobox', { name: /Language/ })]) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    }
    await kp.run('kubectl get pods');
    await expect(kp.output).toContainText('web-');
    await kp.screenshot(`layout-${size.width}x${size.height}`);
    await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
    await expectNoPageScroll(page);
    await kp.screenshot(`layout-${size.width}x${size.height}-zh-CN`);
  });
}
