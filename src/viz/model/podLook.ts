/**
 * How a pod looks, from kubectl's STATUS text (and readiness): one of the
 * states UI.md draws, each with a color and a second, non-color cue.
 */
export type PodLook =
  | 'pending'
  | 'creating'
  | 'notReady'
  | 'ready'
  | 'terminating'
  | 'crash'
  | 'imagePull'
  | 'completed'
  | 'failed'
  | 'unknown';

const CRASH = new Set(['CrashLoopBackOff', 'Error', 'OOMKilled', 'RunContainerError', 'CreateContainerError', 'CreateContainerConfigError', 'ContainerCannotRun', 'StartError']);
const IMAGE = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const FAILED = new Set(['Failed', 'Evicted', 'NodeLost', 'Shutdown', 'Terminated', 'OutOfcpu', 'OutOfmemory', 'OutOfpods', 'NodeAffinity', 'UnexpectedAdmissionError']);

/**
 * Maps kubectl's STATUS column to a look.
 * @example podLook('Running', true) // 'ready'
 * @example podLook('Init:0/1', false) // 'creating'
 */
export function podLook(status: string, ready: boolean, scheduled = true): PodLook {
  const base = status.replace(/^Init:/, '');
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return ready ? 'ready' : 'notReady';
  if (status === 'Pending') return scheduled ? 'creating' : 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || /^Init:\d+\/\d+$/.test(status)) return 'creating';
  if (CRASH.has(base) || base.startsWith('Signal:') || base.startsWith('ExitCode:')) return 'crash';
  if (IMAGE.has(base)) return 'imagePull';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (FAILED.has(base) || base.startsWith('OutOf')) return 'failed';
  return 'unknown';
}

/** Words a screen reader says after the pod's name, and the tooltip shows. */
export const LOOK_DESCRIPTION: Readonly<Record<PodLook, string>> = {
  pending: 'waiting to be scheduled',
  creating: 'starting',
  notReady: 'running, not ready',
  ready: 'running and ready',
  terminating: 'shutting down',
  crash: 'crashing',
  imagePull: 'cannot pull its image',
  completed: 'completed',
  failed: 'failed',
  unknown: 'status unknown',
};
