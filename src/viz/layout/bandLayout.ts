import { BAND_COMPONENTS, type BandComponent } from '../model/controlPlane';
import type { Box } from './box';

/** Sizes of the control-plane band, in CSS pixels. */
export const BAND = {
  pad: 10,
  gap: 10,
  boxHeight: 48,
  /** The bus under the boxes, where changes travel to and from the API server. */
  bus: 12,
  message: 18,
  queueLabel: 18,
  /** The controller-manager's least width. */
  managerMin: 170,
} as const;

/** Share of the band's width each component takes, and its least width (the controller-manager takes the rest). */
const SHARE: Readonly<Record<Exclude<BandComponent, 'controller-manager'>, readonly [number, number]>> = {
  kubectl: [0.09, 72],
  apiserver: [0.19, 118],
  etcd: [0.09, 62],
  scheduler: [0.18, 134],
};

export interface BandLayout {
  /** Left out (side by side): no components, bus or note; only the scheduling queue, when pods wait. */
  readonly bare: boolean;
  readonly box: Box;
  readonly components: Readonly<Record<BandComponent, Box>>;
  /** Where each component meets the bus (the middle of its bottom edge, or top edge below the bus). */
  readonly anchors: Readonly<Record<BandComponent, { readonly x: number; readonly y: number }>>;
  /** y of the bus line. */
  readonly busY: number;
  /** Where the latest note is written (baseline). */
  readonly message: { readonly x: number; readonly y: number; readonly width: number };
  /** The scheduling queue (pods not yet bound), when there are any. */
  readonly queue: Box | undefined;
  /** Top-left of the first queued pod. */
  readonly queueOrigin: { readonly x: number; readonly y: number };
}

const shareOf = (id: BandComponent) => (id === 'controller-manager' ? 0.45 : SHARE[id][0]);
const leastOf = (id: BandComponent) => (id === 'controller-manager' ? BAND.managerMin : SHARE[id][1]);

/**
 * Places one row of components across `inner` pixels: each takes its share
 * (at least its least width) and the last takes what is left; when even the
 * least widths do not fit, all shrink in proportion (their text is cut).
 */
function row(ids: readonly BandComponent[], x0: number, y: number, inner: number, out: Record<BandComponent, Box>): void {
  const usable = inner - (ids.length - 1) * BAND.gap;
  const total = ids.reduce((sum, id) => sum + shareOf(id), 0);
  const fits = ids.reduce((sum, id) => sum + leastOf(id), 0) <= usable;
  let x = x0;
  ids.forEach((id, i) => {
    const last = i === ids.length - 1;
    const share = (usable * shareOf(id)) / total;
    const w = last ? x0 + inner - x : Math.round(fits ? Math.max(leastOf(id), share) : share);
    out[id] = { x, y, width: w, height: BAND.boxHeight };
    x += w + BAND.gap;
  });
}

/**
 * The control plane as one band across the top: kubectl, the API server with
 * etcd beside it, the scheduler and the controller-manager in a row, a bus
 * under them, a line for the latest note, and the scheduling queue when pods
 * wait for a node. When the row does not fit, the scheduler and the
 * controller-manager move to a second row below the bus.
 */
export function layoutBand(x: number, y: number, width: number, queueHeight: number, bare = false): BandLayout {
  if (bare) return bareBand(x, y, width, queueHeight);
  const inner = width - 2 * BAND.pad;
  const top = y + BAND.pad;
  const left = x + BAND.pad;
  const least = Object.values(SHARE).reduce((sum, [, min]) => sum + min, 0) + BAND.managerMin + (BAND_COMPONENTS.length - 1) * BAND.gap;
  const components = {} as Record<BandComponent, Box>;
  const anchors = {} as Record<BandComponent, { x: number; y: number }>;
  let busY: number;
  let bottom: number;
  if (inner >= least) {
    row(BAND_COMPONENTS, left, top, inner, components);
    busY = top + BAND.boxHeight + BAND.bus / 2 + 2;
    bottom = top + BAND.boxHeight + BAND.bus;
    for (const id of BAND_COMPONENTS) anchors[id] = { x: components[id].x + components[id].width / 2, y: top + BAND.boxHeight };
  } else {
    const upper: BandComponent[] = ['kubectl', 'apiserver', 'etcd'];
    const lower: BandComponent[] = ['scheduler', 'controller-manager'];
    row(upper, left, top, inner, components);
    busY = top + BAND.boxHeight + BAND.bus / 2 + 2;
    const second = top + BAND.boxHeight + BAND.bus + 4;
    row(lower, left, second, inner, components);
    for (const id of upper) anchors[id] = { x: components[id].x + components[id].width / 2, y: top + BAND.boxHeight };
    for (const id of lower) anchors[id] = { x: components[id].x + components[id].width / 2, y: second };
    bottom = second + BAND.boxHeight + 4;
  }
  const messageY = bottom + BAND.message - 2;
  bottom += BAND.message;
  let queue: Box | undefined;
  const queueOrigin = { x: left, y: bottom + 6 + BAND.queueLabel };
  if (queueHeight > 0) {
    queue = { x: left - 4, y: bottom + 4, width: inner + 8, height: BAND.queueLabel + queueHeight + 6 };
    bottom = queue.y + queue.height;
  }
  return {
    bare: false,
    box: { x, y, width, height: bottom + BAND.pad - y },
    components,
    anchors,
    busY,
    message: { x: left, y: messageY, width: inner },
    queue,
    queueOrigin,
  };
}

/**
 * The band left out (side by side, where the nodes need the height): its
 * components sit in a zero-height strip at the top (not drawn), and only the
 * scheduling queue takes room, when pods wait for a node.
 */
function bareBand(x: number, y: number, width: number, queueHeight: number): BandLayout {
  const components = {} as Record<BandComponent, Box>;
  const anchors = {} as Record<BandComponent, { x: number; y: number }>;
  for (const id of BAND_COMPONENTS) {
    components[id] = { x, y, width: 0, height: 0 };
    anchors[id] = { x, y };
  }
  const queue = queueHeight > 0 ? { x, y, width, height: BAND.queueLabel + queueHeight + 6 } : undefined;
  return {
    bare: true,
    box: { x, y, width, height: queue ? queue.height : 0 },
    components,
    anchors,
    busY: y,
    message: { x, y, width: 0 },
    queue,
    queueOrigin: { x: x + 4, y: y + 2 + BAND.queueLabel },
  };
}
