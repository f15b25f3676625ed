import { finished } from './execution';
import { isName } from './expansion';
import type { Execution, OutputSink } from './types';

/**
 * The shell's variables (`POD=web-1`, `export NS=demo`) and `$?`. This
 * terminal runs no processes, so exporting only marks a variable for
 * `export -p`; every command sees the same values.
 */
export class ShellVariables {
  private readonly values = new Map<string, string>();
  private readonly exported = new Set<string>();
  /** `$?`: the exit status of the last command line. */
  status = 0;
  /** `$!`: the process id of the newest background job. */
  lastJob: number | undefined;
  /** The variables bash keeps up to date itself (`HOME`, `PWD`, `OLDPWD`, `USER`): asked when no value was set. */
  environment: ((name: string) => string | undefined) | undefined;

  /** A variable's value, or a special parameter's (`$?`, `$$`, `$0`, …); undefined when unset. */
  get(name: string): string | undefined {
    if (name === '?') return String(this.status);
    // The shell's process id, which this terminal does not have: a fixed number, as a script would see one.
    if (name === '$') return '1';
    if (name === '0') return 'bash';
    if (name === '#') return '0';
    if (name === '-') return 'hB';
    if (name === '!') return this.lastJob === undefined ? undefined : String(this.lastJob);
    if (name === '@' || name === '*' || /^[1-9]$/.test(name)) return undefined;
    return this.values.get(name) ?? this.environment?.(name);
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  unset(name: string): void {
    this.values.delete(name);
    this.exported.delete(name);
  }

  /** Takes every variable, export mark and `$?` of `other` (a replayed link's shell, whose session the page goes on with). */
  copyFrom(other: ShellVariables): void {
    this.values.clear();
    this.exported.clear();
    for (const [k, v] of other.values) this.values.set(k, v);
    for (const k of other.exported) this.exported.add(k);
    this.status = other.status;
    this.lastJob = other.lastJob;
  }

  /** `export NAME[=value]`. */
  export(name: string, value?: string): void {
    if (value !== undefined) this.values.set(name, value);
    this.exported.add(name);
  }

  /** `export -n NAME`: still set, no longer exported. */
  unexport(name: string): void {
    this.exported.delete(name);
  }

  /** `export -p`: the exported variables as bash lists them (sorted, `declare -x`). */
  exportedLines(): string[] {
    return [...this.exported].sort().map((n) => {
      const v = this.values.get(n);
      return v === undefined ? `declare -x ${n}` : `declare -x ${n}="${v.replace(/(["\\$`])/g, '\\$1')}"`;
    });
  }
}

/** bash's `export`: `export NAME=value…`, `export NAME…`, `export`/`export -p` (list), `export -n NAME` (un-export). */
export function runExport(vars: ShellVariables, args: readonly string[], sink: OutputSink): Execution {
  const unexport = args.includes('-n');
  const list = args.filter((a) => a !== '-p' && a !== '-n');
  if (list.length === 0) {
    const lines = vars.exportedLines();
    if (lines.length) sink.stdout(`${lines.join('\n')}\n`);
    return finished(0);
  }
  let code = 0;
  for (const a of list) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      sink.stderr(`bash: export: \`${a}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    if (eq >= 0) vars.set(name, a.slice(eq + 1));
    if (unexport) vars.unexport(name);
    else vars.export(name);
  }
  return finished(code);
}

/** bash's `unset NAME…` (`-v` accepted). */
export function runUnset(vars: ShellVariables, args: readonly string[], sink: OutputSink): Execution {
  let code = 0;
  for (const a of args) {
    if (a === '-v') continue;
    if (!isName(a)) {
      sink.stderr(`bash: unset: \`${a}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    vars.unset(a);
  }
  return finished(code);
}
