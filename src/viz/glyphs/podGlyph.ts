import type { EnterElement, Selection } from 'd3';
import type { PodLook } from '../model/podLook';
import { METRICS, type PlacedPod } from '../layout/clusterLayout';
import { setAttr } from './dom';

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

/**
 * Builds a pod's lasting elements once: focus ring, body, revision edge,
 * tooltip. The parts most pods do not show (the mark, the restarts counter,
 * the image-pull fill) are added only while shown (`podPart`): every element
 * of a hundred pods costs style, layout and paint work on each frame they move.
 */
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
  // The owner's revision as a colored edge under the square (one hue per revision).
  shape.append('rect').attr('class', 'pod-rev is-none').attr('x', 3).attr('y', s + 1.5).attr('width', s - 6).attr('height', 3).attr('rx', 1.5);
  g.append('title');
  return g;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builders of the parts a pod shows only now and then, in paint order. */
const PARTS = {
  // ContainerCreating: the outline fills from the bottom, like a progress bar (render/podEffects.ts).
  'pod-fill': (el: SVGElement) => {
    const s = METRICS.pod;
    el.setAttribute('x', '2');
    el.setAttribute('y', String(s - 2));
    el.setAttribute('width', String(s - 4));
    el.setAttribute('height', '0');
    el.setAttribute('rx', '4');
  },
  'pod-mark': (el: SVGElement) => {
    el.setAttribute('x', String(METRICS.pod / 2));
    el.setAttribute('y', String(METRICS.pod / 2));
    el.setAttribute('dy', '0.35em');
    el.setAttribute('aria-hidden', 'true');
  },
  // Restarts: a small counter on the top-right corner.
  'pod-restarts': (el: SVGElement) => {
    el.setAttribute('transform', `translate(${METRICS.pod - 1},1)`);
    el.setAttribute('aria-hidden', 'true');
    const rect = el.appendChild(document.createElementNS(SVG_NS, 'rect'));
    rect.setAttribute('y', '-6');
    rect.setAttribute('height', '12');
    rect.setAttribute('rx', '6');
    el.appendChild(document.createElementNS(SVG_NS, 'text')).setAttribute('dy', '0.35em');
  },
} as const;
const PART_TAG: Readonly<Record<keyof typeof PARTS, string>> = { 'pod-fill': 'rect', 'pod-mark': 'text', 'pod-restarts': 'g' };
const PART_ORDER = Object.keys(PARTS) as (keyof typeof PARTS)[];

/**
 * A pod's optional part: found, created (in paint order, above the body) when
 * `show`, removed when not. Returns the element when shown.
 */
export function podPart(pod: SVGGElement, part: keyof typeof PARTS, show: boolean): SVGElement | undefined {
  const shape = pod.querySelector<SVGGElement>('.pod-shape');
  if (!shape) return undefined;
  let el = shape.querySelector<SVGElement>(`:scope > .${part}`) ?? undefined;
  if (!show) {
    el?.remove();
    return undefined;
  }
  if (el) return el;
  el = document.createElementNS(SVG_NS, PART_TAG[part]) as SVGElement;
  el.setAttribute('class', part);
  PARTS[part](el);
  // Paint order: fill, mark, restarts, all above the body and the revision edge.
  const later = PART_ORDER.slice(PART_ORDER.indexOf(part) + 1)
    .map((p) => shape.querySelector(`:scope > .${p}`))
    .find((n) => n !== null);
  shape.insertBefore(el, later ?? null);
  return el;
}

/** Applies a pod's current state to its elements (no layout: the renderer moves it). */
export function updatePod(sel: PodSelection, selectedKey: string | undefined): void {
  sel.each(function (d) {
    const p = d.pod;
    const selected = p.key === selectedKey;
    setAttr(this, 'data-key', p.key);
    setAttr(this, 'data-look', p.look);
    setAttr(this, 'aria-label', p.label);
    setAttr(this, 'aria-expanded', String(selected));
    setAttr(this, 'aria-controls', selected ? 'inspector' : null);
    this.classList.toggle('is-selected', selected);
    const title = this.querySelector('title');
    if (title && title.textContent !== p.label) title.textContent = p.label;
    const rev = this.querySelector('.pod-rev');
    if (rev) setAttr(rev, 'class', p.owner?.hue !== undefined ? `pod-rev rev-${p.owner.hue}` : 'pod-rev is-none');
    const mark = podPart(this, 'pod-mark', LOOK_MARK[p.look] !== '');
    if (mark && mark.textContent !== LOOK_MARK[p.look]) mark.textContent = LOOK_MARK[p.look];
    const badge = podPart(this, 'pod-restarts', p.restarts > 0);
    if (badge) {
      const text = restartText(p.restarts);
      const width = 12 + text.length * 5;
      const label = badge.querySelector('text')!;
      if (label.textContent !== text) label.textContent = text;
      setAttr(label, 'x', String(6 - width / 2));
      const rect = badge.querySelector('rect')!;
      setAttr(rect, 'x', String(6 - width));
      setAttr(rect, 'width', String(width));
    }
  });
}
/** The counter's text: the number, or `99+`. */
function restartText(restarts: number): string {
  return restarts > 99 ? '99+' : String(restarts);
}
