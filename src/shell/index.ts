/**
 * The terminal's interpreter: `createShell(env)` runs command lines
 * (kubectl, kubeplay, builtins) against a simulated cluster. The same
 * shell runs in the browser terminal, the headless CLI and tests.
 */
import { BUILTINS } from './builtins/index';
import { completeLine } from './complete';
import { parseCompound } from './compound';
import { MAX_ROUNDS_WITHOUT_WAITING, SequenceRun, type CompoundHost } from './compoundRun';
import { afterwards, beforePoll, finished } from './execution';
import type { LineStream } from './lineStream';
import { PipedInto } from './pipedInto';
import { runRead } from './read';
import { assignmentOf, type Part } from './expansion';
import { hostCommandHint } from './hostCommands';
import { containerPrompt, runContainerLine } from './containerSession';
import { LineRun } from './lineRun';
import { runExport, runUnset, ShellVariables } from './variables';
import { FILTERS } from './filters/index';
import { Pipeline } from './pipeline';
import { applyRedirects, literalText, redirectedSink, type Redirect } from './redirect';
import { runWatch } from './watch';
import { runXargs } from './xargs';
import { Jobs } from './jobs';
import { LocalPorts } from './localPorts';
import { Kubeconfig } from './kubectl/kubeconfig';
import { Workspace, workspaceVariable } from './files/workspace';
import { FILE_COMMANDS } from './files/fileCommands';
import { runLs } from './files/ls';
import { runHostCurl } from './hostCurl';
import { JOB_BUILTINS, runJobBuiltin } from './jobBuiltins';
import { loadExplainData } from './kubectl/explain/explainData';
import { runKubectl } from './kubectl/kubectl';
import { runKubeplay } from './kubeplay/kubeplay';
import { runDocker } from './docker/docker';
import { swarmTaskLogs } from './containerLogs';
import { tokenize } from './tokenize';
import type { ShellHandle } from '../sim/k8s/index';
import type { Execution, OutputSink, Shell, ShellEnvironment } from './types';

export type { Execution, FileSource, OutputSink, Shell, ShellEnvironment } from './types';
export type { Job } from './jobs';
export { CLEAR_SCREEN } from './builtins/index';
export { tokenize } from './tokenize';
export type { Redirect } from './redirect';
export { echoedCommand, needsMoreLines, scriptCommands } from './commandText';
export { isInteractiveShell } from './containerSession';
export { ShellVariables } from './variables';
export { assignmentOf, expands, substitutions, type Part } from './expansion';
/** The names of the pipeline filters (`grep`, `head`, …): commands that only read their input. */
export { FILTER_NAMES } from './filters/names';
export { memoryFiles, normalisePath } from './memoryFiles';
export { swarmFor, existingSwarm, type ClockSource } from './docker/swarmHost';
import { existingSwarm } from './docker/swarmHost';

/** Loads what the shell otherwise loads on first use (kubectl explain's data); hosts that run commands synchronously (the CLI, tests) await it first. */
export async function preloadShellData(): Promise<void> {
  await loadExplainData();
}

/** Creates a shell over `env` (a cluster and where `-f` reads files). Its variables (`POD=…`, `$POD`) last as long as it does. */
export function createShell(shellEnv: ShellEnvironment): Shell {
  const workspace = shellEnv.workspace ?? new Workspace(shellEnv.files, () => shellEnv.cluster.now());
  const env: ShellEnvironment = { ...shellEnv, files: workspace.view, workspace, localPorts: shellEnv.localPorts ?? new LocalPorts(), kubeconfig: shellEnv.kubeconfig ?? new Kubeconfig() };
  const vars = new ShellVariables();
  vars.environment = (name) => workspaceVariable(workspace, name);
  const jobs = new Jobs(env.interactive === true);
  /**
   * Compounds whose output is piped or redirected (`done | sort`), by the
   * word that stands for each as the first command of its pipeline.
   */
  const compoundsPiped = new Map<string, (sink: OutputSink) => Execution>();
  let compoundsStarted = 0;
  /** Rounds the loops of the command typed last have run since the page last polled it (a wait). */
  let roundsSinceWait = 0;
  /** While a line of a loop a pipe feeds is starting: the stream its `read` reads. */
  let loopInput: LineStream | undefined;
  /** Runs one command with its words expanded; `inPipeline`: as a stage of a pipeline (a subshell to bash, whose `read` sets nothing). */
  const runCommand = (words: readonly string[], stdin: string | undefined, out: OutputSink, inPipeline = false, terminal = false): Execution => {
    if (words.length === 0) return finished(0);
    const [cmd, ...args] = words;
    try {
      const refused = env.guard?.(words, stdin);
      if (refused !== undefined) {
        out.stderr(`${refused}\n`);
        return finished(1);
      }
      const compound = compoundsPiped.get(cmd);
      if (compound !== undefined) {
        compoundsPiped.delete(cmd);
        return compound(out);
      }
      if (cmd === 'kubectl') return noticeAttach(runKubectl(env, args, out, stdin));
      if (cmd === 'kubeplay') return runKubeplay(env, args, out);
      if (cmd === 'docker') return runDocker(env, args, out, swarmTaskLogs);
      if (cmd === 'xargs') return runXargs(args, stdin, out, runCommand);
      if (cmd === 'watch') return runWatch(args, out, { runLine, now: () => env.cluster.now() });
      if (cmd === 'export') return runExport(vars, args, out);
      if (cmd === 'unset') return runUnset(vars, args, out);
      if (JOB_BUILTINS.has(cmd)) return runJobBuiltin(jobs, cmd, args, out);
      if (cmd === 'curl') return runHostCurl(env, args, out, !inPipeline);
      if (cmd === 'read') return runRead(vars, args, { stdin, stream: stdin === undefined ? loopInput : undefined, subshell: inPipeline }, out);
      if (cmd === 'ls') return finished(runLs(workspace, args, { out: (t) => out.stdout(t), err: (t) => out.stderr(t), terminal, now: env.cluster.now() }));
      const fileCommand = FILE_COMMANDS.get(cmd);
      if (fileCommand) return finished(fileCommand.run(workspace, args, { out: (t) => out.stdout(t), err: (t) => out.stderr(t) }));
      const builtin = BUILTINS.find((b) => b.name === cmd);
      if (builtin) return builtin.run(env, args, out);
      out.stderr(`${hostCommandHint(cmd) ?? `${cmd}: command not found`}\n`);
      return finished(127);
    } catch (e) {
      out.stderr(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
      return finished(1);
    }
  };
  /**
   * A pipeline of commands whose words are final, each with its
   * redirections (`expand` gives their words' values): a redirection that
   * fails (`< missing.yaml`) fails its command, which does not run.
   */
  const runStages = (stages: string[][], redirects: readonly (readonly Redirect[])[], expand: (word: readonly Part[]) => string, sink: OutputSink): Execution => {
    const io = stages.map((_, k) => applyRedirects(redirects[k] ?? [], expand, env.files));
    // One command, no filter: no pipeline to build (a failed redirection fails it, as the pipeline would).
    if (stages.length === 1 && !FILTERS.some((f) => f.name === stages[0][0])) {
      const r = io[0];
      if (!('error' in r)) return runCommand(stages[0], r.stdin, redirectedSink(r, sink), false, r.stdout === 'out');
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    try {
      return new Pipeline(env, stages, io, sink, (words, stdin, out) => runCommand(words, stdin, out, true));
    } catch (e) {
      sink.stderr(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
      return finished(1);
    }
  };
  /** Runs a line: as typed when it has no expansion, else through `LineRun` (substitutions, variables, assignments); a loop or an if through `SequenceRun`. */
  const runLine = (line: string, sink: OutputSink): Execution => {
    const tokens = tokenize(line);
    const { stages, parts, list, redirects, expands, error, warning } = tokens;
    if (error) {
      sink.stderr(`${error}\n`);
      return finished(2);
    }
    const compound = parseCompound(tokens);
    if (compound !== undefined && 'error' in compound) {
      sink.stderr(`${compound.error}\n`);
      return finished(2);
    }
    // A loop, an if, or a list (`a && b; c`): each pipeline a line of its own, so its expansions see the variables set before it.
    const nodes = compound?.nodes ?? (list.length > 1 ? list.map((item) => ({ kind: 'simple' as const, text: item.text, op: item.op, negate: false })) : undefined);
    if (nodes !== undefined) return new SequenceRun(nodes, { host: compoundHost, sink, loops: 0, input: loopInput }).begin();
    // A list's pipelines say their own warnings when they run.
    if (warning) sink.stderr(`${warning}\n`);
    if (stages[0].length === 0 && redirects[0].length === 0) return finished(0);
    if (!expands && !parts.some((stage) => stage.length > 0 && assignmentOf(stage[0]) !== undefined)) return runStages(stages, redirects, literalText, sink);
    return new LineRun({ vars, runLine, runStages }, parts, redirects, sink);
  };
  const compoundHost: CompoundHost = {
    vars,
    runLine: (line, sink, input) => {
      // `read` in the line takes its input from the stream a pipe feeds the loop with.
      const outer = loopInput;
      loopInput = input;
      try {
        return runLine(line, sink);
      } finally {
        loopInput = outer;
      }
    },
    // The words as a command's arguments would be expanded, after a first word that keeps them from reading as assignments.
    expandWords: (words, sink, then) =>
      new LineRun(
        {
          vars,
          runLine,
          runStages: (stages) => {
            then(stages[0].slice(1));
            return finished(0);
          },
        },
        [[[{ kind: 'text', text: 'for', quoted: false }], ...words]],
        [[]],
        sink,
      ),
    runTail: (tail, start, sink) => {
      // The compound is the pipeline's first command (so it streams into `| grep`, and `> file` or `2>&1` apply to it).
      const word = `\u0000compound-${++compoundsStarted}`;
      compoundsPiped.set(word, start);
      return afterwards(runLine(`${word} ${tail}`, sink), () => compoundsPiped.delete(word));
    },
    runHead: (head, start, sink) => PipedInto.run((write, closed) => runLine(head, { stdout: write, stderr: (t) => sink.stderr(t), closed }), start),
    round: (sink) => {
      if (++roundsSinceWait <= MAX_ROUNDS_WITHOUT_WAITING) return true;
      if (roundsSinceWait === MAX_ROUNDS_WITHOUT_WAITING + 1) sink.stderr(`kubeplay: stopped the loop after ${MAX_ROUNDS_WITHOUT_WAITING} rounds that never waited: a loop that never lets the page go on would hang it (put a sleep in it)\n`);
      return false;
    },
  };
  /** The command typed, whose every poll by the page is a wait: its loops' round budget starts again. */
  const waited = (exec: Execution): Execution => beforePoll(exec, () => (roundsSinceWait = 0));
  /** A shell open in a container (`kubectl exec -it POD -- sh`): the lines typed at the prompt go to it. */
  let attached: ShellHandle | undefined;
  /** How the attached session ends (`kubectl run -it`: the pod's end), when not as kubectl exec's. */
  let detach: Execution['detach'];
  /** Whether the line running came from a button (a lesson's solution): nobody types into a shell it opens. */
  let fromUi = false;
  /** Whether a background job (`COMMAND &`) is starting: a shell it opens does not take the terminal either. */
  let startingJob = false;
  /** A command that opens a shell in a container (at once, or once it has waited: `kubectl run -it`): the next lines go to it. */
  const noticeAttach = (exec: Execution): Execution => {
    // A button's command, or a background job's (bash stops a job that reads the terminal), takes no terminal.
    const ui = fromUi || startingJob;
    const take = () => {
      if (!exec.attach || ui) return;
      attached = exec.attach;
      detach = exec.detach;
    };
    if (exec.done) {
      take();
      return exec;
    }
    return afterwards(exec, take);
  };
  /** The attached session is over with `code`: the status the line ends with. */
  const sessionEnded = (session: ShellHandle, code: number, sink: OutputSink): number => {
    if (attached !== session) return code;
    attached = undefined;
    const end = detach;
    detach = undefined;
    if (end) return end(code, sink);
    if (code !== 0) sink.stderr(`command terminated with exit code ${code}\n`);
    return code;
  };
  /** `COMMAND &`: one command (a pipeline, an `&&`/`||` chain, a loop) started as a background job; the line itself is done at once. */
  const startJob = (command: string, sink: OutputSink): Execution => {
    const t = tokenize(command);
    const compound = parseCompound(t);
    if (compound === undefined ? t.list.some((item) => item.op === ';') : 'nodes' in compound && compound.nodes.length > 1) {
      sink.stderr('kubeplay: only the last command of a line can run in the background here (COMMAND &): type the commands before it on a line of their own\n');
      return finished(2);
    }
    startingJob = true;
    try {
      jobs.start(command, (out) => waited(runLine(command, out)), sink);
    } finally {
      startingJob = false;
    }
    vars.lastJob = jobs.lastPid;
    vars.status = 0;
    return finished(0);
  };
  return {
    run(line: string, sink: OutputSink, options?: { source?: 'prompt' | 'ui' }): Execution {
      fromUi = options?.source === 'ui';
      if (attached && !fromUi) {
        const session = attached;
        const r = runContainerLine(env.cluster, session, line, sink, (code) => sessionEnded(session, code, sink));
        if (!('ok' in r)) return afterwards(r, (code) => (vars.status = code));
        // Its container stopped: the session was over, and the line is the terminal's.
        attached = undefined;
        detach = undefined;
      }
      roundsSinceWait = 0;
      jobs.ranLine();
      const background = line.includes('&') ? tokenize(line).background : undefined;
      if (background !== undefined) return startJob(line.slice(0, background).trim(), sink);
      return waited(afterwards(runLine(line, sink), (code) => (vars.status = code)));
    },
    jobs: () => jobs.live(),
    namespace: () => env.kubeconfig?.namespace() ?? 'default',
    // Away from home the prompt says where it is, as bash's \w does (`~/overlays/dev $ `).
    prompt: () => (attached ? containerPrompt(attached) : workspace.cwd === '' ? undefined : `~/${workspace.cwd} $ `),
    complete(line: string, cursor: number): string[] {
      // Inside a container's shell the words are the container's (its commands and files), not kubectl's.
      return attached ? attached.shell.complete(line, cursor) : completeLine(env, line, cursor, () => jobs.live());
    },
    swarm: () => existingSwarm(env.cluster),
    variables: vars,
    workspace,
  };
}
