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
} as const;

/** Share of the band's width each component takes, and its least width (the controller-manager takes the rest). */
const SHARE: Readonly<Record<Exclude<BandComponent, 'controller-manager'>, readonly [number, number]>> = {
  kubectl: [0.09, 72],
  apiserver: [0.19, 118],
  etcd: [0.09, 62],
  scheduler: [0.18, 122],
};

export interface BandLayout {
  readonly box: Box;
  readonly components: Readonly<Record<BandComponent, Box>>;
  /** y of the bus line. */
  readonly busY: number;
  /** Where the latest note is written (baseline). */
  readonly message: { readonly x: number; readonly y: number; readonly width: number };
  /** The scheduling queue (pods not yet bound), when there are any. */
  readonly queue: Box | undefined;
  /** Top-left of the first queued pod. */
  readonly queueOrigin: { readonly x: number; readonly y: number };
}

/**
 * The control plane as one band across the top: kubectl, the API server with
 * etcd beside it, the scheduler and the controller-manager in a row, a bus
 * under them, a line for the latest note, and the scheduling queue when pods
 * wait for a node.
 */
export function layoutBand(x: number, y: number, width: number, queueHeight: number): BandLayout {
  const inner = width - 2 * BAND.pad;
  const usable = inner - (BAND_COMPONENTS.length - 1) * BAND.gap;
  const top = y + BAND.pad;
  let cx = x + BAND.pad;
  const components = {} as Record<BandComponent, Box>;
  for (const id of BAND_COMPONENTS) {
    const w = id === 'controller-manager' ? x + BAND.pad + inner - cx : Math.max(SHARE[id][1], Math.round(usable * SHARE[id][0]));
    components[id] = { x: cx, y: top, width: w, height: BAND.boxHeight };
    cx += w + BAND.gap;
  }
  const busY = top + BAND.boxHeight + BAND.bus / 2 + 2;
  const messageY = top + BAND.boxHeight + BAND.bus + BAND.message - 2;
  let bottom = top + BAND.boxHeight + BAND.bus + BAND.message;
  let queue: Box | undefined;
  const queueOrigin = { x: x + BAND.pad, y: bottom + 6 + BAND.queueLabel };
  if (queueHeight > 0) {
    queue = { x: x + BAND.pad - 4, y: bottom + 4, width: inner + 8, height: BAND.queueLabel + queueHeight + 6 };
    bottom = queue.y + queue.height;
  }
  return {
    box: { x, y, width, height: bottom + BAND.pad - y },
    components,
    busY,
    message: { x: x + BAND.pad, y: messageY, width: inner },
    queue,
    queueOrigin,
  };
}
