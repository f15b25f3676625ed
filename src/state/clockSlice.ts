import type { ClockSlice } from './appState';
import type { SetState, GetState, StoreKit } from './storeKit';
import { logCancel } from './terminalSlice';
import { SPEEDS, type Speed } from './types';

/** What the Step button and its key issue (the unit, one virtual second, is `kubeplay clock step`'s). */
export const STEP_COMMAND = 'kubeplay clock step';
/** What the Fast-forward button issues. */
export const SETTLE_COMMAND = 'kubeplay clock settle';

export function createClockSlice(set: SetState, get: GetState, kit: () => StoreKit, now: number): ClockSlice {
  return {
    speed: 1,
    resumeSpeed: 1,
    now,
    startedAt: now,
    settling: false,
    setSpeed(speed: Speed) {
      if (!SPEEDS.includes(speed)) return;
      set(speed === 0 ? { speed } : { speed, resumeSpeed: speed });
    },
    togglePause() {
      const { speed, resumeSpeed } = get();
      set({ speed: speed === 0 ? resumeSpeed : 0 });
    },
    step() {
      get().runCommand(STEP_COMMAND, 'ui');
    },
    settle() {
      if (get().settling) return;
      get().runCommand(SETTLE_COMMAND, 'ui');
    },
    stopSettle() {
      const k = kit();
      if (!k.runtime.cancelSettle()) return;
      logCancel(set, get, k, 'settle');
      k.transcript.appendLine('# Fast-forward stopped.');
      k.emit({ type: 'notice', text: 'Fast-forward stopped.' });
      k.publish();
    },
  };
}
