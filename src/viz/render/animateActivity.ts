import { easeCubicInOut, select, type Selection } from 'd3';
import type { ActivitySummary, ComponentId } from '../model/controlPlane';
import { alongPolyline, pulsePoints, type ClusterLayout } from '../layout/clusterLayout';

/** The activity burst last animated, per drawing (renders repeat; a burst plays once). */
const played = new WeakMap<SVGSVGElement, number>();
/** Paths with a pulse still travelling, per drawing: one dot per path at a time, however busy the cluster. */
const inFlight = new WeakMap<SVGSVGElement, Map<string, number>>();

export interface ActivityOptions {
  /** Identifies the burst (the snapshot's version): the same burst is never played twice. */
  readonly version: number;
  /** Travel time of one pulse. */
  readonly durationMs: number;
  /** prefers-reduced-motion: components light up, nothing travels. */
  readonly reducedMotion: boolean;
}

/** Keys of node agents in the cards (`kubelet:worker-1`) as the drawing marks them. */
function agentSelector(id: ComponentId): string {
  return `g.node-agent[data-key="${CSS.escape(id)}"]`;
}

/**
 * Plays one burst of control-plane activity: the components that acted
 * light up for a moment, and each change travels as a dot along its path
 * (component → API server → etcd, API server → watcher).
 */
export function animateActivity(svg: SVGSVGElement, layout: ClusterLayout, summary: ActivitySummary, options: ActivityOptions, fx?: SVGSVGElement | null): void {
  if (played.get(svg) === options.version) return;
  played.set(svg, options.version);
  if (summary.active.size === 0) return;
  const root = select(svg);
  const flashMs = Math.max(500, options.durationMs * 1.8);
  const flash = (sel: Selection<Element, unknown, null, undefined>) => {
    if (sel.empty()) return;
    sel.classed('is-active', true).transition('flash').duration(flashMs).on('end', function () {
      select(this).classed('is-active', false);
    });
  };
  for (const id of summary.active) {
    const el = id.includes(':') ? svg.querySelector(agentSelector(id)) : svg.querySelector(`g.component[data-key="${id}"]`);
    if (el) flash(select(el));
  }
  for (const actor of summary.controllers) {
    const el = svg.querySelector(`tspan.controller[data-actor="${CSS.escape(actor)}"]`);
    if (el) flash(select(el));
  }
  if (options.reducedMotion) return;
  // Pulses go to their own overlay when there is one: a moving dot then repaints only that layer.
  const layer = fx ? select(fx) : root.select<SVGGElement>('g.layer-pulses');
  let busy = inFlight.get(svg);
  if (!busy) inFlight.set(svg, (busy = new Map()));
  const now = performance.now();
  for (const pulse of summary.pulses) {
    const id = `${pulse.from}>${pulse.to}`;
    if ((busy.get(id) ?? 0) > now) continue;
    const points = pulsePoints(layout, pulse.from, pulse.to);
    if (!points) continue;
    const path = alongPolyline(points);
    const ms = options.durationMs;
    busy.set(id, now + ms);
    // The trail is drawn once and removed once: animating a line that spans the drawing would repaint all of it every frame.
    layer
      .append('path')
      .attr('class', `pulse-trail is-${pulse.kind}`)
      .attr('d', `M${points.map((p) => `${p.x},${p.y}`).join(' L')}`)
      .transition('pulse')
      .duration(ms)
      .remove();
    const start = points[0];
    layer
      .append('circle')
      .attr('class', `pulse-dot is-${pulse.kind}`)
      .attr('r', 4)
      .attr('cx', start.x)
      .attr('cy', start.y)
      .transition('pulse')
      .duration(ms)
      .ease(easeCubicInOut)
      .attrTween('cx', () => (t) => String(path.at(t).x))
      .attrTween('cy', () => (t) => String(path.at(t).y))
      .remove();
  }
}
