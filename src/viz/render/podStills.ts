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
      this.stills.clear();
      this.palette = palette;
      this.size = size;
      this.ratio = ratio;
    }
    const key = `${look}|${hue ?? ''}|${restarts > 0 ? restartText(restarts) : ''}`;
    let still = this.stills.get(key);
    if (still) return still;
    if (typeof document === 'undefined') return undefined;
    const side = size + 2 * SPRITE_MARGIN;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(side * ratio);
    canvas.height = Math.ceil(side * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.setTransform(ratio, 0, 0, ratio, SPRITE_MARGIN * ratio, SPRITE_MARGIN * ratio);
    paintStill(ctx, look, hue, restarts, size, palette);
    // Many looks, hues and counters are possible; a drawing uses a handful at a time.
    if (this.stills.size > 200) this.stills.clear();
    this.stills.set(key, (still = canvas));
    return still;
  }
}
