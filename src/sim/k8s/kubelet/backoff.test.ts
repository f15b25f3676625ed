import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('flowcontrol back-off (kubelet restarts and pulls)', () => {
  it('starts at 10 s and doubles up to the 300 s cap', () => {
    const b = new Backoff();
    const delays: number[] = [];
    for (let t = 0, i = 0; i < 8; i++) {
      b.next('c', t);
      delays.push(b.get('c') / 1000);
      t += b.get('c');
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('resets after a container ran for more than 10 minutes (2 × the cap since the last restart)', () => {
    const b = new Backoff();
    b.next('c', 0);
    b.next('c', 10_000);
    expect(b.get('c')).toBe(20_000);
    // The next crash happens 10 min 1 s after the last restart: a fresh 10 s.
    b.next('c', 10_000 + 601_000);
    expect(b.get('c')).toBe(10_000);
  });

  it('is in back-off only within the delay counted from the exit', () => {
    const b = new Backoff();
    b.next('c', 0);
    expect(b.isInBackOffSince('c', 5_000, 14_000)).toBe(true);
    expect(b.isInBackOffSince('c', 5_000, 15_000)).toBe(false);
  });
});
