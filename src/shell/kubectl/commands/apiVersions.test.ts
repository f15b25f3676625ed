import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

describe('kubectl api-versions', () => {
  it('prints every served group/version once, sorted, the core group as v1', () => {
    const { run } = shellHarness({});
    const lines = run('kubectl api-versions').stdout.trim().split('\n');
    expect(lines).toContain('v1');
    expect(lines).toContain('apps/v1');
    expect(lines).toContain('batch/v1');
    expect(lines).toEqual([...new Set(lines)].sort());
  });
});
