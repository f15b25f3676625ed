/**
 * Side by side: one action applied to both clusters. The commands come from
 * the pure mapping (`planPaired`) over what each cluster runs now, and are
 * issued through the terminal one after the other — echoed, logged and
 * replayed like typed ones.
 */
import { VOTING_APP_FILES } from '../scenarios/votingApp';
import type { AppState } from './appState';
import { planCommands, planPaired, type PairedAction, type PairedActionType, type PairedPlan, type PairedSide } from './pairedActions';
import { kubernetesSide, swarmSide } from './pairedSides';
import type { GetState, SetState, StoreKit } from './storeKit';

/** The last action applied to both clusters (the captions say what differs while the two react). */
export interface PairedRun {
  readonly type: PairedActionType;
  readonly commands: readonly string[];
  /** Virtual time it was issued at. */
  readonly at: number;
}

export interface PairedSlice {
  pairedLast: PairedRun | undefined;
  /**
   * Issues the action's commands (Kubernetes first, then the swarm); Deploy
   * first adds the voting app's two files to the editor when they are not
   * there. Returns the lines issued (none when neither side can act).
   */
  runPaired(action: PairedAction): readonly string[];
  /** Hides the captions of the last action. */
  dismissPaired(): void;
}

const NO_SWARM = { nodes: [], services: [], tasks: [], stoppedNodes: [] };

/** Both clusters as the paired actions read them, from the store's snapshots. */
export function pairedSides(state: Pick<AppState, 'snapshot' | 'swarm'>): { kubernetes: PairedSide; swarm: PairedSide } {
  return { kubernetes: kubernetesSide(state.snapshot), swarm: swarmSide(state.swarm ?? NO_SWARM) };
}

/** What `action` would issue now on each side (or why a side cannot). */
export function selectPairedPlan(state: Pick<AppState, 'snapshot' | 'swarm'>, action: PairedAction): PairedPlan {
  const sides = pairedSides(state);
  return planPaired(action, sides.kubernetes, sides.swarm);
}

export function createPairedSlice(set: SetState, get: GetState, kit: () => StoreKit): PairedSlice {
  return {
    pairedLast: undefined,
    runPaired(action) {
      const lines = planCommands(selectPairedPlan(get(), action));
      if (lines.length === 0) return lines;
      if (action.type === 'deploy') {
        for (const [name, text] of Object.entries(VOTING_APP_FILES)) if (get().files[name] === undefined) get().createFile(name, text);
      }
      set({ pairedLast: { type: action.type, commands: lines, at: get().now } });
      for (const line of lines) get().runCommand(line, 'ui');
      // Powering a machine off writes nothing at once: read both clusters again so the next plan sees it.
      kit().publish(true);
      return lines;
    },
    dismissPaired() {
      set({ pairedLast: undefined });
    },
  };
}
