import { select } from 'd3';
import type { PlacedPod } from '../layout/clusterLayout';

/** The pod that holds the roving tab stop, per drawing. */
const tabStops = new WeakMap<SVGSVGElement, string>();

/** The live pods of a drawing, in reading order (leaving pods are not focusable). */
function livePods(svg: SVGSVGElement): SVGGElement[] {
  return Array.from(svg.querySelectorAll<SVGGElement>('g.layer-pods > g.pod:not(.is-leaving)'));
}

function setTabIndex(el: Element, value: string): void {
  if (el.getAttribute('tabindex') !== value) el.setAttribute('tabindex', value);
}

/**
 * Keeps one tab stop among the pods (the last focused pod, else the first).
 * Attributes are written only where they change, so a render with nothing
 * new costs no style work.
 */
export function updateTabStop(svg: SVGSVGElement, keys: readonly string[], elements: readonly SVGGElement[]): void {
  let stop = tabStops.get(svg);
  if (stop === undefined || !keys.includes(stop)) stop = keys[0];
  if (stop !== undefined) tabStops.set(svg, stop);
  elements.forEach((el, i) => setTabIndex(el, keys[i] === stop ? '0' : '-1'));
}

/** A pod took focus: it becomes the tab stop. */
export function onPodFocus(svg: SVGSVGElement, pod: SVGGElement): void {
  tabStops.set(svg, pod.getAttribute('data-key') ?? '');
  for (const n of livePods(svg)) setTabIndex(n, n === pod ? '0' : '-1');
}

/**
 * Keyboard access to pods as one composite widget: arrow keys move between
 * pods in reading order, Home/End jump, Enter or Space selects.
 */
export function onPodKey(svg: SVGSVGElement, pod: SVGGElement, event: KeyboardEvent, onSelect: (key: string) => void): void {
  const nodes = livePods(svg);
  const i = nodes.indexOf(pod);
  const focusAt = (index: number) => nodes[Math.max(0, Math.min(nodes.length - 1, index))]?.focus();
  switch (event.key) {
    case 'Enter':
    case ' ': {
      const d = select(pod).datum() as PlacedPod | undefined;
      if (d) onSelect(d.pod.key);
      break;
    }
    case 'ArrowRight':
    case 'ArrowDown':
      focusAt(i + 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      focusAt(i - 1);
      break;
    case 'Home':
      focusAt(0);
      break;
    case 'End':
      focusAt(nodes.length - 1);
      break;
    default:
      return;
  }
  event.preventDefault();
}
