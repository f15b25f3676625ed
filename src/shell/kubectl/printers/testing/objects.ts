import { toTimestamp, type KubeObject } from '../../../../sim/k8s/index';

/** The fixed virtual "now" of the printer tests: Mon, 06 Jan 2025 14:24:00 +0000. */
export const NOW = Date.UTC(2025, 0, 6, 14, 24, 0);

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return toTimestamp(NOW - seconds * 1000);
}

type Obj = Record<string, unknown>;

/** A KubeObject from parts, with `creationTimestamp` `age` seconds before NOW. */
export function obj(apiVersion: string, kind: string, name: string, age: number, rest: Obj = {}, metadata: Obj = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, creationTimestamp: ago(age), uid: `uid-${kind}-${name}`, ...metadata }, ...rest } as KubeObject;
}

/** A running, ready single-container pod on `node` with `restarts` (last one `lastRestartAgo` seconds ago). */
export function runningPod(name: string, age: number, opts: { namespace?: string; node?: string; ip?: string; labels?: Record<string, string>; restarts?: number; lastRestartAgo?: number } = {}): KubeObject {
  const restarts = opts.restarts ?? 0;
  return obj(
    'v1',
    'Pod',
    name,
    age,
    {
      spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: opts.node },
      status: {
        phase: 'Running',
        podIP: opts.ip,
        podIPs: opts.ip ? [{ ip: opts.ip }] : undefined,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            started: true,
            restartCount: restarts,
            image: 'nginx',
            imageID: '',
            state: { running: { startedAt: ago(age) } },
            lastState: opts.lastRestartAgo !== undefined ? { terminated: { exitCode: 0, finishedAt: ago(opts.lastRestartAgo) } } : {},
          },
        ],
      },
    },
    { namespace: opts.namespace ?? 'default', labels: opts.labels },
  );
}
