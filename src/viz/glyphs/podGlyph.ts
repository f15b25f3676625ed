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
    .attr('data-kind', 'pod')
    .attr('aria-controls', 'pod-panel');
  const shape = g.append('g').attr('class', 'pod-shape');
  shape.append('rect').attr('class', 'pod-focus').attr('x', -4).attr('y', -4).attr('width', s + 8).attr('height', s + 8).attr('rx', 9);
  shape.append('rect').attr('class', 'pod-body').attr('width', s).attr('height', s).attr('rx', 6);
  shape.append('rect').attr('class', 'pod-fill').attr('x', 2).attr('width', s - 4).attr('rx', 4);
  shape.append('text').attr('class', 'pod-mark').attr('x', s / 2).attr('y', s / 2).attr('dy', '0.35em').attr('aria-hidden', 'true');
  g.append('title');
  return g;
}

/** Applies a pod's current state to its elements (no layout: the renderer moves it). */
export function updatePod(sel: PodSelection, selectedKey: string | undefined): void {
  const s = METRICS.pod;
  sel
    .attr('data-key', (d) => d.pod.key)
    .attr('data-look', (d) => d.pod.look)
    .attr('aria-label', (d) => d.pod.label)
    .attr('aria-expanded', (d) => String(d.pod.key === selectedKey))
    .classed('is-selected', (d) => d.pod.key === selectedKey);
  sel.select('title').text((d) => d.pod.label);
  sel.select('.pod-mark').text((d) => LOOK_MARK[d.pod.look]);
  // ContainerCreating: the outline fills from the bottom, like a progress bar.
  sel
    .select('.pod-fill')
    .attr('y', (d) => (d.pod.look === 'creating' ? s / 2 : s - 2))
    .attr('height', (d) => (d.pod.look === 'creating' ? s / 2 - 2 : 0));
}
