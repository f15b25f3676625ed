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
  // Watch every frame from the page's start, so a fast machine that replays in a blink is judged as fairly as a slow one.
  await page.addInitScript(() => {
    const seen = { frames: 0, values: [] as string[], maxGap: 0, max: null as string | null, text: null as string | null };
    (window as unknown as { __replaySeen: typeof seen }).__replaySeen = seen;
    let last = 0;
    const tick = (t: number) => {
      const bar = document.querySelector('[role="progressbar"]');
      const v = bar?.getAttribute('aria-valuenow');
      if (v) {
        seen.frames++;
        if (!seen.values.includes(v)) seen.values.push(v);
        seen.max = bar?.getAttribute('aria-valuemax') ?? null;
        seen.text = bar?.getAttribute('aria-valuetext') ?? null;
        if (last) seen.maxGap = Math.max(seen.maxGap, t - last);
        last = t;
      } else last = 0;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const link = await encodeScenario(longScenario(1500));
  await page.goto('about:blank');
  await page.goto(`/#${link}`);
  const bar = page.getByRole('progressbar', { name: 'Replay progress' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await kp.screenshot('replay-progress');
  await expect(bar).toBeHidden({ timeout: 120_000 });
  // Frames kept coming while it replayed (the main thread was never held for the whole replay), and the count moved.
  const seen = await page.evaluate(() => (window as unknown as { __replaySeen: { frames: number; values: string[]; maxGap: number; max: string | null; text: string | null } }).__replaySeen);
  expect(seen.values.length).toBeGreaterThan(2);
  expect(seen.frames).toBeGreaterThanOrEqual(seen.values.length);
  expect(seen.maxGap).toBeLessThan(1000);
  expect(seen.max).toBe('1500');
  expect(seen.text).toMatch(/^Replaying \d+ of 1500 commands…$/);
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

test('a command typed while a long link replays runs on the world the link opens', async ({ kp, page }) => {
  test.setTimeout(180_000);
  const link = await encodeScenario(longScenario(1500));
  await page.goto('about:blank');
  await page.goto(`/#${link}`);
  const bar = page.getByRole('progressbar', { name: 'Replay progress' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await kp.run('kubectl scale deployment web --replicas=4');
  await expect(bar).toBeHidden({ timeout: 120_000 });
  // It waited for the replay, then ran on the replayed cluster (before the fix it went to the page's old cluster and was lost).
  await expect(kp.output).toContainText('deployment.apps/web scaled', { timeout: 30_000 });
  await kp.run('kubectl get deployment web -o jsonpath={.spec.replicas}');
  await expect(kp.output).toContainText(/\n4\s*$/);
});
