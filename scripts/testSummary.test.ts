import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, formatSummary, runFailed } from './testSummary';

describe('countVitest', () => {
  it('reads passed and failed tests', () => {
    expect(countVitest({ numPassedTests: 5, numFailedTests: 1, testResults: [] }, 1)).toEqual({ passed: 5, failed: 1, note: undefined });
  });
  it('counts a file that failed to load as a failure', () => {
    const report = { numPassedTests: 3, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }] };
    expect(countVitest(report, 1).failed).toBe(1);
  });
  it('counts a crash without a report as a failure', () => {
    expect(countVitest(undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('counts a non-zero exit with a clean report as a failure', () => {
    expect(countVitest({ numPassedTests: 2, numFailedTests: 0, testResults: [] }, 1).failed).toBe(1);
  });
});

describe('countPlaywright', () => {
  it('counts flaky tests as passed', () => {
    expect(countPlaywright({ stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 0 } }, 1)).toMatchObject({ passed: 4, failed: 1 });
  });
  it('counts a web server failure (no tests, errors) as a failure', () => {
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0 }, errors: [{}] }, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('counts a run with no tests as a failure', () => {
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0 } }, 0).failed).toBe(1);
  });
});

describe('formatSummary', () => {
  const results = [
    { name: 'typecheck', passed: 1, failed: 0, seconds: 1 },
    { name: 'unit', passed: 40, failed: 2, seconds: 3 },
  ];
  it('ends with exactly one plain "N passed, N failed" line', () => {
    const lines = formatSummary(results).split('\n');
    expect(lines[lines.length - 1]).toBe('41 passed, 2 failed');
    expect(lines.filter((l) => /^\w*:? ?\d+ passed, \d+ failed/.test(l.trim()))).toHaveLength(1);
  });
  it('fails on any failure and on an empty run', () => {
    expect(runFailed(results)).toBe(true);
    expect(runFailed([{ name: 'x', passed: 0, failed: 0, seconds: 0 }])).toBe(true);
    expect(runFailed([{ name: 'x', passed: 1, failed: 0, seconds: 0 }])).toBe(false);
  });
});
