import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { EventType } from './eventRecorder';
import { recorderFixture } from './recorderFixture';

/**
 * client-go's EventCorrelator (tools/record/events_cache.go) written out
 * plainly — maps keyed by strings, no caches, no laziness — and the API
 * server it writes to. The recorder must leave the same Events behind.
 */
class ReferenceCorrelator {
  private readonly aggregates = new Map<string, { localKeys: string[]; last: number }>();
  private readonly logger = new Map<string, { count: number; firstAt: number; id: number | undefined }>();
  private readonly spam = new Map<string, { tokens: number; last: number }>();
  readonly server: { object: string; component: string; host: string; reason: string; type: string; message: string; count: number; firstAt: number; lastAt: number }[] = [];

  record(now: number, object: string, component: string, host: string, type: EventType, reason: string, message: string, fieldPath: string): void {
    const source = `${component}|${host}`;
    const correlated = component !== 'default-scheduler';
    let key = `${source}|${object}|${fieldPath}|${type}|${reason}|${message}`;
    let text = message;
    if (correlated) {
      // EventAggregate
      const aggKey = `${source}|${object}|${type}|${reason}`;
      let rec = this.aggregates.get(aggKey);
      if (!rec || now - rec.last > 600_000) rec = { localKeys: [], last: 0 };
      if (!rec.localKeys.includes(message)) rec.localKeys.push(message);
      rec.last = now;
      this.aggregates.set(aggKey, rec);
      if (rec.localKeys.length >= 10) {
        rec.localKeys.shift();
        key = aggKey;
        text = `(combined from similar events): ${message}`;
      }
    }
    // eventObserve
    const last = this.logger.get(key);
    const obs = { count: (last?.count ?? 0) + 1, firstAt: last?.firstAt ?? now, id: last?.id };
    this.logger.set(key, obs);
    if (correlated) {
      // EventSourceObjectSpamFilter: 25 at once, then one per 300 s (a float32 rate).
      const spamKey = `${source}|${object}`;
      const b = this.spam.get(spamKey) ?? { tokens: 25, last: now };
      this.spam.set(spamKey, b);
      const tokens = Math.min(25, b.tokens + ((now - b.last) / 1000) * Math.fround(1 / 300));
      if (tokens < 1) return;
      b.tokens = tokens - 1;
      b.last = now;
    }
    // Patch the Event the logger knows, else create it (with the count and first time observed).
    const ev = obs.id === undefined ? undefined : this.server[obs.id];
    if (ev) {
      ev.count = obs.count;
      ev.lastAt = now;
      ev.message = text;
    } else {
      obs.id = this.server.length;
      this.server.push({ object, component, host, reason, type, message: text, count: obs.count, firstAt: obs.firstAt, lastAt: now });
    }
  }
}

/**
 * What each object hears, from which source: at most 16 distinct events per
 * object (the recorder caches that many to count repeats on; client-go's
 * logger keeps 4096 keys per component), yet groups of 12 messages to
 * aggregate and two sources sharing an object.
 */
const GROUPS: { object: number; component: string; host: string; type: EventType; reason: string; messages: number; fieldPaths: string[] }[] = [
  { object: 0, component: 'replicaset-controller', host: '', type: 'Normal', reason: 'SuccessfulCreate', messages: 12, fieldPaths: [''] },
  { object: 0, component: 'default-scheduler', host: '', type: 'Warning', reason: 'FailedScheduling', messages: 3, fieldPaths: [''] },
  { object: 1, component: 'kubelet', host: 'worker-1', type: 'Warning', reason: 'BackOff', messages: 10, fieldPaths: [''] },
  { object: 1, component: 'kubelet', host: 'worker-1', type: 'Normal', reason: 'Pulled', messages: 2, fieldPaths: ['spec.containers{app}', 'spec.containers{side}'] },
  { object: 1, component: 'taint-eviction-controller', host: '', type: 'Normal', reason: 'TaintManagerEviction', messages: 2, fieldPaths: [''] },
];

const step = fc.record({
  // Bursts at one instant, seconds apart, tens of seconds, and past the 5-minute refill.
  advance: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 5_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 40_000 }), weight: 2 }, { arbitrary: fc.integer({ min: 200_000, max: 320_000 }), weight: 1 }),
  group: fc.integer({ min: 0, max: GROUPS.length - 1 }),
  message: fc.nat(),
  fieldPath: fc.nat(),
});

describe('EventRecorder against client-go’s EventCorrelator', () => {
  it('leaves the same Events behind for any sequence of events (aggregation, counting, spam filter)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 240 }), (steps) => {
        const { log, recorder, t0, advance } = recorderFixture();
        const reference = new ReferenceCorrelator();
        const objects: KubeObject[] = [0, 1].map((i) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `rs${i}`, namespace: 'default', uid: `uid-${i}`, resourceVersion: '1' } }));
        for (const s of steps) {
          const now = advance(s.advance);
          // The whole run stays within the Events' hour-long TTL: expiry is another test's.
          if (now - t0 > 55 * 60_000) break;
          const g = GROUPS[s.group];
          const message = `m${s.message % g.messages}`;
          const fieldPath = g.fieldPaths[s.fieldPath % g.fieldPaths.length];
          recorder.recordAs(g.component, g.host || undefined, objects[g.object], g.type, g.reason, message, fieldPath || undefined);
          reference.record(now, `uid-${g.object}`, g.component, g.host, g.type, g.reason, message, fieldPath);
        }
        const got = log
          .list()
          .map((e) => e as unknown as { involvedObject: { uid: string }; source: { component: string; host?: string }; reason: string; type: string; message: string; count: number; firstTimestamp: string; lastTimestamp: string })
          .map((e) => [e.involvedObject.uid, e.source.component, e.source.host ?? '', e.reason, e.type, e.message, e.count, Date.parse(e.firstTimestamp), Date.parse(e.lastTimestamp)].join(' '))
          .sort();
        const want = reference.server.map((e) => [e.object, e.component, e.host, e.reason, e.type, e.message, e.count, Math.floor(e.firstAt / 1000) * 1000, Math.floor(e.lastAt / 1000) * 1000].join(' ')).sort();
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
