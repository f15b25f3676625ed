import { encodeScenario } from '../src/session/link';
import type { Scenario } from '../src/session/scenario';
import { expect, test } from './support/fixtures';

/**
 * A long shared scenario replays in slices: the page shows how far it is ("Replaying 120 of
 * 1,500 commands", a progress bar) and keeps drawing frames meanwhile; then the same world opens.
 */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 20
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

function longScenario(commands: number): Scenario {
  const log: Scenario['log'] = [{ at: 1000, line: 'kubectl apply -f web.yaml' }];
  for (let i = 1; i < commands; i++) log.push({ at: 1000 + i * 200, line: i % 3 === 0 ? 'kubectl get pods -o wide' : `kubectl create configmap c${i} --from-literal=k=v${i}` });
  return { version: 1, files: [{ name: 'web.yaml', content: DEPLOYMENT }], cluster: {}, seed: 3, log, endAt: 1000 + commands * 200 };
}

test('a long link replays with a progress bar while the page keeps drawing, then opens its world', async ({ kp, page }) => {
  test.setTimeout(180_000);
  const link = await encodeScenario(longScenario(1500));
  await page.goto('about:blank');
  await page.goto(`/#${link}`);
  const bar = page.getByRole('progressbar', { name: 'Replay progress' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await kp.screenshot('replay-progress');
  // Frames keep coming while it replays (the main thread is not held for the whole replay), and the count moves.
  const seen = await page.evaluate(
    () =>
      new Promise<{ frames: number; values: string[]; ms: number; max: string | null; text: string | null }>((resolve) => {
        const values = new Set<string>();
        const bar = document.querySelector('[role="progressbar"]');
        const max = bar?.getAttribute('aria-valuemax') ?? null;
        const text = bar?.getAttribute('aria-valuetext') ?? null;
        let frames = 0;
        const t0 = performance.now();
        const tick = () => {
          frames++;
          const v = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
          if (v) values.add(v);
          if (v && performance.now() - t0 < 60_000) requestAnimationFrame(tick);
          else resolve({ frames, values: [...values], ms: performance.now() - t0, max, text });
        };
        requestAnimationFrame(tick);
      }),
  );
  expect(seen.frames).toBeGreaterThan(10);
  expect(seen.values.length).toBeGreaterThan(2);
  expect(seen.max).toBe('1500');
  expect(seen.text).toMatch(/^Replaying \d+ of 1500 commands…$/);
  await expect(bar).toBeHidden({ timeout: 120_000 });
  await kp.run('kubectl get configmaps -o name | wc -l');
  // 1,000 configmaps from the log, and kube-root-ca.crt.
  await expect(kp.output).toContainText(/\n1001\n/);
});

test('the replay’s progress in the dark theme and in Chinese', async ({ kp, page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  const link = await encodeScenario(longScenario(1500));
  await page.goto('about:blank');
  await page.goto(`/#${link}`);
  await expect(page.getByText(/^正在重放：第 \d+ 条，共 1500 条命令…$/)).toBeVisible({ timeout: 30_000 });
  await kp.screenshot('replay-progress-zh-dark');
  await expect(page.getByRole('progressbar', { name: '重放进度' })).toBeHidden({ timeout: 120_000 });
});
