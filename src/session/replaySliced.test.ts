import { describe, expect, it } from 'vitest';
import { preloadShellData, type Shell } from '../shell/index';
import { replayScenario, replayScenarioSliced, type ReplaySlicing } from './replay';
import type { Scenario } from './scenario';
import { typicalScenario } from './typicalScenario.testkit';

await preloadShellData();

function output(shell: Shell, line: string): string {
  let out = '';
  const exec = shell.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  if (!exec.done) exec.cancel();
  return out;
}

/** A typical session with a fast-forward (which moves the clock itself, paced by the next entry), a Ctrl+C and a Stop in it. */
function withWaits(): Scenario {
  const s = typicalScenario();
  const end = s.endAt;
  return {
    ...s,
    log: [
      ...s.log,
      { at: end + 1000, line: 'kubectl get pods -w' },
      { at: end + 3000, cancel: 'prompt' },
      { at: end + 4000, line: 'kubeplay clock settle', source: 'ui' },
      { at: end + 4000, line: 'kubectl delete pod -l app=web --wait=false' },
      { at: end + 9000, cancel: 'settle' },
      { at: end + 9500, line: 'kubectl scale deployment web --replicas=2' },
    ],
    endAt: end + 20_000,
  };
}

/** Slices that end after every entry (a clock that jumps past the budget each time it is read). */
function everyEntry(): ReplaySlicing & { pauses: number; reports: [number, number][] } {
  let t = 0;
  const slicing = {
    pauses: 0,
    reports: [] as [number, number][],
    wallNow: () => (t += 10),
    sliceMs: 5,
    pause: () => {
      slicing.pauses++;
      return Promise.resolve();
    },
    progress: (done: number, total: number) => void slicing.reports.push([done, total]),
  };
  return slicing;
}

describe('replayScenarioSliced', () => {
  it('pausing between every two entries reaches the same cluster, byte for byte, with the same transcript', async () => {
    const s = withWaits();
    let wholeOut = '';
    let slicedOut = '';
    const whole = replayScenario(s, { sink: { stdout: (t) => (wholeOut += t), stderr: (t) => (wholeOut += t) } });
    const slicing = everyEntry();
    const sliced = await replayScenarioSliced(s, { sink: { stdout: (t) => (slicedOut += t), stderr: (t) => (slicedOut += t) }, slicing });
    if (!whole.ok || !sliced.ok) throw new Error('replay failed');
    expect(slicing.pauses).toBe(s.log.length - 1);
    expect(sliced.replayed.cluster.now()).toBe(whole.replayed.cluster.now());
    expect(slicedOut).toBe(wholeOut);
    for (const look of ['kubectl get pods -o wide', 'kubectl get rs', 'kubectl get events', 'kubectl get nodes']) expect(output(sliced.replayed.shell, look), look).toBe(output(whole.replayed.shell, look));
  });

  it('reports how many commands of how many are replayed at each pause', async () => {
    const s = typicalScenario();
    const slicing = everyEntry();
    const r = await replayScenarioSliced(s, { slicing });
    expect(r.ok).toBe(true);
    expect(slicing.reports[0]).toEqual([1, 20]);
    expect(slicing.reports[slicing.reports.length - 1]).toEqual([19, 20]);
    expect(slicing.reports.map(([d]) => d)).toEqual(slicing.reports.map(([d]) => d).sort((a, b) => a - b));
  });

  it('counts only the commands up to `until`, and stops there', async () => {
    const s = typicalScenario();
    const slicing = everyEntry();
    const r = await replayScenarioSliced(s, { slicing, until: s.log[4].at });
    if (!r.ok) throw new Error(r.error);
    expect(r.replayed.cluster.now() - r.replayed.cluster.startTime).toBe(s.log[4].at);
    expect(slicing.reports.every(([, total]) => total === 5)).toBe(true);
  });

  it('within its budget it runs in one go, without a pause', async () => {
    const slicing = { wallNow: () => 0, sliceMs: 12, pause: () => Promise.reject(new Error('no pause expected')) };
    const r = await replayScenarioSliced(typicalScenario(), { slicing });
    expect(r.ok).toBe(true);
  });

  it('refuses a scenario past the bounds before running or pausing', async () => {
    const s: Scenario = { ...typicalScenario(), log: [{ at: 0, line: 'kubectl scale deployment web --replicas=10000000' }] };
    const slicing = everyEntry();
    const r = await replayScenarioSliced(s, { slicing });
    expect(r.ok).toBe(false);
    expect(slicing.pauses).toBe(0);
  });
});
