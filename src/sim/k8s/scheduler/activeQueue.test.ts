import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { Heap } from '../../../lib/heap';
import { ActiveQueue } from './activeQueue';

describe('ActiveQueue', () => {
  it('pops highest priority first, then in push order', () => {
    const q = new ActiveQueue<string>();
    q.push(0, 'a');
    q.push(10, 'b');
    q.push(0, 'c');
    q.push(-5, 'd');
    q.push(10, 'e');
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual(['b', 'e', 'a', 'c', 'd', undefined]);
  });

  it('orders exactly as a heap on (priority, sequence) under random pushes and pops', () => {
    const rng = createRng(3);
    const q = new ActiveQueue<{ p: number; seq: number }>();
    const h = new Heap<{ p: number; seq: number }>((a, b) => a.p > b.p || (a.p === b.p && a.seq < b.seq));
    let seq = 0;
    for (let i = 0; i < 20_000; i++) {
      if (rng.int(3) > 0) {
        const e = { p: [0, 0, 0, 100, -1][rng.int(5)], seq: seq++ };
        q.push(e.p, e);
        h.push(e);
      } else expect(q.pop()).toBe(h.pop());
    }
    for (let e = h.pop(); e; e = h.pop()) expect(q.pop()).toBe(e);
    expect(q.pop()).toBeUndefined();
  });

  it('hands back each item with the tag it was pushed with', () => {
    const q = new ActiveQueue<string>();
    q.push(0, 'a', 7);
    q.push(5, 'b', 3);
    q.push(0, 'c');
    const popped: [string | undefined, number][] = [];
    for (let i = 0; i < 3; i++) popped.push([q.pop(), q.lastTag]);
    expect(popped).toEqual([['b', 3], ['a', 7], ['c', 0]]);
  });
});
