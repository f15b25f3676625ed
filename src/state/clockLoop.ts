/** Schedules the next frame (requestAnimationFrame in the browser; a fake in tests). */
export type FrameScheduler = {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
};

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

/** Runs a callback as a task of its own, after the current one (a MessageChannel in the browser; a fake in tests). */
export type TaskScheduler = {
  post(callback: () => void): void;
};

/**
 * Tasks through a MessageChannel: posted from an animation frame, they run
 * after that frame has been drawn, and (unlike setTimeout) without a
 * minimum delay.
 */
export function messageTasks(): TaskScheduler {
  if (typeof MessageChannel !== 'function') return { post: (cb) => void setTimeout(cb, 0) };
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    post(cb) {
      queue.push(cb);
      channel.port2.postMessage(null);
    },
  };
}

/**
 * Longest real time one frame may account for: after a hidden tab or a long
 * task, the cluster resumes instead of leaping ahead.
 */
export const MAX_FRAME_MS = 100;

/** One frame at 60 Hz: the longest interval work between two frames is planned for. */
export const FRAME_MS = 1000 / 60;

/** What runs once per frame, and what runs between frames. */
export interface ClockLoopSteps {
  /** In the animation frame, before the page draws: `realMs` since the previous frame (clamped to MAX_FRAME_MS). */
  frame(realMs: number): void;
  /**
   * After the frame has drawn, as a task of its own: `deadline` is the real
   * time (the frame's clock) by which it should hand back so the next frame
   * is drawn on time.
   */
  between?(deadline: number): void;
}

/** Real time left free before the next frame, for the browser's own work (input, drawing). */
const FRAME_MARGIN_MS = 4;

/**
 * Calls `steps.frame(realMs)` once per animation frame with the real time
 * elapsed since the previous frame (clamped to MAX_FRAME_MS), then
 * `steps.between(deadline)` as a task after the frame. Returns a stop function.
 */
export function startClockLoop(steps: ClockLoopSteps | ((realMs: number) => void), frames: FrameScheduler = animationFrames, tasks?: TaskScheduler): () => void {
  const { frame, between } = typeof steps === 'function' ? { frame: steps, between: undefined } : steps;
  const after = between && (tasks ?? messageTasks());
  let last: number | undefined;
  let handle = 0;
  let stopped = false;
  const tick = (time: number) => {
    if (stopped) return;
    const dt = last === undefined ? 0 : Math.min(Math.max(time - last, 0), MAX_FRAME_MS);
    last = time;
    frame(dt);
    if (after && between) {
      // The display's frame interval, as far as the frames show it (a faster display leaves less time between frames).
      const interval = dt > 0 ? Math.min(dt, FRAME_MS) : FRAME_MS;
      const deadline = time + interval - FRAME_MARGIN_MS;
      after.post(() => {
        if (!stopped) between(deadline);
      });
    }
    if (!stopped) handle = frames.request(tick);
  };
  handle = frames.request(tick);
  return () => {
    stopped = true;
    frames.cancel(handle);
  };
}
