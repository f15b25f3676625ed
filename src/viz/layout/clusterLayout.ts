import type { ClusterView, NodeView, PodView } from '../model/clusterView';

/** Sizes of the drawing, in CSS pixels. */
export const METRICS = {
  pad: 16,
  gap: 16,
  minCardWidth: 250,
  maxCardWidth: 420,
  cardHeader: 54,
  barRow: 22,
  podsLabel: 22,
  pod: 24,
  podGap: 6,
  cardPad: 14,
  laneLabel: 22,
} as const;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedPod {
  readonly pod: PodView;
  /** Absolute position of the pod square's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** The node it sits in (undefined for the unscheduled lane). */
  readonly nodeKey: string | undefined;
}

export interface PlacedNode {
  readonly node: NodeView;
  readonly box: Box;
}

export interface ClusterLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  /** Every pod, in reading order (unscheduled first, then node by node). */
  readonly pods: readonly PlacedPod[];
  /** The "Pending (unscheduled)" lane, when there are unscheduled pods. */
  readonly lane: Box | undefined;
}

function podsPerRow(innerWidth: number): number {
  return Math.max(1, Math.floor((innerWidth + METRICS.podGap) / (METRICS.pod + METRICS.podGap)));
}

function podRows(count: number, perRow: number): number {
  return Math.max(1, Math.ceil(count / perRow));
}

function placePods(pods: readonly PodView[], x0: number, y0: number, perRow: number, nodeKey: string | undefined, out: PlacedPod[]): void {
  pods.forEach((pod, i) => {
    out.push({
      pod,
      nodeKey,
      x: x0 + (i % perRow) * (METRICS.pod + METRICS.podGap),
      y: y0 + Math.floor(i / perRow) * (METRICS.pod + METRICS.podGap),
    });
  });
}

/**
 * A responsive grid of node cards for a given width: as many columns as fit
 * (cards between minCardWidth and maxCardWidth), each grid row as tall as its
 * tallest card; pods in rows inside their card.
 */
export function layoutCluster(view: ClusterView, width: number): ClusterLayout {
  const m = METRICS;
  const inner = Math.max(m.minCardWidth, width - 2 * m.pad);
  const count = Math.max(1, view.nodes.length);
  const fit = Math.max(1, Math.min(count, Math.floor((inner + m.gap) / (m.minCardWidth + m.gap))));
  // Balance the grid: 4 nodes in 3 columns read better as 2 × 2 than as 3 + 1.
  const cols = Math.ceil(count / Math.ceil(count / fit));
  const cardWidth = Math.min(m.maxCardWidth, (inner - (cols - 1) * m.gap) / cols);
  const pods: PlacedPod[] = [];

  let y = m.pad;
  let lane: Box | undefined;
  if (view.unscheduled.length > 0) {
    const laneWidth = inner;
    const perRow = podsPerRow(laneWidth - 2 * m.cardPad);
    const height = m.laneLabel + m.cardPad + podRows(view.unscheduled.length, perRow) * (m.pod + m.podGap) - m.podGap + m.cardPad;
    lane = { x: m.pad, y, width: laneWidth, height };
    placePods(view.unscheduled, m.pad + m.cardPad, y + m.laneLabel + m.cardPad, perRow, undefined, pods);
    y += height + m.gap;
  }

  const innerCard = cardWidth - 2 * m.cardPad;
  const perRow = podsPerRow(innerCard);
  const heightOf = (n: NodeView) =>
    m.cardHeader + 2 * m.barRow + m.podsLabel + podRows(n.pods.length, perRow) * (m.pod + m.podGap) - m.podGap + m.cardPad;
  const nodes: PlacedNode[] = [];
  for (let start = 0; start < view.nodes.length; start += cols) {
    const row = view.nodes.slice(start, start + cols);
    const rowHeight = Math.max(...row.map(heightOf));
    row.forEach((node, i) => {
      const x = m.pad + i * (cardWidth + m.gap);
      nodes.push({ node, box: { x, y, width: cardWidth, height: rowHeight } });
      const podsTop = y + m.cardHeader + 2 * m.barRow + m.podsLabel;
      placePods(node.pods, x + m.cardPad, podsTop, perRow, node.key, pods);
    });
    y += rowHeight + m.gap;
  }
  const usedWidth = m.pad * 2 + cols * cardWidth + (cols - 1) * m.gap;
  return { width: Math.max(width, usedWidth), height: y - m.gap + m.pad, nodes, pods, lane };
}
