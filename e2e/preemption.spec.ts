import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, test, type KubeplayPage } from './support/fixtures';

// Two 1.5-CPU fillers per 4-CPU worker leave 1 CPU free on each: a 3-CPU pod fits only if both go.
const FILLER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
spec:
  replicas: 6
  selector:
    matchLabels:
      app: filler
  template:
    metadata:
      labels:
        app: filler
    spec:
      containers:
        - name: sleep
          image: busybox:1.36
          command: ["sleep", "3600"]
          resources:
            requests:
              cpu: 1500m
`;

const VIP = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
description: Pods that may preempt the fillers.
---
apiVersion: v1
kind: Pod
metadata:
  name: vip
spec:
  priorityClassName: high
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests:
          cpu: "3"
`;

/** Replaces the active file's text in Monaco (one insertion, as a paste) and applies it. */
async function applyText(kp: KubeplayPage, page: Page, text: string): Promise<void> {
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f');
}

test('a high-priority pod that fits nowhere preempts lower-priority pods, and "Why this node?" says whom, where and why', async ({ kp, page }) => {
  test.setTimeout(150_000);
  await applyText(kp, page, FILLER);
  await expect(kp.output).toContainText('deployment.apps/filler created');
  await kp.speed.selectOption('10');
  await expect(kp.cluster.getByRole('button', { name: /^filler-[^,]*, Running \(running and ready\)/ })).toHaveCount(6, { timeout: 60_000 });

  // busybox's sleep ignores SIGTERM: at 1× the victims take their whole 30 s grace period to go.
  await kp.speed.selectOption('1');
  await applyText(kp, page, VIP);
  await expect(kp.output).toContainText('priorityclass.scheduling.k8s.io/high created');
  await expect(kp.output).toContainText('pod/vip created');
  const vip = kp.cluster.getByRole('button', { name: /^vip,/ });
  await vip.click();
  const panel = page.getByRole('complementary', { name: 'Pod vip' });
  await panel.getByRole('tab', { name: 'Why this node?' }).click();
  const tab = panel.getByRole('tabpanel');
  await expect(tab).toContainText(/Preempted 2 lower-priority pods on worker-\d \(priority 0\s<\s1000\):/, { timeout: 30_000 });
  const node = /on (worker-\d)/.exec((await tab.locator('.preemption h4').textContent()) ?? '')![1];
  const victims = tab.getByRole('list', { name: 'Preempted pods' }).getByRole('button', { name: /^filler-/ });
  await expect(victims).toHaveCount(2);
  await expect(tab.getByRole('list', { name: 'Preempted pods' })).toContainText('priority 0 · Terminating');
  await expect(tab).toContainText(`Nominated node (status.nominatedNodeName): ${node} — the pod waits while its victims terminate`);
  await kp.screenshot('preemption-waiting');
  expect(await seriousViolations(page)).toEqual([]);

  // A victim is one click away, and it is on the nominated node, shutting down.
  const victim = (await victims.first().textContent())!;
  await victims.first().click();
  const victimPanel = page.getByRole('complementary', { name: `Pod ${victim}` });
  await expect(victimPanel).toContainText(node);
  await victimPanel.getByRole('tab', { name: /^Events/ }).click();
  await expect(victimPanel.getByRole('tabpanel')).toContainText(`on node ${node}`);

  // Once the victims are gone the pod is bound to the nominated node; the story stays.
  await kp.speed.selectOption('10');
  await kp.cluster.getByRole('button', { name: /^vip,/ }).click();
  await panel.getByRole('tab', { name: 'Why this node?' }).click();
  await expect(tab).toContainText('the pod was bound there once its victims had terminated.', { timeout: 60_000 });
  await expect(tab).toContainText(`Bound to ${node}`);
  await expect(tab.getByRole('list', { name: 'Preempted pods' })).toContainText('deleted');
  await kp.screenshot('preemption-bound');

  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await expect(tab).toContainText(new RegExp(`在 ${node} 上抢占了 2 个低优先级 Pod（优先级 0\\s<\\s1000）`));
  await expect(tab).toContainText('被抢占的 Pod 终止后，Pod 已绑定到这个节点。');
  await kp.screenshot('preemption-bound-zh');
});
