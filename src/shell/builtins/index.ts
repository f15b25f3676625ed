import { parseDuration } from '../../lib/duration';
import { finished, WaitingExecution } from '../execution';
import { FILTERS } from '../filters/index';
import { FILE_COMMANDS } from '../files/fileCommands';
import { HOME } from '../files/paths';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import { PRINTF } from './printf';
import { SEQ } from './seq';
import { BRACKET, COLON, FALSE, TEST, TRUE } from './test';

/**
 * The shell's own commands: `sleep`, `echo`, `printf`, `clear`, `help`,
 * and for loops and conditions `seq`, `test`/`[`, `true`, `false`.
 * `clear` writes the ANSI sequence `clear` writes on a real terminal
 * (`CLEAR_SCREEN`); xterm clears itself, other hosts can look for it.
 */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export interface Builtin {
  name: string;
  /** How it is called, for its line in `help` (empty: another builtin's line covers it). */
  usage: string;
  /** What it does, after its usage in `help`. */
  summary: string;
  run(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution;
}

/** GNU sleep's units (s, m, h, d) plus Go durations like `1m30s`. */
function sleepMs(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (m) return Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const d = parseDuration(arg);
  return d !== undefined && d >= 0 ? d : undefined;
}

const sleep: Builtin = {
  name: 'sleep',
  usage: 'sleep DURATION',
  summary: 'let virtual time pass (e.g. sleep 30s, sleep 2m)',
  run(env, args, sink) {
    if (args.length === 0) {
      sink.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return finished(1);
    }
    let total = 0;
    for (const a of args) {
      const ms = sleepMs(a);
      if (ms === undefined) {
        sink.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
        return finished(1);
      }
      total += ms;
    }
    const until = env.cluster.now() + total;
    const exec = new WaitingExecution({ deadline: until, check: () => (env.cluster.now() >= until ? 0 : undefined), wakeAt: () => until });
    exec.poll();
    return exec;
  },
};

const echo: Builtin = {
  name: 'echo',
  usage: 'echo TEXT…',
  summary: 'print text',
  run(_env, args, sink) {
    const noNewline = args[0] === '-n';
    const words = noNewline ? args.slice(1) : args;
    sink.stdout(words.join(' ') + (noNewline ? '' : '\n'));
    return finished(0);
  },
};

const clear: Builtin = {
  name: 'clear',
  usage: 'clear',
  summary: 'clear the terminal screen',
  run(_env, _args, sink) {
    sink.stdout(CLEAR_SCREEN);
    return finished(0);
  },
};

const help: Builtin = {
  name: 'help',
  usage: 'help',
  summary: 'this list',
  run(_env, _args, sink) {
    sink.stdout(
      [
        'Commands you can type here:',
        ...[
          ['kubectl …', 'the Kubernetes CLI (try: kubectl --help)'],
          ['kubeplay …', 'playground actions no real CLI has (try: kubeplay help)'],
          ['docker …', 'Docker Swarm beside the cluster: service, node (try: docker --help)'],
          ['curl URL', 'from your own machine: localhost:PORT (kubectl port-forward svc/web 8080:80 &), NODE_IP:NODE_PORT'],
          ...BUILTINS.filter((b) => b.usage !== '').map((b) => [b.usage, b.summary]),
          ['watch [-n SECS] [-d] COMMAND', 'run it every SECS (2) seconds of virtual time, the screen redrawn (-d: changes marked), until Ctrl+C'],
        ].map(([usage, summary]) => `  ${usage.padEnd(24)} ${summary}`),
        '',
        `Files and folders: the editor's files live in ${HOME}, where the prompt starts:`,
        ...[['ls [-l -a -R -1 -F] [PATH…]', 'list files and folders'], ...[...FILE_COMMANDS.values()].map((c) => [c.usage, c.summary])].map(([usage, summary]) => `  ${usage.padEnd(28)} ${summary}`),
        '',
        "Pipes: '|' sends a command's output to the next one (kubectl get pods | grep web),",
        'and these filters read it (or a file of the editor), as their GNU versions do:',
        ...FILTERS.map((f) => `  ${f.usage.padEnd(34)} ${f.summary}`),
        `  ${'xargs [-n N | -I R] COMMAND…'.padEnd(34)} run COMMAND with the words read (kubectl get pods -o name | xargs kubectl delete)`,
        'kubectl apply|create|replace -f - reads the pipe.',
        '',
        'Variables, as in bash:',
        "  POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')",
        '  kubectl delete pod $POD',
        '  $NAME ${NAME} ${NAME:-default} ${NAME:=default} ${NAME:?message} ${#NAME} $? $(command) `command` $((N * 2 + 1));',
        '  ${P#pod/} ${P%-*} (remove a prefix, a suffix; ## and %% the longest), ${V/old/new} ${V//old/new}, ${V:0:5}, ${V^^} ${V,,};',
        '  export NAME=value; unset NAME',
        '',
        'Lists, as in bash: a && b runs b if a succeeded, a || b if it failed, a; b both',
        '  (kubectl apply -f web.yaml && kubectl rollout status deployment/web).',
        '',
        'Background jobs, as in bash: COMMAND & runs it while the prompt goes on ([1] 1001; [1]+  Done … when it ends):',
        '  kubectl get pods -w &    jobs [-l|-p]    kill [-9] %1    wait [%1]    fg [%1] (then Ctrl+C stops it)',
        '',
        'Here-documents and redirections, as in bash:',
        '  kubectl apply -f - <<EOF      the lines up to EOF are its input (the prompt shows > for each);',
        "                                <<-EOF strips leading tabs, <<'EOF' expands nothing in them",
        '  grep web <<< "$POD"           a here-string: the word is the input',
        '  kubectl apply -f - < web.yaml  a file of the editor is the input',
        '  kubectl get deploy web -o yaml > web.yaml   writes a file of the editor (>> appends); it opens there',
        '  2>/dev/null  >/dev/null  &>/dev/null  2>&1  >&2',
        '',
        'Loops and conditions, as in bash (typed over several lines, the prompt shows > until done or fi):',
        '  for p in $(kubectl get pods -o name); do kubectl delete $p; done',
        '  while true; do kubectl get pods; sleep 2; done          (Ctrl+C stops it)',
        '  until kubectl get pod web; do sleep 1; done',
        '  if kubectl get deploy web; then echo found; else echo missing; fi',
        '  kubectl get pods -o name | while read p; do kubectl describe $p | head -3; done',
        '  for i in $(seq 1 5); do echo $i; done | sort -r     (a whole loop piped or redirected)',
        '  break, continue, ! CMD; a loop that never waits is stopped after 10000 rounds',
        '',
        'A shell in a container: kubectl exec -it POD -- sh (or bash); the next lines run in it, until exit or Ctrl+D.',
        '',
        "Not simulated: '&' (background jobs), case, functions, read from the keyboard and assignment inside $((…)).",
        '',
      ].join('\n'),
    );
    return finished(0);
  },
};

/** The builtins, in the order `help` lists them. */
export const BUILTINS: readonly Builtin[] = [sleep, echo, PRINTF, SEQ, TEST, BRACKET, TRUE, FALSE, COLON, clear, help];
