import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { createShell, memoryFiles, preloadShellData, type Execution, type Shell } from '../shell/index';
import { checkReplayBounds, REPLAY_LIMITS } from './bounds';
import { decodeScenario, encodeScenario } from './link';
import { replayScenario, startReplay } from './replay';
import type { LogEntry, Scenario } from './scenario';
import { CONFIGMAP, DEPLOYMENT, SERVICE, typicalScenario } from './typicalScenario.testkit';

await preloadShellData();

const FILES = [
  { name: 'configmap.yaml', content: CONFIGMAP },
  { name: 'deployment.yaml', content: DEPLOYMENT },
  { name: 'service.yaml', content: SERVICE },
];

function output(shell: Shell, line: string): string {
  let out = '';
  const exec = shell.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  if (!exec.done) exec.cancel();
  return out;
}

/**
 * A session as the browser runs it: time moves in uneven animation frames
 * (the clock loop), waiting commands are polled once per frame, and each
 * command is logged at the virtual time it ran.
 */
function liveSession(seed: number, actions: readonly { wait: number; line: string }[]): { scenario: Scenario; shell: Shell } {
  const cluster = createCluster({ seed });
  const contents = Object.fromEntries(FILES.map((f) => [f.name, f.content]));
  const shell = createShell({ cluster, files: memoryFiles(() => contents) });
  const start = cluster.startTime;
  const frames = [16, 17, 16, 33, 8, 17, 50];
  const sink = { stdout: () => {}, stderr: () => {} };
  let frame = 0;
  let running: Execution[] = [];
  const log: LogEntry[] = [];
  const tick = () => {
    cluster.advance(frames[frame++ % frames.length]);
    running = running.filter((e) => !e.poll());
  };
  for (const { wait, line } of actions) {
    const until = cluster.now() + wait;
    while (cluster.now() < until) tick();
    log.push({ at: cluster.now() - start, line });
    const exec = shell.run(line, sink);
    if (!exec.done) running.push(exec);
  }
  for (let i = 0; i < 300; i++) tick();
  for (const e of running) e.cancel();
  return { scenario: { version: 1, files: FILES, cluster: {}, seed, log, endAt: cluster.now() - start }, shell };
}

describe('replayScenario', () => {
  it('rebuilds a live session so that kubectl get pods -o wide is byte-identical', async () => {
    const live = liveSession(7, [
      { wait: 1200, line: 'kubectl apply -f configmap.yaml' },
      { wait: 800, line: 'kubectl apply -f deployment.yaml' },
      { wait: 300, line: 'kubectl apply -f service.yaml' },
      { wait: 100, line: 'kubectl rollout status deployment/web' },
      { wait: 9000, line: 'kubectl scale deployment web --replicas=6' },
      { wait: 4000, line: 'kubeplay node stop worker-2' },
      { wait: 2500, line: 'kubectl set image deployment/web nginx=nginx:1.28' },
      { wait: 700, line: 'kubeplay container crash web' },
      { wait: 45_000, line: 'kubectl delete pod -l app=web --wait=false' },
      { wait: 3000, line: 'kubeplay clock step 20s' },
      { wait: 1000, line: 'kubeplay node start worker-2' },
      { wait: 6000, line: 'kubectl get pods' },
    ]);
    const before = output(live.shell, 'kubectl get pods -o wide');
    expect(before.split('\n').length).toBeGreaterThan(5);
    const decoded = await decodeScenario(await encodeScenario(live.scenario));
    if (!decoded.ok) throw new Error(decoded.error);
    const r = replayScenario(decoded.scenario);
    if (!r.ok) throw new Error(r.error);
    expect(r.replayed.cluster.now() - r.replayed.cluster.startTime).toBe(live.scenario.endAt);
    expect(output(r.replayed.shell, 'kubectl get pods -o wide')).toBe(before);
    expect(output(r.replayed.shell, 'kubectl get nodes')).toBe(output(live.shell, 'kubectl get nodes'));
    expect(output(r.replayed.shell, 'kubectl get rs')).toBe(output(live.shell, 'kubectl get rs'));
  });

  it('shows the cluster as it was at an earlier moment (until)', () => {
    const s = typicalScenario();
    const early = replayScenario(s, { until: s.log[3].at });
    const late = replayScenario(s);
    if (!early.ok || !late.ok) throw new Error('replay failed');
    expect(early.replayed.cluster.now() - early.replayed.cluster.startTime).toBe(s.log[3].at);
    const pods = (r: typeof early) => (r.ok ? r.replayed.cluster.client().list('pods', { namespace: 'default' }).length : -1);
    expect(pods(early)).toBe(3);
    expect(pods(late)).toBeGreaterThanOrEqual(5);
  });

  it('resumes: a replay advanced in steps reaches the same cluster as one run to the end', () => {
    const s = typicalScenario();
    const whole = replayScenario(s);
    const started = startReplay(s);
    if (!whole.ok || !started.ok) throw new Error('replay failed');
    const { replayer } = started;
    replayer.advanceTo(s.log[3].at);
    expect(replayer.at).toBe(s.log[3].at);
    expect(replayer.pending()).toEqual(s.log.slice(4));
    expect(replayer.nextAt()).toBe(s.log[4].at);
    for (const at of [s.log[3].at + 1, s.log[9].at - 1, s.log[9].at, s.endAt - 3000, s.endAt]) replayer.advanceTo(at);
    expect(replayer.pending()).toEqual([]);
    expect(replayer.nextAt()).toBeUndefined();
    expect(output(replayer.shell, 'kubectl get pods -o wide')).toBe(output(whole.replayed.shell, 'kubectl get pods -o wide'));
    expect(output(replayer.shell, 'kubectl get rs')).toBe(output(whole.replayed.shell, 'kubectl get rs'));
  });

  it('echoes each command and its output to the sink, as the terminal would', () => {
    let out = '';
    replayScenario({ version: 1, files: [], cluster: {}, seed: 1, log: [{ at: 0, line: 'kubectl get ns default' }], endAt: 0 }, { sink: { stdout: (t) => (out += t), stderr: (t) => (out += t) } });
    expect(out).toMatch(/^\$ kubectl get ns default\nNAME +STATUS +AGE\ndefault +Active/);
  });

  it('keeps a command left waiting at the end running for the host, and honours a recorded Ctrl+C', () => {
    const base = { version: 1 as const, files: FILES, cluster: {}, seed: 1 };
    const left = replayScenario({ ...base, log: [{ at: 0, line: 'kubectl get pods -w' }], endAt: 5000 });
    expect(left.ok && left.replayed.running.map((r) => r.line)).toEqual(['kubectl get pods -w']);
    const stopped = replayScenario({ ...base, log: [{ at: 0, line: 'kubectl get pods -w' }, { at: 2000, cancel: 'prompt' }], endAt: 5000 });
    expect(stopped.ok && stopped.replayed.running).toEqual([]);
  });

  it('replays the recorded cluster shape and seed', () => {
    const r = replayScenario({ version: 1, files: [], cluster: { workers: 5, nodeCpu: '8' }, seed: 3, log: [{ at: 10, line: 'kubeplay node add worker-9 --label disk=ssd' }], endAt: 5000 });
    if (!r.ok) throw new Error(r.error);
    const names = r.replayed.cluster.client().list('nodes').map((n) => n.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['control-plane', 'worker-1', 'worker-5', 'worker-9']));
    expect(r.replayed.cluster.seed).toBe(3);
  });
});

describe('replay bounds', () => {
  const base: Scenario = { version: 1, files: [], cluster: {}, seed: 1, log: [], endAt: 0 };
  const refusal = (s: Partial<Scenario>) => checkReplayBounds({ ...base, ...s });

  it('refuses kubectl scale --replicas=10000000 before running anything', () => {
    const msg = 'refused: "kubectl scale deployment web --replicas=10000000" asks for replicas 10000000 (the playground runs at most 1000 per object)';
    expect(refusal({ log: [{ at: 0, line: 'kubectl scale deployment web --replicas=10000000' }] })).toBe(msg);
    expect(replayScenario({ ...base, log: [{ at: 0, line: 'kubectl scale deployment web --replicas=10000000' }] })).toEqual({ ok: false, error: msg });
    expect(refusal({ log: [{ at: 0, line: 'kubectl create deployment x --image=nginx --replicas 5000' }] })).toMatch(/asks for replicas 5000/);
    expect(refusal({ log: [{ at: 0, line: 'kubectl autoscale deployment web --max=100000' }] })).toMatch(/asks for max 100000/);
    expect(refusal({ log: [{ at: 0, line: `kubectl scale deployment web --replicas=${REPLAY_LIMITS.replicas}` }] })).toBeUndefined();
  });

  it('reads every command of a list (a && b; c) before running anything', () => {
    expect(refusal({ log: [{ at: 0, line: 'kubectl get pods && echo ok; kubectl scale deployment web --replicas=5000' }] })).toMatch(/asks for replicas 5000/);
  });

  it('reads the commands inside a loop or an if, before and while running them', () => {
    expect(refusal({ log: [{ at: 0, line: 'for i in 1 2; do kubectl scale deployment web --replicas=5000; done' }] })).toMatch(/asks for replicas 5000/);
    expect(refusal({ log: [{ at: 0, line: 'if true; then\n  kubectl scale deployment web --replicas=5000\nfi' }] })).toMatch(/asks for replicas 5000/);
    const sink = { out: '', stdout(t: string) { this.out += t; }, stderr(t: string) { this.out += t; } };
    const r = replayScenario({ ...base, log: [{ at: 0, line: 'for n in 2 5000; do kubectl create deployment d$n --image=nginx --replicas=$n; done' }], endAt: 1000 }, { sink });
    if (!r.ok) throw new Error(r.error);
    expect(sink.out).toContain('refused: "kubectl create deployment d5000 --image=nginx --replicas=5000" asks for replicas 5000 (the playground runs at most 1000 per object)\n');
    expect(r.replayed.cluster.client().list('deployments.apps').filter((d) => d.metadata.namespace === 'default').map((d) => d.metadata.name)).toEqual(['d2']);
  });

  it('refuses a file asking for more replicas than the limit, in any document', () => {
    const big = DEPLOYMENT.replace('replicas: 3', 'replicas: 10000000');
    expect(refusal({ files: [{ name: 'web.yaml', content: `${SERVICE}---\n${big}` }] })).toBe('refused: file "web.yaml" asks for replicas: 10000000 (the playground runs at most 1000 per object)');
    expect(refusal({ files: [{ name: 'job.json', content: '{"kind":"Job","spec":{"parallelism":"5e6"}}' }] })).toMatch(/parallelism: 5000000/);
    expect(refusal({ files: FILES })).toBeUndefined();
  });

  it('refuses a YAML alias bomb in a file (billion laughs) without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(refusal({ files: [{ name: 'lol.yaml', content: lines.join('\n') }] })).toBe('refused: file "lol.yaml" expands YAML aliases past 100 (an alias bomb?)');
    expect(refusal({ files: [{ name: 'ok.yaml', content: 'base: &b {cpu: 100m}\nspec:\n  replicas: 2\n  requests: *b\n' }] })).toBeUndefined();
  });

  it('refuses growing the cluster past 200 nodes or the clock past a day', () => {
    const adds = Array.from({ length: 200 }, (_, i) => ({ at: 0, line: `kubeplay node add n${i}` }));
    expect(refusal({ log: adds })).toBe('refused: the scenario adds nodes past 200');
    const steps = Array.from({ length: 25 }, () => ({ at: 0, line: 'kubeplay clock step 1h' }));
    expect(refusal({ log: steps })).toBe('refused: the scenario runs the clock past 24h of virtual time');
    expect(refusal({ log: [{ at: 0, line: 'kubeplay clock settle --max 24h' }], endAt: 1000 })).toMatch(/past 24h/);
  });

  it('refuses, as the replay runs it, what only expanding the line reveals: --replicas=$N, a manifest piped in, a clock step of $T', () => {
    const sink = { out: '', stdout(t: string) { this.out += t; }, stderr(t: string) { this.out += t; } };
    const r = replayScenario(
      {
        ...base,
        log: [
          { at: 0, line: 'kubectl create deployment web --image=nginx' },
          { at: 0, line: 'N=10000000' },
          { at: 0, line: 'kubectl scale deployment web --replicas=$N' },
          { at: 0, line: `echo '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"big"},"spec":{"replicas":5000000}}' | kubectl apply -f -` },
          { at: 0, line: 'T=25h' },
          { at: 0, line: 'kubeplay clock step $T' },
        ],
        endAt: 1000,
      },
      { sink },
    );
    if (!r.ok) throw new Error(r.error);
    expect(sink.out).toContain('refused: "kubectl scale deployment web --replicas=10000000" asks for replicas 10000000 (the playground runs at most 1000 per object)\n');
    expect(sink.out).toContain('refused: the manifest piped into kubectl asks for replicas: 5000000 (the playground runs at most 1000 per object)\n');
    expect(sink.out).toContain('refused: the scenario runs the clock past 24h of virtual time\n');
    expect(r.replayed.cluster.client().list('deployments.apps').filter((d) => d.metadata.namespace === 'default').map((d) => [d.metadata.name, (d.spec as { replicas: number }).replicas])).toEqual([['web', 1]]);
    // The learner's own commands after the replay are not bounded.
    expect(r.replayed.shell.run('kubectl scale deployment web --replicas=$N', { stdout: () => {}, stderr: () => {} }).exitCode).toBe(0);
  });
});
