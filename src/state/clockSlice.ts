import type { ClockSlice } from './appState';
import type { SetState, GetState } from './storeKit';
import { SPEEDS, type Speed } from './types';

export function createClockSlice(set: SetState, get: GetState, now: number): ClockSlice {
  return {
    speed: 1,
    resumeSpeed: 1,
    now,
    startedAt: now,
    setSpeed(speed: Speed) {
      if (!SPEEDS.includes(speed)) return;
      set(speed === 0 ? { speed } : { speed, resumeSpeed: speed });
    },
    togglePause() {
      const { speed, resumeSpeed } = get();
      set({ speed: speed === 0 ? resumeSpeed : 0 });
    },
  };
}
