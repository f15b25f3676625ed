import { describe, expect, it } from 'vitest';
import { backoffDuration, SchedulingQueue } from './schedulingQueue';
import { pod } from './testFixtures';

const withPriority = (name: string, priority: number) => pod(name, { spec: { priority } });
const popAll = (q: SchedulingQueue) => {
  const out: string[] = [];
  for (let p = q.pop(); p; p = q.pop()) out.push(p.pod.metadata.name);
  return out;
};

describe('scheduling queue', () => {
  it('activeQ: higher priority first, then queue order', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    q.add(withPriority('hi', 100), 1);
    q.add(pod('b'), 2);
    q.add(withPriority('hi2', 100), 3);
    expect(popAll(q)).toEqual(['hi', 'hi2', 'a', 'b']);
  });

  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10000],
    [9, 10000],
  ])('back-off after %d attempts: %d ms', (attempts, ms) => {
    expect(backoffDuration(attempts)).toBe(ms);
  });

  it('an unschedulable pod waits for an event, then for its back-off', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    const a = q.pop()!;
    q.failed(a, new Set(['NodeResourcesFit']), 100);
    expect(q.pop()).toBeUndefined();
    expect(q.unschedulableWith(['TaintToleration'])).toEqual([]);
    q.moveIf(q.unschedulableWith(['NodeResourcesFit']), () => true, 500);
    q.flushBackoff(1099);
    expect(q.pop()).toBeUndefined();
    q.flushBackoff(1100);
    expect(q.pop()?.attempts).toBe(2);
  });

  it('an event after the back-off expired goes straight to activeQ', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    q.failed(q.pop()!, new Set(['NodeResourcesFit']), 0);
    q.moveIf(q.unschedulableWith(['NodeResourcesFit']), () => true, 5000);
    expect(q.pop()?.pod.metadata.name).toBe('a');
  });

  it('a failure no plugin explains (an error) goes to backoffQ', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    q.failed(q.pop()!, new Set(), 0);
    expect(q.nextWakeAt(0)).toBe(1000);
  });

  it('leftover unschedulable pods are retried after more than 5 minutes, on the 30 s flush tick', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    q.failed(q.pop()!, new Set(['NodeAffinity']), 10_000);
    // due at 310 s; the first tick strictly after is 330 s (ticks every 30 s from 0).
    expect(q.nextWakeAt(0)).toBe(330_000);
    q.flushLeftover(310_000);
    expect(q.pop()).toBeUndefined();
    q.flushLeftover(330_000);
    expect(q.pop()?.pod.metadata.name).toBe('a');
  });

  it('gated pods wait until their scheduling gates are removed', () => {
    const q = new SchedulingQueue();
    const gated = pod('g', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    q.add(gated, 0);
    expect(q.pop()).toBeUndefined();
    q.update(pod('g'), true, 10);
    expect(q.pop()?.pod.metadata.name).toBe('g');
  });

  it('deleted pods leave every area', () => {
    const q = new SchedulingQueue();
    q.add(pod('a'), 0);
    q.add(pod('b'), 0);
    q.delete('default/a');
    expect(popAll(q)).toEqual(['b']);
    expect(q.size).toBe(1);
  });
});
