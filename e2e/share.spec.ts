import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { encodeScenario } from '../src/session/link';
import { seriousViolations } from './support/axe';
import { expect, KubeplayPage, test } from './support/fixtures';

let marks = 0;

/** What `line` prints in the page's terminal (read from the "Terminal output" region). */
async function output(kp: KubeplayPage, line: string): Promise<string> {
  const mark = `end-of-output-${++marks}`;
  await kp.run(line);
  await kp.run(`echo ${mark}`);
  await expect(kp.output).toContainText(`\n${mark}`);
  const text = (await kp.output.textContent()) ?? '';
  const start = text.lastIndexOf(`$ ${line}\n`);
  return text.slice(start + line.length + 3, text.lastIndexOf(`$ echo ${mark}`));
}

/** Opens the Share dialog and reads the link it shows (the current state, unless `history`). */
async function shareLink(page: Page, history = false): Promise<string> {
  await page.getByRole('button', { name: /^Share/ }).click();
  const dialog = page.getByRole('dialog', { name: /Share this scenario|分享此场景/ });
  if (history) await dialog.getByRole('radio', { name: /With its history/ }).check();
  const box = dialog.getByRole('textbox', { name: /^Share link/ });
  await expect(box).toHaveValue(/#v1\./);
  return box.inputValue();
}

test('a scenario built in one browser context opens from its share link in a fresh context to an identical kubectl get pods -o wide', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await kp.speed.selectOption('10');
  await expect(kp.pods('web-')).toHaveCount(3, { timeout: 30_000 });
  await kp.run('kubectl scale deployment web --replicas=5');
  await kp.run('kubectl get pods');
  await expect(kp.pods('web-')).toHaveCount(5, { timeout: 30_000 });
  await page.getByRole('button', { name: /^worker-2\b/ }).first().click();
  await page.getByRole('button', { name: /^Stop node/ }).click();
  await kp.run('kubectl rollout status deployment/web');
  await kp.terminal.press('Control+c');
  await kp.speed.selectOption('0');
  const before = await output(kp, 'kubectl get pods -o wide');
  expect(before).toMatch(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);

  const link = await shareLink(page);
  expect(link.length).toBeLessThan(2000);
  await kp.screenshot('share-dialog');
  await page.keyboard.press('Escape');

  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const fresh = await other.newPage();
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(e.message));
  await fresh.goto(link);
  const kp2 = new KubeplayPage(fresh);
  await expect(fresh.getByRole('status').filter({ hasText: 'Opened a shared link' })).toBeVisible({ timeout: 30_000 });
  await expect(kp2.speed).toHaveValue('0');
  // The address drops the fragment once open: a reload comes back to the work, not to the link.
  expect(new URL(fresh.url()).hash).toBe('');
  await expect(kp2.pods('web-')).toHaveCount(5);
  await expect(fresh.locator('.clock-value')).toHaveText((await page.locator('.clock-value').textContent()) ?? '');
  expect(await output(kp2, 'kubectl get pods -o wide')).toBe(before);
  await kp2.screenshot('share-opened');
  expect(errors).toEqual([]);
  await other.close();
});

test('Share offers the state or the history, the embed code, a scenario file and the real-cluster export', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.run('kubectl get deployments');
  const current = await shareLink(page);
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByText('The commands that changed the cluster (1); the same pods, the same time')).toBeVisible();
  await expect(dialog.getByText('Every command with its output (2)')).toBeVisible();
  await dialog.getByRole('radio', { name: /With its history/ }).check();
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).not.toHaveValue(current);
  await dialog.getByText('Embed code').click();
  await expect(dialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/^<iframe src="http:\/\/localhost:\d+\/\?embed#v1\./);
  expect(await seriousViolations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download scenario file' }).click();
  expect((await download).suggestedFilename()).toBe('kubeplay-scenario.kubeplay.json');

  await dialog.getByRole('button', { name: /Run on a real cluster/ }).click();
  const real = page.getByRole('dialog', { name: 'Run on a real cluster' });
  await expect(real.getByRole('textbox', { name: 'kind.yaml' })).toHaveValue(/kind: Cluster/);
  await expect(real.getByRole('textbox', { name: 'kubeplay.sh' })).toHaveValue(/kubectl create deployment web --image=nginx --replicas=2/);
  await kp.screenshot('share-real-cluster');
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.screenshot('share-real-cluster-dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a long link warns and offers a file', async ({ kp, page }) => {
  // 9 KB of random bytes (as base64): text that does not compress.
  const noise = randomBytes(9000).toString('base64');
  await page.getByRole('button', { name: /^Share/ }).click();
  await page.getByRole('dialog', { name: 'Share this scenario' }).locator('input[type=file]').setInputFiles({ name: 'notes.yaml', mimeType: 'text/yaml', buffer: Buffer.from(`# ${noise}\n`) });
  // A YAML file opens as a tab (and the dialog closes on it).
  await expect(page.getByRole('tab', { name: /notes\.yaml/ })).toBeVisible();
  await shareLink(page);
  await expect(page.getByRole('alert').filter({ hasText: /some chat apps cut links/ })).toBeVisible();
  await kp.screenshot('share-long-link');
});

test('a YAML file dropped onto the editor becomes a tab; a scenario file dropped there opens', async ({ kp, page }) => {
  const drop = async (name: string, text: string) => {
    const data = await page.evaluateHandle(([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/plain' }));
      return dt;
    }, [name, text] as const);
    await page.locator('.file-drop-zone').dispatchEvent('drop', { dataTransfer: data });
  };
  await drop('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dropped\n');
  await expect(page.getByRole('tab', { name: /cm\.yaml/ })).toBeVisible();
  const scenario = { version: 1, files: [{ name: 'from-file.yaml', content: 'kind: ConfigMap\n' }], log: [{ at: 1000, line: 'kubectl create deployment filed --image=nginx' }], endAt: 30_000, speed: 0 };
  await drop('mine.kubeplay.json', JSON.stringify(scenario));
  await expect(page.getByRole('status').filter({ hasText: 'Opened a scenario file' })).toBeVisible({ timeout: 30_000 });
  await expect(kp.pods('filed-')).toHaveCount(1);
  await expect(page.getByRole('tab', { name: /from-file\.yaml/ })).toBeVisible();
});

test('?embed shows the scenario\'s cluster and terminal and a link to open it in full', async ({ page }) => {
  const fragment = await encodeScenario({ version: 1, files: [], cluster: {}, seed: 3, log: [{ at: 500, line: 'kubectl create deployment embedded --image=nginx --replicas=2' }], endAt: 20_000 });
  await page.goto(`/?embed#${fragment}`);
  const kp = new KubeplayPage(page);
  await expect(kp.pods('embedded-')).toHaveCount(2, { timeout: 30_000 });
  await expect(kp.terminal).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scenarios' })).toHaveCount(0);
  await expect(page.getByText('Your own work is kept separately')).toHaveCount(0);
  const open = page.getByRole('link', { name: 'Open in Kubeplay' });
  await expect(open).toHaveAttribute('href', new RegExp(`^http://localhost:\\d+/#${fragment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}$`));
  await expect(open).toHaveAttribute('target', '_blank');
  await page.setViewportSize({ width: 720, height: 520 });
  await kp.screenshot('share-embed');
});

test('the built page forbids inline scripts (Content-Security-Policy) and the editor still works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
  const kp = new KubeplayPage(page);
  await page.goto('/');
  await expect(kp.terminal).toBeVisible({ timeout: 30_000 });
  const ran = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    return { ran: (window as unknown as { __inline?: number }).__inline, directive: await violation };
  });
  expect(ran).toEqual({ ran: undefined, directive: expect.stringMatching(/^script-src/) });
  // Monaco (and its workers) under the policy: the schema check marks an unknown field.
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nbogusField: 1\n');
  await expect(page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first()).toBeVisible({ timeout: 30_000 });
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('worker-3');
  expect(errors).toEqual([]);
});
