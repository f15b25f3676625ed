import type { PodCondition } from 'kubernetes-types/core/v1';

/** Conditions of the latest second seen, by type, then by message ('' without reason), for 'True' and 'False'. */
let second: string | undefined;
let recent: Map<string, PodCondition>[] = [new Map(), new Map()];
/** Every other combination (an older transition time, another status). */
const others = new Map<string, PodCondition>();

function make(type: string, status: string, lastTransitionTime: string, reason: string | undefined, message: string | undefined): PodCondition {
  const c: PodCondition = { type, status, lastProbeTime: null as unknown as string, lastTransitionTime };
  if (reason !== undefined) {
    c.reason = reason;
    c.message = message;
  }
  return Object.freeze(c);
}

/**
 * A pod condition as a shared, frozen object: every pod that changes the
 * same condition in the same second reports the very same value (stored
 * objects are immutable), so 150,000 pods keep a few dozen condition objects
 * instead of five each.
 * @example sharedPodCondition('Ready', 'True', '2025-03-01T09:00:00Z') === sharedPodCondition('Ready', 'True', '2025-03-01T09:00:00Z')
 */
export function sharedPodCondition(type: string, status: string, lastTransitionTime: string, reason?: string, message?: string): PodCondition {
  if (lastTransitionTime !== second) {
    if (second !== undefined && lastTransitionTime < second) return other(type, status, lastTransitionTime, reason, message);
    second = lastTransitionTime;
    recent = [new Map(), new Map()];
  }
  const side = status === 'True' ? recent[0] : status === 'False' ? recent[1] : undefined;
  if (side === undefined) return other(type, status, lastTransitionTime, reason, message);
  // Few types; the message (shared strings such as "containers with unready status: [app]") tells variants apart.
  const found = side.get(type);
  if (found !== undefined && found.reason === reason && found.message === message) return found;
  if (found !== undefined) return other(type, status, lastTransitionTime, reason, message);
  const c = make(type, status, lastTransitionTime, reason, message);
  side.set(type, c);
  return c;
}

function other(type: string, status: string, lastTransitionTime: string, reason: string | undefined, message: string | undefined): PodCondition {
  const key = `${lastTransitionTime}\u0000${type}\u0000${status}\u0000${reason ?? '\u0001'}\u0000${message ?? '\u0001'}`;
  let c = others.get(key);
  if (c === undefined) {
    c = make(type, status, lastTransitionTime, reason, message);
    if (others.size >= 4096) others.clear();
    others.set(key, c);
  }
  return c;
}

/** Replaces the condition of the same type, keeping lastTransitionTime when the status is unchanged. */
export function upsertCondition(list: PodCondition[] | undefined, cond: PodCondition): PodCondition[] {
  const i = list ? list.findIndex((c) => c.type === cond.type) : -1;
  // `concat`/`slice` size the array exactly (a spread or `push` leaves 16 spare slots per pod).
  if (i < 0) return (list ?? []).concat([cond]);
  const out = list!.slice();
  out[i] = out[i].status === cond.status ? sharedPodCondition(cond.type, cond.status, out[i].lastTransitionTime!, cond.reason, cond.message) : cond;
  return out;
}
