import { useEffect, useRef, type RefObject } from 'react';
import { TrafficParticles, type TrafficScene } from '../../viz/index';

/**
 * Requests drawn as particles on a canvas: the particle layer owns the
 * canvas for as long as it is mounted and is handed each new scene
 * (`scene` undefined while there is nothing measured to draw on).
 */
export function useParticles(canvasRef: RefObject<HTMLCanvasElement | null>, scene: TrafficScene | undefined): void {
  const layer = useRef<TrafficParticles | undefined>(undefined);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const particles = new TrafficParticles(canvas);
    layer.current = particles;
    return () => {
      particles.dispose();
      layer.current = undefined;
    };
  }, [canvasRef]);
  useEffect(() => {
    if (scene) layer.current?.update(scene);
  }, [scene]);
}
