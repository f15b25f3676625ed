import type { ComponentId } from '../model/controlPlane';
import type { ClusterView, NodeView, PodView } from '../model/clusterView';
import type { DeploymentView, ServiceView, WorkloadsView } from '../model/workloads';
import { naturalCompare } from '../model/naturalOrder';
import { BAND, layoutBand, type BandLayout } from './bandLayout';
import type { Box } from './box';

export type { Box } from './box';

/** Sizes of the drawing, in CSS pixels. */
export const METRICS = {
  pad: 12,
  gap: 12,
  minCardWidth: 250,
  maxCardWidth: 420,
  /**
   * Narrower cards (a compact card: the pod count in the meta line, requests without the
   * allocatable, a symbol for readiness) are used only to put every node in one row: the
   * default cluster's four nodes then show at 1280×720 without scrolling.
   */
  compactCardWidth: 168,
  cardHeader: 50,
  barRow: 19,
  podsLabel: 22,
  pod: 24,
  podGap: 7,
  cardPad: 14,
  /** The kubelet and kube-proxy marks, right-aligned in the card's "Pods" row. */
  kubeletMark: 56,
  proxyMark: 74,
  markHeight: 16,
  /** Above this many pods the drawing switches to cells on a canvas (UI.md: dense, not slow). */
  denseAbove: 300,
  cell: 8,
  cellGap: 2,
} as const;

/** A pod's square and the gap between squares, in the normal and the dense drawing. */
interface PodGrid {
  readonly size: number;
  readonly gap: number;
}

export interface PlacedPod {
  readonly pod: PodView;
  /** Absolute position of the pod square's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** The node it sits in (undefined for the scheduling queue). */
  readonly nodeKey: string | undefined;
}

export interface PlacedNode {
  readonly node: NodeView;
  readonly box: Box;
  /** The node agents' marks, relative to the card. */
  readonly kubelet: Box;
  readonly kubeProxy: Box;
  /** Side by side: no request bars, agent marks or pods row label; the pods sit right under the header. */
  readonly bare?: boolean;
}

/** A Deployment or Service card in the row under the control plane. */
export type PlacedWorkload =
  | { readonly kind: 'deployment'; readonly key: string; readonly view: DeploymentView; readonly box: Box; readonly chip?: boolean }
  | { readonly kind: 'service'; readonly key: string; readonly view: ServiceView; readonly box: Box; readonly chip?: boolean };

/** Sizes of the workload cards (and of the one-line chips side by side). */
export const WORKLOAD = { deploymentWidth: 244, serviceWidth: 214, height: 74, gap: 12, chipMin: 80, chipHeight: 22, chipGap: 6 } as const;

export interface ClusterLayout {
  readonly width: number;
  readonly height: number;
  readonly band: BandLayout;
  /** Deployments, then Services, in rows under the band. */
  readonly workloads: readonly PlacedWorkload[];
  readonly nodes: readonly PlacedNode[];
  /** Every pod, in reading order (queued first, then node by node). */
  readonly pods: readonly PlacedPod[];
  /** The scheduling queue, when pods wait for a node. */
  readonly lane: Box | undefined;
  /** Pods are cells on a canvas (many pods), not buttons in the SVG. */
  readonly dense: boolean;
  /** Side of a pod's square (or cell) in this layout. */
  readonly podSize: number;
}

export interface LayoutOptions {
  /** Force the dense drawing on or off (default: above METRICS.denseAbove pods). */
  readonly dense?: boolean;
  /**
   * Beside the Swarm view (half the width, the height of one view): the
   * control-plane band left out, workloads as one-line chips, nodes as compact
   * cards without request bars, as many to a row as fit.
   */
  readonly sideBySide?: boolean;
}

function podsPerRow(innerWidth: number, grid: PodGrid): number {
  return Math.max(1, Math.floor((innerWidth + grid.gap) / (grid.size + grid.gap)));
}

function podRows(count: number, perRow: number): number {
  return Math.max(1, Math.ceil(count / perRow));
}

/**
 * Each pod view's latest placement: an unchanged pod at an unchanged place
 * keeps the same object from one layout to the next, so the renderer and the
 * pods' canvas skip it with one comparison.
 */
const placedAs = new WeakMap<PodView, PlacedPod>();

function placePods(pods: readonly PodView[], x0: number, y0: number, perRow: number, nodeKey: string | undefined, grid: PodGrid, out: PlacedPod[]): void {
  const pitch = grid.size + grid.gap;
  pods.forEach((pod, i) => {
    const x = x0 + (i % perRow) * pitch;
    const y = y0 + Math.floor(i / perRow) * pitch;
    const last = placedAs.get(pod);
    if (last && last.x === x && last.y === y && last.nodeKey === nodeKey) {
      out.push(last);
      return;
    }
    const placed: PlacedPod = { pod, nodeKey, x, y };
    placedAs.set(pod, placed);
    out.push(placed);
  });
}

/** The marks of a card's node agents, relative to the card. */
function agentMarks(cardWidth: number): { kubelet: Box; kubeProxy: Box } {
  const m = METRICS;
  const y = m.cardHeader + 2 * m.barRow + 1;
  const proxyX = cardWidth - m.cardPad - m.proxyMark;
  return {
    kubelet: { x: proxyX - 4 - m.kubeletMark, y, width: m.kubeletMark, height: m.markHeight },
    kubeProxy: { x: proxyX, y, width: m.proxyMark, height: m.markHeight },
  };
}

/**
 * The whole drawing for a given width: the control-plane band (with the
 * scheduling queue) on top, then a responsive grid of node cards (as many
 * columns as fit, cards between minCardWidth and maxCardWidth, each grid row
 * as tall as its tallest card) with pods in rows inside their card.
 */
export function layoutCluster(view: ClusterView, width: number, workloads?: WorkloadsView, options: LayoutOptions = {}): ClusterLayout {
  const m = METRICS;
  const sbs = options.sideBySide === true;
  const dense = options.dense ?? view.podTotal > m.denseAbove;
  const grid: PodGrid = dense ? { size: m.cell, gap: m.cellGap } : { size: m.pod, gap: m.podGap };
  const pitch = grid.size + grid.gap;
  const inner = Math.max(m.minCardWidth, width - 2 * m.pad);
  // Deleted nodes that still have pods bound to them keep a card, in name order with the others.
  const cards = view.deletedNodes?.length ? [...view.nodes, ...view.deletedNodes].sort((a, b) => naturalCompare(a.name, b.name)) : view.nodes;
  const count = Math.max(1, cards.length);
  const fit = Math.max(1, Math.min(count, Math.floor((inner + m.gap) / (m.minCardWidth + m.gap))));
  // All nodes in one row of compact cards, when they fit so: no node below the fold.
  const oneRow = fit < count && count * m.compactCardWidth + (count - 1) * m.gap <= inner;
  // Side by side: as many compact cards to a row as fit.
  const fitCompact = Math.max(1, Math.min(count, Math.floor((inner + m.gap) / (m.compactCardWidth + m.gap))));
  // Balance the grid: 4 nodes in 3 columns read better as 2 × 2 than as 3 + 1.
  const cols = oneRow ? count : sbs ? Math.ceil(count / Math.ceil(count / fitCompact)) : Math.ceil(count / Math.ceil(count / fit));
  const cardWidth = Math.min(m.maxCardWidth, (inner - (cols - 1) * m.gap) / cols);
  const pods: PlacedPod[] = [];

  const queuePerRow = podsPerRow(inner - 2 * BAND.pad, grid);
  const queueHeight = view.unscheduled.length > 0 ? podRows(view.unscheduled.length, queuePerRow) * pitch - grid.gap : 0;
  const band = layoutBand(m.pad, m.pad, inner, queueHeight, sbs);
  if (band.queue) placePods(view.unscheduled, band.queueOrigin.x, band.queueOrigin.y, queuePerRow, undefined, grid, pods);
  let y = band.box.height > 0 ? band.box.y + band.box.height + m.gap : band.box.y;
  const placed = workloads ? (sbs ? placeChips(workloads, m.pad, y, inner) : placeWorkloads(workloads, m.pad, y, inner)) : [];
  if (placed.length > 0) y = Math.max(...placed.map((w) => w.box.y + w.box.height)) + m.gap;

  const innerCard = cardWidth - 2 * m.cardPad;
  const perRow = podsPerRow(innerCard, grid);
  // Where the pods start in a card: under the bars and the pods row, or (side by side) right under the header.
  const podsOffset = sbs ? m.cardHeader : m.cardHeader + 2 * m.barRow + m.podsLabel;
  const heightOf = (n: NodeView) => podsOffset + podRows(n.pods.length, perRow) * pitch - grid.gap + m.cardPad;
  const marks = agentMarks(cardWidth);
  const nodes: PlacedNode[] = [];
  for (let start = 0; start < cards.length; start += cols) {
    const row = cards.slice(start, start + cols);
    const rowHeight = Math.max(...row.map(heightOf));
    row.forEach((node, i) => {
      const x = m.pad + i * (cardWidth + m.gap);
      nodes.push({ node, box: { x, y, width: cardWidth, height: rowHeight }, ...marks, ...(sbs ? { bare: true } : {}) });
      const podsTop = y + podsOffset;
      placePods(node.pods, x + m.cardPad, podsTop, perRow, node.key, grid, pods);
    });
    y += rowHeight + m.gap;
  }
  const usedWidth = m.pad * 2 + Math.max(inner, cols * cardWidth + (cols - 1) * m.gap);
  return { width: Math.max(width, usedWidth), height: y - m.gap + m.pad, band, workloads: placed, nodes, pods, lane: band.queue, dense, podSize: grid.size };
}

/** Least width of a workload card when narrow cards share a row (its texts are cut to fit). */
export const WORKLOAD_MIN_WIDTH = 160;

/**
 * Deployment and Service cards left to right, wrapping at `width`. When they
 * wrap, and narrower cards in equal columns take fewer rows (the drawing
 * beside the inspector), they share rows that way: the node cards stay
 * nearer the top.
 */
function placeWorkloads(workloads: WorkloadsView, x0: number, y0: number, width: number): PlacedWorkload[] {
  const natural = [...workloads.deployments.map(() => WORKLOAD.deploymentWidth), ...workloads.services.map(() => WORKLOAD.serviceWidth)];
  const cols = Math.max(1, Math.floor((width + WORKLOAD.gap) / (WORKLOAD_MIN_WIDTH + WORKLOAD.gap)));
  const column = (width - (cols - 1) * WORKLOAD.gap) / cols;
  const compact = natural.length > 0 && Math.ceil(natural.length / cols) < rowsOf(natural, width);
  const out: PlacedWorkload[] = [];
  let x = x0;
  let y = y0;
  const place = (w: number): Box => {
    const want = compact ? Math.min(w, column) : w;
    if (x > x0 && x + want > x0 + width + 0.5) {
      x = x0;
      y += WORKLOAD.height + WORKLOAD.gap;
    }
    const box = { x, y, width: Math.min(want, width), height: WORKLOAD.height };
    x += (compact ? column : box.width) + WORKLOAD.gap;
    return box;
  };
  for (const d of workloads.deployments) out.push({ kind: 'deployment', key: `deployment:${d.key}`, view: d, box: place(WORKLOAD.deploymentWidth) });
  for (const s of workloads.services) out.push({ kind: 'service', key: `service:${s.key}`, view: s, box: place(WORKLOAD.serviceWidth) });
  return out;
}

/**
 * Side by side: Deployments, then Services, as one-line chips (name and
 * counts) in equal columns, as many as fit at least WORKLOAD.chipMin wide.
 */
function placeChips(workloads: WorkloadsView, x0: number, y0: number, width: number): PlacedWorkload[] {
  const w = WORKLOAD;
  const cols = Math.max(1, Math.floor((width + w.chipGap) / (w.chipMin + w.chipGap)));
  const column = (width - (cols - 1) * w.chipGap) / cols;
  const box = (i: number): Box => ({ x: x0 + (i % cols) * (column + w.chipGap), y: y0 + Math.floor(i / cols) * (w.chipHeight + w.chipGap), width: column, height: w.chipHeight });
  const out: PlacedWorkload[] = workloads.deployments.map((d, i) => ({ kind: 'deployment', key: `deployment:${d.key}`, view: d, box: box(i), chip: true }));
  const n = out.length;
  workloads.services.forEach((s, i) => out.push({ kind: 'service', key: `service:${s.key}`, view: s, box: box(n + i), chip: true }));
  return out;
}

/** Rows that cards of these widths take, left to right, wrapping at `width`. */
function rowsOf(widths: readonly number[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += Math.min(w, width) + WORKLOAD.gap;
  }
  return rows;
}

/** A point in the drawing where a component sits (the middle of its box or mark). */
export function anchorOf(layout: ClusterLayout, id: ComponentId): { x: number; y: number } | undefined {
  const band = layout.band.anchors[id as keyof BandLayout['anchors']];
  if (band) return band;
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const name = id.slice(colon + 1);
  const node = layout.nodes.find((n) => n.node.key === name);
  if (!node) return undefined;
  const mark = kind === 'kubelet' ? node.kubelet : node.kubeProxy;
  return { x: node.box.x + mark.x + mark.width / 2, y: node.box.y + mark.y };
}

/** A point of the drawing. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The path a change travels between two components, as a polyline: down
 * from the source to the bus under the band, along it, and up into the
 * target; a node agent is reached through the gutter right of its card, so
 * the path runs between cards rather than across them.
 */
export function pulsePoints(layout: ClusterLayout, from: ComponentId, to: ComponentId): Point[] | undefined {
  // No band drawn (side by side): nothing to travel along.
  if (layout.band.bare) return undefined;
  const bus = layout.band.busY;
  const leg = (id: ComponentId): Point[] | undefined => {
    const a = anchorOf(layout, id);
    if (!a) return undefined;
    if (!id.includes(':')) return [a, { x: a.x, y: bus }];
    const node = layout.nodes.find((n) => n.node.key === id.slice(id.indexOf(':') + 1))!;
    const mark = id.startsWith('kubelet:') ? node.kubelet : node.kubeProxy;
    const gutter = node.box.x + node.box.width + METRICS.gap / 2;
    const y = node.box.y + mark.y + mark.height / 2;
    return [{ x: node.box.x + mark.x + mark.width, y }, { x: gutter, y }, { x: gutter, y: bus }];
  };
  const a = leg(from);
  const b = leg(to);
  if (!a || !b) return undefined;
  return [...a, ...b.reverse()];
}

/** The same path as SVG path data. */
export function pulsePath(layout: ClusterLayout, from: ComponentId, to: ComponentId): string | undefined {
  const points = pulsePoints(layout, from, to);
  return points && `M${points.map((p) => `${p.x},${p.y}`).join(' L')}`;
}

/** Length of a polyline, and the point at a fraction of it (no DOM measuring). */
export function alongPolyline(points: readonly Point[]): { length: number; at(t: number): Point } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  const length = lengths.reduce((a, b) => a + b, 0);
  return {
    length,
    at(t) {
      let d = Math.max(0, Math.min(1, t)) * length;
      for (let i = 0; i < lengths.length; i++) {
        if (d <= lengths[i] || i === lengths.length - 1) {
          const f = lengths[i] > 0 ? Math.min(1, d / lengths[i]) : 0;
          return { x: points[i].x + (points[i + 1].x - points[i].x) * f, y: points[i].y + (points[i + 1].y - points[i].y) * f };
        }
        d -= lengths[i];
      }
      return points[points.length - 1];
    },
  };
}
