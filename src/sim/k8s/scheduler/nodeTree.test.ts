import { describe, expect, it } from 'vitest';
import { cacheWith, node } from './testFixtures';

const z = (name: string, zone: string, region = 'r') => node(name, { labels: { 'topology.kubernetes.io/zone': zone, 'topology.kubernetes.io/region': region } });

describe('node tree order', () => {
  it('lists nodes zone by zone in turn, zones in order of appearance', () => {
    const cache = cacheWith([z('a1', 'a'), z('a2', 'a'), z('a3', 'a'), z('b1', 'b'), z('c1', 'c'), z('b2', 'b')]);
    expect(cache.nodes.map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('nodes without zone labels form one zone of their own; insertion order otherwise', () => {
    expect(cacheWith([node('w1'), node('w2'), node('w3')]).nodes.map((n) => n.name)).toEqual(['w1', 'w2', 'w3']);
  });

  it('removing a node keeps the order of the others; a relabelled node changes zone', () => {
    const cache = cacheWith([z('a1', 'a'), z('b1', 'b'), z('a2', 'a')]);
    cache.removeNode('a1');
    expect(cache.nodes.map((n) => n.name)).toEqual(['a2', 'b1']);
    cache.upsertNode(z('b1', 'a'));
    expect(cache.nodes.map((n) => n.name)).toEqual(['a2', 'b1']);
  });
});
