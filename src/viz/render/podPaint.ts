import type { PodLook } from '../model/podLook';

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

/** The app's color tokens the pods are painted with (read from CSS, so both themes work). */
export interface PodPalette {
  readonly surface: string;
  readonly surface2: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
  readonly ok: string;
  readonly warn: string;
  readonly warnSoft: string;
  readonly danger: string;
  readonly orange: string;
  readonly grey: string;
  readonly onMark: string;
  /** `--kp-rev-0..5`: one hue per ReplicaSet revision. */
  readonly rev: readonly string[];
}

export const FALLBACK_PALETTE: PodPalette = {
  surface: '#ffffff',
  surface2: '#f1f3f6',
  text: '#1f2328',
  muted: '#556070',
  accent: '#326ce5',
  ok: '#1f8a4c',
  warn: '#c98a00',
  warnSoft: '#fff1cc',
  danger: '#d1342f',
  orange: '#dd6a10',
  grey: '#8a94a3',
  onMark: '#ffffff',
  rev: ['#6f42c1', '#0f7b8a', '#c2185b', '#8d5a2b', '#3f51b5', '#6b6b00'],
};

/** Reads the palette from the tokens in effect at `el` (one style read: call it when the theme may have changed, not per frame). */
export function readPalette(el: Element): PodPalette {
  const css = getComputedStyle(el);
  const f = FALLBACK_PALETTE;
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    surface: v('--kp-surface', f.surface),
    surface2: v('--kp-surface-2', f.surface2),
    text: v('--kp-text', f.text),
    muted: v('--kp-muted', f.muted),
    accent: v('--kp-accent', f.accent),
    ok: v('--kp-ok', f.ok),
    warn: v('--kp-warn', f.warn),
    warnSoft: v('--kp-warn-soft', f.warnSoft),
    danger: v('--kp-danger', f.danger),
    orange: v('--kp-orange', f.orange),
    grey: v('--kp-grey', f.grey),
    onMark: f.onMark,
    rev: f.rev.map((c, i) => v(`--kp-rev-${i}`, c)),
  };
}

/** A body's look: fill, outline (with its width and dashes), and the mark's color. */
export interface BodyStyle {
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: readonly number[];
  readonly mark: string;
}

/** The body of each look, as UI.md's status table has it (color plus a second cue). */
export function bodyStyle(look: PodLook, p: PodPalette): BodyStyle {
  switch (look) {
    case 'pending':
      return { fill: p.surface2, stroke: p.grey, strokeWidth: 2, dash: [4, 3], mark: p.muted };
    case 'creating':
      return { fill: p.surface, stroke: p.accent, strokeWidth: 2, mark: p.onMark };
    case 'notReady':
      return { fill: p.warnSoft, stroke: p.warn, strokeWidth: 3, mark: p.onMark };
    case 'ready':
      return { fill: p.ok, mark: p.onMark };
    case 'crash':
      return { fill: p.danger, mark: p.onMark };
    case 'imagePull':
      return { fill: p.orange, mark: p.onMark };
    case 'unknown':
      return { fill: p.surface2, stroke: p.grey, strokeWidth: 2, dash: [3, 3], mark: p.muted };
    default:
      // terminating, completed, failed: grey (terminating also fades and shrinks; the others carry a mark).
      return { fill: p.grey, mark: p.onMark };
  }
}

function body(ctx: CanvasRenderingContext2D, style: BodyStyle, s: number): void {
  ctx.beginPath();
  ctx.roundRect(0, 0, s, s, 6);
  ctx.fillStyle = style.fill;
  ctx.fill();
  if (style.stroke) {
    // The outline sits inside the square, as SVG's centered stroke did not: the square keeps its size.
    const w = style.strokeWidth ?? 2;
    ctx.beginPath();
    ctx.roundRect(w / 2, w / 2, s - w, s - w, Math.max(1, 6 - w / 2));
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = w;
    ctx.setLineDash(style.dash ?? []);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/** Room around the square in a pod's cached picture: the restarts counter and the revision edge stick out. */
export const SPRITE_MARGIN = 8;

/**
 * Paints the parts of a pod that only change with its status: the square
 * (color and outline), the mark, the revision edge, the restarts counter;
 * with the square's top-left corner at the origin.
 */
export function paintStill(ctx: CanvasRenderingContext2D, look: PodLook, hue: number | undefined, restarts: number, s: number, p: PodPalette): void {
  const style = bodyStyle(look, p);
  body(ctx, style, s);
  const mark = LOOK_MARK[look];
  if (mark) {
    ctx.fillStyle = style.mark;
    ctx.font = '700 14px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(mark, s / 2, s / 2 + 1);
  }
  if (hue !== undefined) {
    // The owner's revision: a colored edge under the square.
    ctx.beginPath();
    ctx.roundRect(3, s + 1.5, s - 6, 3, 1.5);
    ctx.fillStyle = p.rev[hue % p.rev.length];
    ctx.fill();
  }
  if (restarts > 0) restartsBadge(ctx, restarts, s, p);
}

/** ContainerCreating: the outline fills from the bottom, like a progress bar (`level` 0..1 of the inside). */
export function paintFill(ctx: CanvasRenderingContext2D, level: number, s: number, p: PodPalette): void {
  const h = (s - 4) * level;
  ctx.beginPath();
  ctx.roundRect(2, s - 2 - h, s - 4, h, Math.min(4, h / 2));
  ctx.fillStyle = p.accent;
  ctx.fill();
}

/** The Ready halo: a ring that grows out of the square and fades (`t` 0..1). */
export function paintHalo(ctx: CanvasRenderingContext2D, t: number, s: number, p: PodPalette): void {
  const grow = 7 * t;
  ctx.globalAlpha *= 0.9 * (1 - t);
  ctx.beginPath();
  ctx.roundRect(-grow, -grow, s + 2 * grow, s + 2 * grow, 6 + (6 * grow) / 7);
  ctx.strokeStyle = p.ok;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

/** The counter's text: the number, or `99+`. */
export function restartText(restarts: number): string {
  return restarts > 99 ? '99+' : String(restarts);
}

/** Restarts: a small counter on the square's top-right corner. */
function restartsBadge(ctx: CanvasRenderingContext2D, restarts: number, s: number, p: PodPalette): void {
  const text = restartText(restarts);
  const width = 12 + text.length * 5;
  const right = s + 5;
  ctx.beginPath();
  ctx.roundRect(right - width, -5, width, 12, 6);
  ctx.fillStyle = p.text;
  ctx.fill();
  ctx.strokeStyle = p.surface;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.fillStyle = p.surface;
  ctx.font = '700 9px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, right - width / 2, 1.5);
}
