import { easeCubicInOut, easeCubicOut } from 'd3';
import type { PlacedPod } from '../layout/clusterLayout';
import type { PodLook } from '../model/podLook';
import { FALLBACK_PALETTE, paintPod, readPalette, type PodFrame, type PodPalette } from './podPaint';

/** Virtual time a typical image pull and container start take (the fill's pace). */
const PULL_MS = 3000;
/** How full the outline gets while the container is created (the rest is its start). */
export const FILL_TOP = 0.8;
/** A terminating pod fades to this opacity and shrinks to this scale (UI.md: faded, shrinking). */
const TERMINATING = { opacity: 0.4, scale: 0.75, ms: 800 } as const;
/** A status change cross-fades the colors this long. */
const CHANGE_MS = 300;
const SHAKE_MS = 420;
const SHAKE = [0, -3, 3, -2, 2, 0];

/** How long the fill takes to rise at a speed (real ms): follows virtual time, within legible bounds. */
export function pullFillMs(speed: number): number {
  if (speed <= 0) return 4000;
  return Math.round(Math.min(4000, Math.max(250, PULL_MS / speed)));
}

/** A value moving from `from` to `to` between two instants, with an easing. */
interface Tween {
  from: number;
  to: number;
  start: number;
  ms: number;
  ease: (t: number) => number;
}

function tween(value: number, to = value, start = 0, ms = 0, ease: (t: number) => number = easeCubicInOut): Tween {
  return { from: value, to, start, ms, ease };
}

function valueAt(t: Tween, now: number): number {
  if (t.ms <= 0 || now >= t.start + t.ms) return t.to;
  if (now <= t.start) return t.from;
  return t.from + (t.to - t.from) * t.ease((now - t.start) / t.ms);
}

function settled(t: Tween, now: number): boolean {
  return t.ms <= 0 || now >= t.start + t.ms;
}

/** Starts a tween from where `t` is now to `to` (no-op when already heading there). */
function retarget(t: Tween, to: number, now: number, ms: number, ease: (t: number) => number = easeCubicInOut): Tween {
  if (t.to === to) return t;
  return { from: valueAt(t, now), to, start: now, ms, ease };
}

/** One pod on the canvas: where it is going, and the motions it is in the middle of. */
interface Sprite {
  placed: PlacedPod;
  x: Tween;
  y: Tween;
  opacity: Tween;
  scale: Tween;
  look: PodLook;
  from: PodLook | undefined;
  changedAt: number;
  restarts: number;
  fill: Tween | undefined;
  haloAt: number | undefined;
  haloMs: number;
  shakeAt: number | undefined;
  /** Fading out: removed once invisible. */
  leaving: boolean;
}

export interface SpriteOptions {
  /** Transition length (0: none). */
  readonly durationMs: number;
  /** Playback speed (0 = paused): the image-pull fill follows virtual time. */
  readonly speed: number;
  /** prefers-reduced-motion: cross-fades only, no travel, shrinking, halo or shake. */
  readonly reducedMotion: boolean;
  /** Where new pods bound to a node fly in from (the scheduler), unless they just fade in. */
  readonly origin: { readonly x: number; readonly y: number } | undefined;
  /** The drawing's size. */
  readonly width: number;
  readonly height: number;
  /** Pod square side. */
  readonly size: number;
}

/**
 * The pods of the normal drawing, painted on one canvas. Every motion UI.md
 * asks for happens here — a new pod appears at the control plane and travels
 * to its node, the outline fills while the image pulls, a halo pulses on
 * Ready, a terminating pod fades and shrinks, a crash shakes, a leaving pod
 * fades — so a frame repaints one canvas instead of a hundred SVG groups (in
 * software raster, each moving SVG element re-rasterised every tile it
 * crossed). It animates only while something moves: with nothing changing
 * no frame is requested at all.
 */
export class PodSprites {
  private readonly sprites = new Map<string, Sprite>();
  private frame = 0;
  private options: SpriteOptions | undefined;
  private palette: PodPalette | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Pods in the picture, leaving ones included (for tests). */
  get count(): number {
    return this.sprites.size;
  }

  /** Whether a frame is scheduled (something still moves). */
  get animating(): boolean {
    return this.frame !== 0;
  }

  /** Every pod as it stands at `now` (what a paint at that instant draws), by key. */
  framesAt(now: number): Map<string, PodFrame> {
    const out = new Map<string, PodFrame>();
    for (const [key, s] of this.sprites) if (!(s.leaving && settled(s.opacity, now))) out.set(key, this.frameOf(s, now));
    return out;
  }

  /** Forgets the theme's colors (they are read again at the next paint). */
  themeChanged(): void {
    this.palette = undefined;
    this.paint();
  }

  /**
   * Takes the pods of a new layout: new ones enter (from `origin`, or fading
   * in where they are when `animate` is false or they have no node), moved
   * ones travel, changed ones start their motions, missing ones fade out.
   */
  update(pods: readonly PlacedPod[], options: SpriteOptions, animate: boolean): void {
    const now = this.clock();
    this.options = options;
    this.resize(options);
    const ms = animate ? options.durationMs : 0;
    const reduced = options.reducedMotion;
    const seen = new Set<string>();
    for (const placed of pods) {
      const key = placed.pod.key;
      seen.add(key);
      const sprite = this.sprites.get(key);
      if (!sprite || sprite.leaving) this.enter(placed, options, animate, now);
      else this.change(sprite, placed, options, ms, now);
    }
    for (const [key, sprite] of this.sprites) {
      if (seen.has(key) || sprite.leaving) continue;
      sprite.leaving = true;
      sprite.opacity = ms > 0 ? retarget(sprite.opacity, 0, now, ms) : tween(0);
    }
    if (reduced) for (const s of this.sprites.values()) s.shakeAt = s.haloAt = undefined;
    this.paint();
  }

  /** Stops animating and forgets every pod (the dense drawing takes the canvas over). */
  clear(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.sprites.clear();
  }

  private enter(placed: PlacedPod, o: SpriteOptions, animate: boolean, now: number): void {
    const ms = animate ? o.durationMs : 0;
    const fly = animate && !o.reducedMotion && o.origin !== undefined && placed.nodeKey !== undefined;
    const { x: ox, y: oy } = fly && o.origin ? { x: o.origin.x - o.size / 2, y: o.origin.y - o.size / 2 } : placed;
    const look = placed.pod.look;
    const sprite: Sprite = {
      placed,
      x: fly ? tween(ox, placed.x, now, ms * 1.6) : tween(placed.x),
      y: fly ? tween(oy, placed.y, now, ms * 1.6) : tween(placed.y),
      opacity: fly || ms === 0 ? tween(1) : tween(0, 1, now, ms),
      scale: tween(look === 'terminating' && !o.reducedMotion ? TERMINATING.scale : 1),
      look,
      from: undefined,
      changedAt: 0,
      restarts: placed.pod.restarts,
      fill: undefined,
      haloAt: undefined,
      haloMs: 0,
      shakeAt: undefined,
      leaving: false,
    };
    if (look === 'terminating') sprite.opacity = tween(TERMINATING.opacity);
    if (look === 'creating') sprite.fill = this.fillTween(o, now);
    this.sprites.set(placed.pod.key, sprite);
  }

  private fillTween(o: SpriteOptions, now: number): Tween {
    return o.reducedMotion ? tween(0.5) : tween(0, FILL_TOP, now, pullFillMs(o.speed), easeCubicOut);
  }

  private change(s: Sprite, placed: PlacedPod, o: SpriteOptions, ms: number, now: number): void {
    s.placed = placed;
    const travel = o.reducedMotion ? 0 : ms;
    s.x = travel > 0 ? retarget(s.x, placed.x, now, travel) : tween(placed.x);
    s.y = travel > 0 ? retarget(s.y, placed.y, now, travel) : tween(placed.y);
    const look = placed.pod.look;
    const prev = s.look;
    if (look !== prev) {
      s.from = prev;
      s.changedAt = now;
      s.look = look;
      const terminating = look === 'terminating';
      const fadeMs = o.reducedMotion ? 300 : TERMINATING.ms;
      s.opacity = retarget(s.opacity, terminating ? TERMINATING.opacity : 1, now, fadeMs);
      s.scale = retarget(s.scale, terminating && !o.reducedMotion ? TERMINATING.scale : 1, now, fadeMs);
      if (look === 'creating') s.fill = this.fillTween(o, now);
      if (look === 'ready' && !o.reducedMotion) {
        s.haloAt = now;
        s.haloMs = Math.max(500, o.durationMs * 2);
      }
    }
    if (look !== 'creating') s.fill = undefined;
    const crashed = placed.pod.restarts > s.restarts || (look === 'crash' && prev !== 'crash');
    if (crashed && !o.reducedMotion) s.shakeAt = now;
    s.restarts = placed.pod.restarts;
  }

  private resize(o: SpriteOptions): void {
    const ratio = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
    const w = Math.max(1, Math.ceil(o.width * ratio));
    const h = Math.max(1, Math.ceil(o.height * ratio));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    const cssW = `${o.width}px`;
    const cssH = `${o.height}px`;
    if (this.canvas.style.width !== cssW) this.canvas.style.width = cssW;
    if (this.canvas.style.height !== cssH) this.canvas.style.height = cssH;
  }

  /** The pod as it stands at `now`. */
  private frameOf(s: Sprite, now: number): PodFrame {
    const shakeT = s.shakeAt !== undefined ? (now - s.shakeAt) / SHAKE_MS : 1;
    let shakeX = 0;
    if (shakeT < 1) {
      const at = shakeT * (SHAKE.length - 1);
      const i = Math.floor(at);
      shakeX = SHAKE[i] + (SHAKE[Math.min(SHAKE.length - 1, i + 1)] - SHAKE[i]) * (at - i);
    }
    const haloT = s.haloAt !== undefined ? (now - s.haloAt) / s.haloMs : 1;
    return {
      x: valueAt(s.x, now),
      y: valueAt(s.y, now),
      size: this.options?.size ?? 24,
      look: s.look,
      from: s.from,
      change: Math.min(1, (now - s.changedAt) / CHANGE_MS),
      opacity: valueAt(s.opacity, now),
      scale: valueAt(s.scale, now),
      shakeX,
      fill: s.fill ? valueAt(s.fill, now) : 0,
      halo: haloT < 1 ? easeCubicOut(haloT) : undefined,
      hue: s.placed.pod.owner?.hue,
      restarts: s.restarts,
    };
  }

  /** Whether the sprite is still in some motion at `now`. */
  private moving(s: Sprite, now: number): boolean {
    return (
      !settled(s.x, now) ||
      !settled(s.y, now) ||
      !settled(s.opacity, now) ||
      !settled(s.scale, now) ||
      (s.fill !== undefined && !settled(s.fill, now)) ||
      now - s.changedAt < CHANGE_MS ||
      (s.haloAt !== undefined && now - s.haloAt < s.haloMs) ||
      (s.shakeAt !== undefined && now - s.shakeAt < SHAKE_MS)
    );
  }

  /** Paints every pod as it stands now, and asks for another frame while any of them moves. */
  private paint(): void {
    const o = this.options;
    const ctx = this.canvas.getContext('2d');
    if (!o || !ctx) return;
    const now = this.clock();
    this.palette ??= this.canvas.isConnected ? readPalette(this.canvas) : FALLBACK_PALETTE;
    const ratio = this.canvas.width / Math.max(1, o.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, o.width, o.height);
    let moving = false;
    for (const [key, s] of this.sprites) {
      if (s.leaving && settled(s.opacity, now)) {
        this.sprites.delete(key);
        continue;
      }
      paintPod(ctx, this.frameOf(s, now), this.palette);
      if (!moving && this.moving(s, now)) moving = true;
    }
    if (moving && this.frame === 0 && typeof requestAnimationFrame === 'function') {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint();
      });
    }
  }
}
