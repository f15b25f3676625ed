import type { PodLook } from '../model/podLook';
import { paintStill, restartText, SPRITE_MARGIN, type PodPalette } from './podPaint';

/**
 * Each pod picture that does not move inside itself (status, revision edge,
 * restarts counter), painted once into a small canvas of its own and then
 * stamped with `drawImage` wherever and however faded that pod is: a hundred
 * stamps cost less than a hundred sets of rounded paths, text and fills.
 * Cleared when the palette, the pod size or the pixel ratio changes.
 */
export class PodStills {
  private readonly stills = new Map<string, CanvasImageSource>();
  private palette: PodPalette | undefined;
  private size = 0;
  private ratio = 0;

  /** The picture of a pod of this look, revision hue and restarts, `size + 2 * SPRITE_MARGIN` px square; undefined where no canvas can be made. */
  get(look: PodLook, hue: number | undefined, restarts: number, size: number, ratio: number, palette: PodPalette): CanvasImageSource | undefined {
    if (palette !== this.palette || size !== this.size || ratio !== this.ratio) {
      this.release();
      this.palette = palette;
      this.size = size;
      this.ratio = ratio;
    }
    const key = `${look}|${hue ?? ''}|${restarts > 0 ? restartText(restarts) : ''}`;
    let still = this.stills.get(key);
    if (still) return still;
    const side = Math.ceil((size + 2 * SPRITE_MARGIN) * ratio);
    const made = makeCanvas(side);
    const ctx = made?.getContext('2d') as CanvasRenderingContext2D | null | undefined;
    if (!made || !ctx) return undefined;
    ctx.setTransform(ratio, 0, 0, ratio, SPRITE_MARGIN * ratio, SPRITE_MARGIN * ratio);
    paintStill(ctx, look, hue, restarts, size, palette);
    // An ImageBitmap is stamped as it is; a canvas would be snapshotted at every stamp.
    still = typeof OffscreenCanvas === 'function' && made instanceof OffscreenCanvas ? made.transferToImageBitmap() : made;
    // Many looks, hues and counters are possible; a drawing uses a handful at a time.
    if (this.stills.size > 200) this.release();
    this.stills.set(key, still);
    return still;
  }

  /** Drops every picture (an ImageBitmap's memory goes at once). */
  private release(): void {
    for (const still of this.stills.values()) if (typeof ImageBitmap === 'function' && still instanceof ImageBitmap) still.close();
    this.stills.clear();
  }
}

/** An OffscreenCanvas where there is one (its picture becomes an ImageBitmap), else a canvas element. */
function makeCanvas(side: number): OffscreenCanvas | HTMLCanvasElement | undefined {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(side, side);
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  return canvas;
}

