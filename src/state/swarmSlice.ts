import type { SwarmSlice } from './appState';
import { inspectSwarm, swarmName } from './inspectSwarm';
import { shellWord } from './nodeCommands';
import type { GetState, SetState, StoreKit } from './storeKit';
import { VIEW_MODES } from './types';
import { SWARM_HINT } from './welcome';

/** The docker (or kubeplay) command behind each node action of the Swarm panel. */
const NODE_ACTIONS = {
  stop: (n: string) => `kubeplay node stop ${n}`,
  start: (n: string) => `kubeplay node start ${n}`,
  drain: (n: string) => `docker node update --availability drain ${n}`,
  activate: (n: string) => `docker node update --availability active ${n}`,
  pause: (n: string) => `docker node update --availability pause ${n}`,
  promote: (n: string) => `docker node promote ${n}`,
  demote: (n: string) => `docker node demote ${n}`,
} as const;

export type SwarmNodeAction = keyof typeof NODE_ACTIONS;

/**
 * The view mode (Kubernetes, Swarm, side by side), the swarm as drawn, what
 * is selected in it and its actions, each a typed command issued through the
 * terminal. Showing the swarm makes the default one if no `docker` command
 * has yet: the next publish asks the bridge for it.
 */
export function createSwarmSlice(set: SetState, get: GetState, kit: () => StoreKit): SwarmSlice {
  const nameOf = (id: string, kind: 'node' | 'service') => swarmName(get().swarm, { kind, id });
  let hinted = false;
  return {
    viewMode: 'kubernetes',
    swarm: undefined,
    swarmSelection: undefined,
    swarmInspector: undefined,
    setViewMode(mode) {
      if (!VIEW_MODES.includes(mode) || mode === get().viewMode) return;
      set({ viewMode: mode });
      const k = kit();
      if (mode !== 'kubernetes' && !hinted) {
        // Once per page: the terminal takes docker commands too.
        hinted = true;
        k.transcript.appendLine(`# ${SWARM_HINT}`);
        k.emit({ type: 'notice', text: SWARM_HINT });
      }
      k.publish();
    },
    selectSwarm(ref) {
      set({ swarmSelection: ref, swarmInspector: ref ? inspectSwarm(kit().runtime.probeShell(), get().swarm, ref) : undefined });
    },
    refreshSwarmInspector() {
      const ref = get().swarmSelection;
      set({ swarmInspector: ref ? inspectSwarm(kit().runtime.probeShell(), get().swarm, ref) : undefined });
    },
    swarmNodeAction(nodeId, action) {
      const name = nameOf(nodeId, 'node');
      if (name !== undefined && action in NODE_ACTIONS) get().runCommand(NODE_ACTIONS[action](shellWord(name)), 'ui');
    },
    scaleSwarmService(serviceId, replicas) {
      const name = nameOf(serviceId, 'service');
      if (name !== undefined && Number.isInteger(replicas) && replicas >= 0) get().runCommand(`docker service scale ${shellWord(name)}=${replicas}`, 'ui');
    },
    rollbackSwarmService(serviceId) {
      const name = nameOf(serviceId, 'service');
      if (name !== undefined) get().runCommand(`docker service rollback ${shellWord(name)}`, 'ui');
    },
  };
}
