import { expect, test } from './support/fixtures';

test('kubectl explain loads the API descriptions on first use, even with the clock paused', async ({ kp, page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (/explainSchemas/.test(r.url())) chunks.push(r.url());
  });
  await kp.speed.selectOption('0');
  await kp.run('kubectl explain deployment.spec.replicas');
  await expect(kp.output).toContainText('FIELD: replicas <integer>');
  await expect(kp.output).toContainText('Number of desired pods.');
  expect(chunks.length).toBe(1);
  await kp.run('kubectl explain pods.spec.containerz');
  await expect(kp.output).toContainText('error: field "containerz" does not exist');
  await kp.screenshot('terminal-explain');
});

test('kubectl patch and wait work in the page', async ({ kp }) => {
  await kp.run('kubectl create deployment web --image=nginx');
  await kp.run('kubectl wait --for=condition=Available deployment/web --timeout=120s');
  await expect(kp.output).toContainText('deployment.apps/web condition met', { timeout: 30_000 });
  await kp.run(`kubectl patch deployment web -p '{"spec":{"replicas":2}}'`);
  await expect(kp.output).toContainText('deployment.apps/web patched');
});
