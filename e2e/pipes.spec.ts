import { expect, test } from './support/fixtures';

test('a pipe typed into the terminal filters kubectl output through grep and wc', async ({ kp }) => {
  await kp.terminal.pressSequentially("kubectl get nodes | grep 'worker-2'");
  await kp.terminal.press('Enter');
  await expect(kp.output).toContainText("$ kubectl get nodes | grep 'worker-2'");
  await expect(kp.output).toContainText(/worker-2\s+Ready/);
  await expect(kp.output).not.toContainText(/worker-1\s+Ready/);
  await expect(kp.output).not.toContainText(/NAME\s+STATUS/);
  await kp.run('kubectl get nodes -o name | wc -l');
  await expect(kp.output).toContainText(/\$ kubectl get nodes -o name \| wc -l\s+4\b/);
  await kp.screenshot('terminal-pipes');
});
