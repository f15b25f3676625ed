import { easeCubicOut, select, type Selection } from 'd3';
import type { PodLook } from '../model/podLook';
import { METRICS, type PlacedPod } from '../layout/clusterLayout';
import { podPart } from '../glyphs/podGlyph';

/** A pod's look and restarts as last drawn (read from its element before the update). */
export interface DrawnPod {
  readonly look: PodLook | undefined;
  readonly restarts: number;
}

export interface EffectOptions {
  /** Playback speed (0 = paused): the image-pull fill follows virtual time. */
  readonly speed: number;
  readonly durationMs: number;
  readonly reducedMotion: boolean;
}

/** Virtual time a typical image pull and container start take (the fill's pace). */
const PULL_MS = 3000;
const FILL_TOP = 0.8;

/** How long the fill takes to rise at a speed (real ms): follows virtual time, within legible bounds. */
export function pullFillMs(speed: number): number {
  if (speed <= 0) return 4000;
  return Math.round(Math.min(4000, Math.max(250, PULL_MS / speed)));
}

/** Reads what each pod looked like before this update. */
export function readDrawn(sel: Selection<SVGGElement, PlacedPod, SVGGElement, unknown>): Map<SVGGElement, DrawnPod> {
  const out = new Map<SVGGElement, DrawnPod>();
  sel.each(function () {
    const look = this.getAttribute('data-look') as PodLook | null;
    out.set(this, { look: look ?? undefined, restarts: Number(this.getAttribute('data-restarts') ?? '0') });
  });
  return out;
}

/**
 * The one-shot motions that explain a change: the fill rises while the image
 * pulls and the container starts; a halo pulses out when the pod becomes
 * Ready; the square shakes on each crash. Reduced motion keeps the fill
 * (a progress cue, not travel) but drops the halo and the shake.
 */
export function applyPodEffects(sel: Selection<SVGGElement, PlacedPod, SVGGElement, unknown>, before: Map<SVGGElement, DrawnPod>, options: EffectOptions): void {
  const s = METRICS.pod;
  sel.each(function (d) {
    const prev = before.get(this);
    const look = d.pod.look;
    const g = select(this);
    this.setAttribute('data-restarts', String(d.pod.restarts));
    if (look === 'creating') {
      if (prev?.look !== 'creating') {
        const top = s - 2 - (s - 4) * FILL_TOP;
        const fill = select(podPart(this, 'pod-fill', true)!);
        fill.interrupt('pull').attr('y', s - 2).attr('height', 0);
        if (options.reducedMotion) fill.attr('y', s / 2).attr('height', s / 2 - 2);
        else fill.transition('pull').duration(pullFillMs(options.speed)).ease(easeCubicOut).attr('y', top).attr('height', s - 2 - top);
      }
    } else {
      // Out of ContainerCreating: the fill goes (with its transition, if one still runs).
      const fill = this.querySelector('.pod-fill');
      if (fill) select(fill).interrupt('pull').remove();
    }
    if (!prev || options.reducedMotion) return;
    if (look === 'ready' && prev.look !== 'ready' && prev.look !== undefined) halo(g, options.durationMs);
    const crashed = d.pod.restarts > prev.restarts || (look === 'crash' && prev.look !== 'crash');
    if (crashed) shake(this.querySelector<SVGGElement>('.pod-shape'));
  });
}

/** A ring that grows out of the square and fades: "this pod just became Ready". */
function halo(g: Selection<SVGGElement, unknown, null, undefined>, durationMs: number): void {
  const s = METRICS.pod;
  g.select('.pod-shape')
    .insert('rect', ':first-child')
    .attr('class', 'pod-halo')
    .attr('x', 0)
    .attr('y', 0)
    .attr('width', s)
    .attr('height', s)
    .attr('rx', 6)
    .attr('opacity', 0.9)
    .transition('halo')
    .duration(Math.max(500, durationMs * 2))
    .ease(easeCubicOut)
    .attr('x', -7)
    .attr('y', -7)
    .attr('width', s + 14)
    .attr('height', s + 14)
    .attr('rx', 12)
    .attr('opacity', 0)
    .remove();
}

/** A short shake, as on each crash (UI.md). */
function shake(el: SVGGElement | null): void {
  if (!el || typeof el.animate !== 'function') return;
  el.animate(
    [
      { transform: 'translateX(0)' },
      { transform: 'translateX(-3px)' },
      { transform: 'translateX(3px)' },
      { transform: 'translateX(-2px)' },
      { transform: 'translateX(2px)' },
      { transform: 'translateX(0)' },
    ],
    { duration: 420, easing: 'ease-in-out' },
  );
}
