import type { TFunction } from 'i18next';
import type { VizText } from '../../viz/index';
import { lookWordsOf } from './lookText';

/** A Deployment's states as the drawing names them (a condition's reason is shown as it is). */
const STATES: Readonly<Record<string, (t: TFunction) => string>> = {
  'rolling out': (t) => t('viz.stateRollingOut'),
  complete: (t) => t('viz.stateComplete'),
  paused: (t) => t('viz.statePaused'),
  'not progressing': (t) => t('viz.stateNotProgressing'),
};

/** Phrases remembered per function, at most this many (then forgotten all at once). */
const REMEMBERED = 1000;

/**
 * A phrase remembered by its arguments: i18next's t() takes microseconds a
 * call, and the drawing asks for the same phrases (a pod's node, a card's
 * counts) again on every snapshot. Like the constant words here, what is
 * remembered belongs to this table's language (a new language, a new table).
 */
function remembered<A extends unknown[]>(phrase: (...args: A) => string): (...args: A) => string {
  const texts = new Map<string, string>();
  return (...args) => {
    const key = JSON.stringify(args);
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= REMEMBERED) texts.clear();
      text = phrase(...args);
      texts.set(key, text);
    }
    return text;
  };
}

/** The drawing's words (viz/text.ts) from the interface language. */
export function vizTextOf(t: TFunction): VizText {
  const text = phrases(t);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text)) out[name] = typeof value === 'function' ? remembered(value as (...args: unknown[]) => string) : value;
  return out as unknown as VizText;
}

function phrases(t: TFunction): VizText {
  return {
    memory: t('viz.memory'),
    podsOfCapacity: (pods, capacity) => t('viz.podsOfCapacity', { pods, capacity }),
    roles: (roles) => t('viz.roles', { roles }),
    poweredOff: t('viz.poweredOff'),
    noPodsCordoned: t('viz.noPodsCordoned'),
    noPodsTainted: t('viz.noPodsTainted'),
    noPodsYet: t('viz.noPodsYet'),
    controlPlane: t('viz.controlPlane'),
    waitingForChange: t('viz.waitingForChange'),
    waitingHint: t('viz.waitingHint'),
    schedulingQueue: t('viz.schedulingQueue'),
    podsWaiting: (count) => t('viz.podsWaiting', { count }),
    deploymentState: (state) => STATES[state]?.(t) ?? state,
    workloadCounts: (desired, updated, available) => t('viz.workloadCounts', { desired, updated, available }),
    rolloutBudget: (surge, unavailable) => t('viz.rolloutBudget', { surge, unavailable }),
    revision: (revision) => t('viz.revision', { revision }),
    readyEndpoints: (count) => t('viz.readyEndpoints', { count }),
    notReadyEndpoints: (count) => t('viz.notReadyEndpoints', { count }),
    noPorts: t('viz.noPorts'),
    look: lookWordsOf(t),
    nodeLost: (node) => t('viz.nodeLost', { node }),
    nodeDeleted: (node) => t('viz.nodeDeleted', { node }),
    deletedNodeLabel: (node, count) => t('viz.deletedNodeLabel', { node, count }),
    deletedNodeNote: t('viz.deletedNodeNote'),
    onNode: (node) => t('viz.onNode', { node }),
    restarts: (count) => t('viz.restarts', { count }),
    podCount: (count) => t('viz.podCount', { count }),
    deploymentLabel: (d) =>
      t('viz.deploymentLabel', {
        ...d,
        revision: d.revision !== undefined ? t('viz.deploymentRevision', { revision: d.revision }) : '',
        budget: d.budget ? t('viz.deploymentBudget', d.budget) : '',
      }),
    serviceLabel: (s) => t('viz.serviceLabel', { ...s, count: s.ready, notReady: s.notReady > 0 ? t('viz.serviceNotReady', { count: s.notReady }) : '' }),
    workloadsGroup: t('viz.workloadsGroup'),
    componentRole: {
      kubectl: t('viz.roleKubectl'),
      apiserver: t('viz.roleApiserver'),
      etcd: t('viz.roleEtcd'),
      scheduler: t('viz.roleScheduler'),
      'controller-manager': t('viz.roleControllerManager'),
    },
  };
}
