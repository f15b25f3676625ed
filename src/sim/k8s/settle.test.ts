import { describe, expect, it } from 'vitest';
import { world } from '../testing/harness';
import { isCalm } from './calm';
import { isHeartbeatOnly, Settler, SETTLE_CALM_QUIET_MS, SETTLE_QUIET_MS } from './settle';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
`;

const CRASHY = `apiVersion: v1
kind: Pod
metadata: {name: crashy}
spec:
  containers: [{name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}]
`;

describe('fast-forward until nothing changes', () => {
  it('stops when a Deployment is fully rolled out', () => {
    const w = world().apply(WEB);
    const start = w.cluster.now();
    const r = new Settler(w.cluster).run();
    expect(r?.type).toBe('settled');
    if (r?.type !== 'settled') return;
    const d = w.deployment('web');
    expect(d.status?.readyReplicas).toBe(3);
    expect(d.status?.updatedReplicas).toBe(3);
    // The last visible change is the rollout finishing (seconds in); all calm, the clock stops half a minute later.
    expect(r.settledAt - start).toBeGreaterThan(0);
    expect(r.settledAt - start).toBeLessThan(60_000);
    expect(r.endedAt).toBe(r.settledAt + SETTLE_CALM_QUIET_MS);
    expect(w.cluster.now()).toBe(r.endedAt);
  });

  it('stops at the cap for a crash-looping pod, naming it', () => {
    const w = world({ workers: 1 }).apply(CRASHY);
    const start = w.cluster.now();
    const r = new Settler(w.cluster, { maxMs: 10 * 60_000 }).run();
    expect(r?.type).toBe('cap');
    if (r?.type !== 'cap') return;
    expect(r.endedAt).toBe(start + 10 * 60_000);
    expect(r.changing[0]).toMatchObject({ resource: 'pods', key: 'default/crashy' });
    const pod = w.pods().find((p) => p.metadata.name === 'crashy');
    expect(pod?.status?.containerStatuses?.[0].restartCount).toBeGreaterThan(4);
  });

  it('counts an idle cluster as settled after the quiet window: heartbeats are not changes', () => {
    const w = world();
    const start = w.cluster.now();
    const r = new Settler(w.cluster).run();
    expect(r).toMatchObject({ type: 'settled', settledAt: start, endedAt: start + SETTLE_CALM_QUIET_MS, changes: 0 });
    // With calm not taken into account, only the long window counts.
    const r2 = new Settler(w.cluster, { calmQuietMs: SETTLE_QUIET_MS }).run();
    expect(r2).toMatchObject({ type: 'settled', changes: 0, endedAt: start + SETTLE_CALM_QUIET_MS + SETTLE_QUIET_MS });
  });

  it('does not take a powered-off node for calm: it waits for the node to go Unknown and its pods to be evicted', () => {
    const w = world().apply(WEB).advance('30s');
    w.cluster.stopNode('worker-1');
    const start = w.cluster.now();
    const r = new Settler(w.cluster, { maxMs: 30 * 60_000 }).run();
    expect(r?.type).toBe('settled');
    if (r?.type !== 'settled') return;
    // Unknown after the 50 s grace period, pods evicted 300 s after the taint, replacements Ready.
    expect(r.settledAt - start).toBeGreaterThan(350_000);
    const ready = w.client.get('nodes', undefined, 'worker-1')!.status as { conditions: { type: string; status: string }[] };
    expect(ready.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    expect(w.deployment('web').status?.availableReplicas).toBe(3);
  });

  it('settles within the default cap after a node powers off: once its pods are evicted and replaced, Terminating pods on a machine that is off stay so', () => {
    const w = world().apply(WEB).advance('30s');
    const stoppedAt = w.cluster.now();
    w.cluster.stopNode('worker-1');
    const r = new Settler(w.cluster, { maxMs: 10 * 60_000 }).run();
    expect(r?.type).toBe('settled');
    if (r?.type !== 'settled') return;
    // The last change is the eviction and its replacements (50 s + 300 s + a few seconds); then the short, calm window.
    expect(r.settledAt - stoppedAt).toBeGreaterThan(350_000);
    expect(r.endedAt).toBe(r.settledAt + SETTLE_CALM_QUIET_MS);
    const left = w.pods().filter((p) => p.spec?.nodeName === 'worker-1' && p.metadata.namespace === 'default');
    expect(left.every((p) => p.metadata.deletionTimestamp)).toBe(true);
  });

  it('keeps waiting while a pod on a tainted node tolerates the taint only for a while, not when it tolerates it forever', () => {
    // A bare pod pinned to worker-1 (a Deployment short of a Ready replica would keep waiting anyway).
    const tolerating = (seconds?: number) => `apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec:
  nodeName: worker-1
  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute${seconds === undefined ? '' : `, tolerationSeconds: ${seconds}`}}]
  containers: [{name: nginx, image: "nginx:1.27"}]
`;
    const forever = world().apply(tolerating()).advance('30s');
    forever.cluster.stopNode('worker-1');
    forever.advance('120s');
    expect(isCalm(forever.cluster)).toBe(true);
    const forAWhile = world().apply(tolerating(3600)).advance('30s');
    forAWhile.cluster.stopNode('worker-1');
    forAWhile.advance('120s');
    expect(isCalm(forAWhile.cluster)).toBe(false);
  });

  it('keeps the long window for an image pull back-off, which retries minutes apart', () => {
    const w = world({ workers: 1 }).apply(WEB.replace('nginx:1.27', 'nginx:doesnotexist'));
    const r = new Settler(w.cluster, { maxMs: 30 * 60_000 }).run();
    expect(r?.type).toBe('cap');
  });

  it('reaches the same world whether run at once or in slices', () => {
    const once = world({ seed: 3 }).apply(WEB);
    const sliced = world({ seed: 3 }).apply(WEB);
    const a = new Settler(once.cluster).run();
    const s = new Settler(sliced.cluster);
    let slices = 0;
    let b = s.run(() => true);
    while (!b) {
      slices++;
      b = s.run(() => true);
    }
    expect(slices).toBeGreaterThan(5);
    expect(b).toEqual(a);
    const names = (w: typeof once) => w.pods('app=web').map((p) => `${p.metadata.name} ${p.spec?.nodeName} ${p.status?.podIP}`).sort();
    expect(names(sliced)).toEqual(names(once));
  });

  it('tells heartbeats from changes', () => {
    const w = world({ workers: 1 });
    const node = w.client.get('nodes', undefined, 'worker-1')!;
    const status = node.status as { conditions: { type: string; lastHeartbeatTime: string }[] };
    const beat = { ...node, status: { ...status, conditions: status.conditions.map((c) => ({ ...c, lastHeartbeatTime: '2030-01-01T00:00:00Z' })) } };
    const relabel = { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } } };
    expect(isHeartbeatOnly({ type: 'MODIFIED', resource: 'nodes', key: 'worker-1', object: beat, old: node })).toBe(true);
    expect(isHeartbeatOnly({ type: 'MODIFIED', resource: 'nodes', key: 'worker-1', object: relabel, old: node })).toBe(false);
    const lease = w.client.get('leases.coordination.k8s.io', 'kube-node-lease', 'worker-1')!;
    expect(isHeartbeatOnly({ type: 'MODIFIED', resource: 'leases.coordination.k8s.io', key: 'kube-node-lease/worker-1', object: lease, old: lease })).toBe(true);
    expect(isHeartbeatOnly({ type: 'ADDED', resource: 'nodes', key: 'worker-1', object: node })).toBe(false);
  });
});
