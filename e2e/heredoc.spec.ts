import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('a learner types a manifest into kubectl apply -f - <<EOF line by line, pastes another, writes a manifest into the editor with >, and a share link replays it all', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  // Typed: each line under bash's > prompt until the EOF line runs the command.
  for (const line of ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: greeting', 'data:', '  message: hello', 'EOF']) await kp.run(line);
  await expect(kp.output).toContainText('configmap/greeting created');
  await expect(kp.output).toContainText('$ kubectl apply -f - <<EOF\n> apiVersion: v1\n> kind: ConfigMap\n> metadata:\n>   name: greeting');
  await kp.run("kubectl get configmap greeting -o jsonpath='{.data.message}{\"\\n\"}'");
  await expect(kp.output).toContainText(/\nhello\n/);

  // Pasted, as one copies it from the docs: the here-document runs as one command, the next line after it.
  await kp.terminal.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'cat <<EOF | kubectl apply -f -\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\nEOF\nkubectl get deployments 2>&1 | grep -c web\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(kp.output).toContainText('deployment.apps/web created');
  await expect(kp.output).toContainText(/grep -c web\n1\n/);
  await kp.speed.selectOption('10');
  await expect(kp.pods('web-')).toHaveCount(2, { timeout: 30_000 });
  await kp.speed.selectOption('0');
  await kp.screenshot('terminal-heredoc');

  // Output written to a file opens it in the editor, where kubectl apply -f finds it.
  await kp.run('kubectl create deployment api --image=nginx:1.27 --dry-run=client -o yaml > api.yaml');
  const tab = page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: 'api.yaml', selected: true, exact: true });
  await expect(tab).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('name: api');
  await kp.run('kubectl apply -f api.yaml');
  await expect(kp.output).toContainText('deployment.apps/api created');
  await kp.screenshot('terminal-redirect-to-editor');

  const { kp: kp2, page: fresh, context: other } = await openSharedInFreshBrowser(page, browser);
  await expect(kp2.pods('web-')).toHaveCount(2);
  await kp2.run("kubectl get configmap greeting -o jsonpath='{.data.message}{\"\\n\"}'");
  await expect(kp2.output).toContainText(/\nhello\n/);
  await expect(fresh.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: 'api.yaml', exact: true })).toBeVisible();
  await kp2.run('kubectl get deployment api -o name');
  await expect(kp2.output).toContainText('deployment.apps/api\n');
  await other.close();
});
