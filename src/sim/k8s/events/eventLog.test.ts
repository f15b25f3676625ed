import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../engine/store';
import { EVENT_TTL_MS, EventLog } from './eventLog';

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
    for (let i = 0; i < 3000; i++) record(`u${i}`, i % 2 ? 'Pulled' : 'Failed', i % 2 ? 'Normal' : 'Warning');
    const ev = log.get(log.byIndex('involvedUid', 'u2998')[0]) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({ reason: 'Failed', type: 'Warning', count: 1, message: 'Failed for u2998', firstTimestamp: '2025-03-01T09:00:00Z' });
    expect(log.count()).toBe(3000);
  });

  it('forgets expired events of an object, also after the log compacts, and keeps its newer ones', () => {
    const { log, record, reasonsOf, advance } = setUp();
    for (let i = 0; i < 5000; i++) record(`old${i}`, 'Scheduled');
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
  });

  it('counts a repeated event on the same Event', () => {
    const { log, record, advance } = setUp();
    const id = record('a', 'BackOff', 'Warning');
    advance(10_000);
    expect(log.bump(id)).toBe(true);
    const ev = log.get(log.byIndex('involvedUid', 'a')[0]) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({ count: 2, firstTimestamp: '2025-03-01T09:00:00Z', lastTimestamp: '2025-03-01T09:00:10Z', type: 'Warning' });
  });
});
