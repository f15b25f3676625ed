import { describe, expect, it } from 'vitest';
import { firstPendingIndexes, formatIntervals, getCompletionIndex, parseIntervals } from './indexes';

describe('Indexed Job completion indexes', () => {
  it.each([
    [[], ''],
    [[0], '0'],
    [[0, 1, 2, 4], '0-2,4'],
    [[4, 2, 0, 1], '0-2,4'],
    [[1, 3, 5, 6, 7], '1,3,5-7'],
  ])('formats %j as %j', (input, text) => {
    expect(formatIntervals(input)).toBe(text);
  });

  it('parses completedIndexes back, dropping indexes past completions', () => {
    expect([...parseIntervals('0-2,4', 4)]).toEqual([0, 1, 2]);
  });

  it('reads the index annotation, rejecting garbage and out-of-range values', () => {
    expect(getCompletionIndex({ 'batch.kubernetes.io/job-completion-index': '2' }, 3)).toBe(2);
    expect(getCompletionIndex({ 'batch.kubernetes.io/job-completion-index': '3' }, 3)).toBeUndefined();
    expect(getCompletionIndex({ 'batch.kubernetes.io/job-completion-index': 'x' }, 3)).toBeUndefined();
  });

  it('picks the lowest indexes neither completed nor running', () => {
    expect(firstPendingIndexes(new Set([0, 2]), new Set([1]), 2, 6)).toEqual([3, 4]);
  });
});
