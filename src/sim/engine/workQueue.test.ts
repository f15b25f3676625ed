import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkQueue } from './workQueue';

/** The plain model: a FIFO whose keys are unique while they wait. */
class ModelQueue {
  items: string[] = [];
  add(k: string) {
    if (!this.items.includes(k)) this.items.push(k);
  }
  pop() {
    return this.items.shift();
  }
}

/** Random adds and pops (`addWeight` adds per pop) give the same pops, waiting keys and count as the model. */
function checkAgainstModel(keys: string[], addWeight: number, maxLength: number): void {
  const op = fc.oneof({ arbitrary: fc.constantFrom(...keys).map((k) => ({ add: k })), weight: addWeight }, { arbitrary: fc.constant({ pop: true }), weight: 1 });
  fc.assert(
    fc.property(fc.array(op, { maxLength, size: 'max' }), (ops) => {
      const waiting = { count: 0 };
      const q = new WorkQueue(waiting);
      const m = new ModelQueue();
      for (const o of ops) {
        if ('add' in o) {
          q.add(o.add);
          m.add(o.add);
        } else expect(q.pop()).toBe(m.pop());
        expect(q.toArray()).toEqual(m.items);
        expect(waiting.count).toBe(m.items.length);
        expect(keys.filter((k) => q.has(k))).toEqual(keys.filter((k) => m.items.includes(k)));
      }
    }),
  );
}

describe('WorkQueue', () => {
  it('processes a key added while it waits once, in its first place', () => {
    const q = new WorkQueue();
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.toArray()).toEqual(['a', 'b']);
    expect(q.pop()).toBe('a');
    expect(q.has('a')).toBe(false);
    q.add('a');
    expect(q.toArray()).toEqual(['b', 'a']);
    expect([q.pop(), q.pop(), q.pop()]).toEqual(['b', 'a', undefined]);
    expect(q.length).toBe(0);
  });

  it('keeps a count of the keys waiting in all the queues that share it', () => {
    const waiting = { count: 0 };
    const a = new WorkQueue(waiting);
    const b = new WorkQueue(waiting);
    a.add('x');
    a.add('x');
    b.add('x');
    b.add('y');
    expect(waiting.count).toBe(3);
    a.pop();
    b.pop();
    expect(waiting.count).toBe(1);
    b.pop();
    b.pop();
    expect(waiting.count).toBe(0);
  });

  it('takes a key back after it was processed, across compaction and many keys', () => {
    const q = new WorkQueue();
    for (let i = 0; i < 6000; i++) q.add(`k${i}`);
    for (let i = 0; i < 3000; i++) expect(q.pop()).toBe(`k${i}`);
    q.add('k0');
    q.add('k5999');
    expect(q.length).toBe(3001);
    expect(q.has('k0')).toBe(true);
    expect(q.has('k1')).toBe(false);
    while (q.length) q.pop();
    q.add('k1');
    expect(q.toArray()).toEqual(['k1']);
  });

  it('keeps the order of waiting keys when they outgrow the ring while it wraps', () => {
    const q = new WorkQueue();
    for (let i = 0; i < 12; i++) q.add(`a${i}`);
    for (let i = 0; i < 10; i++) q.pop();
    const more = Array.from({ length: 40 }, (_, i) => `b${i}`);
    for (const k of more) q.add(k);
    q.add('a11');
    q.add('b3');
    expect(q.toArray()).toEqual(['a10', 'a11', ...more]);
    expect(q.has('a9')).toBe(false);
    expect(q.has('b39')).toBe(true);
    const popped: string[] = [];
    for (let k = q.pop(); k !== undefined; k = q.pop()) popped.push(k);
    expect(popped).toEqual(['a10', 'a11', ...more]);
  });

  it('behaves as a de-duplicating FIFO for any sequence of adds and pops', () => {
    // Few keys, as many pops as adds: keys come back after they were processed.
    checkAgainstModel(['a', 'b', 'c', 'd', 'e'], 1, 300);
    // Many keys, more adds than pops: the waiting keys outgrow the ring now and then.
    checkAgainstModel(Array.from({ length: 60 }, (_, i) => `k${i}`), 2, 400);
    // Keys around the scan limit: bursts outgrow the scan and the queue runs empty again and again.
    checkAgainstModel(Array.from({ length: 14 }, (_, i) => `m${i}`), 2, 400);
  });
});

describe('WorkQueue bursts', () => {
  it('still knows the keys that waited before a burst made it keep positions, and forgets them once empty', () => {
    const q = new WorkQueue();
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    for (const k of keys) q.add(k);
    // Fresh strings: equal keys need not be the same string.
    for (const k of keys) q.add(`${k.slice(0, 1)}${k.slice(1)}`);
    expect(q.toArray()).toEqual(keys);
    expect(keys.every((k) => q.has(k))).toBe(true);
    while (q.pop() !== undefined);
    q.add('k3');
    q.add('k3');
    expect(q.toArray()).toEqual(['k3']);
    expect(q.has('k4')).toBe(false);
  });
});

describe('WorkQueue tokens', () => {
  it('gives back the token of the add that queued the key, also after the ring grew', () => {
    const q = new WorkQueue<string>();
    q.add('a', 'first');
    q.add('a', 'second');
    q.add('b');
    for (let i = 0; i < 40; i++) q.add(`k${i}`, `t${i}`);
    expect(q.pop()).toBe('a');
    expect(q.poppedToken).toBe('first');
    expect(q.pop()).toBe('b');
    expect(q.poppedToken).toBeUndefined();
    for (let i = 0; i < 40; i++) {
      expect(q.pop()).toBe(`k${i}`);
      expect(q.poppedToken).toBe(`t${i}`);
    }
  });
});
