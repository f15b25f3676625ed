/**
 * `npm test`: every check, in order, always all of them — type check, lint,
 * unit tests, the headless scenario tests (src/cli), the browser, the build and
 * the Playwright end-to-end tests — then a per-suite summary ending with one
 * plain line `N passed, N failed`. Exits non-zero if anything failed or if no
 * test ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { countPlaywright, countVitest, formatSummary, runFailed, type SuiteResult } from './testSummary';

const REPORTS = '.reports';
const BIN = join('node_modules', '.bin');
/**
 * A step that runs longer is stopped. Playwright takes about 15 minutes on a
 * quiet 2-core machine and twice that on a busy one; 50 minutes leaves room
 * for that and keeps the whole run under CI's 90.
 */
const STEP_TIMEOUT_MS = 50 * 60_000;

function banner(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; seconds: number } {
  const start = performance.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: STEP_TIMEOUT_MS,
    shell: process.platform === 'win32',
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) console.error(`test-all: ${command} ${args.join(' ')}: ${result.error.message}`);
  return { code: result.status ?? 1, seconds };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A check that is one test: it passes or fails as a whole. */
function single(name: string, command: string, args: string[]): SuiteResult {
  banner(name);
  const { code, seconds } = run(command, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds, note: code === 0 ? undefined : `exit ${code}` };
}

function vitest(name: string, report: string, args: string[]): SuiteResult {
  banner(name);
  rmSync(report, { force: true });
  const { code, seconds } = run(join(BIN, 'vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  return { name, seconds, ...countVitest(readJson(report), code) };
}

function main(): number {
  mkdirSync(REPORTS, { recursive: true });
  const results: SuiteResult[] = [];

  results.push(single('typecheck', 'npm', ['run', '--silent', 'typecheck']));
  results.push(single('lint', 'npm', ['run', '--silent', 'lint']));
  results.push(vitest('unit', join(REPORTS, 'vitest-unit.json'), ['--exclude', 'src/cli/**']));
  results.push(vitest('scenarios', join(REPORTS, 'vitest-scenarios.json'), ['src/cli', '--passWithNoTests']));

  banner('browser');
  const browser = run(join(BIN, 'tsx'), [join('scripts', 'ensure-browser.ts')]);
  if (browser.code !== 0) results.push({ name: 'browser', passed: 0, failed: 1, seconds: browser.seconds, note: 'no Chromium for Playwright' });

  const build = single('build', 'npm', ['run', '--silent', 'build']);
  results.push(build);

  banner('e2e');
  const report = join(REPORTS, 'playwright.json');
  rmSync(report, { force: true });
  // Reuse the build above when it succeeded; otherwise let Playwright's web server build.
  const e2e = run(join(BIN, 'playwright'), ['test'], { KUBEPLAY_PREBUILT: build.failed === 0 && existsSync('dist/index.html') ? '1' : '' });
  results.push({ name: 'e2e', seconds: e2e.seconds, ...countPlaywright(readJson(report), e2e.code) });

  console.log(formatSummary(results));
  return runFailed(results) ? 1 : 0;
}

process.exit(main());
