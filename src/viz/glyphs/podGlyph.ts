import type { EnterElement, Selection } from 'd3';
import type { PodLook } from '../model/podLook';
import { METRICS, type PlacedPod } from '../layout/clusterLayout';

/** The second cue beside color (UI.md): a mark drawn inside the square. */
export const LOOK_MARK: Readonly<Record<PodLook, string>> = {
  pending: '',
  creating: '',
  notReady: '',
  ready: '',
  terminating: '',
  crash: '!',
  imagePull: '↓',
  completed: '✓',
  failed: '×',
  unknown: '?',
};

type PodSelection = Selection<SVGGElement, PlacedPod, SVGGElement, unknown>;

/** Builds a pod's elements once: body, progress fill, mark, focus ring, tooltip. */
export function enterPod(sel: Selection<EnterElement, PlacedPod, SVGGElement, unknown>): PodSelection {
  const s = METRICS.pod;
  const g = sel
    .append('g')
    .attr('class', 'pod')
    .attr('role', 'button')
    .attr('data-kind', 'pod');
  const shape = g.append('g').attr('class', 'pod-shape');
  shape.append('rect').attr('class', 'pod-focus').attr('x', -4).attr('y', -4).attr('width', s + 8).attr('height', s + 8).attr('rx', 9);
  shape.append('rect').attr('class', 'pod-body').attr('width', s).attr('height', s).attr('rx', 6);
  // ContainerCreating: the outline fills from the bottom, like a progress bar (render/podEffects.ts).
  shape.append('rect').attr('class', 'pod-fill').attr('x', 2).attr('y', s - 2).attr('width', s - 4).attr('height', 0).attr('rx', 4);
  shape.append('text').attr('class', 'pod-mark').attr('x', s / 2).attr('y', s / 2).attr('dy', '0.35em').attr('aria-hidden', 'true');
  // The owner's revision as a colored edge under the square (one hue per revision).
  shape.append('rect').attr('class', 'pod-rev').attr('x', 3).attr('y', s + 1.5).attr('width', s - 6).attr('height', 3).attr('rx', 1.5);
  // Restarts: a small counter on the top-right corner.
  const badge = shape.append('g').attr('class', 'pod-restarts').attr('transform', `translate(${s - 1},1)`).attr('aria-hidden', 'true');
  badge.append('rect').attr('y', -6).attr('height', 12).attr('rx', 6);
  badge.append('text').attr('dy', '0.35em');
  g.append('title');
  return g;
}

/** Applies a pod's current state to its elements (no layout: the renderer moves it). */
export function updatePod(sel: PodSelection, selectedKey: string | undefined): void {
  sel
    .attr('data-key', (d) => d.pod.key)
    .attr('data-look', (d) => d.pod.look)
    .attr('aria-label', (d) => d.pod.label)
    .attr('aria-expanded', (d) => String(d.pod.key === selectedKey))
    .attr('aria-controls', (d) => (d.pod.key === selectedKey ? 'inspector' : null))
    .classed('is-selected', (d) => d.pod.key === selectedKey);
  sel.select('title').text((d) => d.pod.label);
  sel.select('.pod-mark').text((d) => LOOK_MARK[d.pod.look]);
  sel.select('.pod-rev').attr('class', (d) => (d.pod.owner?.hue !== undefined ? `pod-rev rev-${d.pod.owner.hue}` : 'pod-rev is-none'));
  const badge = sel.select('.pod-restarts').attr('display', (d) => (d.pod.restarts > 0 ? null : 'none'));
  const width = (d: PlacedPod) => 12 + restartText(d.pod.restarts).length * 5;
  badge.select('text').attr('x', (d) => 6 - width(d) / 2).text((d) => restartText(d.pod.restarts));
  badge.select('rect').attr('x', (d) => 6 - width(d)).attr('width', width);
}

/** The counter's text: the number, or `99+`. */
function restartText(restarts: number): string {
  return restarts > 99 ? '99+' : String(restarts);
}
