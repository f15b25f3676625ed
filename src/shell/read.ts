import { finished, WaitingExecution } from './execution';
import type { LineStream } from './lineStream';
import type { Execution, OutputSink } from './types';
import type { ShellVariables } from './variables';

/** Where `read` takes its line from: the command's own input (`<<<`, a pipe), or the stream a pipe feeds a loop with. */
export interface ReadSource {
  stdin: string | undefined;
  stream: LineStream | undefined;
  /** In a pipeline's stage (`echo a | read x`): a subshell in bash, whose variables vanish with it. */
  subshell: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NO_INPUT =
  'read: reading what is typed at the prompt is not simulated: give it input (kubectl get pods -o name | while read p; do …; done, or read X <<< "text")';

/** One line, split into `names` as bash's read does with the default IFS; the last name takes the rest. */
function assign(vars: ShellVariables, names: readonly string[], line: string): void {
  if (names.length === 0) {
    vars.set('REPLY', line);
    return;
  }
  let rest = line.replace(/^[ \t\n]+/, '');
  names.forEach((name, i) => {
    if (i === names.length - 1) {
      vars.set(name, rest.replace(/[ \t\n]+$/, ''));
      return;
    }
    const m = /^([^ \t\n]*)[ \t\n]*/.exec(rest)!;
    vars.set(name, m[1]);
    rest = rest.slice(m[0].length);
  });
}

/** Without -r a backslash escapes the next character (and is removed). */
function unescape(line: string): string {
  return line.replace(/\\(.)/g, '$1').replace(/\\$/, '');
}

/**
 * `read [-r] [-p PROMPT] [NAME…]`, as bash's builtin: one line of input
 * into the names (split by blanks, the last one taking the rest; REPLY
 * without names), status 0, or 1 at the end of the input. In a loop a pipe
 * feeds, it waits for the writer's next line.
 */
export function runRead(vars: ShellVariables, args: readonly string[], source: ReadSource, sink: OutputSink): Execution {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (names.length === 0 && /^-[rse]+$/.test(a)) raw ||= a.includes('r');
    else if (names.length === 0 && a === '-p') i++;
    else if (names.length === 0 && a.startsWith('-') && a !== '-') {
      sink.stderr(`read: ${a}: not simulated (read takes -r, -p PROMPT and names)\n`);
      return finished(2);
    } else if (!NAME.test(a)) {
      sink.stderr(`read: \`${a}': not a valid identifier\n`);
      return finished(1);
    } else names.push(a);
  }
  const target = source.subshell ? undefined : vars;
  const done = (got: { line: string; complete: boolean } | undefined): number => {
    const line = got?.line ?? '';
    if (target) assign(target, names, raw ? line : unescape(line));
    return got?.complete ? 0 : 1;
  };
  if (source.stdin !== undefined) {
    const eol = source.stdin.indexOf('\n');
    return finished(done(eol >= 0 ? { line: source.stdin.slice(0, eol), complete: true } : source.stdin === '' ? undefined : { line: source.stdin, complete: false }));
  }
  const stream = source.stream;
  if (stream === undefined) {
    sink.stderr(`${NO_INPUT}\n`);
    return finished(1);
  }
  if (stream.ready()) return finished(done(stream.take()));
  const exec = new WaitingExecution({ check: () => (stream.ready() ? done(stream.take()) : undefined) });
  exec.poll();
  return exec;
}
