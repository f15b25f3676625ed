import { describe, expect, it } from 'vitest';
import { applyCompletion, formatChoices } from './completion';

describe('applyCompletion', () => {
  it('completes a unique word and adds a space', () => {
    expect(applyCompletion('kubectl ge', 10, ['get'])).toEqual({ line: 'kubectl get ', cursor: 12, choices: [] });
  });

  it('extends to the common prefix of several candidates', () => {
    expect(applyCompletion('kubectl get dep', 15, ['deployments', 'deployments.apps'])).toEqual({ line: 'kubectl get deployments', cursor: 23, choices: [] });
  });

  it('lists candidates when it cannot go further', () => {
    expect(applyCompletion('kubectl get ', 12, ['pods', 'nodes']).choices).toEqual(['pods', 'nodes']);
  });

  it('completes in the middle of a line without doubling the space', () => {
    expect(applyCompletion('kubectl ge pods', 10, ['get']).line).toBe('kubectl get pods');
  });

  it('adds no space after a flag that takes a value', () => {
    expect(applyCompletion('kubectl get pods --out', 22, ['--output=']).line).toBe('kubectl get pods --output=');
  });

  it('does nothing without candidates', () => {
    expect(applyCompletion('xyz', 3, [])).toEqual({ line: 'xyz', cursor: 3, choices: [] });
  });
});

describe('formatChoices', () => {
  it('lays choices out in columns', () => {
    expect(formatChoices(['pods', 'nodes', 'services'], 22)).toBe('pods      nodes\nservices');
  });
});
