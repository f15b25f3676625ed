import type { ClusterLayout, PlacedPod } from '../layout/clusterLayout';
import type { PodLook } from '../model/podLook';

/** Colors of the dense cells, read from the app's tokens so both themes work. */
interface Palette {
  readonly surface: string;
  readonly ok: string;
  readonly warn: string;
  readonly danger: string;
  readonly orange: string;
  readonly grey: string;
  readonly accent: string;
  readonly muted: string;
}

/** Each canvas's palette, read once per theme: reading computed style forces a style pass on every render. */
const palettes = new WeakMap<Element, Palette>();

function palette(el: Element): Palette {
  let p = palettes.get(el);
  if (!p) {
    palettes.set(el, (p = readPalette(el)));
    if (typeof matchMedia === 'function') matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => palettes.delete(el), { once: true });
  }
  return p;
}

function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    surface: v('--kp-surface', '#fff'),
    ok: v('--kp-ok', '#1f8a4c'),
    warn: v('--kp-warn', '#c98a00'),
    danger: v('--kp-danger', '#d1342f'),
    orange: v('--kp-orange', '#dd6a10'),
    grey: v('--kp-grey', '#8a94a3'),
    accent: v('--kp-accent', '#326ce5'),
    muted: v('--kp-muted', '#556070'),
  };
}

/**
 * How a cell looks: a fill (or none) and an outline (or none). The second
 * cue survives at 8 px: outlined cells are not running yet (pending,
 * starting, not ready, unknown), solid ones are, and failures are red,
 * orange or grey by kind.
 */
function cellStyle(look: PodLook, p: Palette): { fill?: string; stroke?: string; alpha?: number } {
  switch (look) {
    case 'ready':
      return { fill: p.ok };
    case 'notReady':
      return { stroke: p.warn, fill: p.surface };
    case 'creating':
      return { stroke: p.accent, fill: p.surface };
    case 'pending':
    case 'unknown':
      return { stroke: p.grey };
    case 'terminating':
      return { fill: p.grey, alpha: 0.35 };
    case 'crash':
      return { fill: p.danger };
    case 'imagePull':
      return { fill: p.orange };
    default:
      return { fill: p.grey };
  }
}

/** Pods by the grid bucket of their top-left corner, for hit-testing the canvas. */
export type PodIndex = Map<string, PlacedPod>;

/**
 * Draws every pod as a small cell on `canvas` (sized to the layout, sharp on
 * high-density screens) and returns an index for finding the pod under the
 * pointer. Cells do not move or fade: a thousand pods stay cheap.
 */
export function renderDensePods(canvas: HTMLCanvasElement, layout: ClusterLayout, selectedKey: string | undefined): PodIndex {
  const dpr = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
  const w = Math.ceil(layout.width * dpr);
  const h = Math.ceil(layout.height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  const ctx = canvas.getContext('2d');
  const index: PodIndex = new Map();
  if (!ctx) return index;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const p = palette(canvas);
  const s = layout.podSize;
  const pitch = s + 2;
  for (const pod of layout.pods) {
    index.set(`${Math.floor(pod.x / pitch)}:${Math.floor(pod.y / pitch)}`, pod);
    const style = cellStyle(pod.pod.look, p);
    ctx.globalAlpha = style.alpha ?? 1;
    if (style.fill) {
      ctx.fillStyle = style.fill;
      ctx.fillRect(pod.x, pod.y, s, s);
    }
    if (style.stroke) {
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(pod.x + 0.75, pod.y + 0.75, s - 1.5, s - 1.5);
    }
  }
  ctx.globalAlpha = 1;
  const selected = selectedKey ? layout.pods.find((pod) => pod.pod.key === selectedKey) : undefined;
  if (selected) {
    ctx.strokeStyle = p.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(selected.x - 2, selected.y - 2, s + 4, s + 4);
  }
  return index;
}

/** The pod whose cell is under a point of the drawing, if any. */
export function podAt(index: PodIndex, layout: ClusterLayout, x: number, y: number): PlacedPod | undefined {
  const s = layout.podSize;
  const pitch = s + 2;
  const bx = Math.floor(x / pitch);
  const by = Math.floor(y / pitch);
  for (const dx of [0, -1]) {
    for (const dy of [0, -1]) {
      const pod = index.get(`${bx + dx}:${by + dy}`);
      if (pod && x >= pod.x && x < pod.x + s + 1 && y >= pod.y && y < pod.y + s + 1) return pod;
    }
  }
  return undefined;
}
