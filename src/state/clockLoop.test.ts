import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { MAX_FRAME_MS, type FrameScheduler, type TaskScheduler } from './clockLoop';
import { fakeCluster, fakeFactory } from './fakeWorld.testkit';

/** Frames, tasks and real time all driven by hand; each engine advance costs `costPerAdvance` ms of real time. */
async function setup(costPerAdvance = 0) {
  const world = fakeCluster();
  let wall = 0;
  const advance = world.cluster.advance.bind(world.cluster);
  (world.cluster as { advance: (ms: number) => void }).advance = (ms) => {
    wall += costPerAdvance;
    advance(ms);
  };
  const store = createAppStore(fakeFactory(world), { files: {}, welcome: [], wallNow: () => wall });
  await store.ready;
  let pending: ((t: number) => void) | undefined;
  const frames: FrameScheduler = {
    request: (cb) => {
      pending = cb;
      return 1;
    },
    cancel: () => {
      pending = undefined;
    },
  };
  const queued: (() => void)[] = [];
  const tasks: TaskScheduler = { post: (cb) => void queued.push(cb) };
  const stop = store.start(frames, tasks);
  /** The frame at real time `t` (the clock reads it), then the tasks it posted. */
  const frameAt = (t: number, runTasks = true) => {
    wall = t;
    const cb = pending;
    pending = undefined;
    cb?.(t);
    if (runTasks) runQueued();
  };
  const runQueued = () => {
    while (queued.length > 0) queued.shift()!();
  };
  return { world, store, frameAt, runTasks: runQueued, queued, stop, start: world.cluster.now() };
}

describe('clock loop', () => {
  it('draws the frame first; the engine catches up in a task after it, and the next frame shows it', async () => {
    const { world, store, frameAt, runTasks, start } = await setup();
    store.getState().setSpeed(30);
    frameAt(0);
    frameAt(40, false);
    // The frame published what was there; time has not moved yet.
    expect(world.cluster.now()).toBe(start);
    runTasks();
    expect(world.cluster.now()).toBe(start + 1200);
    expect(store.getState().now).toBe(start);
    frameAt(56, false);
    expect(store.getState().now).toBe(start + 1200);
  });

  it('hands back before the next frame is due and catches up over the following frames, losing no time', async () => {
    // Each 8 virtual ms (4 ms of real time at 2×) costs 5 ms of real time: the engine cannot keep up within one frame.
    const { world, store, frameAt, start } = await setup(5);
    store.getState().setSpeed(2);
    frameAt(0);
    frameAt(16);
    const afterOne = world.cluster.now() - start;
    // The frame's deadline (16 + 16 - 4 = 28) cut the catch-up short of the 32 ms owed.
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(32);
    // Frames that bring no more real time let it catch up: no virtual time is dropped.
    for (let k = 0; k < 50; k++) frameAt(16);
    expect(world.cluster.now() - start).toBe(2 * 16);
  });

  it('pausing stops the clock where it is: what real time owed before the pause is not advanced after it', async () => {
    const { world, store, frameAt, start } = await setup(5);
    store.getState().setSpeed(2);
    frameAt(0);
    frameAt(16);
    const atPause = world.cluster.now();
    expect(atPause - start).toBeLessThan(32);
    store.getState().setSpeed(0);
    for (let t = 100; t <= 1000; t += 100) frameAt(t);
    expect(world.cluster.now()).toBe(atPause);
  });

  it('never lets the cluster fall more than MAX_FRAME_MS of real time behind, however slow the engine', async () => {
    const { world, store, frameAt, start } = await setup(1000);
    store.getState().setSpeed(1);
    frameAt(0);
    let real = 0;
    for (let i = 1; i <= 20; i++) {
      real = i * 50;
      frameAt(real);
      const lag = real - (world.cluster.now() - start);
      expect(lag).toBeLessThanOrEqual(MAX_FRAME_MS);
    }
  });

  it('stops: no frame or task runs after the stop function', async () => {
    const { world, store, frameAt, queued, stop, start } = await setup();
    store.getState().setSpeed(1);
    frameAt(0);
    frameAt(16, false);
    stop();
    while (queued.length > 0) queued.shift()!();
    frameAt(32);
    expect(world.cluster.now()).toBe(start);
  });
});

describe('clock loop and a replaced world', () => {
  it('a world replaced while time is still owed (a reset, a link, Undo) starts at its own time, not with the old one’s debt', async () => {
    const { realStore } = await import('./realWorld.testkit');
    const store = await realStore({});
    let pending: ((t: number) => void) | undefined;
    const frames: FrameScheduler = { request: (cb) => ((pending = cb), 1), cancel: () => (pending = undefined) };
    const queued: (() => void)[] = [];
    const stop = store.start(frames, { post: (cb) => void queued.push(cb) });
    const frameAt = (t: number) => {
      const cb = pending;
      pending = undefined;
      cb?.(t);
    };
    store.getState().setSpeed(10);
    frameAt(0);
    // 100 ms of real time at 10× owed, its catch-up task not run yet.
    frameAt(100);
    store.getState().reset();
    await store.ready;
    store.getState().setSpeed(0);
    const fresh = store.getState().captureScenario()?.endAt;
    while (queued.length > 0) queued.shift()!();
    frameAt(116);
    expect(store.getState().captureScenario()?.endAt).toBe(fresh);
    stop();
  });
});
