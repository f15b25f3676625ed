import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VizText } from '../../viz/index';

/** A Deployment's states as the drawing names them (a condition's reason is shown as it is). */
const STATES: Readonly<Record<string, (t: TFunction) => string>> = {
  'rolling out': (t) => t('viz.stateRollingOut'),
  complete: (t) => t('viz.stateComplete'),
  paused: (t) => t('viz.statePaused'),
  'not progressing': (t) => t('viz.stateNotProgressing'),
};

/** The drawing's words (viz/text.ts) from the interface language. */
export function vizTextOf(t: TFunction): VizText {
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
    componentRole: {
      kubectl: t('viz.roleKubectl'),
      apiserver: t('viz.roleApiserver'),
      etcd: t('viz.roleEtcd'),
      scheduler: t('viz.roleScheduler'),
      'controller-manager': t('viz.roleControllerManager'),
    },
  };
}

/** The drawing's words and the language they are in (a new language redraws the SVG). */
export function useVizText(): { text: VizText; language: string } {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // One object per language: the drawing's effect depends on it and must not rerun on every render.
  return useMemo(() => ({ text: vizTextOf(t), language }), [t, language]);
}
