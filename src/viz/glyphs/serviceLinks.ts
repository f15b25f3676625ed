// `transition` is imported as a value (not only used as a method) so that the bundler keeps
// d3-transition, which adds selection.transition() as a side effect.
import { easeCubicInOut, transition, type Selection } from 'd3';
import { anchorOf, type ClusterLayout } from '../layout/clusterLayout';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** One line from a Service to an endpoint. */
export interface ServiceLink {
  readonly key: string;
  /** `namespace/name` of the Service. */
  readonly service: string;
  readonly ready: boolean;
  readonly terminating: boolean;
  readonly d: string;
  /** The endpoint's pod (`namespace/name`), when the line goes to a pod. */
  readonly podKey?: string;
  /** The line to a pod as a cubic Bézier curve: start, two control points, end (`x0, y0, … x3, y3`). */
  readonly curve?: readonly [number, number, number, number, number, number, number, number];
}

/**
 * The lines from each Service card to its endpoints: to the pod behind each
 * endpoint (or to the API server for the `kubernetes` Service, whose endpoint
 * is the API server itself). Ready endpoints get a solid line; endpoints that
 * are not ready get a dashed one ending in a cross — in the slice, but
 * kube-proxy sends them no traffic.
 */
export function serviceLinks(layout: ClusterLayout, options: { readonly evenDense?: boolean } = {}): ServiceLink[] {
  // Hundreds of lines would hide the cells: the dense drawing draws none (its traffic particles still follow these curves: `evenDense`).
  if (layout.dense && !options.evenDense) return [];
  const pods = new Map<string, { x: number; y: number }>();
  for (const p of layout.pods) if (p.nodeKey) pods.set(p.pod.key, { x: p.x + layout.podSize / 2, y: p.y });
  const api = anchorOf(layout, 'apiserver');
  const out: ServiceLink[] = [];
  for (const w of layout.workloads) {
    if (w.kind !== 'service') continue;
    const sx = w.box.x + w.box.width / 2;
    w.view.endpoints.forEach((ep, i) => {
      const target = ep.podKey ? pods.get(ep.podKey) : undefined;
      let d: string;
      let curve: ServiceLink['curve'];
      if (target) {
        const sy = w.box.y + w.box.height;
        const bend = Math.max(24, (target.y - sy) / 2);
        curve = [sx, sy, sx, sy + bend, target.x, target.y - bend, target.x, target.y];
        d = `M${sx},${sy} C${sx},${sy + bend} ${target.x},${target.y - bend} ${target.x},${target.y}`;
      } else if (!ep.podKey && api) {
        const sy = w.box.y;
        d = `M${sx},${sy} C${sx},${sy - 16} ${api.x},${api.y + 16} ${api.x},${api.y}`;
      } else {
        return;
      }
      out.push({ key: `${w.view.key}>${ep.podKey ?? ep.ip}#${i}`, service: w.view.key, ready: ep.ready, terminating: ep.terminating, d, podKey: ep.podKey, curve });
    });
  }
  return out;
}

/** Draws the links with a keyed join; they follow their pods as the pods move. */
export function renderServiceLinks(layer: Layer, links: readonly ServiceLink[], selectedService: string | undefined, durationMs: number): void {
  const sel = layer.selectAll<SVGPathElement, ServiceLink>('path.svc-link:not(.is-leaving)').data(links, (d) => d.key);
  const entered = sel.enter().append('path').attr('class', 'svc-link').attr('d', (d) => d.d).attr('opacity', 0);
  entered.transition('fade').duration(durationMs).attr('opacity', 1);
  const all = entered.merge(sel);
  all
    .classed('is-ready', (d) => d.ready)
    .classed('is-excluded', (d) => !d.ready)
    .classed('is-focus', (d) => d.service === selectedService)
    .classed('is-dim', (d) => selectedService !== undefined && d.service !== selectedService)
    .attr('marker-end', (d) => (d.ready ? null : 'url(#kp-excluded)'));
  const moved = sel.filter(function (d) {
    return this.getAttribute('d') !== d.d;
  });
  // A transition made from `transition()` lives on the document element: make one only when a line moves.
  if (!moved.empty()) moved.transition(transition('move').duration(durationMs).ease(easeCubicInOut)).attr('d', (d) => d.d);
  sel.exit().classed('is-leaving', true).interrupt('move').transition('fade').duration(durationMs).attr('opacity', 0).remove();
}
