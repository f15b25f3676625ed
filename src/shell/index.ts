/**
 * The terminal's interpreter: `createShell(env)` runs command lines
 * (kubectl, kubeplay, builtins) against a simulated cluster. The same
 * shell runs in the browser terminal, the headless CLI and tests.
 */
import { BUILTINS } from './builtins/index';
import { completeLine } from './complete';
import { finished } from './execution';
import { FILTERS } from './filters/index';
import { Pipeline } from './pipeline';
import { runXargs } from './xargs';
import { loadExplainData } from './kubectl/explain/explainData';
import { runKubectl } from './kubectl/kubectl';
import { runKubeplay } from './kubeplay/kubeplay';
import { runDocker } from './docker/docker';
import { swarmTaskLogs } from './containerLogs';
import { tokenize } from './tokenize';
import type { Execution, OutputSink, Shell, ShellEnvironment } from './types';

export type { Execution, FileSource, OutputSink, Shell, ShellEnvironment } from './types';
export { CLEAR_SCREEN } from './builtins/index';
export { tokenize } from './tokenize';
/** The names of the pipeline filters (`grep`, `head`, …): commands that only read their input. */
export { FILTER_NAMES } from './filters/names';
export { memoryFiles, normalisePath } from './memoryFiles';
export { swarmFor, existingSwarm, type ClockSource } from './docker/swarmHost';
import { existingSwarm } from './docker/swarmHost';

/** Loads what the shell otherwise loads on first use (kubectl explain's data); hosts that run commands synchronously (the CLI, tests) await it first. */
export async function preloadShellData(): Promise<void> {
  await loadExplainData();
}

/** Creates a shell over `env` (a cluster and where `-f` reads files). */
export function createShell(env: ShellEnvironment): Shell {
  return {
    run(line: string, sink: OutputSink): Execution {
      const { stages, error } = tokenize(line);
      if (error) {
        sink.stderr(`${error}\n`);
        return finished(2);
      }
      if (stages[0].length === 0) return finished(0);
      const runCommand = (words: readonly string[], stdin: string | undefined, out: OutputSink): Execution => {
        const [cmd, ...args] = words;
        try {
          if (cmd === 'kubectl') return runKubectl(env, args, out, line, stdin);
          if (cmd === 'kubeplay') return runKubeplay(env, args, out);
          if (cmd === 'docker') return runDocker(env, args, out, swarmTaskLogs);
          if (cmd === 'xargs') return runXargs(args, stdin, out, runCommand);
          const builtin = BUILTINS.find((b) => b.name === cmd);
          if (builtin) return builtin.run(env, args, out);
          out.stderr(`${cmd}: command not found\n`);
          return finished(127);
        } catch (e) {
          out.stderr(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
          return finished(1);
        }
      };
      if (stages.length === 1 && !FILTERS.some((f) => f.name === stages[0][0])) return runCommand(stages[0], undefined, sink);
      try {
        return new Pipeline(env, stages, sink, runCommand);
      } catch (e) {
        sink.stderr(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
        return finished(1);
      }
    },
    complete(line: string, cursor: number): string[] {
      return completeLine(env, line, cursor);
    },
    swarm: () => existingSwarm(env.cluster),
  };
}
