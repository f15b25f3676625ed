import { easeCubicInOut } from 'd3';

/** A value moving from `from` to `to` between two instants, with an easing. */
export interface Tween {
  from: number;
  to: number;
  start: number;
  ms: number;
  ease: (t: number) => number;
}

export function tween(value: number, to = value, start = 0, ms = 0, ease: (t: number) => number = easeCubicInOut): Tween {
  return { from: value, to, start, ms, ease };
}

export function valueAt(t: Tween, now: number): number {
  if (t.ms <= 0 || now >= t.start + t.ms) return t.to;
  if (now <= t.start) return t.from;
  return t.from + (t.to - t.from) * t.ease((now - t.start) / t.ms);
}

export function settled(t: Tween, now: number): boolean {
  return t.ms <= 0 || now >= t.start + t.ms;
}

/** Starts a tween from where `t` is now to `to` (no-op when already heading there). */
export function retarget(t: Tween, to: number, now: number, ms: number, ease: (t: number) => number = easeCubicInOut): Tween {
  if (t.to === to) return t;
  return { from: valueAt(t, now), to, start: now, ms, ease };
}
