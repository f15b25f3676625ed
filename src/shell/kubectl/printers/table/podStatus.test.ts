import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { NOW, ago } from '../testing/objects';
import { podCells, podStatusText } from './podStatus';

/** Cases ported from TestPrintPod / TestPrintPodWithRestartableInitContainer (printers_test.go). */
type Status = Record<string, unknown>;
const running = { running: {} };
const waiting = (reason?: string) => ({ waiting: reason ? { reason } : {} });
const terminated = (t: Record<string, unknown>) => ({ terminated: t });
const lastTerminated = (secondsAgo: number) => ({ terminated: { finishedAt: ago(secondsAgo) } });
const containers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }));
const sidecar = (name: string) => ({ name, restartPolicy: 'Always' });

function pod(spec: Record<string, unknown>, status: Status, deleting = false): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(deleting ? { deletionTimestamp: ago(10) } : {}) }, spec, status } as KubeObject;
}

const cases: [string, KubeObject, [string, string, string]][] = [
  ['counts ready containers and sums restarts', pod({ containers: containers(2) }, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] }), ['1/2', 'podPhase', '6']],
  ['lets a waiting reason override the phase', pod({ containers: containers(2) }, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3, state: waiting('ContainerWaitingReason') }] }), ['1/2', 'ContainerWaitingReason', '6']],
  ['lets the first container win over a later terminated one', pod({ containers: containers(2) }, { phase: 'podPhase', containerStatuses: [{ restartCount: 3, state: waiting('ContainerWaitingReason') }, { restartCount: 3, state: terminated({ reason: 'ContainerTerminatedReason' }) }] }), ['0/2', 'ContainerWaitingReason', '6']],
  ['does not count ready-but-not-running containers', pod({ containers: containers(2) }, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }), ['1/2', 'podPhase', '6']],
  ['prefers status.reason to the phase', pod({ containers: containers(2) }, { reason: 'podReason', phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }), ['1/2', 'podReason', '6']],
  ['prints NotReady for Completed beside a running container without Ready', pod({ containers: containers(2) }, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: terminated({ reason: 'Completed', exitCode: 0 }) }, { ready: true, restartCount: 3, state: running }] }), ['1/2', 'NotReady', '6']],
  ['prints Running for Completed beside a running container with Ready', pod({ containers: containers(2) }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ ready: true, restartCount: 3, state: terminated({ reason: 'Completed', exitCode: 0 }) }, { ready: true, restartCount: 3, state: running }] }), ['1/2', 'Running', '6']],
  ['prints Init:0/1 while the only init container restarts', pod({ initContainers: containers(1), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [{ restartCount: 3, state: running, lastState: lastTerminated(10) }], containerStatuses: [{ restartCount: 0, state: waiting() }] }), ['0/1', 'Init:0/1', '3 (10s ago)']],
  ['prints Init:0/2 for the first of two init containers', pod({ initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [{ restartCount: 3, state: running, lastState: lastTerminated(10) }, { state: waiting() }], containerStatuses: [{ state: waiting() }] }), ['0/1', 'Init:0/2', '3 (10s ago)']],
  ['prints Init:1/2 once the first init container exited 0', pod({ initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [{ state: terminated({}) }, { restartCount: 3, state: running, lastState: lastTerminated(10) }], containerStatuses: [{ state: waiting() }] }), ['0/1', 'Init:1/2', '3 (10s ago)']],
  ['sums init restarts while initializing', pod({ initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [{ restartCount: 2, state: terminated({}), lastState: lastTerminated(120) }, { restartCount: 3, state: running, lastState: lastTerminated(10) }], containerStatuses: [{ state: waiting() }] }), ['0/1', 'Init:1/2', '5 (10s ago)']],
  ['drops finished init containers’ restarts once running', pod({ initContainers: containers(1), containers: containers(1) }, { phase: 'Running', initContainerStatuses: [{ restartCount: 2, state: terminated({}), lastState: lastTerminated(120) }], containerStatuses: [{ restartCount: 4, state: running, lastState: lastTerminated(20) }] }), ['0/1', 'Running', '4 (20s ago)']],
  ['prints days-old restarts', pod({ containers: containers(1) }, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: lastTerminated(5 * 86400) }] }), ['1/1', 'Running', '3 (5d ago)']],
  ['takes the most recent restart of all containers', pod({ containers: containers(2) }, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 6, state: running, lastState: lastTerminated(5 * 86400) }, { ready: true, restartCount: 3, state: running, lastState: lastTerminated(20 * 86400) }] }), ['2/2', 'Running', '9 (5d ago)']],
  ['prints SchedulingGated', pod({ containers: containers(2) }, { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), ['0/2', 'SchedulingGated', '0']],
  ['prints Completed for a succeeded pod', pod({ containers: containers(1) }, { phase: 'Succeeded', containerStatuses: [{ restartCount: 0, state: terminated({ reason: 'Completed', exitCode: 0 }) }] }), ['0/1', 'Completed', '0']],
  ['prints Error for a failed pod', pod({ containers: containers(1) }, { phase: 'Failed', containerStatuses: [{ restartCount: 0, state: terminated({ reason: 'Error', exitCode: 1 }) }] }), ['0/1', 'Error', '0']],
  ['keeps Completed for a deleted succeeded pod', pod({ containers: containers(1) }, { phase: 'Succeeded', containerStatuses: [{ state: terminated({ reason: 'Completed', exitCode: 0 }) }] }, true), ['0/1', 'Completed', '0']],
  ['prints Terminating for a deleted running pod', pod({ containers: containers(1) }, { phase: 'Running', containerStatuses: [{ ready: false, state: running }] }, true), ['0/1', 'Terminating', '0']],
  ['prints Terminating for a deleted pending pod', pod({ containers: containers(1) }, { phase: 'Pending' }, true), ['0/1', 'Terminating', '0']],
  ['prints Unknown for a deleted pod on a lost node', pod({ containers: containers(1) }, { phase: 'Running', reason: 'NodeLost', containerStatuses: [{ ready: true, state: running }] }, true), ['1/1', 'Unknown', '0']],
  ['prints ExitCode:N and Signal:N for reason-less terminations', pod({ containers: containers(2) }, { phase: 'Running', containerStatuses: [{ state: terminated({ exitCode: 2 }) }, { state: terminated({ exitCode: 137, signal: 9 }) }] }), ['0/2', 'ExitCode:2', '0']],
  ['prints Init:CrashLoopBackOff and Init:Error', pod({ initContainers: containers(1), containers: containers(1) }, { phase: 'Pending', initContainerStatuses: [{ restartCount: 1, state: waiting('CrashLoopBackOff'), lastState: lastTerminated(30) }], containerStatuses: [{ state: waiting('PodInitializing') }] }), ['0/1', 'Init:CrashLoopBackOff', '1 (30s ago)']],
  ['prints Init:Error for a failed init container', pod({ initContainers: containers(1), containers: containers(1) }, { phase: 'Pending', initContainerStatuses: [{ state: terminated({ reason: 'Error', exitCode: 1 }) }] }), ['0/1', 'Init:Error', '0']],
  ['prints CrashLoopBackOff with the last restart age', pod({ containers: containers(1) }, { phase: 'Running', containerStatuses: [{ restartCount: 5, state: waiting('CrashLoopBackOff'), lastState: lastTerminated(151) }] }), ['0/1', 'CrashLoopBackOff', '5 (2m31s ago)']],
  // sidecars (restartable init containers)
  ['counts sidecars in READY and waits for them to start', pod({ initContainers: [sidecar('s1'), sidecar('s2')], containers: containers(1) }, { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [{ name: 's1', restartCount: 3, state: running, started: false, lastState: lastTerminated(10) }, { name: 's2', state: waiting(), started: false }], containerStatuses: [{ state: waiting() }] }), ['0/3', 'Init:0/2', '3 (10s ago)']],
  ['moves on once the first sidecar started', pod({ initContainers: [sidecar('s1'), sidecar('s2')], containers: containers(1) }, { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [{ name: 's1', restartCount: 3, state: running, started: true, lastState: lastTerminated(10) }, { name: 's2', state: running, started: false }], containerStatuses: [{ state: waiting() }] }), ['0/3', 'Init:1/2', '3 (10s ago)']],
  ['keeps sidecar restarts once running', pod({ initContainers: [sidecar('s1'), sidecar('s2')], containers: containers(1) }, { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [{ name: 's1', restartCount: 3, state: running, started: true, lastState: lastTerminated(10) }, { name: 's2', state: running, started: true }], containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: lastTerminated(20) }] }), ['1/3', 'Running', '7 (10s ago)']],
  ['ignores statuses of unknown containers', pod({ initContainers: [{ name: 'init1' }, sidecar('sidecar1')], containers: [{ name: 'container1' }] }, { phase: 'Running', initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }], containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }] }), ['0/2', 'Init:0/2', '0']],
];

describe('pod READY / STATUS / RESTARTS cells (printPod)', () => {
  for (const [name, p, [ready, status, restarts]] of cases) {
    it(name, () => {
      expect(podCells(p, NOW)).toEqual({ ready, status, restarts });
      expect(podStatusText(p, NOW)).toBe(status);
    });
  }
});
