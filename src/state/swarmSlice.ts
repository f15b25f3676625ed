import type { SwarmSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import { VIEW_MODES } from './types';

/**
 * The view mode (Kubernetes, Swarm, side by side) and the swarm as drawn.
 * Showing the swarm makes the default one if no `docker` command has yet:
 * the next publish asks the bridge for it.
 */
export function createSwarmSlice(set: SetState, get: GetState, kit: () => StoreKit): SwarmSlice {
  return {
    viewMode: 'kubernetes',
    swarm: undefined,
    setViewMode(mode) {
      if (!VIEW_MODES.includes(mode) || mode === get().viewMode) return;
      set({ viewMode: mode });
      kit().publish();
    },
  };
}
