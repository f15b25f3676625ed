import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { VirtualClock, type Wake } from './clock';

describe('VirtualClock timers', () => {
  it('fires wake-ups in time order, and in request order at the same instant', () => {
    const clock = new VirtualClock(0);
    const rng = createRng(3);
    const expected: { at: number; key: string }[] = [];
    for (let i = 0; i < 2000; i++) {
      // Few distinct instants, so many wake-ups share one and their request order decides.
      const at = 1 + rng.int(50) * 10;
      const key = `k${i}`;
      clock.wakeAt('t', key, at);
      expected.push({ at, key });
    }
    expected.sort((a, b) => a.at - b.at);
    const fired: { at: number; key: string }[] = [];
    while (clock.nextTimerAt() !== undefined) {
      clock.setNow(clock.nextTimerAt()!);
      for (const t of clock.popDue()) fired.push({ at: t.at, key: t.key });
    }
    expect(fired).toEqual(expected);
  });

  it('keeps only the earliest pending wake-up of a key', () => {
    const clock = new VirtualClock(0);
    clock.wakeAt('t', 'a', 30);
    clock.wakeAt('t', 'a', 50);
    clock.wakeAt('t', 'a', 10);
    clock.setNow(100);
    expect(clock.popDue().map((t) => t.at)).toEqual([10, 30]);
  });

  it('gives a key a new wake-up when it is requested again at the instant its last one fired', () => {
    const clock = new VirtualClock(0);
    clock.wakeAt('t', 'a', 10);
    clock.setNow(10);
    expect(clock.popDue().map((t) => t.key)).toEqual(['a']);
    clock.wakeAt('t', 'a', 10);
    clock.wakeAt('t', 'a', 20);
    expect(clock.popDue().map((t) => [t.key, t.at])).toEqual([['a', 10]]);
    expect(clock.timerCount).toBe(0);
  });

  it('keeps de-duplicating right after the wake-ups of many keys have fired', () => {
    const clock = new VirtualClock(0);
    // Many keys at once (more than a full cluster start has pending).
    const n = 70_000;
    for (let i = 0; i < n; i++) clock.wakeAt('t', `k${i}`, 1 + (i % 3));
    const fired: string[] = [];
    clock.setNow(3);
    clock.drainDue((_target, key) => fired.push(key));
    expect(fired.length).toBe(n);
    for (let i = 0; i < n; i++) clock.wakeAt('t', `k${i}`, 10);
    for (let i = 0; i < n; i += 2) clock.wakeAt('t', `k${i}`, 12);
    expect(clock.timerCount).toBe(n);
    clock.setNow(20);
    const again = clock.popDue();
    expect(again.length).toBe(n);
    expect(again.every((t, i) => t.at === 10 && t.key === `k${i}`)).toBe(true);
  });
});

describe('VirtualClock wake-up records', () => {
  it('still de-duplicates after the records of fired keys were swept out by new keys', () => {
    const clock = new VirtualClock(0);
    const n = 20_000;
    for (let i = 0; i < n; i++) clock.wakeAt('t', `old${i}`, 5);
    clock.setNow(5);
    expect(clock.popDue().length).toBe(n);
    // New keys arrive while the old keys' records have all fired: the fired ones are swept out.
    for (let i = 0; i < n; i++) clock.wakeAt('t', `new${i}`, 10 + (i % 7));
    for (let i = 0; i < n; i++) clock.wakeAt('t', `new${i}`, 50);
    for (let i = 0; i < n; i += 3) clock.wakeAt('t', `old${i}`, 8);
    for (let i = 0; i < n; i += 3) clock.wakeAt('t', `old${i}`, 9);
    expect(clock.timerCount).toBe(n + Math.ceil(n / 3));
    clock.setNow(100);
    const fired = clock.popDue();
    expect(fired.filter((t) => t.key.startsWith('old')).every((t) => t.at === 8)).toBe(true);
    expect(fired.filter((t) => t.key.startsWith('new')).every((t) => t.at >= 10 && t.at < 17)).toBe(true);
  });

  it('still finds the records a sweep kept: a pending key requested again after the sweep keeps one wake-up', () => {
    const clock = new VirtualClock(0);
    clock.wakeAt('t', 'p', 1000);
    for (let i = 0; i < 5000; i++) clock.wakeAt('t', `f${i}`, 10);
    clock.setNow(10);
    expect(clock.popDue().length).toBe(5000);
    // A new key: the sweep drops the 5,000 fired records and keeps p's.
    clock.wakeAt('t', 'n', 20);
    expect(clock.wakeAt('t', 'p', 2000)).toBe(1000);
    expect(clock.wakeAt('t', 'p', 500)).toBe(500);
    clock.setNow(5000);
    // (The superseded 1000 ms wake-up still fires, as any does.)
    expect(clock.popDue().map((t) => `${t.key}@${t.at}`)).toEqual(['n@20', 'p@500', 'p@1000']);
  });

  it('fires a wake-up an earlier one superseded at its own time, and a key re-woken in between again', () => {
    const clock = new VirtualClock(0);
    const fired: [string, number][] = [];
    const drain = () => clock.drainDue((_t, key, at) => fired.push([key, at]));
    clock.wakeAt('t', 'a', 30);
    clock.wakeAt('t', 'a', 10);
    clock.setNow(10);
    drain();
    clock.wakeAt('t', 'a', 20);
    clock.wakeAt('t', 'a', 25);
    clock.setNow(20);
    drain();
    // The 30 ms wake-up is still pending but not the key's latest: a new request is not folded into it.
    clock.wakeAt('t', 'a', 40);
    clock.setNow(30);
    drain();
    clock.wakeAt('t', 'a', 45);
    clock.setNow(50);
    drain();
    expect(fired).toEqual([
      ['a', 10],
      ['a', 20],
      ['a', 30],
      ['a', 40],
    ]);
  });
});

describe('VirtualClock resumed records', () => {
  /** Fires every due wake-up, returning the records `drainDue` hands out by key. */
  function drainRecords(clock: VirtualClock): Map<string, Wake> {
    const out = new Map<string, Wake>();
    clock.drainDue((_t, key, _at, _seq, wake) => out.set(key, wake));
    return out;
  }

  it('a resumed key re-requesting its wake-up de-duplicates as a looked-up one does, and says when it wakes', () => {
    const clock = new VirtualClock(0);
    clock.wakeAt('t', 'a', 10);
    clock.setNow(10);
    const a = drainRecords(clock).get('a')!;
    clock.resume(a);
    expect(clock.wakeAt('t', 'a', 30)).toBe(30);
    expect(clock.wakeAt('t', 'a', 40)).toBe(30);
    // Another target's key of the same name is not the resumed record.
    expect(clock.wakeAt('u', 'a', 50)).toBe(50);
    expect(clock.timerCount).toBe(2);
  });

  it('a record swept out after its key was resumed is not revived: the key keeps one record', () => {
    const clock = new VirtualClock(0);
    clock.wakeAt('t', 'a', 10);
    clock.wakeAt('t', 'b', 10);
    for (let i = 0; i < 5000; i++) clock.wakeAt('t', `f${i}`, 10);
    clock.setNow(10);
    const fired = drainRecords(clock);
    // A new key after so many records fired: a sweep drops them, a's too.
    for (let i = 0; i < 10_000; i++) clock.wakeAt('t', `k${i}`, 1000);
    clock.resume(fired.get('a')!);
    clock.wakeAt('t', 'a', 50);
    clock.resume(fired.get('b')!);
    clock.wakeAt('t', 'a', 60);
    expect(clock.timerCount).toBe(10_001);
    clock.setNow(100);
    expect(clock.popDue().map((t) => `${t.key}@${t.at}`)).toEqual(['a@50']);
  });
});
