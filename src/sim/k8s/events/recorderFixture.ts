import { ObjectStore } from '../../engine/store';
import { EventLog } from './eventLog';
import { EventRecorder } from './eventRecorder';

/** For tests: a recorder over an event log in a store of its own, on a clock that moves only by `advance`. */
export function recorderFixture(start = '2025-03-01T09:00:00Z') {
  const store = new ObjectStore();
  const t0 = Date.parse(start);
  let now = t0;
  const log = new EventLog(store, 'events', 7, () => now);
  store.defineVirtual('events', log);
  return { log, recorder: new EventRecorder(log), t0, now: () => now, advance: (ms: number) => (now += ms) };
}
