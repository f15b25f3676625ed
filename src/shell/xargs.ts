import { finished, WaitingExecution } from './execution';
import { parseOptions } from '../lib/filters/filter';
import type { RunCommand } from './pipeline';
import type { Execution, OutputSink } from './types';

/** xargs's input items: blank-separated words; quotes and backslashes group them, as GNU xargs reads them. */
function items(text: string): string[] {
  const out: string[] = [];
  const re = /(?:'[^']*'|"[^"]*"|\\.|[^\s'"\\])+/g;
  for (const m of text.matchAll(re)) out.push(m[0].replace(/'([^']*)'|"([^"]*)"|\\(.)/g, (_, a, b, c) => a ?? b ?? c));
  return out;
}

/**
 * `xargs [-r] [-n N] [-I R] [COMMAND [ARG]…]` (GNU): runs COMMAND (echo by
 * default) with the words read from the pipe appended (`kubectl get pods -o
 * name | xargs kubectl delete`), at most N at a time with -n, or once per
 * input line with each R in the arguments replaced by it (-I). The runs are
 * one after the other; the status is 123 when a run failed, 127 when the
 * command does not exist, as GNU xargs reports.
 */
export function runXargs(args: readonly string[], stdin: string | undefined, sink: OutputSink, runCommand: RunCommand): Execution {
  // Options end at the first word that is not one (the command and its own flags follow).
  const firstCommand = args.findIndex((a, i) => !a.startsWith('-') && !['-n', '-I', '-L'].includes(args[i - 1] ?? ''));
  const optionWords = firstCommand < 0 ? args : args.slice(0, firstCommand);
  const parsed = parseOptions('xargs', optionWords, { flags: 'rt', withValue: 'nIL', long: { 'no-run-if-empty': { key: 'r', value: false }, 'max-args': { key: 'n', value: true }, replace: { key: 'I', value: true }, verbose: { key: 't', value: false } } });
  if ('error' in parsed) {
    sink.stderr(`${parsed.error}Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
    return finished(1);
  }
  if (stdin === undefined) {
    sink.stderr('xargs: reading standard input from the terminal is not simulated; pipe into it (kubectl get pods -o name | xargs …)\n');
    return finished(1);
  }
  const command = firstCommand < 0 ? ['echo'] : args.slice(firstCommand);
  const opt = (k: string) => parsed.opts.filter((o) => o.key === k).pop()?.value;
  const replace = opt('I');
  const maxArgs = opt('n') ?? opt('L');
  if (maxArgs !== undefined && !/^[1-9]\d*$/.test(maxArgs)) {
    sink.stderr(`xargs: invalid number "${maxArgs}" for -${opt('n') !== undefined ? 'n' : 'L'} option\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
    return finished(1);
  }
  const runs: string[][] = [];
  if (replace !== undefined) {
    for (const line of stdin.split('\n').map((l) => l.trim()).filter((l) => l !== '')) runs.push(command.map((w) => w.split(replace).join(line)));
  } else {
    const words = items(stdin);
    const size = maxArgs === undefined ? Math.max(1, words.length) : Number(maxArgs);
    for (let i = 0; i < words.length; i += size) runs.push([...command, ...words.slice(i, i + size)]);
    if (words.length === 0 && !parsed.opts.some((o) => o.key === 'r')) runs.push([...command]);
  }
  const verbose = parsed.opts.some((o) => o.key === 't');
  let status = 0;
  let current: Execution | undefined;
  let next = 0;
  const step = (): number | undefined => {
    for (;;) {
      if (current && !current.poll()) return undefined;
      if (current) {
        const code = current.exitCode ?? 0;
        if (code === 127) return 127;
        if (code !== 0) status = 123;
      }
      if (next >= runs.length) return status;
      if (verbose) sink.stderr(`${runs[next].join(' ')}\n`);
      current = runCommand(runs[next++], undefined, sink);
    }
  };
  const exec = new WaitingExecution({
    check: step,
    dispose: () => {
      if (current && !current.done) current.cancel();
    },
    wakeAt: () => current?.wakeAt,
    get deadline() {
      return current?.deadline;
    },
  });
  exec.poll();
  return exec;
}
