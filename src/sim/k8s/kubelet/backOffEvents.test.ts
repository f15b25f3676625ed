import { describe, expect, it } from 'vitest';
import { world, type PodObj } from '../../testing/harness';

const pod = (name: string, container: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - ${container}
`;

/** The virtual times (ms after start) at which Events about `name` with `reason` and `message` were recorded, counting every occurrence. */
function occurrences(w: ReturnType<typeof world>, name: string, reason: string, message: RegExp): number[] {
  const t0 = w.cluster.now();
  const out: number[] = [];
  w.cluster.watch('events', (e) => {
    const ev = e.object as unknown as { involvedObject: { name: string }; reason: string; message: string; count: number };
    const old = e.old as unknown as { count: number } | undefined;
    if (ev.involvedObject.name !== name || ev.reason !== reason || !message.test(ev.message)) return;
    const n = ev.count - (e.type === 'MODIFIED' ? (old?.count ?? 0) : 0);
    for (let i = 0; i < n; i++) out.push(w.cluster.now() - t0);
  });
  return out;
}

describe('the kubelet records back-off Events at every pod worker resync', () => {
  it('a crash-looping container: BackOff again every 10 to 15 s while it waits, the restarts still 10, 20, 40 s apart', () => {
    const w = world({ workers: 1 });
    const times = occurrences(w, 'crash', 'BackOff', /^Back-off restarting failed container app in pod crash_default/);
    w.apply(pod('crash', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}')).advance('75s');
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // Fewer than 25 Events so far: the spam filter has let every one through.
    expect(times.length).toBeGreaterThanOrEqual(6);
    expect(times.length).toBeLessThan(25);
    for (const g of gaps) expect(g).toBeLessThanOrEqual(15_000);
    expect(gaps.filter((g) => g >= 10_000).length).toBeGreaterThanOrEqual(3);
    const p = w.client.get<PodObj>('pods', 'default', 'crash')!;
    expect(p.status?.containerStatuses?.[0].restartCount).toBe(4);
  });

  it('an image pull back-off: BackOff and "Error: ImagePullBackOff" again at every resync, counted on their Events', () => {
    const w = world({ workers: 1 });
    const backOff = occurrences(w, 'bad', 'BackOff', /^Back-off pulling image "nginx:doesnotexist"$/);
    const failed = occurrences(w, 'bad', 'Failed', /^Error: ImagePullBackOff$/);
    w.apply(pod('bad', '{name: app, image: "nginx:doesnotexist"}')).advance('2m');
    expect(backOff.length).toBeGreaterThanOrEqual(5);
    expect(failed.length).toBeGreaterThanOrEqual(5);
    // Each sync records both; past the burst of 25 the spam filter may let the first of a pair through alone.
    for (const t of failed) expect(backOff).toContain(t);
  });
});
