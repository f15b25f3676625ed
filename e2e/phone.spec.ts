import { test as base, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, KubeplayPage } from './support/fixtures';

/**
 * A phone held upright: one panel at a time (lesson, editor, cluster, terminal) chosen with a
 * tab bar at the bottom, and a top bar in two rows with every control on screen. The panels
 * stay mounted while hidden: the terminal keeps its transcript across tabs.
 */
const test = base.extend<{ kp: KubeplayPage }>({
  kp: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto('/');
    // The phone opens on the cluster; the terminal waits behind its tab.
    await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toBeVisible({ timeout: 30_000 });
    await use(new KubeplayPage(page));
    expect(errors, 'no errors in the page').toEqual([]);
  },
});

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: /^(Panels|面板)$/ }).getByRole('tab', { name });

async function expectFitsTheScreen(page: Page) {
  const m = await page.evaluate(() => ({ w: document.scrollingElement!.scrollWidth, h: document.scrollingElement!.scrollHeight, iw: innerWidth, ih: innerHeight }));
  expect(m.w, 'page width').toBeLessThanOrEqual(m.iw);
  expect(m.h, 'page height').toBeLessThanOrEqual(m.ih);
}

/** Every top-bar control lies inside the window and above the panels (nothing cut off or covered). */
async function expectTopBarOnScreen(page: Page) {
  const width = page.viewportSize()!.width;
  const panelsTop = (await page.locator('.phone-panels').boundingBox())!.y;
  // The cluster mode, pause and speed, step and fast-forward, the clock, Reset, Share and the language.
  const controls = ['.view-mode', '.speed', '.time-controls', '.clock', '.reset-button', '.share-button', '.language'].map((sel) => page.locator('.topbar').locator(sel));

  for (const control of controls) {
    const box = (await control.boundingBox())!;
    expect(box, String(control)).not.toBeNull();
    expect(box.x, `${control} left`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${control} right`).toBeLessThanOrEqual(width);
    expect(box.y + box.height, `${control} above the panels`).toBeLessThanOrEqual(panelsTop);
  }
}

test('on a phone one panel shows at a time, chosen with the tab bar, and Apply shows its answer in the terminal', async ({ kp, page }) => {
  await expectFitsTheScreen(page);
  await expectTopBarOnScreen(page);
  await expect(tab(page, 'Cluster')).toHaveAttribute('aria-selected', 'true');
  await expect(kp.terminal).toBeHidden();
  await kp.screenshot('phone-390x844-cluster');

  // The empty cluster's Run it answers in the terminal behind its tab: the tab says so (a dot, and its name) until it is looked at.
  await expect(tab(page, 'Terminal')).toHaveAccessibleName('Terminal');
  await kp.cluster.getByRole('button', { name: 'Run it' }).tap();
  await expect(tab(page, 'Terminal')).toHaveAccessibleName('Terminal (new output)');
  await expect(page.locator('.phone-tab-dot')).toBeVisible();
  await kp.speed.selectOption('10');
  await expect(kp.pods('web-').first()).toBeVisible({ timeout: 30_000 });
  await kp.screenshot('phone-390x844-unread-output');

  await tab(page, 'Terminal').tap();
  await expect(tab(page, 'Terminal')).toHaveAccessibleName('Terminal');
  await expect(kp.cluster).toBeHidden();
  await expect(kp.output).toContainText('deployment.apps/web created');
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('worker-3');

  // The editor's Apply answers in the terminal, which comes forward; the earlier output is still there.
  await tab(page, 'Editor').tap();
  await expect(kp.output).toBeHidden();
  await page.getByRole('button', { name: 'Apply' }).tap();
  await expect(tab(page, 'Terminal')).toHaveAttribute('aria-selected', 'true');
  await expect(kp.output).toContainText('deployment.apps/web configured');
  await expect(kp.output).toContainText('worker-3');
  await kp.screenshot('phone-390x844-terminal');

  // The cluster draws the pods; a pod's details open under the drawing, full width.
  await tab(page, 'Cluster').tap();
  const pod = kp.pods('web-').first();
  await expect(pod).toBeVisible({ timeout: 30_000 });
  await kp.speed.selectOption('0');
  await pod.tap();
  const inspector = page.getByRole('complementary', { name: /^Pod web-/ });
  await expect(inspector).toBeVisible();
  const drawing = (await page.locator('.cluster-drawing').boundingBox())!;
  const details = (await inspector.boundingBox())!;
  expect(details.y, 'the details under the drawing').toBeGreaterThanOrEqual(drawing.y + drawing.height - 1);
  expect(details.width, 'the details as wide as the panel').toBeGreaterThan(300);
  await expectFitsTheScreen(page);
  await kp.screenshot('phone-390x844-pod');
  expect(await seriousViolations(page), 'no serious accessibility violations on the phone').toEqual([]);
});

test('on a phone the Lesson tab opens the lessons, a lesson command runs in the terminal, and closing the lesson returns to the cluster', async ({ kp, page }) => {
  await tab(page, 'Lesson').tap();
  await expect(page.getByRole('heading', { name: 'Lessons' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Start' }).first()).toBeVisible();
  await expectFitsTheScreen(page);
  await kp.screenshot('phone-390x844-lessons');
  // A lesson command's Run answers in the terminal, which comes forward; the Lesson tab goes back to the step.
  await page.locator('.lesson-card').nth(3).getByRole('button', { name: /^Start lesson/ }).tap();
  await page.getByRole('button', { name: 'Run in the terminal: kubectl apply -f web.yaml' }).tap();
  await expect(tab(page, 'Terminal')).toHaveAttribute('aria-selected', 'true');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await tab(page, 'Lesson').tap();
  await expect(page.getByRole('heading', { name: 'Lesson: Self-healing' })).toBeVisible();
  // Hidden, the terminal keeps its width (it once shrank to ten columns, and Edit drew a broken prompt).
  await page.waitForTimeout(300);
  expect(Number(await page.locator('.terminal-host').getAttribute('data-cols')), 'columns while hidden').toBeGreaterThan(40);
  await lessonsNext(page);
  await page.getByRole('button', { name: /^Put on the terminal prompt to fill in: kubectl delete pod/ }).tap();
  await expect(tab(page, 'Terminal')).toHaveAttribute('aria-selected', 'true');
  await expect(kp.terminal).toHaveValue('kubectl delete pod <one of the names>');
  await expect(page.locator('.xterm-rows')).toContainText('$ kubectl apply -f web.yaml');
  await expect(page.locator('.xterm-rows')).toContainText('$ kubectl delete pod <one of the names>');
  await kp.screenshot('phone-390x844-lesson-edit');
  await tab(page, 'Lesson').tap();
  await page.getByRole('button', { name: 'Close lessons' }).tap();
  await expect(tab(page, 'Cluster')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toBeVisible();

  // In Chinese the tabs and the top bar still fit.
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await expect(tab(page, '终端')).toBeVisible();
  await expectFitsTheScreen(page);
  await expectTopBarOnScreen(page);
});

for (const size of [
  { width: 360, height: 740 },
  { width: 375, height: 667 },
]) {
  test(`a ${size.width}×${size.height} phone keeps the top bar on screen in two rows`, async ({ kp, page }) => {
    await page.setViewportSize(size);
    await expect(kp.cluster).toBeVisible();
    await expectFitsTheScreen(page);
    await expectTopBarOnScreen(page);
    const middle = async (sel: string) => {
      const box = (await page.locator(sel).boundingBox())!;
      return box.y + box.height / 2;
    };
    // The name and the language share the first row; the cluster mode and the clock the second.
    const [brand, language, mode, clock] = [await middle('.brand'), await middle('.language'), await middle('.view-mode'), await middle('.clock')];
    expect(Math.abs(brand - language), 'name and language on one row').toBeLessThan(10);
    expect(Math.abs(mode - clock), 'cluster mode and clock on one row').toBeLessThan(10);
    expect(mode - language, 'the second row under the first').toBeGreaterThan(25);
  });
}

async function lessonsNext(page: Page) {
  await page.getByRole('button', { name: 'Next →' }).tap();
}

test('a phone on its side also shows one panel at a time, the top bar in one row, and nothing scrolls the page', async ({ kp, page }) => {
  await page.setViewportSize({ width: 844, height: 390 });
  await expect(tab(page, 'Cluster')).toHaveAttribute('aria-selected', 'true');
  await expectFitsTheScreen(page);
  await expectTopBarOnScreen(page);
  await tab(page, 'Terminal').tap();
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('worker-3');
  await expectFitsTheScreen(page);
  await kp.screenshot('phone-844x390-terminal');
});
