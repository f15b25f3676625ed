/**
 * Counting tests across runners for `npm test`: reads Vitest's and
 * Playwright's JSON reports and formats the summary whose last line is the
 * plain `N passed, N failed` that CI reads.
 */

export interface SuiteResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly seconds: number;
  /** A note for the summary (why a suite counted a failure without a report, …). */
  readonly note?: string;
}

interface VitestAssertion {
  status?: string;
}
interface VitestFile {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: VitestAssertion[];
}
interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: VitestFile[];
}

/**
 * Counts from a Vitest JSON report. A test file that failed before running a
 * test (an import error) counts as one failure; so does a non-zero exit with
 * no failure in the report (an unhandled error), or a missing report.
 */
export function countVitest(report: unknown, exitCode: number): { passed: number; failed: number; note?: string } {
  const r = (report ?? {}) as VitestReport;
  if (!report || typeof r.numPassedTests !== 'number') {
    return { passed: 0, failed: exitCode === 0 ? 0 : 1, note: exitCode === 0 ? 'no report' : `exit ${exitCode}, no report` };
  }
  let failed = r.numFailedTests ?? 0;
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  failed += brokenFiles.length;
  const note = brokenFiles.length > 0 ? `${brokenFiles.length} file(s) failed to run` : undefined;
  if (exitCode !== 0 && failed === 0) return { passed: r.numPassedTests, failed: 1, note: `exit ${exitCode} with no failed test (unhandled error?)` };
  return { passed: r.numPassedTests, failed, note };
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
}

/** Counts from a Playwright JSON report (flaky tests that passed on retry count as passed). */
export function countPlaywright(report: unknown, exitCode: number): { passed: number; failed: number; note?: string } {
  const r = (report ?? {}) as PlaywrightReport;
  if (!report || !r.stats) return { passed: 0, failed: 1, note: exitCode === 0 ? 'no report' : `exit ${exitCode}, no report` };
  const passed = (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
  let failed = r.stats.unexpected ?? 0;
  const errors = r.errors?.length ?? 0;
  let note: string | undefined = r.stats.flaky ? `${r.stats.flaky} flaky` : undefined;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = errors > 0 ? `${errors} error(s) outside tests` : `exit ${exitCode}`;
  }
  if (passed + failed === 0) return { passed: 0, failed: 1, note: 'no test ran' };
  return { passed, failed, note };
}

/** The summary block; its last line is exactly `N passed, N failed`. */
export function formatSummary(results: readonly SuiteResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 8);
  const rows = results.map((r) => {
    const verdict = r.failed > 0 ? 'FAIL' : 'ok  ';
    const counts = `${r.passed} ok / ${r.failed} failing`;
    return `  ${verdict} ${r.name.padEnd(width)}  ${counts.padEnd(20)} ${r.seconds.toFixed(1).padStart(6)}s${r.note ? `  (${r.note})` : ''}`;
  });
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  return ['', 'Test summary', ...rows, '', `${passed} passed, ${failed} failed`].join('\n');
}

/** Whether the run as a whole fails: any failure, or no test at all. */
export function runFailed(results: readonly SuiteResult[]): boolean {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  return failed > 0 || passed === 0;
}
