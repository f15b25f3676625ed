import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import { parseSelector } from './selectors';

describe('listing by label selector', () => {
  it('finds labelled Events (a table without a label index) as it finds pods', () => {
    const w = world({ workers: 1 });
    const event = (name: string, labels: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default', labels },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
      reason: 'Testing',
      message: 'test',
      type: 'Normal',
    });
    expect(w.client.create(event('a', { set: 'one' })).ok).toBe(true);
    expect(w.client.create(event('b', { set: 'one', extra: 'x' })).ok).toBe(true);
    expect(w.client.create(event('c', { set: 'two' })).ok).toBe(true);
    const names = (sel: string) => w.client.list('events', { labelSelector: parseSelector(sel) }).map((e) => e.metadata.name);
    expect(names('set=one')).toEqual(['a', 'b']);
    expect(names('extra')).toEqual(['b']);
    expect(names('set in (one,two),!extra')).toEqual(['a', 'c']);
  });
});
