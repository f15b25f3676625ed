import type { CommandSpec } from './command';
import type { FlagSpec } from './flags';

/**
 * Renders `kubectl … --help` as kubectl's templater does
 * (`pkg/util/templates/templates.go` MainHelpTemplate + MainUsageTemplate,
 * `help_flags_printer.go`), for output that is not a terminal (no wrapping).
 */

/** One flag as the help flag printer writes it. */
export function flagUsage(f: FlagSpec): string {
  const def = f.default ?? defaultFor(f);
  const value = f.type === 'string' && f.valueType === undefined ? `'${def}'` : def;
  const head = f.shorthand ? `    -${f.shorthand}, --${f.name}=${value}:` : `    --${f.name}=${value}:`;
  const usage = f.usage.split('\n').join(' ');
  return `${head}\n\t${usage}${f.deprecated ? ` (DEPRECATED: ${f.deprecated})` : ''}\n\n`;
}

function defaultFor(f: FlagSpec): string {
  switch (f.type) {
    case 'bool':
      return 'false';
    case 'int':
    case 'int32':
      return '0';
    case 'duration':
      return '0s';
    case 'stringSlice':
    case 'stringArray':
      return '[]';
    default:
      return '';
  }
}

/** `flagsUsages` of visible flags, sorted by name as pflag visits them. */
export function flagsUsages(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden && !f.deprecated && f.name !== 'help')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(flagUsage)
    .join('');
}

/** `cobra.Command.UseLine()` (` [flags]` unless the command sets DisableFlagsInUseLine) plus kubectl's ` [options]` suffix. */
export function usageLine(cmd: CommandSpec): string {
  const parents = cmd.path.slice(0, -1);
  let use = cmd.path.length === 0 ? 'kubectl' : ['kubectl', ...parents, cmd.use].join(' ');
  if (cmd.path.length === 0 || cmd.flagsInUseLine) use += ' [flags]';
  if (!use.includes('[options]')) use += ' [options]';
  return use;
}

export interface HelpGroup {
  message: string;
  commands: readonly CommandSpec[];
}

/** Subcommand list as `cmdGroupsString` prints it (names padded to max(11, longest) + 3). */
export function commandGroupsString(groups: readonly HelpGroup[], siblings: readonly CommandSpec[]): string {
  const pad = Math.max(11, ...siblings.map((c) => c.path[c.path.length - 1].length));
  return groups
    .map((g) => [g.message, ...g.commands.map((c) => `  ${c.path[c.path.length - 1].padEnd(pad)}   ${c.short}`)].join('\n'))
    .join('\n\n');
}

/** The full help text of `cmd` (ends with a newline). */
export function renderHelp(cmd: CommandSpec, children: readonly CommandSpec[], groups?: readonly HelpGroup[]): string {
  let out = (cmd.long ?? cmd.short).trim();
  const runnable = cmd.run !== undefined;
  if (!runnable && children.length === 0) return `${out}\n`;
  out += '\n\n';
  if (cmd.aliases && cmd.aliases.length > 0) out += `Aliases:\n${[cmd.path[cmd.path.length - 1], ...cmd.aliases].join(', ')}\n\n`;
  if (cmd.example) out += `Examples:\n${cmd.example.trimEnd()}\n\n`;
  if (children.length > 0) out += `${commandGroupsString(groups ?? [{ message: 'Available Commands:', commands: children }], children)}\n\n`;
  const flags = flagsUsages(cmd.flags);
  if (flags) out += `Options:\n${flags.trimEnd()}\n\n`;
  if (runnable || cmd.path.length === 0) out += `Usage:\n  ${usageLine(cmd)}\n\n`;
  if (children.length > 0) out += `Use "${['kubectl', ...cmd.path].join(' ')} <command> --help" for more information about a given command.\n`;
  if (runnable || cmd.path.length === 0) out += `Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return out.trimEnd() + '\n';
}
