import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../engine/store';
import { EVENT_TTL_MS, EventLog } from './eventLog';
import { PAGE_SIZE } from './pagedColumns';

function setUp() {
  const store = new ObjectStore();
  let now = Date.parse('2025-03-01T09:00:00Z');
  const log = new EventLog(store, 'events', 7, () => now);
  store.defineVirtual('events', log);
  const record = (uid: string, reason: string, type: 'Normal' | 'Warning' = 'Normal') =>
    log.append({ namespace: 'default', involved: { kind: 'Pod', namespace: 'default', name: `pod-${uid}`, uid }, reason, message: `${reason} for ${uid}`, type, source: { component: 'kubelet', host: 'worker-1' } });
  const reasonsOf = (uid: string) => log.byIndex('involvedUid', uid).map((k) => (log.get(k) as unknown as { reason: string }).reason);
  return { store, log, record, reasonsOf, advance: (ms: number) => (now += ms) };
}

describe('EventLog', () => {
  it("lists an object's events oldest first, among other objects' events", () => {
    const { record, reasonsOf } = setUp();
    record('a', 'Scheduled');
    record('b', 'Scheduled');
    record('a', 'Pulled');
    record('a', 'Started', 'Warning');
    expect(reasonsOf('a')).toEqual(['Scheduled', 'Pulled', 'Started']);
    expect(reasonsOf('b')).toEqual(['Scheduled']);
    expect(reasonsOf('nobody')).toEqual([]);
  });

  it('keeps every field of an event across column growth', () => {
    const { log, record } = setUp();
    const n = 2 * PAGE_SIZE + 3;
    for (let i = 0; i < n; i++) record(`u${i}`, i % 2 ? 'Pulled' : 'Failed', i % 2 ? 'Normal' : 'Warning');
    for (const i of [0, PAGE_SIZE - 1, PAGE_SIZE, n - 1]) {
      const ev = log.get(log.byIndex('involvedUid', `u${i}`)[0]) as unknown as Record<string, unknown>;
      expect(ev).toMatchObject({ reason: i % 2 ? 'Pulled' : 'Failed', type: i % 2 ? 'Normal' : 'Warning', count: 1, message: `${i % 2 ? 'Pulled' : 'Failed'} for u${i}`, firstTimestamp: '2025-03-01T09:00:00Z' });
    }
    expect(log.count()).toBe(n);
  });

  it('forgets expired events of an object, also after the log compacts, and keeps its newer ones', () => {
    const { log, record, reasonsOf, advance } = setUp();
    const old = PAGE_SIZE + 5000;
    for (let i = 0; i < old; i++) record(`old${i}`, 'Scheduled');
    record('keep', 'Scheduled');
    advance(EVENT_TTL_MS - 1000);
    record('keep', 'Started');
    advance(2000);
    // Appending expires (and compacts) the events an hour past their last update.
    record('new', 'Pulled');
    expect(reasonsOf('old42')).toEqual([]);
    expect(reasonsOf('keep')).toEqual(['Started']);
    expect(reasonsOf('new')).toEqual(['Pulled']);
    expect(log.count()).toBe(2);
    record('old42', 'Killing');
    expect(reasonsOf('old42')).toEqual(['Killing']);
    expect(log.list().map((e) => (e as unknown as { reason: string }).reason)).toEqual(['Started', 'Pulled', 'Killing']);
  });

  it('counts repeats on an event that outlived a compaction of the log', () => {
    const { log, record, reasonsOf, advance } = setUp();
    for (let i = 0; i < PAGE_SIZE * 2; i++) record(`old${i}`, 'Scheduled');
    advance(EVENT_TTL_MS - 1000);
    const id = record('keep', 'BackOff', 'Warning');
    advance(2000);
    record('new', 'Pulled');
    expect(log.bump(id)).toBe(true);
    expect(reasonsOf('keep')).toEqual(['BackOff']);
    const ev = log.get(log.byIndex('involvedUid', 'keep')[0]) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({ count: 2, type: 'Warning', message: 'BackOff for keep', lastTimestamp: '2025-03-01T10:00:01Z' });
    expect(log.count()).toBe(2);
  });

  it('counts a repeated event on the same Event', () => {
    const { log, record, advance } = setUp();
    const id = record('a', 'BackOff', 'Warning');
    advance(10_000);
    expect(log.bump(id)).toBe(true);
    const ev = log.get(log.byIndex('involvedUid', 'a')[0]) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({ count: 2, firstTimestamp: '2025-03-01T09:00:00Z', lastTimestamp: '2025-03-01T09:00:10Z', type: 'Warning' });
  });

  it('returns the involved object reference given to append as it was given', () => {
    const { log } = setUp();
    const involved = { uid: 'u', name: 'pod-u', kind: 'Pod', resourceVersion: '09' };
    log.append({ namespace: 'default', involved, reason: 'R', message: 'm', type: 'Normal', source: { component: 'c' } });
    const ev = log.get(log.byIndex('involvedUid', 'u')[0]) as unknown as { involvedObject: unknown; metadata: { name: string } };
    expect(ev.involvedObject).toBe(involved);
    expect(ev.metadata.name.startsWith('pod-u.')).toBe(true);
  });
});
