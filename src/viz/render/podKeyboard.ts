import type { Selection } from 'd3';
import type { PlacedPod } from '../layout/clusterLayout';

/** The pod that holds the roving tab stop, per drawing. */
const tabStops = new WeakMap<SVGSVGElement, string>();

/**
 * Keyboard access to pods as one composite widget: a single tab stop (the
 * last focused pod, else the first); arrow keys move between pods in reading
 * order, Home/End jump, Enter or Space selects.
 */
export function attachPodKeyboard(svg: SVGSVGElement, pods: Selection<SVGGElement, PlacedPod, SVGGElement, unknown>, onSelect: (key: string) => void): void {
  const keys = pods.data().map((d) => d.pod.key);
  let stop = tabStops.get(svg);
  if (stop === undefined || !keys.includes(stop)) stop = keys[0];
  if (stop !== undefined) tabStops.set(svg, stop);
  pods.attr('tabindex', (d) => (d.pod.key === stop ? 0 : -1));

  const nodes = pods.nodes();
  const focusAt = (index: number) => {
    const target = nodes[Math.max(0, Math.min(nodes.length - 1, index))];
    if (!target) return;
    for (const n of nodes) n.setAttribute('tabindex', n === target ? '0' : '-1');
    tabStops.set(svg, target.getAttribute('data-key') ?? '');
    target.focus();
  };

  pods
    .on('focus', function (_event, d) {
      tabStops.set(svg, d.pod.key);
      for (const n of nodes) n.setAttribute('tabindex', n === this ? '0' : '-1');
    })
    .on('keydown', function (event: KeyboardEvent, d) {
      const i = nodes.indexOf(this);
      switch (event.key) {
        case 'Enter':
        case ' ':
          onSelect(d.pod.key);
          break;
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
    });
}
