import { test as base, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { encodeScenario } from '../src/session/link';
import type { Scenario } from '../src/session/scenario';
import { expect, KubeplayPage } from './support/fixtures';

/**
 * Untrusted links are data, never code: each hostile link leaves the page
 * responsive, the payload shown as text (or refused with a clear message and
 * the default scenario), nothing run, nothing crashed.
 */
const test = base.extend<{ kp: KubeplayPage; errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await use(errors);
    expect(errors, 'no errors, no dialogs').toEqual([]);
  },
  kp: async ({ page }, use) => use(new KubeplayPage(page)),
});

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const packed = (json: string) => `v1.${b64url(deflateSync(Buffer.from(json)))}`;

/** Opens `/#fragment` as a fresh page load. */
async function openLink(page: Page, fragment: string, query = ''): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${query}#${fragment}`);
}

/** The page still answers: a command runs and prints; nothing the payload planted ran. */
async function stillResponsive(kp: KubeplayPage): Promise<void> {
  await expect(kp.terminal).toBeVisible({ timeout: 30_000 });
  await kp.run('echo still-alive');
  await expect(kp.output).toContainText('\nstill-alive', { timeout: 30_000 });
  expect(await kp.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await kp.page.locator('img[src="x"], iframe, object, embed').count()).toBe(0);
}

/** A refused link: the message says why, and the default scenario (the starter file) is there. */
async function refused(kp: KubeplayPage, reason: RegExp): Promise<void> {
  const alert = kp.page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(reason);
  await expect(kp.page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
  await stillResponsive(kp);
}

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const FILE = '<img src=x onerror=window.__pwned=3>.yaml';

test('script tags and event-handler attributes in annotations, file names and commands are shown as text', async ({ kp, page, errors }) => {
  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: xss
  annotations:
    evil: '${XSS}'
spec:
  replicas: 1
  selector:
    matchLabels: {app: xss}
  template:
    metadata:
      labels: {app: xss}
      annotations:
        evil: '${XSS}'
    spec:
      containers:
        - name: nginx
          image: nginx
`;
  const scenario: Scenario = {
    version: 1,
    files: [{ name: FILE, content: manifest }],
    cluster: {},
    seed: 1,
    log: [
      { at: 100, line: `kubectl apply -f '${FILE}'` },
      { at: 200, line: `echo '${XSS}'` },
      { at: 300, line: `kubectl annotate deployment xss note='${XSS}'` },
    ],
    endAt: 20_000,
    speed: 0,
  };
  await openLink(page, await encodeScenario(scenario));
  await expect(page.getByRole('status').filter({ hasText: 'Opened a shared link' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('tab').filter({ hasText: FILE })).toBeVisible();
  await expect(kp.output).toContainText(XSS);
  await kp.pods('xss-').first().click();
  const panel = page.getByRole('complementary', { name: /^Pod xss-/ });
  await panel.getByRole('tab', { name: 'Describe' }).click();
  await expect(panel).toContainText(`evil: ${XSS}`);
  await kp.screenshot('hostile-xss');
  await stillResponsive(kp);
  expect(errors).toEqual([]);
});

test('a decompression bomb is cut off at 1 MB', async ({ kp, page }) => {
  await openLink(page, `v1.${b64url(deflateSync(Buffer.alloc(50_000_000, 32)))}`);
  await refused(kp, /unpacks to more than 1 MB/);
});

test('deeply nested JSON is refused before it is parsed', async ({ kp, page }) => {
  await openLink(page, packed(`{"version":1,"log":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`));
  await refused(kp, /nested deeper than 16 levels/);
});

test('a YAML alias bomb (billion laughs) is refused before anything runs', async ({ kp, page }) => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
  await openLink(page, await encodeScenario({ version: 1, files: [{ name: 'lol.yaml', content: bomb }], cluster: {}, seed: 1, log: [{ at: 0, line: 'kubectl apply -f lol.yaml' }], endAt: 0 }));
  await refused(kp, /expands YAML aliases past 100/);
});

test('ten million replicas are refused with a message, not a frozen tab', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await openLink(page, await encodeScenario({ version: 1, files: [], cluster: {}, seed: 1, log: [{ at: 0, line: 'kubectl create deployment big --image=nginx --replicas=10000000' }], endAt: 0 }));
  await refused(kp, /asks for replicas 10000000 \(the playground runs at most 1000 per object\)/);
  const withFile = await encodeScenario({ version: 1, files: [{ name: 'big.yaml', content: 'kind: Deployment\nspec:\n  replicas: 10000000\n' }], cluster: { workers: 200 }, seed: 1, log: [], endAt: 0 });
  await openLink(page, withFile);
  await refused(kp, /file "big.yaml" asks for replicas: 10000000/);
});

test('random bytes get a clear message', async ({ kp, page }) => {
  let seed = 7;
  const random = Array.from({ length: 3000 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 64]).join('');
  await openLink(page, `v1.${random}`);
  await refused(kp, /damaged/);
  await openLink(page, 'v1.%F0%9F%92%A5%00<script>');
  await refused(kp, /damaged \(not valid base64url\)/);
});

test('a truncated link and a tampered link get a clear message', async ({ kp, page }) => {
  test.setTimeout(120_000);
  const good = await encodeScenario({ version: 1, files: [], cluster: {}, seed: 1, log: [{ at: 0, line: 'kubectl create deployment web --image=nginx' }], endAt: 5000 });
  await openLink(page, good.slice(0, Math.floor(good.length / 2)));
  await refused(kp, /cut short when copied/);
  const middle = Math.floor(good.length / 2);
  await openLink(page, `${good.slice(0, middle)}${good[middle] === 'A' ? 'B' : 'A'}${good.slice(middle + 1)}`);
  await refused(kp, /damaged|invalid scenario/);
});

test('a link from a future version says to update', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await openLink(page, 'v2.AAAA');
  await refused(kp, /made by a newer Kubeplay \(link format 2; this page reads up to 1\)/);
  await openLink(page, packed('{"version":3,"log":[]}'));
  await refused(kp, /newer Kubeplay \(format 3/);
  await kp.screenshot('hostile-refused');
});

test('a hostile scenario file is refused the same way', async ({ kp, page }) => {
  await page.goto('/');
  await expect(kp.terminal).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Share/ }).click();
  const input = page.getByRole('dialog', { name: 'Share this scenario' }).locator('input[type=file]');
  await input.setInputFiles({ name: 'evil.kubeplay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, files: [{ name: 'a', content: 'x' }], log: [{ at: 0, line: 'kubectl scale deployment web --replicas=99999999' }] })) });
  const alert = page.getByRole('alert').filter({ hasText: 'This file could not be opened' });
  await expect(alert).toContainText(/asks for replicas 99999999/);
  await stillResponsive(kp);
});
