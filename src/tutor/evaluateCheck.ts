import type { Shell } from '../shell/index';
import { describeExpectation, testExpectation } from './checks/index';
import { answerSwarmQuestion } from './checks/swarm';
import type { Check, Probe, SwarmQuestion } from './types';

/** One expectation and whether the output met it. */
export interface ExpectationResult {
  text: string;
  pass: boolean;
}

/** What a probe's command printed and which expectations held. */
export interface ProbeResult {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  pass: boolean;
  expectations: ExpectationResult[];
  /** Why the probe could not be judged (a command that waits instead of answering). */
  problem?: string;
}

export interface CheckResult {
  pass: boolean;
  probes: ProbeResult[];
}

/**
 * Runs one probe's command through `shell` right now (no virtual time
 * passes) and compares its trimmed stdout. Without an `exit N` expectation
 * the command must also succeed (exit 0).
 */
export function evaluateProbe(probe: Probe, shell: Shell, shown?: Set<string>): ProbeResult {
  if (probe.question) return askSwarm(probe, probe.question, shell, shown);
  let stdout = '';
  let stderr = '';
  const exec = shell.run(probe.command, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (!exec.done) {
    exec.cancel();
    return { command: probe.command, stdout, stderr, exitCode: 130, pass: false, expectations: [], problem: 'the command waits for the cluster; a check must answer at once (use get, not rollout status, wait or -w)' };
  }
  const exitCode = exec.exitCode ?? 1;
  const output = stdout.trim();
  const expectations = probe.expectations.map((e) => ({ text: describeExpectation(e), pass: testExpectation(e, output, exitCode) }));
  if (!probe.expectations.some((e) => e.type === 'exit')) expectations.unshift({ text: 'exit 0', pass: exitCode === 0 });
  return { command: probe.command, stdout, stderr, exitCode, pass: expectations.every((e) => e.pass), expectations };
}

/**
 * A swarm question: judged on the swarm's state (not on text), with the
 * output of the `docker` command that shows the same thing beside it. Before
 * any `docker` command made a swarm there is nothing to ask (and nothing is
 * run: the check must not create the swarm). A command already shown in
 * this check (`shown`) is not run again: its output is above.
 */
function askSwarm(probe: Probe, q: SwarmQuestion, shell: Shell, shown?: Set<string>): ProbeResult {
  const swarm = shell.swarm?.();
  if (!swarm) return { command: probe.command, stdout: '', stderr: '', exitCode: 1, pass: false, expectations: [{ text: q.text, pass: false }], problem: 'there is no swarm yet: no docker command has run' };
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  if (!shown?.has(probe.command)) {
    const exec = shell.run(probe.command, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    if (!exec.done) exec.cancel();
    exitCode = exec.exitCode ?? 1;
    shown?.add(probe.command);
  }
  const { pass, seen } = answerSwarmQuestion(q, swarm);
  return { command: probe.command, stdout, stderr, exitCode, pass, expectations: [{ text: pass ? q.text : `${q.text} (now: ${seen})`, pass }] };
}

/**
 * Evaluates a step's check against the cluster behind `shell`: every probe
 * runs (so the learner sees all of what was seen) and all must pass. Give it
 * a shell of its own over the live cluster so checks stay out of the
 * terminal's history and the session's command log.
 * @example evaluateCheck(step.check, createShell({ cluster, files })).pass
 */
export function evaluateCheck(check: Check, shell: Shell): CheckResult {
  const shown = new Set<string>();
  const probes = check.probes.map((p) => evaluateProbe(p, shell, shown));
  return { pass: probes.every((p) => p.pass), probes };
}

/** A result in words: each command, what it printed, and each expectation with ✓ or ✗. */
export function formatCheckResult(result: CheckResult): string {
  const out: string[] = [];
  for (const p of result.probes) {
    out.push(`$ ${p.command}`);
    const seen = (p.stdout + p.stderr).trimEnd();
    if (seen) out.push(...seen.split('\n').map((l) => `  ${l}`));
    if (p.problem) out.push(`  ✗ ${p.problem}`);
    for (const e of p.expectations) out.push(`  ${e.pass ? '✓' : '✗'} ${e.text}`);
  }
  return `${out.join('\n')}\n`;
}
