import type { EnterElement, Selection } from 'd3';
import { METRICS, type PlacedPod } from '../layout/clusterLayout';
import { setAttr } from './dom';

type PodSelection = Selection<SVGGElement, PlacedPod, SVGGElement, unknown>;

/**
 * A pod's element in the SVG: the button people and screen readers use (its
 * name, its place, its focus and selection ring). What the pod looks like —
 * color, mark, fill, revision edge, restarts, and every motion — is painted
 * on the pods' canvas (`render/podSprites.ts`): the element itself never
 * moves in steps, so a frame does not re-rasterise it.
 */
export function enterPod(sel: Selection<EnterElement, PlacedPod, SVGGElement, unknown>): PodSelection {
  const s = METRICS.pod;
  const g = sel.append('g').attr('class', 'pod').attr('role', 'button').attr('data-kind', 'pod');
  g.append('rect').attr('class', 'pod-focus').attr('x', -4).attr('y', -4).attr('width', s + 8).attr('height', s + 8).attr('rx', 9);
  // What the pointer hits (transparent: the canvas above shows the pod).
  g.append('rect').attr('class', 'pod-hit').attr('width', s).attr('height', s).attr('rx', 6);
  g.append('title');
  return g;
}

/** Applies a pod's current state to its element: name, status, restarts, selection. */
export function updatePod(sel: PodSelection, selectedKey: string | undefined): void {
  sel.each(function (d) {
    const p = d.pod;
    const selected = p.key === selectedKey;
    setAttr(this, 'data-key', p.key);
    setAttr(this, 'data-look', p.look);
    setAttr(this, 'data-restarts', p.restarts);
    setAttr(this, 'aria-label', p.label);
    setAttr(this, 'aria-expanded', String(selected));
    setAttr(this, 'aria-controls', selected ? 'inspector' : null);
    this.classList.toggle('is-selected', selected);
    const title = this.querySelector('title');
    if (title && title.textContent !== p.label) title.textContent = p.label;
  });
}
