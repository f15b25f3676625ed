import { describe, expect, it } from 'vitest';
import type { SchedulingDecision } from '../../sim/k8s/index';
import { fitHints, schedulingTable } from './schedulingTable';

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const weights = { TaintToleration: 3, NodeResourcesFit: 1 };

const bound: SchedulingDecision = {
  at: 0,
  podUid: 'u',
  nodeName: 'worker-2',
  evaluatedNodes: 3,
  totalNodes: 3,
  feasibleNodes: 2,
  weights,
  nodes: [
    { node: 'control-plane', failedPlugin: 'TaintToleration', reasons: [TAINT] },
    { node: 'worker-1', scores: { TaintToleration: 100, NodeResourcesFit: 90 }, total: 390 },
    { node: 'worker-2', scores: { TaintToleration: 100, NodeResourcesFit: 97 }, total: 397 },
  ],
};

describe('schedulingTable', () => {
  const table = schedulingTable(bound);

  it('puts the winner first, then feasible nodes by score, then the filtered ones', () => {
    expect(table.rows.map((r) => [r.node, r.outcome])).toEqual([
      ['worker-2', 'chosen'],
      ['worker-1', 'feasible'],
      ['control-plane', 'filtered'],
    ]);
  });

  it('gives each filter plugin a verdict: passed, failed with its reason, or not run after the failure', () => {
    const cp = table.rows[2].filters;
    expect(cp.slice(0, 4).map((f) => `${f.plugin}:${f.verdict}`)).toEqual(['NodeUnschedulable:pass', 'NodeName:pass', 'TaintToleration:fail', 'NodeAffinity:skipped']);
    expect(cp[2].reasons).toEqual([TAINT]);
    expect(table.rows[0].filters.every((f) => f.verdict === 'pass')).toBe(true);
  });

  it('multiplies each score by its plugin\'s weight', () => {
    expect(table.rows[0].scores).toEqual([
      { plugin: 'TaintToleration', score: 100, weight: 3, weighted: 300 },
      { plugin: 'NodeResourcesFit', score: 97, weight: 1, weighted: 97 },
    ]);
    expect(table.rows[0].total).toBe(397);
    expect(table.hints).toEqual([]);
  });

  it('shows a filter it does not know, as it failed', () => {
    const t = schedulingTable({ ...bound, nodes: [{ node: 'x', failedPlugin: 'VolumeZone', reasons: ['zone conflict'] }] });
    expect(t.rows[0].filters.at(-1)).toEqual({ plugin: 'VolumeZone', verdict: 'fail', reasons: ['zone conflict'] });
    expect(t.rows[0].filters.filter((f) => f.verdict === 'skipped')).toEqual([]);
  });
});

describe('fitHints', () => {
  it('groups nodes by reason and says what would make the pod fit', () => {
    const pending: SchedulingDecision = {
      at: 0,
      podUid: 'u',
      evaluatedNodes: 5,
      totalNodes: 5,
      nodes: [
        { node: 'control-plane', failedPlugin: 'TaintToleration', reasons: [TAINT] },
        ...['worker-1', 'worker-2', 'worker-3'].map((node) => ({ node, failedPlugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] })),
        { node: 'worker-4', failedPlugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'] },
      ],
    };
    expect(fitHints(pending)).toEqual([
      'control-plane: ' + TAINT + ' — add a toleration for node-role.kubernetes.io/control-plane to the pod, or remove the taint (kubectl taint nodes control-plane node-role.kubernetes.io/control-plane-)',
      "worker-1, worker-2, worker-3: Insufficient cpu — lower the pod's resource requests, free capacity by scaling something down, or add a node with more capacity",
      'worker-4: node(s) were unschedulable — the node is cordoned: kubectl uncordon worker-4',
    ]);
    expect(schedulingTable(pending).hints).toHaveLength(3);
  });
});
