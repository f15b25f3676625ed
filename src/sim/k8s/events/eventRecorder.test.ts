import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { EVENT_TTL_MS, EventLog } from './eventLog';
import { EventRecorder } from './eventRecorder';

function setUp() {
  const store = new ObjectStore();
  let now = Date.parse('2025-03-01T09:00:00Z');
  const log = new EventLog(store, 'events', 7, () => now);
  store.defineVirtual('events', log);
  const recorder = new EventRecorder(log);
  const pod = (name: string, rv = '1'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv } });
  const events = (uid: string) => log.byIndex('involvedUid', uid).map((k) => log.get(k) as unknown as { reason: string; message: string; count: number; source: { component: string; host?: string }; involvedObject: { fieldPath?: string; resourceVersion?: string } });
  return { log, recorder, pod, events, advance: (ms: number) => (now += ms) };
}

describe('EventRecorder', () => {
  it('counts an identical event about the same object on one Event, as client-go correlates them', () => {
    const { recorder, pod, events, advance } = setUp();
    const p = pod('a');
    recorder.recordAs('kubelet', 'worker-1', p, 'Warning', 'BackOff', 'Back-off restarting failed container', 'spec.containers{app}');
    advance(10_000);
    recorder.recordAs('kubelet', 'worker-1', pod('a', '7'), 'Warning', 'BackOff', 'Back-off restarting failed container', 'spec.containers{app}');
    const evs = events('uid-a');
    expect(evs.map((e) => [e.reason, e.count])).toEqual([['BackOff', 2]]);
    // The Event keeps the object reference of its first occurrence.
    expect(evs[0].involvedObject.resourceVersion).toBe('1');
  });

  it('keeps events apart that differ in source, host, field path, type, reason or message', () => {
    const { recorder, pod, events } = setUp();
    const p = pod('a');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-2', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('other', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{side}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm');
    recorder.recordAs('kubelet', undefined, p, 'Normal', 'Pulled', 'm');
    recorder.recordAs('kubelet', 'worker-1', p, 'Warning', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Created', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'n', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', pod('b'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    expect(events('uid-a').map((e) => e.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Each of them again: every one is counted on its own Event.
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-2', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('other', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm', 'spec.containers{side}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'm');
    recorder.recordAs('kubelet', undefined, p, 'Normal', 'Pulled', 'm');
    recorder.recordAs('kubelet', 'worker-1', p, 'Warning', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Created', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', p, 'Normal', 'Pulled', 'n', 'spec.containers{app}');
    expect(events('uid-a').map((e) => e.count)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(events('uid-a').map((e) => [e.source.component, e.source.host, e.involvedObject.fieldPath])[5]).toEqual(['kubelet', undefined, undefined]);
  });

  it('starts a new Event once the counted one has expired', () => {
    const { recorder, pod, events, advance } = setUp();
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Warning', 'BackOff', 'm');
    advance(EVENT_TTL_MS + 1000);
    recorder.recordAs('kubelet', 'worker-1', pod('b'), 'Normal', 'Pulled', 'm');
    expect(events('uid-a')).toEqual([]);
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Warning', 'BackOff', 'm');
    expect(events('uid-a').map((e) => e.count)).toEqual([1]);
  });

  it('remembers the last 16 distinct events per object: an older one seen again is a new Event', () => {
    const { recorder, pod, events } = setUp();
    const p = pod('a');
    // (The scheduler's events are neither aggregated nor throttled: this is about the cache of repeats alone.)
    for (let i = 0; i < 17; i++) recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', `m${i}`);
    recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', 'm1');
    recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', 'm0');
    const evs = events('uid-a');
    expect(evs.length).toBe(18);
    expect(evs.filter((e) => e.message === 'm1').map((e) => e.count)).toEqual([2]);
    expect(evs.filter((e) => e.message === 'm0').map((e) => e.count)).toEqual([1, 1]);
  });

  it('keeps remembering the last 16 distinct events per object however many came before', () => {
    const { recorder, pod, events } = setUp();
    const p = pod('a');
    for (let i = 0; i < 40; i++) recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', `m${i}`);
    // The last 16 (m24..m39) repeat in another order, twice; m23 was forgotten.
    for (let round = 0; round < 2; round++) for (let i = 39; i >= 24; i--) recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', `m${i}`);
    recorder.recordAs('default-scheduler', undefined, p, 'Normal', 'R', 'm23');
    const evs = events('uid-a');
    expect(evs.length).toBe(41);
    expect(evs.filter((e) => Number(e.message.slice(1)) >= 24).map((e) => e.count)).toEqual(Array.from({ length: 16 }, () => 3));
    expect(evs.filter((e) => e.message === 'm23').map((e) => e.count)).toEqual([1, 1]);
  });

  it('forgets the objects seen longest ago once it remembers 4096', () => {
    const { recorder, pod, events } = setUp();
    for (let i = 0; i < 4097; i++) recorder.recordAs('c', undefined, pod(`p${i}`), 'Normal', 'R', 'm');
    recorder.recordAs('c', undefined, pod('p1'), 'Normal', 'R', 'm');
    recorder.recordAs('c', undefined, pod('p0'), 'Normal', 'R', 'm');
    expect(events('uid-p1').map((e) => e.count)).toEqual([2]);
    expect(events('uid-p0').map((e) => e.count)).toEqual([1, 1]);
  });

  it("writes each event's involvedObject as client-go's reference to the version it was about, keys in order", () => {
    const { log, recorder } = setUp();
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', uid: 'uid-n', resourceVersion: '12' } };
    const versions = ['5', '6', '007', 'abc', undefined, '123456789012345678'];
    for (const rv of versions) {
      const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'web', uid: 'uid-a', resourceVersion: rv } };
      recorder.recordAs('kubelet', 'worker-1', pod, 'Normal', 'Pulled', `at ${rv}`, 'spec.containers{app}');
      recorder.recordAs('default-scheduler', undefined, pod, 'Normal', 'Scheduled', `at ${rv}`);
    }
    recorder.recordAs('kubelet', 'worker-1', node, 'Normal', 'Starting', 'Starting kubelet.');
    recorder.recordAs('kubelet', 'worker-1', node, 'Normal', 'Rebooted', 'again', '');
    const refs = (uid: string) => log.byIndex('involvedUid', uid).map((k) => (log.get(k) as unknown as { involvedObject: Record<string, unknown> }).involvedObject);
    const pods = refs('uid-a');
    expect(pods.map((r) => r.resourceVersion)).toEqual(versions.flatMap((rv) => [rv, rv]));
    expect(Object.keys(pods[0])).toEqual(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']);
    expect(pods[0]).toEqual({ kind: 'Pod', namespace: 'web', name: 'a', uid: 'uid-a', apiVersion: 'v1', resourceVersion: '5', fieldPath: 'spec.containers{app}' });
    expect(Object.keys(pods[1])).toEqual(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion']);
    expect(refs('uid-n').map((r) => Object.entries(r))).toEqual([
      [['kind', 'Node'], ['name', 'worker-1'], ['uid', 'uid-n'], ['apiVersion', 'v1'], ['resourceVersion', '12']],
      [['kind', 'Node'], ['name', 'worker-1'], ['uid', 'uid-n'], ['apiVersion', 'v1'], ['resourceVersion', '12']],
    ]);
  });

  it('names an object renamed under the same uid by its new name in its new events only', () => {
    const { log, recorder } = setUp();
    const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: 'uid-x', resourceVersion: '3' } });
    recorder.recordAs('c', undefined, obj('old'), 'Normal', 'R', 'm');
    recorder.recordAs('c', undefined, obj('new'), 'Normal', 'R', 'n');
    const evs = log.byIndex('involvedUid', 'uid-x').map((k) => log.get(k) as unknown as { metadata: { name: string }; involvedObject: { name: string } });
    expect(evs.map((e) => [e.involvedObject.name, e.metadata.name.split('.')[0]])).toEqual([
      ['old', 'old'],
      ['new', 'new'],
    ]);
  });

  it('keeps remembering an object whose events the log compacted away, in its place among the 4096', () => {
    const { recorder, pod, events, advance } = setUp();
    recorder.recordAs('c', undefined, pod('keep'), 'Normal', 'R', 'first');
    // 20,000 events about 4,000 other objects: more than a page of the log, fewer objects than the recorder remembers.
    for (let i = 0; i < 4000; i++) for (let m = 0; m < 5; m++) recorder.recordAs('c', undefined, pod(`o${i}`), 'Normal', 'R', `m${m}`);
    advance(EVENT_TTL_MS + 1000);
    // The next event expires them all and the log drops its first page, with every event about `keep`.
    recorder.recordAs('c', undefined, pod('x'), 'Normal', 'R', 'm');
    expect(events('uid-keep')).toEqual([]);
    recorder.recordAs('c', undefined, pod('keep'), 'Normal', 'R', 'again');
    // `keep` is still the object remembered longest: 95 new objects later (4,097 in all) it is the one forgotten.
    for (let i = 0; i < 95; i++) recorder.recordAs('c', undefined, pod(`n${i}`), 'Normal', 'R', 'm');
    recorder.recordAs('c', undefined, pod('keep'), 'Normal', 'R', 'again');
    expect(events('uid-keep').map((e) => [e.message, e.count])).toEqual([
      ['again', 1],
      ['again', 1],
    ]);
    // `n0`, remembered later, is still remembered: its event counts on.
    recorder.recordAs('c', undefined, pod('n0'), 'Normal', 'R', 'm');
    expect(events('uid-n0').map((e) => e.count)).toEqual([2]);
  });

  it('tells apart messages that differ only inside and counts the repeat among them', () => {
    const { recorder, pod, events } = setUp();
    const rs = pod('rs');
    // (From the scheduler, whose events are not aggregated: 16 similar ones from a ReplicaSet would be.)
    // Same lengths, same first and last characters: only the middle differs.
    const msg = (i: number) => `Created pod: a${i.toString(16).padStart(2, '0')}z`;
    for (let i = 0; i < 16; i++) recorder.recordAs('default-scheduler', undefined, rs, 'Normal', 'SuccessfulCreate', msg(i));
    recorder.recordAs('default-scheduler', undefined, rs, 'Normal', 'SuccessfulCreate', msg(3));
    recorder.recordAs('default-scheduler', undefined, rs, 'Warning', 'SuccessfulCreate', msg(3));
    recorder.recordAs('default-scheduler', undefined, rs, 'Normal', 'SuccessfulDelete', msg(3));
    const evs = events('uid-rs');
    expect(evs.map((e) => [e.message, e.count])).toEqual([...Array.from({ length: 16 }, (_, i) => [msg(i), i === 3 ? 2 : 1]), [msg(3), 1], [msg(3), 1]]);
  });

  it('tells hosts apart and counts repeats from each, also hosts whose names end alike', () => {
    const { recorder, pod, events } = setUp();
    // Same length and last characters: still different hosts.
    const hosts = ['rack-a-1234', 'rack-b-1234', 'rack-c-1234'];
    for (let round = 0; round < 2; round++) for (const h of hosts) recorder.recordAs('kubelet', h, pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', ['rack-b-', '1234'].join(''), pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', undefined, pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', '', pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    expect(events('uid-a').map((e) => [e.source.host, e.count])).toEqual([
      ['rack-a-1234', 2],
      ['rack-b-1234', 3],
      ['rack-c-1234', 2],
      // As in client-go's key, an empty host is the same as none.
      [undefined, 2],
    ]);
  });

  it("records through a node's source fetched once as through its component and host, repeats counted across both", () => {
    const { recorder, pod, events } = setUp();
    const node1 = recorder.sourceFor('kubelet', 'worker-1');
    expect(recorder.sourceFor('kubelet', 'worker-1')).toBe(node1);
    recorder.recordFrom(node1, pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordFrom(recorder.sourceFor('kubelet', 'worker-2'), pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordFrom(recorder.sourceFor('kubelet'), pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', '', pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    expect(events('uid-a').map((e) => [e.source.host, e.count])).toEqual([
      ['worker-1', 2],
      ['worker-2', 1],
      [undefined, 2],
    ]);
  });

  it('counts a repeat about an object after events about others came in between', () => {
    const { recorder, pod, events } = setUp();
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Normal', 'Created', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-2', pod('b'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-1', pod('a'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    recorder.recordAs('kubelet', 'worker-2', pod('b'), 'Normal', 'Pulled', 'm', 'spec.containers{app}');
    expect(events('uid-a').map((e) => [e.reason, e.count])).toEqual([
      ['Pulled', 2],
      ['Created', 1],
    ]);
    expect(events('uid-b').map((e) => [e.reason, e.count])).toEqual([['Pulled', 2]]);
  });
});
