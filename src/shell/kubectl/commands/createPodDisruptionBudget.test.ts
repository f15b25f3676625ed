import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';
import { createPodDisruptionBudget, parseIntOrString, validatePodDisruptionBudgetOpts } from './createPodDisruptionBudget';

const opts = { name: 'p', minAvailable: '', maxUnavailable: '', selector: 'app=web' };

// Expected texts match kubectl v1.32 run with the same arguments.
describe('kubectl create poddisruptionbudget', () => {
  it('sets exactly one of minAvailable and maxUnavailable, numbers as int32 and the rest as strings', () => {
    expect(createPodDisruptionBudget({ ...opts, minAvailable: '010' }, undefined)).toMatchObject({ object: { spec: { minAvailable: 10, selector: { matchLabels: { app: 'web' } } } } });
    expect(createPodDisruptionBudget({ ...opts, maxUnavailable: '30%' }, 'dev')).toMatchObject({ object: { metadata: { name: 'p', namespace: 'dev' }, spec: { maxUnavailable: '30%' } } });
    expect(parseIntOrString('99999999999')).toBe('99999999999');
  });

  it('validates in kubectl’s order: name, selector, one of the two budgets, their format', () => {
    expect(validatePodDisruptionBudgetOpts({ ...opts, name: '', selector: '' })).toBe('name must be specified');
    expect(validatePodDisruptionBudgetOpts({ ...opts, selector: '' })).toBe('a selector must be specified');
    expect(validatePodDisruptionBudgetOpts(opts)).toBe('one of min-available or max-unavailable must be specified');
    expect(validatePodDisruptionBudgetOpts({ ...opts, minAvailable: 'x', maxUnavailable: '1' })).toBe('min-available and max-unavailable cannot be both specified');
    expect(validatePodDisruptionBudgetOpts({ ...opts, maxUnavailable: '1Gb' })).toBe('invalid format specified for max-unavailable');
    expect(validatePodDisruptionBudgetOpts({ ...opts, minAvailable: '50%' })).toBeUndefined();
  });

  it('prints the generated budget with its zeroed status, and creates it in the current namespace', () => {
    const h = clusterShell();
    expect(h.run('kubectl create pdb p --selector=app=web --min-available=1 --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  creationTimestamp: null', '  name: p', 'spec:', '  minAvailable: 1', '  selector:', '    matchLabels:', '      app: web', 'status:', '  currentHealthy: 0', '  desiredHealthy: 0', '  disruptionsAllowed: 0', '  expectedPods: 0', ''].join('\n'),
    );
    expect(h.run('kubectl create poddisruptionbudget p --selector=app=web --max-unavailable=1').stdout).toBe('poddisruptionbudget.policy/p created\n');
    expect(h.run('kubectl create pdb p --selector=app=web --max-unavailable=1').stderr).toBe('error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "p" already exists\n');
    expect(h.run('kubectl create pdb p --selector=app=web --max-unavailable=1 -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });
});
