import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { readClusterObjects } from './clusterObjects';
import { fakeCluster } from './fakeWorld.testkit';
import type { Engine } from './types';

describe('readClusterObjects', () => {
  it("works out the STATUS of pods that changed since the last read, and keeps an unchanged pod's", () => {
    const world = fakeCluster();
    const asked: string[] = [];
    const engine: Engine = {
      createCluster: () => world.cluster,
      podStatusText: (pod) => {
        asked.push(pod.metadata!.name!);
        return pod.status?.phase ?? 'Unknown';
      },
    };
    const reader = world.cluster.client('test');
    world.addPod('a');
    world.addPod('b');
    expect(readClusterObjects(engine, world.cluster, reader).podStatus).toEqual({ 'default/a': 'Running', 'default/b': 'Running' });
    expect(asked).toEqual(['a', 'b']);
    // The store replaces a pod it changes: b's new object is worked out, a's old one is not.
    const b = { metadata: { name: 'b', namespace: 'default', resourceVersion: '7' }, status: { phase: 'Failed' } } satisfies Pod;
    world.pods.set('b', b);
    expect(readClusterObjects(engine, world.cluster, reader).podStatus).toEqual({ 'default/a': 'Running', 'default/b': 'Failed' });
    expect(asked).toEqual(['a', 'b', 'b']);
    // Written in place with a new resourceVersion: worked out again all the same.
    b.status.phase = 'Succeeded';
    b.metadata!.resourceVersion = '8';
    expect(readClusterObjects(engine, world.cluster, reader).podStatus['default/b']).toBe('Succeeded');
  });
});
