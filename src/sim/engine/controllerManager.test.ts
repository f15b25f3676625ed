import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { ControllerManager, type Controller } from './controllerManager';
import { ObjectStore, type WatchEvent } from './store';

type Log = string[];

function recorder(name: string, log: Log, keys: (e: WatchEvent) => string | string[] | undefined = (e) => e.key): Controller<Log> {
  return {
    name,
    watches: [{ resource: 'things', map: (e) => (log.push(`${name} map ${e.type} ${e.key}`), keys(e)) }],
    reconcile: (key, ctx) => void ctx.push(`${name} reconcile ${key}`),
  };
}

function setup(): { store: ObjectStore; manager: ControllerManager<Log>; log: Log } {
  const store = new ObjectStore();
  store.define('things');
  const log: Log = [];
  const manager = new ControllerManager<Log>(store, new VirtualClock(0), () => log);
  return { store, manager, log };
}

const thing = (name: string) => ({ metadata: { name, resourceVersion: '1' } });

describe('ControllerManager watches', () => {
  it('maps each event through every watch in registration order, store watchers registered between them keeping their place', () => {
    const { store, manager, log } = setup();
    manager.register(recorder('a', log));
    manager.register(recorder('b', log));
    store.watch('things', (e) => log.push(`plain ${e.type} ${e.key}`));
    manager.register(recorder('c', log));
    manager.register(recorder('d', log, () => undefined));
    store.put('things', thing('x'));
    expect(log).toEqual(['a map ADDED x', 'b map ADDED x', 'plain ADDED x', 'c map ADDED x', 'd map ADDED x']);
    log.length = 0;
    manager.runUntilIdle();
    expect(log).toEqual(['a reconcile x', 'b reconcile x', 'c reconcile x']);
  });

  it('queues each key a map returns in its own controller, once while it waits', () => {
    const { store, manager, log } = setup();
    manager.register(recorder('a', log, (e) => [e.key, `${e.key}-2`, e.key]));
    manager.register(recorder('b', log, () => 'fixed'));
    store.put('things', thing('x'));
    store.put('things', thing('y'));
    expect(manager.queueLength('a')).toBe(4);
    expect(manager.queueLength('b')).toBe(1);
  });

  it('a watcher left last after another unsubscribes is followed by the next watch, as the store would order them', () => {
    const { store, manager, log } = setup();
    manager.register(recorder('a', log));
    const off = store.watch('things', (e) => log.push(`gone ${e.key}`));
    off();
    manager.register(recorder('b', log));
    store.watch('things', (e) => log.push(`plain ${e.key}`));
    store.put('things', thing('x'));
    expect(log).toEqual(['a map ADDED x', 'b map ADDED x', 'plain x']);
  });
});

describe('ControllerManager passes', () => {
  /** A controller whose reconcile logs and then queues keys in other controllers (by name). */
  function chaining(name: string, manager: ControllerManager<Log>, next: Record<string, [string, string][]>): Controller<Log> {
    return {
      name,
      watches: [],
      reconcile: (key, log) => {
        log.push(`${name} ${key}`);
        for (const [target, k] of next[key] ?? []) manager.enqueue(target, k);
      },
    };
  }

  it('reconciles keys queued during a pass by later controllers in the same pass and by earlier ones (or itself) in the next', () => {
    const { manager, log } = setup();
    manager.register(chaining('a', manager, { x: [['c', 'k1'], ['a', 'k2']] }));
    manager.register(chaining('b', manager, {}));
    manager.register(chaining('c', manager, { k1: [['b', 'k3']] }));
    manager.enqueue('a', 'x');
    manager.runUntilIdle();
    expect(log).toEqual(['a x', 'c k1', 'a k2', 'b k3']);
  });

  it('keeps registration order across more than 32 controllers', () => {
    const { manager, log } = setup();
    const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const next: Record<string, [string, string][]> = { start: [['c35', 'hop'], ['c3', 'hop']], hop: [], late: [['c31', 'back'], ['c39', 'end']] };
    for (const n of names) manager.register(chaining(n, manager, n === 'c35' ? { hop: [['c36', 'late'], ['c2', 'back']] } : next));
    manager.enqueue('c33', 'start');
    manager.runUntilIdle();
    expect(log).toEqual(['c33 start', 'c35 hop', 'c36 late', 'c39 end', 'c2 back', 'c3 hop', 'c31 back']);
    expect(manager.queueLength('c3')).toBe(0);
  });
});

describe('ControllerManager busy controllers', () => {
  it('resumes a busy controller when its sync time is over, with the keys queued meanwhile, again after each sync', () => {
    const clock = new VirtualClock(0);
    const store = new ObjectStore();
    const log: Log = [];
    const manager = new ControllerManager<Log>(store, clock, () => log);
    manager.register({ name: 'slow', watches: [], reconcile: (key, l) => (l.push(`${clock.now()} ${key}`), 5) });
    manager.enqueue('slow', 'a');
    manager.runUntilIdle();
    manager.enqueue('slow', 'b');
    manager.runUntilIdle();
    manager.enqueue('slow', 'c');
    manager.runUntilIdle();
    expect(clock.timerCount).toBe(1);
    manager.runUntil(7);
    manager.enqueue('slow', 'd');
    manager.runUntilIdle();
    manager.enqueue('slow', 'e');
    manager.runUntil(30);
    expect(log).toEqual(['0 a', '5 b', '5 c', '15 d', '15 e']);
  });
});
