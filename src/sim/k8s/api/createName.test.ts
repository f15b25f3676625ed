import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { KubeObject } from './types';

const pod = (metadata: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'c', image: 'nginx' }] } }) as unknown as KubeObject;

describe('the name of a created object', () => {
  it('a name already taken in the namespace is refused with AlreadyExists', () => {
    const w = world();
    expect(w.client.create(pod({ name: 'web' })).ok).toBe(true);
    const res = w.client.create(pod({ name: 'web' }));
    expect(res.ok).toBe(false);
    if (!res.ok) expect([res.status.code, res.status.reason, res.status.message]).toEqual([409, 'AlreadyExists', 'pods "web" already exists']);
  });

  it('generateName gives each object its own name, stored under that name', () => {
    const w = world();
    const names = Array.from({ length: 20 }, () => {
      const res = w.client.create(pod({ generateName: 'web-' }));
      if (!res.ok) throw new Error(res.status.message);
      return res.object.metadata.name;
    });
    expect(new Set(names).size).toBe(20);
    for (const name of names) {
      expect(name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(w.client.get('pods', 'default', name)?.metadata.name).toBe(name);
    }
  });
});
