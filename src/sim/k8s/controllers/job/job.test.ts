import type { Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { world, type PodObj } from '../../../testing/harness';

type JobObj = KubeObject & Job;

const jobYaml = (name: string, spec: string, command: string, restartPolicy = 'Never') => `
apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${spec
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers: [{name: main, image: busybox:1.36, command: [sh, -c, ${JSON.stringify(command)}]}]
`;

const job = (w: ReturnType<typeof world>, name: string) => w.client.get<JobObj>('jobs.batch', 'default', name)!;
const cond = (j: JobObj, type: string) => j.status?.conditions?.find((c) => c.type === type);
const jobPods = (w: ReturnType<typeof world>, name: string) => w.pods(`job-name=${name}`);

describe('Job controller', () => {
  it('runs completions with at most parallelism pods, then SuccessCriteriaMet and Complete', () => {
    const w = world().apply(jobYaml('pi', 'completions: 3\nparallelism: 2', 'sleep 5; echo done')).advance('3s');
    expect(jobPods(w, 'pi').filter((p) => p.status?.phase !== 'Succeeded')).toHaveLength(2);
    w.advance('60s');
    const j = job(w, 'pi');
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0 });
    expect(cond(j, 'SuccessCriteriaMet')).toMatchObject({ status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(cond(j, 'Complete')).toMatchObject({ status: 'True', reason: 'CompletionsReached' });
    expect(j.status?.completionTime).toBeDefined();
    expect(w.events(j).map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'Completed']);
    expect(w.events(j)[0].message).toMatch(/^Created pod: pi-[a-z0-9]{5}$/);
  });

  it('gives its pods the generated selector labels', () => {
    const w = world().apply(jobYaml('pi', 'completions: 1', 'true')).advance('1s');
    const j = job(w, 'pi');
    const uid = j.metadata.uid!;
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(jobPods(w, 'pi')[0].metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' });
  });

  it('W2: backoffLimit 2 with every pod failing fails after the 3rd failed pod (BackoffLimitExceeded)', () => {
    const w = world().apply(jobYaml('f', 'backoffLimit: 2', 'exit 1')).advance('5m');
    const j = job(w, 'f');
    expect(j.status?.failed).toBe(3);
    expect(jobPods(w, 'f')).toHaveLength(3);
    expect(cond(j, 'FailureTarget')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(cond(j, 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(w.events(j).at(-1)).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
  });

  it('W3: backoffLimit 0 fails after the 1st failed pod', () => {
    const w = world().apply(jobYaml('f', 'backoffLimit: 0', 'exit 1')).advance('2m');
    expect(job(w, 'f').status?.failed).toBe(1);
    expect(cond(job(w, 'f'), 'Failed')?.reason).toBe('BackoffLimitExceeded');
  });

  it('W1: re-creates failed pods after 10 s, then 20 s, then 40 s', () => {
    const w = world().apply(jobYaml('f', 'backoffLimit: 6', 'exit 1')).advance('3m');
    const created = jobPods(w, 'f')
      .map((p) => Date.parse(p.metadata.creationTimestamp!))
      .sort((a, b) => a - b);
    const gaps = created.slice(1).map((t, i) => t - created[i]);
    // Each gap is the back-off plus the second or so the failed pod ran.
    expect(gaps.slice(0, 3).map((g) => Math.floor(g / 10_000) * 10)).toEqual([10, 20, 40]);
  });

  it('activeDeadlineSeconds kills running pods: Failed with DeadlineExceeded', () => {
    const w = world().apply(jobYaml('slow', 'activeDeadlineSeconds: 10', 'sleep 600')).advance('60s');
    const j = job(w, 'slow');
    expect(cond(j, 'Failed')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(jobPods(w, 'slow').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running')).toHaveLength(0);
  });

  it('Indexed: pods <job>-<index>-<random> with the index annotation, hostname and JOB_COMPLETION_INDEX', () => {
    const w = world().apply(jobYaml('idx', 'completions: 3\nparallelism: 3\ncompletionMode: Indexed', 'echo $JOB_COMPLETION_INDEX')).advance('60s');
    const pods = jobPods(w, 'idx').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2']);
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1', '2']);
    expect(pods.map((p) => p.spec?.hostname)).toEqual(['idx-0', 'idx-1', 'idx-2']);
    expect(JSON.stringify(w.cluster.containerLogs('default', pods[2].metadata.name, 'main'))).toContain('"2"');
    const j = job(w, 'idx');
    expect(j.status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
    expect(cond(j, 'Complete')?.status).toBe('True');
  });

  it('podFailurePolicy FailJob on an exit code fails the Job at once (reason PodFailurePolicy)', () => {
    const spec = 'backoffLimit: 6\npodFailurePolicy:\n  rules:\n  - action: FailJob\n    onExitCodes: {containerName: main, operator: In, values: [42]}';
    const w = world().apply(jobYaml('pfp', spec, 'exit 42')).advance('60s');
    const j = job(w, 'pfp');
    expect(j.status?.failed).toBe(1);
    expect(cond(j, 'Failed')).toMatchObject({ reason: 'PodFailurePolicy' });
    expect(cond(j, 'Failed')?.message).toMatch(/^Container main for pod default\/pfp-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$/);
  });

  it('OnFailure restarts the container in place and still completes', () => {
    const w = world().apply(jobYaml('retry', 'completions: 1', 'sleep 20', 'OnFailure')).advance('10s');
    const pod = jobPods(w, 'retry')[0].metadata.name;
    expect(w.cluster.crashContainer('default', pod, 'main').ok).toBe(true);
    w.advance('2m');
    expect(w.client.get<PodObj>('pods', 'default', pod)!.status?.containerStatuses?.[0].restartCount).toBe(1);
    const j = job(w, 'retry');
    expect(cond(j, 'Complete')?.status).toBe('True');
    expect(jobPods(w, 'retry')).toHaveLength(1);
  });

  it('suspend: creates no pods (Suspended condition), resuming starts them', () => {
    const w = world().apply(jobYaml('s', 'suspend: true', 'sleep 5')).advance('30s');
    expect(jobPods(w, 's')).toHaveLength(0);
    expect(cond(job(w, 's'), 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(job(w, 's').status?.startTime).toBeUndefined();
    w.edit<JobObj>('jobs.batch', 'default', 's', (j) => ({ ...j, spec: { ...j.spec!, suspend: false } })).advance('60s');
    expect(cond(job(w, 's'), 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed' });
    expect(cond(job(w, 's'), 'Complete')?.status).toBe('True');
  });

  it('ttlSecondsAfterFinished deletes the finished Job and its pods', () => {
    const w = world().apply(jobYaml('t', 'ttlSecondsAfterFinished: 30', 'true')).advance('20s');
    expect(job(w, 't')).toBeDefined();
    w.advance('60s');
    expect(job(w, 't')).toBeUndefined();
    expect(jobPods(w, 't')).toHaveLength(0);
  });

  it('re-adopts a pod whose ownerReference is removed and releases a relabeled one', () => {
    const w = world().apply(jobYaml('par', 'parallelism: 2\ncompletions: 4', 'sleep 600')).advance('10s');
    const [a, b] = jobPods(w, 'par');
    w.client.patch('pods', 'default', a.metadata.name, { metadata: { ownerReferences: null } }, 'merge');
    w.advance('1s');
    expect(w.client.get<PodObj>('pods', 'default', a.metadata.name)!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'par' });
    w.client.patch('pods', 'default', b.metadata.name, { metadata: { labels: { 'job-name': null, 'batch.kubernetes.io/controller-uid': null } } }, 'merge');
    w.advance('1s');
    expect(w.client.get<PodObj>('pods', 'default', b.metadata.name)!.metadata.ownerReferences).toBeUndefined();
  });
});
