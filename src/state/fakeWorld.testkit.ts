/**
 * A tiny stand-in for the engine and the shell, for the store's unit tests
 * only (never shipped): a clock, a pod table with a watch, and a shell that
 * knows `echo`, `wait` (waits until a pod exists) and `kubectl delete pod`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { TrafficMeter, type Cluster, type WatchHandler } from '../sim/k8s/index';
import type { Execution, OutputSink, Shell } from '../shell/types';
import type { WorldFactory } from './types';

export interface FakeCluster {
  cluster: Cluster;
  addPod(name: string): void;
  pods: Map<string, Pod>;
}

export function fakeCluster(start = Date.UTC(2025, 0, 1)): FakeCluster {
  let now = start;
  const pods = new Map<string, Pod>();
  const watchers: WatchHandler[] = [];
  const emit = (type: 'ADDED' | 'DELETED', pod: Pod) => {
    for (const w of watchers) w({ type, resource: 'pods', key: `default/${pod.metadata!.name}`, object: pod as never });
  };
  const cluster = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    client: () => ({
      list: (resource: string) => (resource === 'pods' ? [...pods.values()] : resource === 'nodes' ? [{ metadata: { name: 'worker-1' } }] : []),
      get: (resource: string, _ns: string | undefined, name: string) => (resource === 'pods' ? pods.get(name) : undefined),
    }),
    activity: { total: 0, entries: () => [] },
    traffic: new TrafficMeter(),
    isNodeStopped: () => false,
    watch: () => () => {},
    eventsFor: () => [],
    schedulingDecision: () => undefined,
    watchAll: (h: WatchHandler) => {
      watchers.push(h);
      return () => watchers.splice(watchers.indexOf(h), 1);
    },
  } as unknown as Cluster;
  return {
    cluster,
    pods,
    addPod(name) {
      const pod: Pod = { metadata: { name, namespace: 'default' }, status: { phase: 'Running' } };
      pods.set(name, pod);
      emit('ADDED', pod);
    },
  };
}

function done(code: number): Execution {
  return { done: true, exitCode: code, deadline: undefined, poll: () => true, cancel: () => {} };
}

export function fakeShell(world: FakeCluster): Shell {
  return {
    run(line: string, sink: OutputSink): Execution {
      const words = line.trim().split(/\s+/);
      if (words[0] === 'echo') {
        sink.stdout(`${words.slice(1).join(' ')}\n`);
        return done(0);
      }
      if (words[0] === 'kubectl' && words[1] === 'delete' && words[2] === 'pod') {
        world.pods.delete(words[3]);
        sink.stdout(`pod "${words[3]}" force deleted\n`);
        return done(0);
      }
      if (words[0] === 'wait') {
        let state: { done: boolean; exitCode: number | undefined } = { done: false, exitCode: undefined };
        return {
          get done() {
            return state.done;
          },
          get exitCode() {
            return state.exitCode;
          },
          deadline: undefined,
          poll() {
            if (world.pods.has(words[1])) {
              sink.stdout(`${words[1]} exists\n`);
              state = { done: true, exitCode: 0 };
            }
            return state.done;
          },
          cancel() {
            state = { done: true, exitCode: 130 };
          },
        };
      }
      sink.stderr(`unknown command "${words[0]}"\n`);
      return done(1);
    },
    complete: (line) => (line.endsWith('ec') ? ['echo'] : []),
  };
}

export function fakeFactory(world: FakeCluster): WorldFactory {
  return {
    loadEngine: () => Promise.resolve({ createCluster: () => world.cluster, podStatusText: (pod) => pod.status?.phase ?? 'Unknown' }),
    loadShell: () => Promise.resolve(() => fakeShell(world)),
  };
}
