import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where specs save the screenshots people look at (outside Playwright's wiped outputDir). */
export const SCREENSHOTS = join('.reports', 'screenshots');

/** The page's public surfaces, by accessible name (DESIGN.md "Public surfaces"). */
export class KubeplayPage {
  readonly terminal: Locator;
  readonly output: Locator;
  readonly cluster: Locator;
  readonly speed: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByRole('textbox', { name: 'Terminal', exact: true });
    this.output = page.getByRole('region', { name: 'Terminal output' });
    this.cluster = page.getByRole('region', { name: 'Cluster', exact: true });
    this.speed = page.getByRole('combobox', { name: 'Speed' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    // The terminal is its own lazily loaded chunk: on a loaded machine it can take more than the default 10 s.
    await expect(this.terminal).toBeVisible({ timeout: 30_000 });
  }

  /** Types a command into the terminal and presses Enter. */
  async run(command: string): Promise<void> {
    await this.terminal.fill(command);
    await this.terminal.press('Enter');
  }

  /** Pod buttons in the cluster view whose name starts with `prefix`. */
  pods(prefix: string): Locator {
    return this.cluster.getByRole('button', { name: new RegExp(`^${prefix}`) });
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }
}

/**
 * Shares the page's current state (the Share dialog's link) and opens the
 * link in a fresh browser context, as someone it was sent to would; waits
 * until the shared session has opened. Close `context` when done.
 */
export async function openSharedInFreshBrowser(page: Page, browser: Browser): Promise<{ kp: KubeplayPage; page: Page; context: BrowserContext }> {
  await page.getByRole('button', { name: /^Share/ }).click();
  const box = page.getByRole('dialog', { name: 'Share this scenario' }).getByRole('textbox', { name: /^Share link/ });
  await expect(box).toHaveValue(/#v1\./);
  const link = await box.inputValue();
  await page.keyboard.press('Escape');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('status').filter({ hasText: 'Opened a shared link' })).toBeVisible({ timeout: 30_000 });
  return { kp: new KubeplayPage(fresh), page: fresh, context };
}

/** `kp`: the app, opened; the test fails if the page logs an error or throws. */
export const test = base.extend<{ kp: KubeplayPage }>({
  kp: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    const kp = new KubeplayPage(page);
    await kp.open();
    await use(kp);
    expect(errors, 'no errors in the page').toEqual([]);
  },
});

export { expect };
