import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { computePodResources } from './podResources';

const c = (name: string, cpu?: string, memory?: string, extra: Partial<Container> = {}): Container => {
  const requests: Record<string, string> = {};
  if (cpu !== undefined) requests.cpu = cpu;
  if (memory !== undefined) requests.memory = memory;
  return { name, image: 'x', ...(cpu !== undefined || memory !== undefined ? { resources: { requests } } : {}), ...extra };
};
const Mi = 1024 * 1024;
const Gi = 1024 * Mi;

describe('computePodResources (PodRequests)', () => {
  it('sums app containers', () => {
    expect(computePodResources({ containers: [c('a', '250m', '64Mi'), c('b', '500m', '128Mi')] })).toMatchObject({ cpu: 750, memory: 192 * Mi, nonZeroCpu: 750, nonZeroMemory: 192 * Mi });
  });

  it('takes the max of the sum and each init container (upstream doc example: 3 CPU, 3G)', () => {
    const r = computePodResources({ initContainers: [c('i1', '2', '1G'), c('i2', '2', '3G')], containers: [c('c1', '2', '1G'), c('c2', '1', '1G')] });
    expect(r).toMatchObject({ cpu: 3000, memory: 3e9 });
  });

  it('adds sidecars (restartPolicy Always) to the sum and to every later init container', () => {
    const r = computePodResources({
      initContainers: [c('side', '1', '1Gi', { restartPolicy: 'Always' }), c('init', '2', '1Gi')],
      containers: [c('app', '500m', '1Gi')],
    });
    // sum = app + sidecar = 1500m / 2Gi; init container needs 2 + 1 (sidecar) = 3 CPU / 2Gi.
    expect(r).toMatchObject({ cpu: 3000, memory: 2 * Gi });
  });

  it('adds pod overhead', () => {
    expect(computePodResources({ containers: [c('a', '100m', '100Mi')], overhead: { cpu: '250m', memory: '120Mi' } })).toMatchObject({ cpu: 350, memory: 220 * Mi, nonZeroCpu: 350 });
  });

  it('counts 100m / 200Mi per container without a request, for scoring only', () => {
    const r = computePodResources({ containers: [c('a'), c('b', '300m')] });
    expect(r).toMatchObject({ cpu: 300, memory: 0, nonZeroCpu: 400, nonZeroMemory: 400 * Mi });
  });

  it('an explicit zero request stays zero even for scoring', () => {
    expect(computePodResources({ containers: [c('a', '0', '0')] })).toMatchObject({ nonZeroCpu: 0, nonZeroMemory: 0 });
  });

  it('applies the defaults to init containers too', () => {
    expect(computePodResources({ initContainers: [c('i')], containers: [c('a', '50m', '10Mi')] })).toMatchObject({ cpu: 50, nonZeroCpu: 100, nonZeroMemory: 200 * Mi });
  });

  it('keeps extended resources and ignores unknown native names', () => {
    const r = computePodResources({ containers: [{ name: 'a', image: 'x', resources: { requests: { 'nvidia.com/gpu': '2', 'hugepages-2Mi': '4Mi', foo: '3' } } }] });
    expect(r.scalar).toEqual(new Map([['nvidia.com/gpu', 2], ['hugepages-2Mi', 4 * Mi]]));
  });

  it('gives each pod its own requests when pods of one workload share a result', () => {
    const a1 = computePodResources({ containers: [c('a', '100m', '64Mi')] });
    const a2 = computePodResources({ containers: [c('a', '100m', '64Mi')] });
    const b = computePodResources({ containers: [c('a', '200m', '64Mi')] });
    const none = computePodResources({ containers: [c('a')] });
    const a3 = computePodResources({ containers: [c('a', '100m', '64Mi')] });
    expect(a2).toBe(a1);
    expect([a1, b, none, a3].map((r) => [r.cpu, r.memory, r.nonZeroCpu, r.nonZeroMemory])).toEqual([
      [100, 64 * Mi, 100, 64 * Mi],
      [200, 64 * Mi, 200, 64 * Mi],
      [0, 0, 100, 200 * Mi],
      [100, 64 * Mi, 100, 64 * Mi],
    ]);
  });

  it('answers pods sharing one requests object with one shared result, and reads a different object afresh', () => {
    const shared = { cpu: '100m', memory: '128Mi' };
    const pod = (requests: Record<string, string>) => ({ containers: [{ name: 'app', image: 'x', resources: { requests } }] });
    const first = computePodResources(pod(shared));
    expect(computePodResources(pod(shared))).toBe(first);
    const other = computePodResources(pod({ cpu: '200m', memory: '128Mi' }));
    expect(other).toMatchObject({ cpu: 200, memory: 128 * Mi, nonZeroCpu: 200 });
    expect(computePodResources({ containers: [c('a', '1'), c('b', '1')] })).toMatchObject({ cpu: 2000, nonZeroMemory: 2 * 200 * Mi });
    expect(computePodResources(pod(shared))).toMatchObject({ cpu: 100, memory: 128 * Mi, nonZeroCpu: 100, nonZeroMemory: 128 * Mi });
  });
});
