import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browserPath';

// `npm test` builds first and sets KUBEPLAY_PREBUILT=1; `npm run test:e2e` builds here.
const prebuilt = process.env.KUBEPLAY_PREBUILT === '1';
const ci = !!process.env.CI;
// Debian's Chromium when there is one (scripts/ensure-browser.ts); else Playwright's own.
const chromium = findChromium();
// KUBEPLAY_E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.KUBEPLAY_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Playwright wipes outputDir at start: reports and screenshots live beside it, not in it.
  outputDir: '.reports/playwright-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  reporter: [
    ['list'],
    ['json', { outputFile: '.reports/playwright.json' }],
    ['html', { outputFolder: '.reports/playwright-html', open: 'never' }],
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium?.path,
      args: chromium ? [...CHROMIUM_ARGS] : [],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `${prebuilt ? '' : 'npm run --silent build && '}npx vite preview --host localhost --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !ci,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
