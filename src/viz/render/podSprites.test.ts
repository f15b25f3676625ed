import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlacedPod } from '../layout/clusterLayout';
import type { PodView } from '../model/clusterView';
import type { PodLook } from '../model/podLook';
import { FILL_TOP, PodSprites, pullFillMs, type SpriteOptions } from './podSprites';

/** A 2D context that accepts every call and draws nothing (the tests read where pods stand, not pixels). */
function fakeCanvas(): HTMLCanvasElement {
  const ctx = new Proxy({}, { get: () => () => undefined, set: () => true });
  return { width: 0, height: 0, style: {}, isConnected: false, getContext: () => ctx } as unknown as HTMLCanvasElement;
}

/** A placed pod; `node` null for one in the scheduling queue. */
function placed(name: string, x: number, y: number, look: PodLook = 'ready', restarts = 0, node: string | null = 'worker-1'): PlacedPod {
  const nodeKey = node ?? undefined;
  const pod: PodView = { key: `default/${name}`, name, namespace: 'default', nodeName: nodeKey, status: 'Running', look, ready: '1/1', restarts, podIP: undefined, createdAt: 0, startedAt: undefined, owner: undefined, label: name };
  return { pod, x, y, nodeKey };
}

const OPTIONS: SpriteOptions = { durationMs: 400, speed: 1, reducedMotion: false, origin: { x: 112, y: 12 }, width: 800, height: 600, size: 24 };

let now = 0;
let frames = 0;
let pending: (() => void)[] = [];
let sprites: PodSprites;
/** Runs the animation frames asked for so far (each paints). */
function flush(): void {
  const run = pending;
  pending = [];
  for (const f of run) f();
}
beforeEach(() => {
  now = 1000;
  frames = 0;
  pending = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => {
    pending.push(f);
    return ++frames;
  });
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  sprites = new PodSprites(fakeCanvas(), () => now);
});
afterEach(() => vi.unstubAllGlobals());

const at = (key: string, t = now) => sprites.framesAt(t).get(`default/${key}`);

describe('pods on the canvas', () => {
  it('draws the pods of the first picture in place, in one frame', () => {
    sprites.update([placed('a', 10, 20), placed('b', 40, 20)], OPTIONS, false);
    expect(at('a')).toMatchObject({ x: 10, y: 20, opacity: 1, scale: 1 });
    expect(frames).toBe(1);
    flush();
    expect(sprites.animating).toBe(false);
    expect(frames).toBe(1);
  });

  it('a new pod on a node appears at the scheduler and travels to its node, then stops', () => {
    sprites.update([], OPTIONS, false);
    sprites.update([placed('a', 300, 200)], OPTIONS, true);
    expect(at('a')).toMatchObject({ x: 100, y: 0, opacity: 1 });
    expect(sprites.animating).toBe(true);
    const mid = at('a', now + 320)!;
    expect(mid.x).toBeGreaterThan(100);
    expect(mid.x).toBeLessThan(300);
    expect(at('a', now + 640)).toMatchObject({ x: 300, y: 200 });
  });

  it('a pod with no node yet fades in where it waits', () => {
    sprites.update([], OPTIONS, false);
    sprites.update([placed('q', 30, 40, 'pending', 0, null)], OPTIONS, true);
    expect(at('q')).toMatchObject({ x: 30, y: 40, opacity: 0 });
    expect(at('q', now + 400)!.opacity).toBe(1);
  });

  it('a moved pod travels from where it stands; reduced motion puts it there at once', () => {
    sprites.update([placed('a', 0, 0)], OPTIONS, false);
    sprites.update([placed('a', 100, 0)], OPTIONS, true);
    expect(at('a')!.x).toBe(0);
    expect(at('a', now + 400)!.x).toBe(100);
    const still = new PodSprites(fakeCanvas(), () => now);
    still.update([placed('a', 0, 0)], { ...OPTIONS, reducedMotion: true }, false);
    still.update([placed('a', 100, 0)], { ...OPTIONS, reducedMotion: true }, true);
    expect(still.framesAt(now).get('default/a')!.x).toBe(100);
  });

  it('a pod that left fades out and is then forgotten', () => {
    sprites.update([placed('a', 0, 0), placed('b', 30, 0)], OPTIONS, false);
    sprites.update([placed('b', 30, 0)], OPTIONS, true);
    expect(at('a')!.opacity).toBe(1);
    expect(at('a', now + 200)!.opacity).toBeLessThan(1);
    expect(at('a', now + 400)).toBeUndefined();
    now += 400;
    flush();
    expect(sprites.count).toBe(1);
  });

  it('the outline fills while the image pulls, at the pace of virtual time', () => {
    sprites.update([placed('a', 0, 0, 'pending')], OPTIONS, false);
    sprites.update([placed('a', 0, 0, 'creating')], { ...OPTIONS, speed: 2 }, true);
    expect(at('a')!.fill).toBe(0);
    expect(at('a', now + pullFillMs(2) / 2)!.fill).toBeGreaterThan(0.4);
    expect(at('a', now + pullFillMs(2))!.fill).toBe(FILL_TOP);
    sprites.update([placed('a', 0, 0, 'ready')], OPTIONS, true);
    expect(at('a')!.fill).toBe(0);
  });

  it('a pod becoming Ready pulses a halo, and its colors cross-fade', () => {
    sprites.update([placed('a', 0, 0, 'notReady')], OPTIONS, false);
    sprites.update([placed('a', 0, 0, 'ready')], OPTIONS, true);
    expect(at('a')).toMatchObject({ look: 'ready', from: 'notReady', change: 0, halo: 0 });
    expect(at('a', now + 800)).toMatchObject({ change: 1, halo: undefined });
  });

  it('a crash shakes the square; reduced motion keeps it still', () => {
    sprites.update([placed('a', 0, 0, 'ready')], OPTIONS, false);
    sprites.update([placed('a', 0, 0, 'crash', 1)], OPTIONS, true);
    const offsets = [50, 100, 150, 200, 250, 300].map((dt) => at('a', now + dt)!.shakeX);
    expect(offsets.some((x) => x !== 0)).toBe(true);
    expect(at('a', now + 500)!.shakeX).toBe(0);
    expect(at('a')!.restarts).toBe(1);
    const still = new PodSprites(fakeCanvas(), () => now);
    still.update([placed('a', 0, 0, 'ready')], { ...OPTIONS, reducedMotion: true }, false);
    still.update([placed('a', 0, 0, 'crash', 1)], { ...OPTIONS, reducedMotion: true }, true);
    expect([50, 150, 250].map((dt) => still.framesAt(now + dt).get('default/a')!.shakeX)).toEqual([0, 0, 0]);
  });

  it('a terminating pod fades and shrinks (only fades with reduced motion)', () => {
    sprites.update([placed('a', 0, 0, 'ready')], OPTIONS, false);
    sprites.update([placed('a', 0, 0, 'terminating')], OPTIONS, true);
    expect(at('a', now + 800)).toMatchObject({ opacity: 0.4, scale: 0.75 });
    const still = new PodSprites(fakeCanvas(), () => now);
    still.update([placed('a', 0, 0, 'ready')], { ...OPTIONS, reducedMotion: true }, false);
    still.update([placed('a', 0, 0, 'terminating')], { ...OPTIONS, reducedMotion: true }, true);
    expect(still.framesAt(now + 800).get('default/a')).toMatchObject({ opacity: 0.4, scale: 1 });
  });

  it('asks for frames only while something moves or changed, one per frame however many updates', () => {
    sprites.update([placed('a', 0, 0)], OPTIONS, false);
    flush();
    expect(frames).toBe(1);
    sprites.update([placed('a', 0, 0)], OPTIONS, true);
    expect(frames).toBe(1);
    sprites.update([placed('a', 50, 0)], OPTIONS, true);
    sprites.update([placed('a', 60, 0)], OPTIONS, true);
    expect(frames).toBe(2);
    flush();
    expect(frames).toBe(3);
    now += 400;
    flush();
    expect(sprites.animating).toBe(false);
  });
});
