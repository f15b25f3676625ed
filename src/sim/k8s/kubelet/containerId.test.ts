import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { containerdID } from './containerId';

describe('container IDs', () => {
  it('are containerd:// and the 64 hex digits the generator gives, drawn as rng.hex draws them', () => {
    for (const seed of [1, 7, 42, 2026]) {
      const a = createRng(seed);
      const b = createRng(seed);
      for (let i = 0; i < 50; i++) {
        const id = containerdID(a);
        expect(id).toBe(`containerd://${b.hex(64)}`);
        expect(id).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
      }
      // The same number of draws: both generators go on alike.
      expect(a.next()).toBe(b.next());
    }
  });
});
