import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/k8s/index';
import { daemonSetStatus, statefulSetStatus } from './rolloutStatusViewers';

const obj = (spec: object, status: object, generation = 1) => ({ apiVersion: 'apps/v1', kind: 'X', metadata: { name: 'web', generation }, spec, status }) as KubeObject;
const rolling = (partition?: number) => ({ type: 'RollingUpdate', ...(partition === undefined ? {} : { rollingUpdate: { partition } }) });

describe('StatefulSet rollout status', () => {
  it.each([
    ['an unobserved generation', obj({ replicas: 3, updateStrategy: rolling(0) }, { observedGeneration: 1 }, 2), 'Waiting for statefulset spec update to be observed...\n', false],
    ['unready pods', obj({ replicas: 3, updateStrategy: rolling(0) }, { observedGeneration: 1, readyReplicas: 1 }), 'Waiting for 2 pods to be ready...\n', false],
    ['a partitioned roll out in progress', obj({ replicas: 3, updateStrategy: rolling(1) }, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }), 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n', false],
    ['a partitioned roll out done', obj({ replicas: 3, updateStrategy: rolling(2) }, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }), 'partitioned roll out complete: 1 new pods have been updated...\n', true],
    ['a rolling update without partition in progress', obj({ replicas: 3, updateStrategy: rolling() }, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1, currentRevision: 'web-a', updateRevision: 'web-b' }), 'waiting for statefulset rolling update to complete 1 pods at revision web-b...\n', false],
    ['a rolling update without partition done', obj({ replicas: 3, updateStrategy: rolling() }, { observedGeneration: 1, readyReplicas: 3, currentReplicas: 3, currentRevision: 'web-b', updateRevision: 'web-b' }), 'statefulset rolling update complete 3 pods at revision web-b...\n', true],
  ])('reports %s', (_, sts, message, done) => {
    expect(statefulSetStatus(sts)).toEqual({ message, done });
  });

  it('is only available for RollingUpdate', () => {
    expect(statefulSetStatus(obj({ updateStrategy: { type: 'OnDelete' } }, {}))).toEqual({ error: 'rollout status is only available for RollingUpdate strategy type' });
  });
});

describe('DaemonSet rollout status', () => {
  it.each([
    ['pods still to update', { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }, 'Waiting for daemon set "web" rollout to finish: 1 out of 3 new pods have been updated...\n', false],
    ['updated pods not yet available', { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 }, 'Waiting for daemon set "web" rollout to finish: 2 of 3 updated pods are available...\n', false],
    ['a finished roll out', { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }, 'daemon set "web" successfully rolled out\n', true],
  ])('reports %s', (_, status, message, done) => {
    expect(daemonSetStatus(obj({ updateStrategy: { type: 'RollingUpdate' } }, status))).toEqual({ message, done });
  });
});
