import { describe, expect, it } from 'vitest';
import { describeNodes, parseClusterShape } from './clusterShape';

describe('parseClusterShape', () => {
  it('reads workers, node size and seed from the address', () => {
    expect(parseClusterShape('?workers=12&node-cpu=8&node-memory=16Gi&seed=7')).toEqual({ workers: 12, nodeCpu: '8', nodeMemory: '16Gi', seed: 7 });
  });

  it('ignores what is not valid instead of failing', () => {
    expect(parseClusterShape('?workers=0&node-cpu=lots&node-memory=16GB&seed=-1')).toEqual({});
    expect(parseClusterShape('?workers=100000')).toEqual({});
    expect(parseClusterShape('')).toEqual({});
  });
});

describe('describeNodes', () => {
  it('names the nodes as the welcome line does', () => {
    expect(describeNodes(3)).toBe('control-plane, worker-1..3');
    expect(describeNodes(1)).toBe('control-plane, worker-1');
  });
});
