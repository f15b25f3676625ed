import { easeCubicOut } from 'd3';
import type { PlacedPod } from '../layout/clusterLayout';
import type { PodLook } from '../model/podLook';
import { FALLBACK_PALETTE, paintFill, paintHalo, paintStill, readPalette, SPRITE_MARGIN, type PodPalette } from './podPaint';
import { PodStills } from './podStills';
import { retarget, settled, tween, valueAt, type Tween } from './tween';

/** One pod as it stands in a frame. */
export interface PodFrame {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly look: PodLook;
  /** The look it is changing from, and how far (0..1) the change has gone. */
  readonly from?: PodLook;
  readonly change: number;
  readonly opacity: number;
  /** Around the square's center (terminating pods shrink). */
  readonly scale: number;
  /** Sideways offset of a crash's shake, px. */
  readonly shakeX: number;
  /** ContainerCreating: how full the outline is, 0..FILL_TOP. */
  readonly fill: number;
  /** The Ready halo: 0..1 as it grows and fades, undefined when none. */
  readonly halo: number | undefined;
  /** Index of the owner's revision hue, if any. */
  readonly hue: number | undefined;
  readonly restarts: number;
}

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
  private readonly stills = new PodStills();
  /** Something changed since the last paint. */
  private dirty = false;
  /** What the drawing's scroller shows (undefined: the whole drawing). */
  private viewport: { x: number; y: number; width: number; height: number } | undefined;
  /** The part of the drawing the canvas covers now. */
  private region = { x: 0, y: 0, width: 0, height: 0 };

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

  /** The part of the drawing its scroller shows: the canvas covers that (and a margin), not the whole drawing. */
  setViewport(view: { x: number; y: number; width: number; height: number }): void {
    const v = this.viewport;
    if (v && v.x === view.x && v.y === view.y && v.width === view.width && v.height === view.height) return;
    this.viewport = { ...view };
    if (this.options && this.resize(this.options)) {
      this.dirty = true;
      this.schedule();
    }
  }

  /** Forgets the theme's colors (they are read again at the next paint). */
  themeChanged(): void {
    this.palette = undefined;
    this.dirty = true;
    this.schedule();
  }

  /**
   * Takes the pods of a new layout: new ones enter (from `origin`, or fading
   * in where they are when `animate` is false or they have no node), moved
   * ones travel, changed ones start their motions, missing ones fade out.
   */
  update(pods: readonly PlacedPod[], options: SpriteOptions, animate: boolean): void {
    const now = this.clock();
    const was = this.options;
    this.options = options;
    if (this.resize(options) || was?.size !== options.size) this.dirty = true;
    const ms = animate ? options.durationMs : 0;
    const reduced = options.reducedMotion;
    const seen = new Set<string>();
    for (const placed of pods) {
      const key = placed.pod.key;
      seen.add(key);
      const sprite = this.sprites.get(key);
      if (!sprite || sprite.leaving) this.enter(placed, options, animate, now);
      else if (sprite.placed !== placed) this.change(sprite, placed, options, ms, now);
    }
    for (const [key, sprite] of this.sprites) {
      if (seen.has(key) || sprite.leaving) continue;
      this.dirty = true;
      sprite.leaving = true;
      sprite.opacity = ms > 0 ? retarget(sprite.opacity, 0, now, ms) : tween(0);
    }
    if (reduced) for (const s of this.sprites.values()) s.shakeAt = s.haloAt = undefined;
    // Painted at the next animation frame, once however many updates come before it; nothing changed, nothing painted.
    if (this.dirty) this.schedule();
  }

  /** Stops animating and forgets every pod (the dense drawing takes the canvas over). */
  clear(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.sprites.clear();
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.options = undefined;
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
    this.dirty = true;
  }

  private fillTween(o: SpriteOptions, now: number): Tween {
    return o.reducedMotion ? tween(0.5) : tween(0, FILL_TOP, now, pullFillMs(o.speed), easeCubicOut);
  }

  private change(s: Sprite, placed: PlacedPod, o: SpriteOptions, ms: number, now: number): void {
    const before = s.placed;
    s.placed = placed;
    const p = placed.pod;
    const q = before.pod;
    if (placed.x === before.x && placed.y === before.y && p.look === q.look && p.restarts === q.restarts && p.owner?.hue === q.owner?.hue) return;
    this.dirty = true;
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

  /**
   * Sizes and places the canvas over the part of the drawing in view (with a
   * margin, so a scroll shows no blank edge before the next paint); whether
   * anything changed (a resized canvas is blank).
   */
  private resize(o: SpriteOptions): boolean {
    const ratio = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
    const v = this.viewport;
    const margin = 96;
    const x = v ? Math.max(0, Math.floor(v.x - margin)) : 0;
    const y = v ? Math.max(0, Math.floor(v.y - margin)) : 0;
    const width = Math.max(1, v ? Math.min(o.width, Math.ceil(v.x + v.width + margin)) - x : o.width);
    const height = Math.max(1, v ? Math.min(o.height, Math.ceil(v.y + v.height + margin)) - y : o.height);
    const r = this.region;
    const moved = r.x !== x || r.y !== y || r.width !== width || r.height !== height;
    this.region = { x, y, width, height };
    const w = Math.ceil(width * ratio);
    const h = Math.ceil(height * ratio);
    const sized = this.canvas.width !== w || this.canvas.height !== h;
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    const style = this.canvas.style;
    const cssW = `${width}px`;
    const cssH = `${height}px`;
    const at = `translate(${x}px, ${y}px)`;
    if (style.width !== cssW) style.width = cssW;
    if (style.height !== cssH) style.height = cssH;
    if (style.transform !== at) style.transform = at;
    return moved || sized;
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

  private schedule(): void {
    if (this.frame !== 0 || typeof requestAnimationFrame !== 'function') return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Paints every pod as it stands now, and asks for another frame while any of them moves. */
  private paint(): void {
    const o = this.options;
    const ctx = this.canvas.getContext('2d');
    if (!o || !ctx) return;
    this.dirty = false;
    const now = this.clock();
    const palette = (this.palette ??= this.canvas.isConnected ? readPalette(this.canvas) : FALLBACK_PALETTE);
    const r = this.region;
    const ratio = this.canvas.width / Math.max(1, r.width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const reach = o.size + 2 * SPRITE_MARGIN;
    let moving = false;
    for (const [key, s] of this.sprites) {
      if (s.leaving && settled(s.opacity, now)) {
        this.sprites.delete(key);
        continue;
      }
      const f = this.frameOf(s, now);
      // Out of view: not painted (still moving, though, if it moves).
      if (f.x + reach > r.x && f.x - reach < r.x + r.width && f.y + reach > r.y && f.y - reach < r.y + r.height) this.paintOne(ctx, f, ratio, r, palette);
      if (!moving && this.moving(s, now)) moving = true;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    if (moving) this.schedule();
  }

  /** One pod: its still picture stamped (cross-faded from the previous one while its status changes), then what moves inside it. */
  private paintOne(ctx: CanvasRenderingContext2D, f: PodFrame, ratio: number, region: { x: number; y: number }, p: PodPalette): void {
    if (f.opacity <= 0.001) return;
    const s = f.size;
    const k = ratio * f.scale;
    // The square's top-left corner, scaled about its center, in the canvas (which covers `region`).
    const x = (f.x + f.shakeX + (s / 2) * (1 - f.scale) - region.x) * ratio;
    const y = (f.y + (s / 2) * (1 - f.scale) - region.y) * ratio;
    ctx.setTransform(k, 0, 0, k, x, y);
    const stamp = (look: PodLook, alpha: number) => {
      if (alpha <= 0.001) return;
      ctx.globalAlpha = alpha;
      const still = this.stills.get(look, f.hue, f.restarts, s, ratio, p);
      if (still) ctx.drawImage(still, -SPRITE_MARGIN, -SPRITE_MARGIN, s + 2 * SPRITE_MARGIN, s + 2 * SPRITE_MARGIN);
      else paintStill(ctx, look, f.hue, f.restarts, s, p);
    };
    if (f.halo !== undefined) {
      ctx.globalAlpha = f.opacity;
      paintHalo(ctx, f.halo, s, p);
    }
    const crossFading = f.from !== undefined && f.from !== f.look && f.change < 1;
    if (crossFading) stamp(f.from!, f.opacity);
    stamp(f.look, crossFading ? f.opacity * f.change : f.opacity);
    ctx.globalAlpha = f.opacity;
    if (f.fill > 0) paintFill(ctx, f.fill, s, p);
  }
}
