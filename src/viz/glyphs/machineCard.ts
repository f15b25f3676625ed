import type { Selection } from 'd3';

/** The sizes a machine card's frame is laid out with (Kubernetes nodes and Swarm nodes alike). */
export interface CardMetrics {
  cardPad: number;
  cardHeader: number;
  barRow: number;
}

/** One usage bar row of a card (CPU, memory). */
export interface CardBar {
  key: string;
  label: () => string;
}

type Group<D> = Selection<SVGGElement, D, SVGGElement, unknown>;

/**
 * Builds the parts every machine card has, in document order: the card,
 * the hatch (shown while the machine is down), the name, the readiness
 * pill, the meta line, one row per usage bar and the label over its pods.
 * Returns the meta line, which each kind of card fills its own way.
 */
export function enterCardFrame<D>(g: Group<D>, m: CardMetrics, bars: readonly CardBar[]): Selection<SVGTextElement, D, SVGGElement, unknown> {
  g.append('rect').attr('class', 'node-card').attr('rx', 10);
  g.append('rect').attr('class', 'node-hatch').attr('rx', 10).attr('height', m.cardHeader - 8);
  g.append('text').attr('class', 'node-name').attr('x', m.cardPad).attr('y', 23);
  const badge = g.append('g').attr('class', 'node-readiness');
  badge.append('rect').attr('class', 'node-readiness-pill').attr('height', 20).attr('rx', 10).attr('y', 8);
  badge.append('text').attr('class', 'node-readiness-text').attr('y', 22);
  const meta = g.append('text').attr('class', 'node-meta').attr('x', m.cardPad).attr('y', 41);
  for (const [i, bar] of bars.entries()) {
    const row = g.append('g').attr('class', `node-bar node-bar-${bar.key}`).attr('transform', `translate(${m.cardPad},${m.cardHeader + i * m.barRow})`);
    row.append('text').attr('class', 'node-bar-label').attr('y', 11).text(bar.label());
    row.append('rect').attr('class', 'node-bar-track').attr('x', 62).attr('y', 3).attr('height', 8).attr('rx', 4);
    row.append('rect').attr('class', 'node-bar-fill').attr('x', 62).attr('y', 3).attr('height', 8).attr('rx', 4);
    row.append('text').attr('class', 'node-bar-value').attr('y', 11);
  }
  g.append('text').attr('class', 'node-pods-label').attr('x', m.cardPad).attr('y', m.cardHeader + bars.length * m.barRow + 14);
  return meta;
}

/** The card's header, its button (select the machine to see its actions); appended last, pods and tasks sit in a layer above. */
export function enterCardHead<D>(g: Group<D>, m: CardMetrics, kind: string): void {
  g.append('rect').attr('class', 'node-head').attr('role', 'button').attr('tabindex', 0).attr('data-kind', kind).attr('rx', 10).attr('height', m.cardHeader - 2);
}
