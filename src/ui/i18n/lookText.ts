import type { TFunction } from 'i18next';
import type { PodLook } from '../../viz/index';

/** How each pod or task look is described in the interface language (Kubernetes and Swarm drawings alike). */
export function lookWordsOf(t: TFunction): Readonly<Record<PodLook, string>> {
  return {
    pending: t('look.pending'),
    creating: t('look.creating'),
    notReady: t('look.notReady'),
    ready: t('look.ready'),
    terminating: t('look.terminating'),
    crash: t('look.crash'),
    imagePull: t('look.imagePull'),
    completed: t('look.completed'),
    failed: t('look.failed'),
    unknown: t('look.unknown'),
  };
}
