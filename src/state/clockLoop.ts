/** Schedules the next frame (requestAnimationFrame in the browser; a fake in tests). */
export type FrameScheduler = {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
};

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

/**
 * Longest real time one frame may account for: after a hidden tab or a long
 * task, the cluster resumes instead of leaping ahead.
 */
export const MAX_FRAME_MS = 100;

/**
 * Calls `frame(realMs)` once per animation frame with the real time elapsed
 * since the previous frame (clamped to MAX_FRAME_MS). Returns a stop function.
 */
export function startClockLoop(frame: (realMs: number) => void, frames: FrameScheduler = animationFrames): () => void {
  let last: number | undefined;
  let handle = 0;
  let stopped = false;
  const tick = (time: number) => {
    if (stopped) return;
    const dt = last === undefined ? 0 : Math.min(Math.max(time - last, 0), MAX_FRAME_MS);
    last = time;
    frame(dt);
    if (!stopped) handle = frames.request(tick);
  };
  handle = frames.request(tick);
  return () => {
    stopped = true;
    frames.cancel(handle);
  };
}
