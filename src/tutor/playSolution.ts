import type { SolutionAction } from './types';

/** What a host does for a solution: run a command visibly (waiting until it is done), write an editor file. */
export interface SolutionHost {
  run(line: string): Promise<{ stdout: string; exitCode: number }>;
  writeFile(name: string, content: string): Promise<void> | void;
}

/** A solution that could not be played to the end. */
export class SolutionError extends Error {}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * `$NAME` and `${NAME}` in `line` replaced by captured values, as the shell
 * would expand them. Throws SolutionError for a name never captured.
 * @example expandVariables('kubectl delete pod $POD', new Map([['POD', 'web-1']])) // 'kubectl delete pod web-1'
 */
export function expandVariables(line: string, vars: ReadonlyMap<string, string>): string {
  return line.replace(VARIABLE, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = vars.get(name);
    if (value === undefined) throw new SolutionError(`$${name} is used before a line ${name}=$(…) sets it`);
    return value;
  });
}

/**
 * Plays a step's solution in order through `host`: files are written,
 * commands run (with `$NAME` expanded), and `NAME=$(command)` runs the
 * command and keeps its trimmed output. A capture that fails or prints
 * nothing stops the solution with a SolutionError (later lines would act on
 * nothing). Returns the commands as run.
 */
export async function playSolution(actions: readonly SolutionAction[], host: SolutionHost): Promise<string[]> {
  const vars = new Map<string, string>();
  const ran: string[] = [];
  for (const a of actions) {
    if (a.type === 'file') {
      await host.writeFile(a.name, a.content);
      continue;
    }
    const line = expandVariables(a.type === 'command' ? a.line : a.command, vars);
    ran.push(line);
    const r = await host.run(line);
    if (a.type === 'capture') {
      const value = r.stdout.trim();
      if (r.exitCode !== 0 || value === '') throw new SolutionError(`${a.variable}=$(${line}) gave nothing (exit ${r.exitCode})`);
      vars.set(a.variable, value);
    }
  }
  return ran;
}
