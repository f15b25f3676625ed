import { expect, openSharedInFreshBrowser, test } from './support/fixtures';

test('a learner types a loop over several lines, recalls it with ↑, watches the cluster in a while loop until Ctrl+C, deletes every pod in a for loop, and a share link replays it', async ({ kp, page, browser }) => {
  test.setTimeout(120_000);
  // Typed line by line: bash's > prompt until `done` runs the loop.
  for (const line of ['for i in 1 2 3', 'do', '  echo "round $i"', 'done']) await kp.run(line);
  await expect(kp.output).toContainText('$ for i in 1 2 3\n> do\n>   echo "round $i"\n> done\nround 1\nround 2\nround 3\n');
  // ↑ brings it back as one line, as bash's history keeps it.
  await kp.terminal.press('ArrowUp');
  await expect(kp.terminal).toHaveValue('for i in 1 2 3; do echo "round $i"; done');
  await kp.terminal.fill('');

  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await kp.speed.selectOption('10');
  await expect(kp.pods('web-')).toHaveCount(3, { timeout: 30_000 });
  // A watch made of a loop: a round every 2 s of virtual time, until Ctrl+C.
  await kp.run('while true; do echo "pods: $(kubectl get pods --no-headers | grep -c Running)"; sleep 2; done');
  await expect(kp.output).toContainText(/(pods: 3\n){3}/, { timeout: 30_000 });
  await kp.terminal.press('Control+c');
  await expect(kp.output).toContainText('^C');
  await kp.run('echo "status $?"');
  await expect(kp.output).toContainText('status 130');
  await kp.screenshot('terminal-while-loop');

  // Self-healing, the loop way: delete every pod, and the ReplicaSet makes new ones.
  await kp.run('for p in $(kubectl get pods -l app=web -o name); do kubectl delete $p --wait=false; done');
  await expect(kp.output).toContainText(/(pod "web-[a-z0-9]+-[a-z0-9]{5}" deleted\n){3}/);
  await kp.run('until [ "$(kubectl get pods -l app=web --no-headers | grep -c Running)" -eq 3 ]; do sleep 1; done; echo healed');
  await expect(kp.output).toContainText('\nhealed\n', { timeout: 30_000 });
  // A loop fed by a pipe: read takes a pod a round.
  await kp.run(`kubectl get pods -l app=web --no-headers | while read name ready status rest; do printf '%-24s %s\\n' "$name" "$status"; done`);
  await expect(kp.output).toContainText(/(web-[a-z0-9]+-[a-z0-9]{5} +Running\n){3}/);
  await kp.speed.selectOption('0');
  await kp.screenshot('terminal-for-loop-self-healing');

  const { kp: kp2, context: other } = await openSharedInFreshBrowser(page, browser);
  await expect(kp2.pods('web-')).toHaveCount(3);
  await kp2.run('kubectl get pods -l app=web --no-headers | grep -c Running');
  await expect(kp2.output).toContainText(/grep -c Running\n3\n/);
  await other.close();
});
