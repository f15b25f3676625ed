import { serviceLinks, type ServiceLink } from '../glyphs/serviceLinks';
import type { Box } from '../layout/box';
import type { ClusterLayout } from '../layout/clusterLayout';
import { formatRps, type TrafficFlow } from '../model/traffic';

/** What the particle layer draws from. */
export interface TrafficScene {
  readonly width: number;
  readonly height: number;
  /** The Services' lines (only those to ready pods carry particles). */
  readonly links: readonly ServiceLink[];
  /** Each Service card's box, by `namespace/name`: failed requests leave from it. */
  readonly services: ReadonlyMap<string, Box>;
  readonly flows: readonly TrafficFlow[];
  /** Playback speed (0 = paused: particles stop where they are). */
  readonly speed: number;
  /** prefers-reduced-motion: no travelling particles, a rate on each line instead. */
  readonly reducedMotion: boolean;
}

interface Particle {
  /** The curve it follows, or a failure's start point. */
  readonly curve: readonly number[] | undefined;
  readonly x: number;
  readonly y: number;
  /** Progress, 0 to 1. */
  t: number;
  /** Sideways drift of a failed request (px at the end of its fall). */
  readonly drift: number;
}

/** Most particles in flight at once, however much traffic there is. */
export const MAX_PARTICLES = 240;
/** Most particles a Service emits per real second (the rest is implied: a steady stream). */
const MAX_PER_SERVICE = 36;
/** How far a failed request falls from its Service card before it fades, px. */
const FALL = 44;
/** Most failed requests a Service shows per real second: crosses piled on each other read as a smudge. */
const MAX_FAILED = 6;

/** Real ms a particle takes along its line at a playback speed (slower than the rate, so a stream reads as one). */
export function travelMs(speed: number): number {
  return Math.round(Math.max(350, Math.min(1200, 1000 / Math.sqrt(Math.max(speed, 0.25)))));
}

function bezier(c: readonly number[], t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c[0] + b * c[2] + d * c[4] + e * c[6], y: a * c[1] + b * c[3] + d * c[5] + e * c[7] };
}

/**
 * Requests drawn as particles on a canvas over the drawing: dots along a
 * Service's lines to the ready pods that answered, as many per line as that
 * pod's share; failed requests as red crosses falling from the Service card
 * and fading. A pooled array, at most MAX_PARTICLES; it animates only while
 * requests flow and time runs. With reduced motion it paints each line's rate
 * once instead.
 */
export class TrafficParticles {
  private scene: TrafficScene | undefined;
  private readonly particles: Particle[] = [];
  /** Fractional particles owed per line or Service, carried between frames (a steady, not random, stream). */
  private readonly owed = new Map<string, number>();
  /** Failed requests shown per Service, to fan their crosses out. */
  private readonly failedSeen = new Map<string, number>();
  private frame = 0;
  private last = 0;
  private linesOf: { scene: TrafficScene; lines: Map<string, ServiceLink> } | undefined;
  private colors = { ok: '#326ce5', fail: '#c62828', ring: '#ffffff', text: '#1f2328' };

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Draws `scene` from now on (call on every change of layout, traffic, speed or motion preference). */
  update(scene: TrafficScene): void {
    const was = this.scene;
    this.scene = scene;
    if (scene.reducedMotion || scene.flows.length === 0) this.particles.length = 0;
    if (scene.flows.length === 0) {
      // Nothing flows: an empty canvas costs nothing to composite; no work on each cluster change.
      if (this.canvas.width !== 0) this.dispose();
      return;
    }
    if (this.canvas.width === 0 || !was || was.width !== scene.width || was.height !== scene.height) this.resize(scene);
    // Colors follow the theme; read them when the traffic changes, not on every redraw (reading forces a style pass).
    if (!was || was.flows !== scene.flows) {
      this.readColors();
      // For tests and tools: how many lines carry requests, and whether some fail (written a few times a second, not per frame).
      const ready = new Set(scene.links.filter((l) => l.ready && l.podKey).map((l) => `${l.service}>${l.podKey}`));
      const lines = scene.flows.reduce((n, f) => n + f.pods.filter((p) => ready.has(`${f.service}>${p.key}`)).length, 0);
      this.canvas.dataset.lines = String(lines);
      this.canvas.dataset.failing = String(scene.flows.some((f) => f.failedRps > 0));
    }
    this.paint();
    this.schedule();
  }

  /** Stops animating and clears the canvas. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.particles.length = 0;
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  /** Particles in flight (for tests and the bench). */
  get inFlight(): number {
    return this.particles.length;
  }

  private resize(scene: TrafficScene): void {
    const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
    this.canvas.width = Math.max(1, Math.round(scene.width * ratio));
    this.canvas.height = Math.max(1, Math.round(scene.height * ratio));
    this.canvas.style.width = `${scene.width}px`;
    this.canvas.style.height = `${scene.height}px`;
  }

  private readColors(): void {
    const style = getComputedStyle(this.canvas);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.colors = { ok: token('--kp-accent', '#326ce5'), fail: token('--kp-danger', '#c62828'), ring: token('--kp-surface', '#ffffff'), text: token('--kp-text', '#1f2328') };
  }

  private moving(): boolean {
    const s = this.scene;
    return !!s && !s.reducedMotion && s.speed > 0 && (s.flows.length > 0 || this.particles.length > 0);
  }

  private schedule(): void {
    if (this.frame !== 0 || !this.moving()) return;
    this.last = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  private tick(now: number): void {
    this.frame = 0;
    const s = this.scene;
    if (!s || !this.moving()) return;
    const dt = Math.min(100, Math.max(0, now - this.last));
    this.last = now;
    const step = dt / travelMs(s.speed);
    for (const p of this.particles) p.t += step;
    let kept = 0;
    for (const p of this.particles) if (p.t < 1) this.particles[kept++] = p;
    this.particles.length = kept;
    this.spawn(s, dt);
    this.paint();
    this.schedule();
  }

  /** New particles for `dt` real ms: each ready line's share of its Service's rate, and the failures. */
  private spawn(s: TrafficScene, dt: number): void {
    const lines = this.readyLines(s);
    for (const f of s.flows) {
      // Real particles per second: the virtual rate as time runs, capped so a busy Service stays legible.
      const scale = Math.min(1, MAX_PER_SERVICE / Math.max(1e-9, f.rps * s.speed)) * s.speed;
      for (const pod of f.pods) {
        const line = lines.get(`${f.service}>${pod.key}`);
        if (line) this.emit(line.key, pod.rps * scale, dt, () => ({ curve: line.curve, x: 0, y: 0, t: 0, drift: 0 }));
      }
      const card = s.services.get(f.service);
      if (card && f.failedRps > 0) {
        this.emit(`${f.service}#failed`, Math.min(MAX_FAILED, f.failedRps * scale), dt, () => {
          const n = this.failedSeen.get(f.service) ?? 0;
          this.failedSeen.set(f.service, n + 1);
          return { curve: undefined, x: card.x + card.width / 2, y: card.y + card.height, t: 0, drift: (((n * 3) % 5) - 2) * 12 };
        });
      }
    }
  }

  /** Each ready line with a curve, by `service>pod` (built once per scene: a thousand pods make a thousand lines). */
  private readyLines(s: TrafficScene): Map<string, ServiceLink> {
    if (this.linesOf?.scene === s) return this.linesOf.lines;
    const lines = new Map<string, ServiceLink>();
    for (const l of s.links) if (l.ready && l.curve && l.podKey) lines.set(`${l.service}>${l.podKey}`, l);
    this.linesOf = { scene: s, lines };
    return lines;
  }

  private emit(key: string, perSecond: number, dt: number, make: () => Particle): void {
    let owed = (this.owed.get(key) ?? 0.5) + (perSecond * dt) / 1000;
    while (owed >= 1) {
      owed -= 1;
      if (this.particles.length < MAX_PARTICLES) this.particles.push(make());
    }
    this.owed.set(key, owed);
  }

  private paint(): void {
    const ctx = this.canvas.getContext('2d');
    const s = this.scene;
    if (!ctx || !s) return;
    const ratio = this.canvas.width / Math.max(1, s.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, s.width, s.height);
    if (s.reducedMotion) {
      this.paintRates(ctx, s);
      return;
    }
    ctx.lineWidth = 1.5;
    for (const p of this.particles) {
      if (p.curve) {
        const at = bezier(p.curve, p.t);
        ctx.fillStyle = this.colors.ok;
        ctx.strokeStyle = this.colors.ring;
        ctx.beginPath();
        ctx.arc(at.x, at.y, 3.2, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      } else {
        // A failed request: a red cross that falls a little and fades (shape and motion, not color alone).
        const x = p.x + p.drift * p.t;
        const y = p.y + 4 + FALL * p.t;
        ctx.globalAlpha = 1 - p.t;
        ctx.strokeStyle = this.colors.fail;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x - 3.5, y - 3.5);
        ctx.lineTo(x + 3.5, y + 3.5);
        ctx.moveTo(x + 3.5, y - 3.5);
        ctx.lineTo(x - 3.5, y + 3.5);
        ctx.stroke();
        ctx.globalAlpha = 1;
        ctx.lineWidth = 1.5;
      }
    }
  }

  /** Reduced motion: each ready line's rate near its middle, and the failing rate under the Service card. */
  private paintRates(ctx: CanvasRenderingContext2D, s: TrafficScene): void {
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const f of s.flows) {
      const lines = this.readyLines(s);
      for (const pod of f.pods) {
        const line = lines.get(`${f.service}>${pod.key}`);
        if (!line?.curve) continue;
        const at = bezier(line.curve, 0.5);
        this.badge(ctx, at.x, at.y, `${formatRps(pod.rps)}/s`, this.colors.ok);
      }
      const card = s.services.get(f.service);
      if (card && f.failedRps > 0) this.badge(ctx, card.x + card.width / 2, card.y + card.height + 12, `× ${formatRps(f.failedRps)}/s`, this.colors.fail);
    }
  }

  private badge(ctx: CanvasRenderingContext2D, x: number, y: number, text: string, color: string): void {
    const w = ctx.measureText(text).width + 10;
    ctx.fillStyle = this.colors.ring;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(x - w / 2, y - 8, w, 16, 8);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fillText(text, x, y + 0.5);
  }
}

/**
 * The particle layer's scene for a layout: the Services' lines (in the dense
 * drawing, the curves its lines would take) and cards, the flows, the speed.
 */
export function trafficScene(layout: ClusterLayout, flows: readonly TrafficFlow[], speed: number, reducedMotion: boolean): TrafficScene {
  const services = new Map<string, Box>();
  for (const w of layout.workloads) if (w.kind === 'service') services.set(w.view.key, w.box);
  // The dense drawing draws no lines, but its requests still travel from the Service card to the cells that answered.
  return { width: layout.width, height: layout.height, links: flows.length > 0 ? serviceLinks(layout, { evenDense: true }) : [], services, flows, speed, reducedMotion };
}
