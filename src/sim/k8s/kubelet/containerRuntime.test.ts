import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import { parseImageRef } from '../images/imageRef';
import { unstartedProbeState } from './probes';
import { newNodeRuntime } from './kubeletController';
import { ContainerRuntime, NO_RUNS, PodRuntime } from './runtime';

const pod = (name: string, image: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: main, image: "${image}"}]
`;

const fresh = () => new ContainerRuntime('main', 0, false, parseImageRef('nginx:1.27'), unstartedProbeState({ name: 'main' }));

describe("a container's runtime record", () => {
  it('keeps no extras while nothing out of the ordinary is set (clearing what was never set makes none)', () => {
    const c = fresh();
    c.waiting = undefined;
    c.terminated = undefined;
    c.lastRun = NO_RUNS;
    c.statusWaiting = undefined;
    expect(c.hasExtras).toBe(false);
    expect(c.lastRun).toBe(NO_RUNS);
    expect(c.waiting).toBeUndefined();
  });

  it('reads back what was set, and drops the extras once all of them are clear again, not before', () => {
    const c = fresh();
    const waiting = { reason: 'ErrImagePull', message: 'x' };
    c.waiting = waiting;
    c.retryAt = 5;
    expect(c.hasExtras).toBe(true);
    expect(c.waiting).toBe(waiting);
    expect(c.retryAt).toBe(5);
    c.waiting = undefined;
    c.dropIdleExtras();
    // retryAt is still set.
    expect(c.hasExtras).toBe(true);
    expect(c.retryAt).toBe(5);
    c.retryAt = undefined;
    c.dropIdleExtras();
    expect(c.hasExtras).toBe(false);
    expect(c.retryAt).toBeUndefined();
    expect(c.lastRun).toBe(NO_RUNS);
  });
});

describe('images a node already has', () => {
  it('are found present by the pods after the first, while another image on the same node is still pulled', () => {
    const w = world({ workers: 1 }).apply(pod('a', 'nginx:1.27')).advance('20s').apply(pod('b', 'nginx:1.27')).advance('5s').apply(pod('c', 'redis:7')).advance('30s');
    const messages = (name: string) => w.events(w.client.get('pods', 'default', name)!).map((e) => e.message);
    expect(messages('a')).toContain('Pulling image "nginx:1.27"');
    expect(messages('b')).toContain('Container image "nginx:1.27" already present on machine');
    expect(messages('c')).toContain('Pulling image "redis:7"');
    expect(messages('c').some((m) => m.startsWith('Successfully pulled image "redis:7"'))).toBe(true);
  });
});

describe("a pod's runtime record", () => {
  it('names the node it was admitted on, and reads back how it is ending once set', () => {
    const node = newNodeRuntime('worker-1', '10.244.1.0/24', '172.18.0.3', 0);
    const rt = new PodRuntime('uid-1', 'default/web', node, 1_700_000_000_000, 450, [], []);
    expect(rt.node).toBe('worker-1');
    expect(rt.terminal).toBeUndefined();
    expect(rt.killing).toBeUndefined();
    rt.sidecarsStopping = undefined;
    const terminal = { reason: 'DeadlineExceeded', message: 'm' };
    rt.terminal = terminal;
    expect(rt.terminal).toBe(terminal);
    expect(rt.killing).toBeUndefined();
    rt.killing = { startedAt: 1, deadline: 2 };
    expect(rt.killing).toEqual({ startedAt: 1, deadline: 2 });
    expect(rt.terminal).toBe(terminal);
  });
});
