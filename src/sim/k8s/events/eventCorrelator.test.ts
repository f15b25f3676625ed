import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { recorderFixture } from './recorderFixture';

interface Ev {
  metadata: { name: string };
  reason: string;
  message: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

function setUp() {
  const { log, recorder, t0, advance } = recorderFixture();
  const obj = (kind: string, name: string): KubeObject => ({ apiVersion: kind === 'ReplicaSet' ? 'apps/v1' : 'v1', kind, metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1' } });
  const events = (uid: string) => log.byIndex('involvedUid', uid).map((k) => log.get(k) as unknown as Ev);
  const at = (e: Ev) => (Date.parse(e.lastTimestamp) - t0) / 1000;
  return { recorder, obj, events, at, advance };
}

const created = (i: number) => `Created pod: web-7d4b9c8f5-${String(i).padStart(5, '0')}`;

describe('EventCorrelator (client-go tools/record)', () => {
  it('writes nine SuccessfulCreate Events of a ReplicaSet, then counts the rest on one "(combined from similar events)" Event', () => {
    const { recorder, obj, events } = setUp();
    const rs = obj('ReplicaSet', 'web-7d4b9c8f5');
    for (let i = 0; i < 20; i++) recorder.recordAs('replicaset-controller', undefined, rs, 'Normal', 'SuccessfulCreate', created(i));
    const evs = events('uid-web-7d4b9c8f5');
    expect(evs.map((e) => [e.message, e.count])).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [created(i), 1]),
      // The 10th to the 20th: one aggregate Event, its message the newest one's.
      [`(combined from similar events): ${created(19)}`, 11],
    ]);
    // Named like any Event: the object's name and a hex timestamp.
    expect(evs[9].metadata.name).toMatch(/^web-7d4b9c8f5\.[0-9a-f]+$/);
  });

  it('lets a source write 25 Events about one object at once, then one every 5 minutes; the held-back occurrences count when the next is written', () => {
    const { recorder, obj, events, advance, at } = setUp();
    const rs = obj('ReplicaSet', 'web');
    for (let i = 0; i < 40; i++) recorder.recordAs('replicaset-controller', undefined, rs, 'Normal', 'SuccessfulCreate', created(i));
    // 9 single Events and the aggregate's 16 writes (the 10th to the 25th occurrence) spend the burst of 25.
    expect(events('uid-web').at(-1)!.count).toBe(16);
    advance(299_000);
    recorder.recordAs('replicaset-controller', undefined, rs, 'Normal', 'SuccessfulCreate', created(40));
    expect(events('uid-web').at(-1)!.count).toBe(16);
    advance(1_000);
    recorder.recordAs('replicaset-controller', undefined, rs, 'Normal', 'SuccessfulCreate', created(41));
    // 300 s refill one token: the write carries every occurrence the filter held back (10th to 42nd: 33).
    const last = events('uid-web').at(-1)!;
    expect([last.count, last.message, at(last)]).toEqual([33, `(combined from similar events): ${created(41)}`, 300]);
  });

  it("throttles a crash-looping pod's repeated BackOff like any other Event from its kubelet, and keeps counting it", () => {
    const { recorder, obj, events, advance } = setUp();
    const pod = obj('Pod', 'crash');
    for (let i = 0; i < 30; i++) {
      recorder.recordAs('kubelet', 'worker-1', pod, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod crash_default(uid-crash)', 'spec.containers{app}');
      advance(10_000);
    }
    expect(events('uid-crash').map((e) => e.count)).toEqual([25]);
    advance(300_000);
    recorder.recordAs('kubelet', 'worker-1', pod, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod crash_default(uid-crash)', 'spec.containers{app}');
    expect(events('uid-crash').map((e) => e.count)).toEqual([31]);
  });

  it('creates an Event held back at its first occurrence when a later one gets through, with its first time and the count of all', () => {
    const { recorder, obj, events, advance, at } = setUp();
    const node = obj('Node', 'worker-1');
    for (let i = 0; i < 25; i++) recorder.recordAs('kubelet', 'worker-1', node, 'Normal', `Reason${i}`, 'm');
    advance(1_000);
    recorder.recordAs('kubelet', 'worker-1', node, 'Warning', 'Rebooted', 'Node worker-1 has been rebooted');
    recorder.recordAs('kubelet', 'worker-1', node, 'Warning', 'Rebooted', 'Node worker-1 has been rebooted');
    expect(events('uid-worker-1').length).toBe(25);
    advance(300_000);
    recorder.recordAs('kubelet', 'worker-1', node, 'Warning', 'Rebooted', 'Node worker-1 has been rebooted');
    const rebooted = events('uid-worker-1').filter((e) => e.reason === 'Rebooted');
    expect(rebooted.map((e) => [e.count, (Date.parse(e.firstTimestamp) - Date.parse(events('uid-worker-1')[0].firstTimestamp)) / 1000, at(e)])).toEqual([[3, 1, 301]]);
  });

  it('keeps each source its own bucket and each reason its own group', () => {
    const { recorder, obj, events } = setUp();
    const pod = obj('Pod', 'a');
    for (let i = 0; i < 30; i++) recorder.recordAs('kubelet', 'worker-1', pod, 'Normal', `Pulled${i}`, 'm');
    for (let i = 0; i < 5; i++) recorder.recordAs('taint-eviction-controller', undefined, pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod default/a (${i})`);
    const evs = events('uid-a');
    expect(evs.filter((e) => e.reason.startsWith('Pulled')).length).toBe(25);
    expect(evs.filter((e) => e.reason === 'TaintManagerEviction').length).toBe(5);
  });

  it('groups similar Events whatever their field path, and starts a group afresh after 10 minutes without one', () => {
    const { recorder, obj, events, advance } = setUp();
    const pod = obj('Pod', 'many');
    for (let i = 0; i < 9; i++) recorder.recordAs('kubelet', 'worker-1', pod, 'Normal', 'Pulled', `Container image "img${i}" already present on machine`, `spec.containers{c${i}}`);
    advance(600_001);
    recorder.recordAs('kubelet', 'worker-1', pod, 'Normal', 'Pulled', 'Container image "img9" already present on machine', 'spec.containers{c9}');
    expect(events('uid-many').map((e) => e.count)).toEqual(Array.from({ length: 10 }, () => 1));
    // Within 10 minutes of the last, 8 more messages make 9 distinct since the gap: the next one is the 10th and aggregates.
    for (let i = 10; i < 19; i++) recorder.recordAs('kubelet', 'worker-1', pod, 'Normal', 'Pulled', `Container image "img${i}" already present on machine`, `spec.containers{c${i}}`);
    const evs = events('uid-many');
    expect(evs.length).toBe(19);
    expect(evs.at(-1)!.message).toBe('(combined from similar events): Container image "img18" already present on machine');
  });

  it("neither aggregates nor throttles the scheduler's Events (events.k8s.io has no correlator)", () => {
    const { recorder, obj, events } = setUp();
    const pod = obj('Pod', 'p');
    for (let i = 0; i < 40; i++) recorder.recordAs('default-scheduler', undefined, pod, 'Warning', 'FailedScheduling', `0/4 nodes are available: ${i}`);
    expect(events('uid-p').length).toBe(40);
  });
});
