import { describe, expect, it } from 'vitest';
import { failedSchedulingMessage, fitErrorMessage, preFilterDiagnosis, truncateEventMessage } from './fitError';
import { unresolvable, unschedulable, type Status } from './status';

const times = (n: number, s: Status): Status[] => Array.from({ length: n }, () => s);
const taint = unresolvable('TaintToleration', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
const cpu = unschedulable('NodeResourcesFit', 'Insufficient cpu');
const mem = unschedulable('NodeResourcesFit', 'Insufficient memory');
const cpuMem = unschedulable('NodeResourcesFit', 'Insufficient cpu', 'Insufficient memory');
const pods = unschedulable('NodeResourcesFit', 'Too many pods');

describe('FailedScheduling message (FitError.Error + DefaultPreemption)', () => {
  it('control-plane taint and cpu on the default cluster', () => {
    expect(failedSchedulingMessage(4, { nodeStatuses: [taint, ...times(3, cpu)] }, undefined)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('one node short of cpu', () => {
    expect(failedSchedulingMessage(1, { nodeStatuses: [cpu] }, undefined)).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('counts every reason, so the histogram can add up to more than the nodes; sorted as strings', () => {
    expect(failedSchedulingMessage(4, { nodeStatuses: [cpuMem, cpu, cpu, mem] }, undefined)).toBe(
      '0/4 nodes are available: 2 Insufficient memory, 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.',
    );
  });

  it('too many pods', () => {
    expect(failedSchedulingMessage(2, { nodeStatuses: times(2, pods) }, undefined)).toBe(
      '0/2 nodes are available: 2 Too many pods. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });

  it('sorts counts as strings: 10 before 2, uppercase before lowercase', () => {
    const aff = unresolvable('NodeAffinity', "node(s) didn't match Pod's node affinity/selector");
    const msg = fitErrorMessage(12, { nodeStatuses: [...times(10, aff), ...times(2, cpu)] });
    expect(msg).toBe("0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu.");
    expect(fitErrorMessage(2, { nodeStatuses: [aff, cpu] })).toBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector.");
  });

  it('only unresolvable rejections: preemption is not helpful anywhere', () => {
    const cordon = unresolvable('NodeUnschedulable', 'node(s) were unschedulable');
    expect(failedSchedulingMessage(3, { nodeStatuses: [cordon, taint, taint] }, undefined)).toBe(
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('preemptionPolicy Never: not eligible (one final dot)', () => {
    expect(failedSchedulingMessage(4, { nodeStatuses: [taint, ...times(3, cpu)] }, 'Never')).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('a PreFilter rejection replaces the histogram and counts for every node', () => {
    const d = preFilterDiagnosis(unresolvable('NodeAffinity', 'pod affinity terms conflict'));
    expect(failedSchedulingMessage(3, d, undefined)).toBe(
      '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const resolvable = preFilterDiagnosis(unschedulable('VolumeBinding', 'persistentvolumeclaim "data" not found'));
    expect(failedSchedulingMessage(3, resolvable, undefined)).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });

  it('nodes left out by a PreFilterResult count under the absent status', () => {
    const absent = unresolvable('', "node(s) didn't satisfy plugin(s) [NodeAffinity]");
    expect(failedSchedulingMessage(7, { nodeStatuses: [unschedulable('NodePorts', "node(s) didn't have free ports for the requested pod ports")], absentStatus: absent }, undefined)).toBe(
      "0/7 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 6 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/7 nodes are available: 1 No preemption victims found for incoming pod, 6 Preemption is not helpful for scheduling.",
    );
  });

  it('truncates event notes to 1024 characters', () => {
    const long = 'x'.repeat(2000);
    expect(truncateEventMessage(long)).toHaveLength(1024);
    expect(truncateEventMessage(long).endsWith(' ...')).toBe(true);
    expect(truncateEventMessage('short')).toBe('short');
  });
});
