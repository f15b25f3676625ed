import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, scoresOf } from '../testFixtures';
import { imageLocalityPriority, normalizedImageName } from './imageLocality';

const MB = 1024 * 1024;
const img = (name: string, size: number) => ({ names: [name], sizeBytes: size });

describe('ImageLocality', () => {
  it.each([
    ['nginx', 'nginx:latest'],
    ['nginx:1.25', 'nginx:1.25'],
    ['registry:5000/app', 'registry:5000/app:latest'],
    ['registry:5000/app:v1', 'registry:5000/app:v1'],
  ])('normalizedImageName(%s) = %s', (i, want) => {
    expect(normalizedImageName(i)).toBe(want);
  });

  it.each([
    [0, 1, 0],
    [23 * MB, 1, 0],
    [523 * MB, 1, 51],
    [2000 * MB, 1, 100],
    [523 * MB, 2, 25],
  ])('priority(%d bytes, %d containers) = %d', (sum, n, want) => {
    expect(imageLocalityPriority(sum, n)).toBe(want);
  });

  it('a 523 MB image present on every node scores 51', () => {
    const cache = cacheWith([node('a', { images: [img('big:1', 523 * MB)] }), node('b', { images: [img('big:1', 523 * MB)] })]);
    const p = pod('p', { containers: [{ name: 'c', image: 'big:1' }] });
    expect(scoresOf(scheduleIn(cache, p), 'ImageLocality')).toEqual({ a: 51, b: 51 });
  });

  it('scales an image by the share of nodes holding it', () => {
    const cache = cacheWith([node('a', { images: [img('big:1', 523 * MB)] }), node('b')]);
    const p = pod('p', { containers: [{ name: 'c', image: 'big:1' }] });
    // 523 MB × 1/2 = 261.5 MB → (261.5 − 23) / 977 → 24.
    expect(scoresOf(scheduleIn(cache, p), 'ImageLocality')).toEqual({ a: 24, b: 0 });
  });

  it('matches names exactly as listed by the node (no registry rewriting)', () => {
    const cache = cacheWith([node('a', { images: [img('docker.io/library/big:1', 900 * MB)] }), node('b')]);
    const p = pod('p', { containers: [{ name: 'c', image: 'big:1' }] });
    expect(scoresOf(scheduleIn(cache, p), 'ImageLocality')).toEqual({ a: 0, b: 0 });
  });
});
