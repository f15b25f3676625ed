/** A rectangle in the drawing's coordinates (CSS pixels). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
