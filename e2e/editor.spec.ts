import type { Locator, Page } from '@playwright/test';
import { expect, test, type KubeplayPage } from './support/fixtures';

const HELLO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** The Monaco editor, once it has loaded (the plain text area stands in before). */
async function monacoEditor(page: Page): Promise<Locator> {
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  return editor;
}

/** Replaces the active file's text, typed into Monaco as one insertion (as a paste would). */
async function replaceText(page: Page, text: string): Promise<void> {
  const editor = await monacoEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape'); // close a suggestion list, if one opened
}

/** The line number Monaco marks as the cursor's. */
function cursorLine(page: Page): Locator {
  return page.locator('.monaco-editor .line-numbers.active-line-number');
}

function tabs(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Open files' }).getByRole('tab');
}

async function tabNames(page: Page): Promise<string[]> {
  return (await tabs(page).locator('.file-tab-name').allTextContents()).map((t) => t.trim());
}

async function newFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New file' }).click();
  const rename = page.getByRole('textbox', { name: /^Rename / });
  await expect(rename).toBeFocused();
  await rename.fill(name);
  await rename.press('Enter');
  await expect(page.getByRole('tab', { name, selected: true, exact: true })).toBeVisible();
}

function runningPods(kp: KubeplayPage, prefix: string): Locator {
  return kp.cluster.getByRole('button', { name: new RegExp(`^${prefix}[^,]*, Running`) });
}

test('a Deployment typed into the editor and applied runs its pods', async ({ kp, page }) => {
  await monacoEditor(page);
  await kp.screenshot('editor-boot');
  await newFile(page, 'hello.yaml');
  await replaceText(page, HELLO);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f hello.yaml');
  await expect(kp.output).toContainText('deployment.apps/hello created');
  await kp.speed.selectOption('10');
  await expect(runningPods(kp, 'hello-')).toHaveCount(2, { timeout: 30_000 });
  await kp.screenshot('editor-applied');
});

test('Ctrl+Enter in the editor applies the file, through the terminal', async ({ kp, page }) => {
  const editor = await monacoEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(kp.output).toContainText('$ kubectl apply -f web.yaml');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await expect(kp.pods('web-')).toHaveCount(3);
});

test('an invalid field is marked where kubectl points, and nothing changes', async ({ kp, page }) => {
  await replaceText(page, HELLO.replace('replicas: 2', 'replicas: -1'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('The Deployment "hello" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  await expect(kp.output).toContainText('--> web.yaml:6:3 (spec.replicas)');
  // The marker: the status line names it, the tab shows it, and F8 goes to it (line 6).
  await expect(page.getByRole('button', { name: /^Line 6, column 3: The Deployment "hello" is invalid/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'web.yaml, has kubectl errors', exact: true })).toBeVisible();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect(cursorLine(page)).toHaveText('6');
  await expect(page.locator('.monaco-editor .marker-widget')).toContainText('spec.replicas: Invalid value: -1');
  await kp.screenshot('editor-invalid-marker');
  await page.keyboard.press('Escape');
  await kp.run('kubectl get deployments');
  await expect(kp.output).toContainText('No resources found in default namespace.');
  await expect(kp.pods('hello-')).toHaveCount(0);

  // Fixing it and applying again clears the marker.
  await replaceText(page, HELLO);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('deployment.apps/hello created');
  await expect(page.getByRole('button', { name: /^Line 6, column 3/ })).toHaveCount(0);
});

test('a YAML syntax error is marked at its line, and nothing changes', async ({ kp, page }) => {
  await replaceText(page, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n  labels: [app\nspec: {}\n');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('error parsing web.yaml');
  await expect(kp.output).toContainText(/--> web\.yaml:\d+:\d+/);
  const where = /--> web\.yaml:(\d+):\d+/.exec((await kp.output.textContent()) ?? '');
  const line = where?.[1] ?? '';
  expect(Number(line)).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('button', { name: new RegExp(`^Line ${line}, column \\d+: error: error parsing web\\.yaml`) })).toBeVisible();
  await kp.screenshot('editor-syntax-error');
  await kp.run('kubectl get pods');
  await expect(kp.output).toContainText('No resources found in default namespace.');
});

test('a file name with spaces and symbols is quoted for the shell and still gets its marker', async ({ kp, page }) => {
  await monacoEditor(page);
  await newFile(page, "my app's #1.yaml");
  await replaceText(page, HELLO.replace('replicas: 2', 'replicas: two'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText(`$ kubectl apply -f 'my app'\\''s #1.yaml'`);
  await expect(kp.output).toContainText("--> my app's #1.yaml:6:3 (spec.replicas)");
  await expect(page.getByRole('button', { name: /^Line 6, column 3: Error from server \(BadRequest\)/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: "my app's #1.yaml, has kubectl errors", exact: true })).toBeVisible();
});

test('tabs: new, rename, reorder with the keyboard, close and reopen', async ({ kp, page }) => {
  await monacoEditor(page);
  await newFile(page, 'svc.yaml');
  expect(await tabNames(page)).toEqual(['web.yaml', 'svc.yaml']);

  // Rename with F2; a taken name is refused with a reason.
  const svc = page.getByRole('tab', { name: 'svc.yaml', exact: true });
  await svc.focus();
  await svc.press('F2');
  const rename = page.getByRole('textbox', { name: 'Rename svc.yaml' });
  await rename.fill('web.yaml');
  await rename.press('Enter');
  await expect(page.locator('.editor-notice[role=alert]')).toHaveText(/There is already a file named web\.yaml\./);
  await rename.fill('db.yaml');
  await rename.press('Enter');
  await expect(page.getByRole('tab', { name: 'db.yaml', selected: true, exact: true })).toBeFocused();

  // Ctrl+Shift+← moves the tab; ←/→ move between tabs.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  expect(await tabNames(page)).toEqual(['db.yaml', 'web.yaml']);
  await expect(page.getByRole('tab', { name: 'db.yaml', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'web.yaml', selected: true, exact: true })).toBeFocused();

  // Apply applies the file shown.
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f web.yaml');

  // Delete closes a tab; Reopen brings it back where it was.
  await page.getByRole('tab', { name: 'db.yaml', exact: true }).focus();
  await page.keyboard.press('Delete');
  expect(await tabNames(page)).toEqual(['web.yaml']);
  await expect(page.getByRole('status').filter({ hasText: 'Closed db.yaml.' })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen' }).click();
  expect(await tabNames(page)).toEqual(['db.yaml', 'web.yaml']);

  // The × on a tab closes it too; with no file left the editor says what to do.
  for (const name of ['db.yaml', 'web.yaml']) {
    await page.getByRole('tab', { name, exact: true }).hover();
    await page.getByRole('tab', { name, exact: true }).locator('.file-tab-close').click();
  }
  await expect(tabs(page)).toHaveCount(0);
  await expect(page.getByText('No file is open.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await kp.screenshot('editor-no-files');
});

test('the File actions menu renames and moves tabs too', async ({ kp: _kp, page }) => {
  await monacoEditor(page);
  await newFile(page, 'a.yaml');
  await page.getByRole('button', { name: 'File actions' }).click();
  await page.getByRole('menuitem', { name: /^Move tab left/ }).click();
  expect(await tabNames(page)).toEqual(['a.yaml', 'web.yaml']);
  await page.getByRole('button', { name: 'File actions' }).press('Enter');
  await expect(page.getByRole('menu', { name: 'File actions' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const rename = page.getByRole('textbox', { name: 'Rename a.yaml' });
  await expect(rename).toBeFocused();
  await rename.fill('b.yaml');
  await rename.press('Enter');
  expect(await tabNames(page)).toEqual(['b.yaml', 'web.yaml']);
});

test('tabs can be dragged to a new place', async ({ kp: _kp, page }) => {
  await page.setViewportSize({ width: 1600, height: 800 }); // room for every tab: no scrolling while dragging
  await monacoEditor(page);
  await newFile(page, 'a.yaml');
  await newFile(page, 'b.yaml');
  expect(await tabNames(page)).toEqual(['web.yaml', 'a.yaml', 'b.yaml']);
  await page.getByRole('tab', { name: 'b.yaml', exact: true }).dragTo(page.getByRole('tab', { name: 'web.yaml', exact: true }), { targetPosition: { x: 4, y: 10 } });
  expect(await tabNames(page)).toEqual(['b.yaml', 'web.yaml', 'a.yaml']);
});

test('a template opens as a new file, or joins the current file as another document', async ({ kp, page }) => {
  await monacoEditor(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await expect(page.getByRole('menu', { name: 'Templates' })).toBeVisible();
  await kp.screenshot('editor-templates-menu');
  await page.getByRole('menuitem', { name: /^Service/ }).click();
  await expect(page.getByRole('tab', { name: 'service.yaml', selected: true, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('service/hello created');

  await page.getByRole('tab', { name: 'web.yaml', exact: true }).click();
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitemradio', { name: 'Into web.yaml' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Into web.yaml' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('menuitem', { name: /^Pod/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added a Pod to web.yaml' })).toBeVisible();
  // The editor shows the new document: web.yaml's 25 lines, `---`, then the Pod from line 27.
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(/kind:\sPod/);
  await expect(cursorLine(page)).toHaveText('27');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('deployment.apps/web created');
  await expect(kp.output).toContainText('pod/hello-pod created');
  await expect(kp.pods('hello-pod')).toHaveCount(1);
});

test('hover shows the field\'s description from the Kubernetes API', async ({ kp, page }) => {
  const editor = await monacoEditor(page);
  await expect(page.getByText('Loading the Kubernetes schema…')).toHaveCount(0, { timeout: 30_000 });
  await editor.locator('.view-line', { hasText: /replicas/ }).first().hover({ position: { x: 30, y: 8 } });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Number of desired pods' })).toBeVisible({ timeout: 15_000 });
  await kp.screenshot('editor-hover');
});

test('the editor completes fields and enum values from the schema', async ({ kp: _kp, page }) => {
  await replaceText(page, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPol');
  await expect(page.getByText('Loading the Kubernetes schema…')).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toContainText('restartPolicy', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(suggest.locator('.monaco-list-row')).toHaveText([/Always/, /Never/, /OnFailure/], { timeout: 15_000 });
});

test('work survives a reload', async ({ kp: _kp, page }) => {
  await monacoEditor(page);
  await newFile(page, 'keep.yaml');
  await replaceText(page, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept\n');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kept');
  await page.reload(); // leaving the page saves what the debounce has not saved yet
  await expect(page.getByRole('tab', { name: 'keep.yaml', selected: true, exact: true })).toBeVisible();
  await expect((await monacoEditor(page)).locator('.view-lines')).toContainText('kept');
});

test('the editor follows the dark theme', async ({ kp, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const editor = await monacoEditor(page);
  await expect(editor).toHaveClass(/vs-dark/);
  await kp.screenshot('editor-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(editor).not.toHaveClass(/vs-dark/);
});
