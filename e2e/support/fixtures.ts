import { test as base, expect, type Locator, type Page } from '@playwright/test';
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
