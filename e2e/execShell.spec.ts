import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('kubectl exec -it opens a shell in the container: its prompt, Tab on its paths and commands, its directory kept, a page nginx then serves, Ctrl+D back to $, replayed by a link', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl run web --image=nginx');
  await kp.speed.selectOption('10');
  await expect(kp.pods('web')).toHaveCount(1);
  await kp.run('kubectl wait --for=condition=Ready pod/web');
  await expect(kp.output).toContainText('pod/web condition met', { timeout: 30_000 });
  await kp.speed.selectOption('0');

  await kp.run('kubectl exec -it web -- bash');
  // Tab completes the container's paths and commands, not kubectl's words.
  await kp.terminal.fill('cd /usr/share/ngi');
  await kp.terminal.press('Tab');
  await expect(kp.terminal).toHaveValue('cd /usr/share/nginx/');
  await kp.terminal.press('End');
  await kp.terminal.press('h');
  await kp.terminal.press('Tab');
  await expect(kp.terminal).toHaveValue('cd /usr/share/nginx/html/');
  await kp.terminal.press('Enter');
  await kp.run('echo "<h1>Hello from inside</h1>" > index.html');
  await kp.terminal.fill('cur');
  await kp.terminal.press('Tab');
  await expect(kp.terminal).toHaveValue('curl ');
  await kp.terminal.fill('');
  await kp.run('curl -s localhost');
  await expect(kp.output).toContainText('root@web:/usr/share/nginx/html# curl -s localhost\n<h1>Hello from inside</h1>\n');
  await kp.screenshot('terminal-exec-shell');
  // Ctrl+D on an empty line: the shell exits and the prompt is the terminal's again.
  await kp.terminal.focus();
  await kp.terminal.press('Control+d');
  await expect(kp.output).toContainText('root@web:/usr/share/nginx/html# exit\n');
  await kp.run('kubectl get pod web -o name');
  await expect(kp.output).toContainText('$ kubectl get pod web -o name\npod/web\n');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await kp2.run('kubectl exec web -- cat /usr/share/nginx/html/index.html');
  await expect(kp2.output).toContainText('<h1>Hello from inside</h1>');
  await other.close();
});

test('kubectl exec runs as virtual time passes: a loop prints as it goes, Ctrl+C stops tail -f and a loop that never waits', async ({ kp }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl run web --image=nginx');
  await kp.speed.selectOption('10');
  await kp.run('kubectl wait --for=condition=Ready pod/web');
  await expect(kp.output).toContainText('pod/web condition met', { timeout: 30_000 });

  await kp.run(`kubectl exec web -- sh -c 'for i in 1 2 3; do echo "tick $i"; sleep 2; done'`);
  await expect(kp.output).toContainText('tick 1\n');
  await expect(kp.output).toContainText('tick 3\n', { timeout: 20_000 });
  await kp.run('echo "exit $?"');
  await expect(kp.output).toContainText('exit 0');

  await kp.run('kubectl exec web -- tail -f /etc/hosts');
  await expect(kp.output).toContainText('localhost');
  await kp.terminal.press('Control+c');
  await expect(kp.output).toContainText('^C');
  await kp.run('echo "tail $?"');
  await expect(kp.output).toContainText('tail 130');

  // A loop that never waits is paced by the simulation: the page stays responsive and Ctrl+C ends it.
  await kp.run(`kubectl exec web -- sh -c 'while true; do i=$((i+1)); done'`);
  await expect(kp.output).toContainText("while true; do i=$((i+1)); done'");
  await kp.terminal.press('Control+c');
  await kp.run('kubectl get pod web');
  await expect(kp.output).toContainText(/web\s+1\/1\s+Running/);
  await kp.screenshot('terminal-exec-streaming');
});

test('kubectl run -it --rm opens the new pod\'s shell at the terminal; exit ends the pod and deletes it; a link replays it', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.speed.selectOption('10');
  await kp.run('kubectl run -it --rm debug --image=busybox --restart=Never -- sh');
  await expect(kp.output).toContainText("If you don't see a command prompt, try pressing enter.", { timeout: 30_000 });
  await kp.run('nslookup kubernetes.default');
  await expect(kp.output).toContainText('/ # nslookup kubernetes.default\nServer:');
  await expect(kp.output).toContainText('Address: 10.96.0.1');
  await kp.screenshot('terminal-run-it-rm');
  await kp.run('exit');
  await expect(kp.output).toContainText('pod "debug" deleted');
  await kp.run('kubectl get pods');
  await expect(kp.output).toContainText(/No resources found in default namespace\.|debug\s+0\/1\s+Terminating/);
  await kp.run('kubectl run web --image=nginx');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await kp2.run('kubectl get pods -o name');
  await expect(kp2.output).toContainText('$ kubectl get pods -o name\npod/web\n');
  await other.close();
});

test("kubectl exec -it POD -- redis-cli opens redis-cli's prompt: Tab completes commands, replies print as on a terminal, exit returns to $, a link replays the data", async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl run db --image=redis:7.4');
  await kp.speed.selectOption('10');
  await kp.run('kubectl wait --for=condition=Ready pod/db');
  await expect(kp.output).toContainText('pod/db condition met', { timeout: 30_000 });
  await kp.speed.selectOption('0');

  await kp.run('kubectl exec -it db -- redis-cli');
  await kp.terminal.fill('CONF');
  await kp.terminal.press('Tab');
  await expect(kp.terminal).toHaveValue('CONFIG ');
  await kp.terminal.press('End');
  await kp.terminal.pressSequentially('GET maxmemory');
  await kp.terminal.press('Enter');
  await expect(kp.output).toContainText('127.0.0.1:6379> CONFIG GET maxmemory\n1) "maxmemory"\n2) "0"\n');
  await kp.run('set greeting "hello world"');
  await kp.run('get greeting');
  await expect(kp.output).toContainText('127.0.0.1:6379> get greeting\n"hello world"\n');
  await kp.run('exit');
  await kp.run('kubectl exec db -- redis-cli get greeting');
  await expect(kp.output).toContainText('$ kubectl exec db -- redis-cli get greeting\nhello world\n');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await kp2.run('kubectl exec db -- redis-cli get greeting');
  await expect(kp2.output).toContainText('hello world');
  await other.close();
});
