import { describe, expect, it } from 'vitest';
import { podLook } from './podLook';

describe('podLook', () => {
  it.each([
    ['Pending', false, false, 'pending'],
    ['Pending', false, true, 'creating'],
    ['ContainerCreating', false, true, 'creating'],
    ['Init:0/1', false, true, 'creating'],
    ['PodInitializing', false, true, 'creating'],
    ['Running', false, true, 'notReady'],
    ['Running', true, true, 'ready'],
    ['Terminating', true, true, 'terminating'],
    ['CrashLoopBackOff', false, true, 'crash'],
    ['Init:CrashLoopBackOff', false, true, 'crash'],
    ['OOMKilled', false, true, 'crash'],
    ['Error', false, true, 'crash'],
    ['ErrImagePull', false, true, 'imagePull'],
    ['ImagePullBackOff', false, true, 'imagePull'],
    ['Completed', false, true, 'completed'],
    ['Evicted', false, true, 'failed'],
    ['Failed', false, true, 'failed'],
    ['SomethingNew', false, true, 'unknown'],
  ] as const)('%s (ready %s, scheduled %s) looks %s', (status, ready, scheduled, look) => {
    expect(podLook(status, ready, scheduled)).toBe(look);
  });
});
